// `kubectl kustomize` builds every folder of the tree that Flux builds: each cluster's root, its
// flux-system/, config/ and every category folder. kubectl is at /usr/bin/kubectl on the project's
// machines; where it is absent this test says so and skips.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../../../../src/shared/constants/components';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { renderFluxTree } from '../../../../src/shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { validDraft } from '../manifest-fixtures';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.warn(`kustomize-build: ${KUBECTL} not found, skipping`);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function writeTree(topology: 'zoned' | 'citadel'): { root: string; folders: string[] } {
  const d = validDraft();
  d.components.chosen = [...COMPONENT_IDS];
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, 'hetzner');
  const files = renderFluxTree(buildManifest(d));
  const root = mkdtempSync(path.join(os.tmpdir(), 'catalyst-kustomize-'));
  dirs.push(root);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
    writeFileSync(path.join(root, f.path), f.content);
  }
  const folders = files
    .filter((f) => f.path.endsWith('/kustomization.yaml'))
    .map((f) => path.posix.dirname(f.path));
  return { root, folders };
}

describe.skipIf(!hasKubectl)('kubectl kustomize', () => {
  it.each(['zoned', 'citadel'] as const)('builds every folder of the full %s tree', (topology) => {
    const { root, folders } = writeTree(topology);
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders) {
      const out = execFileSync(KUBECTL, ['kustomize', path.join(root, folder)], {
        encoding: 'utf8',
      });
      expect(out, folder).toMatch(/^apiVersion: /m);
    }
  });

  it('fails on a folder that lists a missing file (so a pass means something)', () => {
    const { root, folders } = writeTree('zoned');
    const folder = path.join(root, folders[0]!);
    writeFileSync(
      path.join(folder, 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [missing.yaml]\n',
    );
    expect(() => execFileSync(KUBECTL, ['kustomize', folder], { stdio: 'pipe' })).toThrow();
  });
});
