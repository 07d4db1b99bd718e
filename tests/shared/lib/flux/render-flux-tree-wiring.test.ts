// The wiring inside each rendered cluster: references resolve, releases and Kustomizations wait
// in order, Secrets come through OpenBao, the S3 name and the Gateway NodePort are there.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getComponent, type ComponentId } from '../../../../src/shared/constants/components';
import { renderFluxTree } from '../../../../src/shared/lib/flux/render-flux-tree';
import { INGRESS_NODE_PORTS } from '../../../../src/shared/lib/tofu/pins';
import {
  CASES,
  DEFAULT_CHOSEN,
  clusterFiles,
  clustersOf,
  manifestFor,
  objectsOf,
  releasesOf,
} from './flux-tree-fixtures';

describe('renderFluxTree', () => {
  it.each(Object.keys(CASES))(
    '%s: every reference names an object or file in its cluster',
    (name) => {
      const tree = CASES[name]!;
      for (const cluster of clustersOf(tree)) {
        const files = clusterFiles(tree, cluster);
        const objects = objectsOf(files);
        const has = (kind: string, n: string) =>
          objects.some((o) => o.kind === kind && o.metadata.name === n);
        for (const o of objects) {
          if (o.kind === 'HelmRelease') {
            const ref = o.spec.chartRef ?? o.spec.chart.spec.sourceRef;
            expect(has(ref.kind, ref.name), `${cluster} ${o.metadata.name}`).toBe(true);
          }
          if (o.apiVersion.startsWith('kustomize.toolkit')) {
            for (const d of o.spec.dependsOn ?? []) expect(has('Kustomization', d.name)).toBe(true);
            expect(has('GitRepository', o.spec.sourceRef.name)).toBe(true);
            expect(files.some((f) => f.path.startsWith(`${o.spec.path.slice(2)}/`))).toBe(true);
          }
        }
      }
      for (const f of tree.filter((x) => x.path.endsWith('kustomization.yaml'))) {
        const dir = path.posix.dirname(f.path);
        for (const r of (parse(f.content) as { resources: string[] }).resources)
          expect(
            tree.some((x) => x.path === `${dir}/${r}` || x.path.startsWith(`${dir}/${r}/`)),
            `${f.path} lists ${r}`,
          ).toBe(true);
      }
    },
  );

  it.each(Object.keys(CASES))(
    '%s: installs every component after its dependencies on the same cluster',
    (name) => {
      const tree = CASES[name]!;
      for (const cluster of clustersOf(tree)) {
        const releases = new Map(
          releasesOf(clusterFiles(tree, cluster)).map((o) => [o.metadata.name, o]),
        );
        const closure = (id: string, seen = new Set<string>()): Set<string> => {
          for (const d of releases.get(id)?.spec.dependsOn ?? [])
            if (!seen.has(d.name)) closure(d.name, seen.add(d.name));
          return seen;
        };
        for (const id of releases.keys()) {
          const needed = getComponent(id as ComponentId).dependsOn.filter((d) => releases.has(d));
          const waits = closure(id);
          for (const d of needed)
            expect(waits.has(d), `${cluster}: ${id} must wait for ${d}`).toBe(true);
        }
      }
    },
  );

  it('category Kustomizations depend on each other acyclically', () => {
    for (const cluster of clustersOf(CASES.full!)) {
      const ks = objectsOf(clusterFiles(CASES.full!, cluster)).filter((o) =>
        o.apiVersion.startsWith('kustomize.toolkit'),
      );
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
      expect(edges.get('config')).toEqual(expect.arrayContaining(['security']));
    }
  });

  it('every Secret a release reads comes from an ExternalSecret through the OpenBao store', () => {
    for (const cluster of clustersOf(CASES.full!)) {
      const objects = objectsOf(clusterFiles(CASES.full!, cluster));
      const store = objects.find((o) => o.kind === 'ClusterSecretStore');
      expect(store?.spec.provider.vault.server).toMatch(/^http:\/\/openbao\.openbao\.svc:8200$/);
      const external = objects.filter((o) => o.kind === 'ExternalSecret');
      expect(external.length).toBeGreaterThan(0);
      const namespaces = new Set(
        objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name),
      );
      for (const e of external) {
        expect(e.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'openbao' });
        expect(namespaces.has(e.metadata.namespace!), e.metadata.name).toBe(true);
      }
    }
  });

  it('answers the documented S3 name seaweedfs.storage.svc:8333 on every cluster', () => {
    for (const cluster of clustersOf(CASES.triangle!)) {
      const alias = objectsOf(clusterFiles(CASES.triangle!, cluster)).find(
        (o) => o.kind === 'Service' && o.metadata.name === 'seaweedfs',
      );
      expect(alias?.metadata.namespace).toBe('storage');
      expect(alias?.spec).toMatchObject({
        type: 'ExternalName',
        externalName: 'seaweedfs-s3.storage.svc.cluster.local',
        ports: [{ port: 8333 }],
      });
    }
  });

  it('exposes the Gateway on the NodePort the load balancer forwards HTTP to', () => {
    for (const cluster of clustersOf(CASES.triangle!)) {
      const objects = objectsOf(clusterFiles(CASES.triangle!, cluster));
      const proxy = objects.find((o) => o.kind === 'EnvoyProxy')!;
      const klass = objects.find((o) => o.kind === 'GatewayClass')!;
      expect(klass.spec.parametersRef).toEqual({
        group: 'gateway.envoyproxy.io',
        kind: 'EnvoyProxy',
        name: proxy.metadata.name,
        namespace: proxy.metadata.namespace,
      });
      const service = proxy.spec.provider.kubernetes.envoyService;
      expect(service.type).toBe('NodePort');
      expect(service.patch.value.spec.ports).toEqual([
        { port: 80, nodePort: INGRESS_NODE_PORTS.http },
      ]);
    }
  });

  it('puts no secret value in the tree, even when the manifest carries secrets', () => {
    const m = manifestFor(DEFAULT_CHOSEN);
    const planted = 'PLANTED-secret-value-9f8e7d';
    const tree = renderFluxTree({ ...m, secrets: { 'provider-credentials': { token: planted } } });
    expect(tree.some((f) => f.content.includes(planted))).toBe(false);
  });
});
