import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  COMPONENT_IDS,
  getComponent,
  type ComponentId,
} from '../../../../src/shared/constants/components';
import { renderFluxTree, type FluxFile } from '../../../../src/shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { zipFiles } from '../../../../src/shared/lib/zip';
import { chosenArb, validDraft } from '../manifest-fixtures';
import { crdProblems, loadCrdValidators } from './crd-validator';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, checked by the assertions
  spec: Record<string, any>;
};

const GOLDEN = path.resolve(__dirname, '__golden__');

function treeFor(
  chosen: readonly ComponentId[],
  tweak?: (d: ReturnType<typeof validDraft>) => void,
): FluxFile[] {
  const d = validDraft();
  d.components.chosen = [...chosen];
  tweak?.(d);
  return renderFluxTree(buildManifest(d));
}

const CASES: Record<string, FluxFile[]> = {
  minimal: treeFor([]),
  default: treeFor(validDraft().components.chosen),
  full: treeFor(COMPONENT_IDS),
};

const objectsOf = (tree: FluxFile[]): Obj[] =>
  tree
    .filter((f) => f.path.endsWith('.yaml'))
    .map((f) => parse(f.content) as Obj)
    .filter((o) => o.metadata);

function golden(name: string, tree: FluxFile[]): void {
  const text = tree.map((f) => `=== ${f.path}\n${f.content}`).join('\n');
  const file = path.join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`missing ${file}: run with UPDATE_GOLDEN=1`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

let validators: ReturnType<typeof loadCrdValidators>;
beforeAll(() => {
  validators = loadCrdValidators();
});

describe('renderFluxTree', () => {
  it.each(['minimal', 'full'])(
    'matches the %s golden tree (UPDATE_GOLDEN=1 rewrites it)',
    (name) => {
      golden(name, CASES[name]!);
    },
  );

  it.each(Object.keys(CASES))(
    'validates every Flux object of the %s tree against the CRDs',
    (name) => {
      const objects = objectsOf(CASES[name]!).filter((o) => o.apiVersion.includes('fluxcd.io'));
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects)
        expect(crdProblems(validators, o), `${o.kind} ${o.metadata.name}`).toEqual([]);
    },
  );

  it('the CRD check rejects broken objects (so a pass means something)', () => {
    const release = objectsOf(CASES.minimal!).find((o) => o.kind === 'HelmRelease')!;
    const broken = {
      ...release,
      spec: { ...release.spec, interval: 'soon', install: { createNamespace: 'yes' } },
    };
    const text = crdProblems(validators, broken).join('\n');
    expect(text).toMatch(/interval/);
    expect(text).toMatch(/createNamespace/);
    expect(crdProblems(validators, { ...release, metadata: { name: 'Bad_Name' } })).toHaveLength(2);
    expect(
      crdProblems(validators, { ...release, apiVersion: 'helm.toolkit.fluxcd.io/v9' }),
    ).toEqual(['no CRD for helm.toolkit.fluxcd.io/v9 HelmRelease']);
  });

  it('validates the Flux objects of random selections against the CRDs', () => {
    fc.assert(
      fc.property(chosenArb, (chosen) => {
        for (const o of objectsOf(treeFor(chosen)).filter((x) =>
          x.apiVersion.includes('fluxcd.io'),
        ))
          expect(crdProblems(validators, o)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('sets exactly one of chart and chartRef on each HelmRelease (the CRD CEL rule ajv cannot check)', () => {
    for (const o of objectsOf(CASES.full!).filter((x) => x.kind === 'HelmRelease'))
      expect(Boolean(o.spec.chart) !== Boolean(o.spec.chartRef)).toBe(true);
  });

  it.each(Object.keys(CASES))('%s: every reference names an object or file in the tree', (name) => {
    const tree = CASES[name]!;
    const objects = objectsOf(tree);
    const has = (kind: string, n: string) =>
      objects.some((o) => o.kind === kind && o.metadata.name === n);
    for (const o of objects) {
      if (o.kind === 'HelmRelease') {
        for (const d of o.spec.dependsOn ?? [])
          expect(has('HelmRelease', d.name), `${o.metadata.name} → ${d.name}`).toBe(true);
        const ref = o.spec.chartRef ?? o.spec.chart.spec.sourceRef;
        expect(has(ref.kind, ref.name)).toBe(true);
      }
      if (o.apiVersion.startsWith('kustomize.toolkit')) {
        for (const d of o.spec.dependsOn ?? []) expect(has('Kustomization', d.name)).toBe(true);
        expect(has('GitRepository', o.spec.sourceRef.name)).toBe(true);
        expect(tree.some((f) => f.path.startsWith(`${o.spec.path.slice(2)}/`))).toBe(true);
      }
    }
    for (const f of tree.filter((x) => x.path.endsWith('kustomization.yaml'))) {
      const dir = path.posix.dirname(f.path);
      for (const r of (parse(f.content) as { resources: string[] }).resources)
        expect(
          tree.some((x) => x.path === `${dir}/${r}`),
          `${f.path} lists ${r}`,
        ).toBe(true);
    }
  });

  it.each(Object.keys(CASES))(
    '%s: installs every component after all of its charted dependencies',
    (name) => {
      const releases = new Map(
        objectsOf(CASES[name]!)
          .filter((o) => o.kind === 'HelmRelease')
          .map((o) => [o.metadata.name, o]),
      );
      const closure = (id: string, seen = new Set<string>()): Set<string> => {
        for (const d of releases.get(id)?.spec.dependsOn ?? [])
          if (!seen.has(d.name)) closure(d.name, seen.add(d.name));
        return seen;
      };
      const catalogDeps = (id: ComponentId, seen = new Set<ComponentId>()): Set<ComponentId> => {
        for (const d of getComponent(id).dependsOn) if (!seen.has(d)) catalogDeps(d, seen.add(d));
        return seen;
      };
      for (const id of releases.keys()) {
        const needed = [...catalogDeps(id as ComponentId)].filter((d) => releases.has(d));
        const waits = closure(id);
        for (const d of needed) expect(waits.has(d), `${id} must wait for ${d}`).toBe(true);
      }
    },
  );

  it('category Kustomizations depend on each other acyclically, and only across cycles-free edges', () => {
    const ks = objectsOf(CASES.full!).filter((o) => o.apiVersion.startsWith('kustomize.toolkit'));
    const edges = new Map(
      ks.map((k) => [
        k.metadata.name,
        (k.spec.dependsOn ?? []).map((d: { name: string }) => d.name),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string): void => {
      expect(state.get(n)).not.toBe('open');
      if (state.get(n) === 'done') return;
      state.set(n, 'open');
      for (const m of edges.get(n) ?? []) visit(m);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n);
    expect(edges.get('workplace')).toEqual(expect.arrayContaining(['security']));
  });

  it('lists every installed component without a chart in NOT-PACKAGED.md', () => {
    const m = buildManifest({ ...validDraft(), components: { chosen: [...COMPONENT_IDS] } });
    const text = CASES.full!.find((f) => f.path.endsWith('NOT-PACKAGED.md'))!.content;
    const releases = objectsOf(CASES.full!)
      .filter((o) => o.kind === 'HelmRelease')
      .map((o) => o.metadata.name);
    for (const c of m.spec.components) {
      if (c.version === null) expect(text).toContain(`| ${c.id} (`);
      else expect(releases).toContain(c.id);
    }
  });

  it('puts each release in its catalog namespace and creates it', () => {
    for (const o of objectsOf(CASES.full!).filter((x) => x.kind === 'HelmRelease')) {
      expect(o.spec.targetNamespace).toBe(getComponent(o.metadata.name as ComponentId).namespace);
      expect(o.spec.install.createNamespace).toBe(true);
    }
  });

  it("carries the wizard's settings in the values", () => {
    const tree = treeFor(['velero', 'loki'], (d) => {
      d.storage.seaweedfs.volumeReplicas = 7;
      d.storage.seaweedfs.volumeSizeGi = 250;
      d.dns.luaPolicy = 'weighted-canary';
      d.dns.dnssec = false;
      d.dns.tlsIssuer = 'letsencrypt';
    });
    const release = (id: string) =>
      objectsOf(tree).find((o) => o.kind === 'HelmRelease' && o.metadata.name === id)!.spec.values;
    expect(release('seaweedfs').volume).toMatchObject({
      replicas: 7,
      dataDirs: [{ size: '250Gi' }],
    });
    expect(release('seaweedfs').catalyst.tiers.cold).toMatchObject({ backend: 'cloudflare-r2' });
    expect(release('powerdns').catalyst).toMatchObject({
      zone: 'acme.omani.works',
      luaRecords: { policy: 'weighted-canary', kind: 'pickwhashed' },
      dnssec: { enabled: false },
    });
    expect(release('cert-manager').catalyst.clusterIssuer.acme.email).toBe('ops@acme.example');
    expect(release('external-dns').domainFilters).toEqual(['acme.omani.works']);
    expect(release('velero').configuration.backupStorageLocation[0]).toMatchObject({
      bucket: 'velero-backups',
      config: { s3Url: 'http://seaweedfs.storage.svc:8333' },
    });
    expect(release('loki').loki.storage.bucketNames.chunks).toBe('loki-data');
    expect(release('cnpg').catalyst.s3.buckets).toEqual(['cnpg-wal', 'cnpg-base-backups']);
  });

  it('uses an OCIRepository and chartRef for oci:// charts', () => {
    const objects = objectsOf(CASES.full!);
    const kserve = objects.find((o) => o.kind === 'HelmRelease' && o.metadata.name === 'kserve')!;
    expect(kserve.spec.chartRef).toEqual({
      kind: 'OCIRepository',
      name: 'kserve',
      namespace: 'flux-system',
    });
    const source = objects.find((o) => o.kind === 'OCIRepository' && o.metadata.name === 'kserve')!;
    expect(source.spec).toMatchObject({
      url: 'oci://ghcr.io/kserve/charts/kserve',
      ref: { tag: 'v0.16.0' },
    });
  });

  it('is deterministic and zips to the same files', () => {
    expect(treeFor(COMPONENT_IDS)).toEqual(CASES.full);
    const zip = zipFiles(CASES.default!);
    expect(zipFiles(CASES.default!)).toEqual(zip);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(CASES.default!.map((f) => f.path));
    for (const f of CASES.default!) expect(strFromU8(files[f.path]!)).toBe(f.content);
  });
});
