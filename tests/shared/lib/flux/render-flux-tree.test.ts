import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPONENT_IDS,
  getComponent,
  type ComponentId,
} from '../../../../src/shared/constants/components';
import { TOPOLOGY_IDS } from '../../../../src/shared/constants/domain';
import { renderFluxTree, type FluxFile } from '../../../../src/shared/lib/flux/render-flux-tree';
import { clusterNames, planManifest } from '../../../../src/shared/lib/placement';
import { chosenArb } from '../manifest-fixtures';
import { crdProblems, loadCrdValidators } from './crd-validator';
import {
  CASES,
  DEFAULT_CHOSEN,
  clusterFiles,
  clustersOf,
  manifestFor,
  objectsOf,
  releasesOf,
} from './flux-tree-fixtures';

const GOLDEN = path.resolve(__dirname, '__golden__');

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

const fluxObjects = (tree: readonly FluxFile[]) =>
  objectsOf(tree).filter((o) => o.apiVersion.includes('fluxcd.io'));

/** The placement invariants of one tree, checked without the placement module's own code. */
function checkPlacement(tree: readonly FluxFile[], m: ReturnType<typeof manifestFor>): void {
  const regions = m.spec.infrastructure.regions;
  const clusters = clusterNames('acme', m.spec.infrastructure.provider, regions);
  expect(clustersOf(tree)).toEqual([...clusters].sort());
  const installed = new Set(m.spec.components.map((c) => c.id));
  const roots = new Set(
    m.spec.components
      .filter((c) => c.reason === 'mandatory' || c.reason === 'chosen')
      .map((c) => c.id),
  );
  clusters.forEach((cluster, i) => {
    const region = regions[i]!;
    const files = clusterFiles(tree, cluster);
    expect(files.some((f) => f.path === `clusters/${cluster}/flux-system/sync.yaml`)).toBe(true);
    const here = new Set(releasesOf(files).map((r) => r.metadata.name));
    const blocks = region.buildingBlocks as readonly string[];
    for (const id of installed) {
      const c = getComponent(id as ComponentId);
      const neededHere = COMPONENT_IDS.some(
        (d) => here.has(d) && (getComponent(d).dependsOn as readonly string[]).includes(id),
      );
      const expected =
        c.placement === 'every-cluster' ||
        (c.placement === 'mgt' && blocks.includes('mgt')) ||
        (c.placement === 'application' &&
          ((roots.has(id) && blocks.includes('rtz')) || neededHere));
      expect(here.has(id), `${cluster}: ${id} (${c.placement})`).toBe(expected);
    }
    for (const r of releasesOf(files))
      for (const d of r.spec.dependsOn ?? [])
        expect(here.has(d.name), `${cluster}: ${r.metadata.name} waits for ${d.name}`).toBe(true);
  });
}

describe('renderFluxTree', () => {
  it.each(['minimal', 'full', 'triangle'])(
    'matches the %s golden tree (UPDATE_GOLDEN=1 rewrites it)',
    (name) => {
      golden(name, CASES[name]!);
    },
  );

  it.each(Object.keys(CASES))(
    'validates every Flux object of the %s tree against the CRDs',
    (name) => {
      const objects = fluxObjects(CASES[name]!);
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects)
        expect(crdProblems(validators, o), `${o.kind} ${o.metadata.name}`).toEqual([]);
    },
  );

  it('the CRD check rejects broken objects (so a pass means something)', () => {
    const release = releasesOf(CASES.minimal!)[0]!;
    const broken = {
      ...release,
      spec: { ...release.spec, interval: 'soon', install: { createNamespace: 'yes' } },
    };
    const text = crdProblems(validators, broken).join('\n');
    expect(text).toMatch(/interval/);
    expect(text).toMatch(/createNamespace/);
    expect(crdProblems(validators, { ...release, metadata: { name: 'Bad_Name' } })).toHaveLength(2);
  });

  it('one folder per region, named <sovereign>-<provider code>-<cloud region>', () => {
    const m = manifestFor(DEFAULT_CHOSEN, 'triangle');
    const expected = m.spec.infrastructure.regions.map((r) => `acme-hz-${r.cloudRegion}`);
    expect(clustersOf(renderFluxTree(m))).toEqual([...new Set(expected)].sort());
    expect(clustersOf(CASES.default!)).toHaveLength(2);
  });

  it('places each component by its placement and the regions building blocks (triangle)', () => {
    const m = manifestFor([...DEFAULT_CHOSEN, 'librechat', 'harbor'], 'triangle');
    const tree = renderFluxTree(m);
    checkPlacement(tree, m);
    const [mgt, rtz] = planManifest(m).clusters;
    const names = (c: string) => releasesOf(clusterFiles(tree, c)).map((r) => r.metadata.name);
    expect(names(mgt!.name)).not.toContain('librechat');
    expect(names(mgt!.name)).toContain('keycloak');
    expect(names(mgt!.name)).toContain('cnpg'); // beside Keycloak, which needs it
    expect(names(rtz!.name)).toContain('librechat');
    expect(names(rtz!.name)).not.toContain('keycloak'); // one per Sovereign, reached across
    expect(names(rtz!.name)).not.toContain('grafana');
  });

  it('property: every topology and selection places, orders and validates', () => {
    fc.assert(
      fc.property(chosenArb, fc.constantFrom(...TOPOLOGY_IDS), (chosen, topology) => {
        const m = manifestFor(chosen, topology);
        const tree = renderFluxTree(m);
        checkPlacement(tree, m);
        const all = new Set(releasesOf(tree).map((r) => r.metadata.name));
        for (const c of m.spec.components)
          expect(all.has(c.id), c.id).toBe(
            getComponent(c.id as ComponentId).placement !== 'bootstrap',
          );
        for (const o of fluxObjects(tree)) expect(crdProblems(validators, o)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('the placement check fails on a release on the wrong cluster (so a pass means something)', () => {
    const m = manifestFor([...DEFAULT_CHOSEN, 'librechat'], 'triangle');
    const tree = renderFluxTree(m);
    const [mgt, rtz] = clustersOf(tree);
    const moved = tree.map((f) =>
      f.path.includes('/librechat/')
        ? { ...f, path: f.path.replace(`clusters/${rtz}/`, `clusters/${mgt}/`) }
        : f,
    );
    expect(() => checkPlacement(moved, m)).toThrow();
  });

  it('sets exactly one of chart and chartRef on each HelmRelease (the CRD CEL rule ajv cannot check)', () => {
    for (const o of releasesOf(CASES.full!))
      expect(Boolean(o.spec.chart) !== Boolean(o.spec.chartRef)).toBe(true);
  });

  it('installs components without a public chart as bp-<id> from the blueprint registry', () => {
    const objects = objectsOf(CASES.full!);
    const repo = objects.find(
      (o) => o.kind === 'HelmRepository' && o.metadata.name === 'catalyst-blueprints',
    )!;
    expect(repo.spec).toMatchObject({
      type: 'oci',
      url: 'oci://ghcr.io/openova-io',
      secretRef: { name: 'ghcr-pull' },
    });
    const netbird = releasesOf(CASES.full!).find((r) => r.metadata.name === 'netbird')!;
    expect(netbird.spec.chart.spec).toMatchObject({
      chart: 'bp-netbird',
      sourceRef: { kind: 'HelmRepository', name: 'catalyst-blueprints' },
    });
    expect(CASES.full!.some((f) => f.path.endsWith('NOT-PACKAGED.md'))).toBe(false);
    expect(releasesOf(CASES.full!).some((r) => r.metadata.name === 'opentofu')).toBe(false);
    const readme = CASES.full!.find((f) => f.path === 'README.md')!.content;
    expect(readme).toMatch(/OpenTofu is not installed on any cluster/);
  });

  it('flux-system pulls from the given repository URL, never the in-cluster Gitea', () => {
    const url = 'http://10.0.0.1:8080/git/acme.git';
    const tree = renderFluxTree(manifestFor(DEFAULT_CHOSEN), { repositoryUrl: url });
    const repos = objectsOf(tree).filter((o) => o.kind === 'GitRepository');
    expect(repos).toHaveLength(2);
    for (const r of repos) {
      expect(r.metadata.name).toBe('flux-system');
      expect(r.spec.url).toBe(url);
      expect(r.spec.secretRef).toEqual({ name: 'flux-system' });
    }
    expect(
      tree.some(
        (f) => /https:\/\/gitea\./.test(f.content) && f.path.endsWith('git-repository.yaml'),
      ),
    ).toBe(false);
  });
});
