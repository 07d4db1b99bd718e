import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDiff,
  changeSummary,
  classifyPath,
  formatTreeDiff,
  sovereignFiles,
  treeDiff,
  type TreeFile,
} from '../../../../src/shared/lib/diff';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import type { SovereignManifest } from '../../../../src/shared/schemas/manifest';
import { validateManifest } from '../../../../src/shared/lib/manifest/validate';
import { chosenArb, coherent, draftArb, validDraft } from '../manifest-fixtures';

/** Pairs of valid manifests: two unrelated ones, or one Sovereign with another choice and pools. */
type Pair = [SovereignManifest, SovereignManifest];
const pairArb: fc.Arbitrary<Pair> = fc.oneof(
  fc.tuple(draftArb, draftArb).map(([a, b]): Pair => [buildManifest(a), buildManifest(b)]),
  fc
    .tuple(draftArb, chosenArb, fc.integer({ min: 0, max: 50 }))
    .map(([d, chosen, workers]): Pair => {
      const next = structuredClone(d);
      next.components.chosen = chosen;
      next.infrastructure.regions[0]!.workers.count = workers;
      return [buildManifest(d), buildManifest(coherent(next))];
    }),
);

const ids = (m: SovereignManifest) => new Set(m.spec.components.map((c) => c.id));

describe('treeDiff and applyDiff', () => {
  it('property: applying the diff to the base tree gives exactly the next tree; the summary names every component added or removed', () => {
    fc.assert(
      fc.property(pairArb, ([base, next]) => {
        expect(validateManifest(base).ok && validateManifest(next).ok).toBe(true);
        const a = sovereignFiles(base);
        const b = sovereignFiles(next);
        const diff = treeDiff(a, b);
        expect(applyDiff(a, diff)).toEqual(b);
        const summary = changeSummary(base, next);
        const added = [...ids(next)].filter((id) => !ids(base).has(id));
        const removed = [...ids(base)].filter((id) => !ids(next).has(id));
        expect(summary.components.added.map((c) => c.id).sort()).toEqual(added.sort());
        expect(summary.components.removed.map((c) => c.id).sort()).toEqual(removed.sort());
        const text = summary.sentences.join('\n');
        for (const c of [...summary.components.added, ...summary.components.removed])
          expect(text).toContain(c.name);
        expect(summary.unchanged).toBe(JSON.stringify(base) === JSON.stringify(next));
        expect(diff.files.length === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 50 },
    );
  });

  it('property: a manifest against itself has no change and no file diff', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const m = buildManifest(d);
        const s = changeSummary(m, structuredClone(m));
        expect(s.unchanged).toBe(true);
        expect(s.sentences).toEqual([]);
        expect(s.title).toBe('No change');
        const files = sovereignFiles(m);
        expect(treeDiff(files, files).files).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  it('counts, statuses and groups: added, removed and modified files by cluster and category', () => {
    const base: TreeFile[] = [
      { path: 'README.md', content: 'a\nb\n' },
      { path: 'clusters/c1/flux-system/sync.yaml', content: 'x\n' },
      { path: 'clusters/c1/ai/vllm/helm-release.yaml', content: 'old\n' },
      { path: 'infra/hetzner/main.tf', content: 'same\n' },
    ];
    const next: TreeFile[] = [
      { path: 'README.md', content: 'a\nB\nc\n' },
      { path: 'clusters/c1/flux-system/sync.yaml', content: 'x\n' },
      { path: 'clusters/c1/ai/librechat/helm-release.yaml', content: 'new\nfile\n' },
      { path: 'clusters/c1/config/namespaces.yaml', content: 'ns\n' },
      { path: 'infra/hetzner/main.tf', content: 'same\n' },
    ];
    const d = treeDiff(base, next);
    expect(d.files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ['README.md', 'modified', 2, 1],
      ['clusters/c1/ai/librechat/helm-release.yaml', 'added', 2, 0],
      ['clusters/c1/ai/vllm/helm-release.yaml', 'removed', 0, 1],
      ['clusters/c1/config/namespaces.yaml', 'added', 1, 0],
    ]);
    expect([d.additions, d.deletions]).toEqual([5, 2]);
    expect(d.groups.map((g) => [g.cluster, g.category, g.files.length])).toEqual([
      ['c1', 'config', 1],
      ['c1', 'components', 2],
      [null, 'docs', 1],
    ]);
    expect(applyDiff(base, d)).toEqual([...next].sort((x, y) => (x.path < y.path ? -1 : 1)));
    expect(() => applyDiff(next, d)).toThrow();
  });

  it('classifies every kind of path', () => {
    expect(classifyPath('clusters/c/flux-system/git-repository.yaml').category).toBe('flux-system');
    expect(classifyPath('clusters/c/config.yaml').category).toBe('config');
    expect(classifyPath('clusters/c/config/gateway.yaml').category).toBe('config');
    expect(classifyPath('clusters/c/kustomization.yaml').category).toBe('cluster');
    expect(classifyPath('clusters/c/ai.yaml').category).toBe('cluster');
    expect(classifyPath('clusters/c/ai/librechat/helm-release.yaml')).toEqual({
      cluster: 'c',
      category: 'components',
      fluxCategory: 'ai',
      component: 'librechat',
    });
    expect(classifyPath('infra/hetzner/main.tf')).toEqual({ cluster: null, category: 'infra' });
    expect(classifyPath('README.md')).toEqual({ cluster: null, category: 'docs' });
  });

  it('the --tree text is a patch git apply accepts, turning the base tree into the next', () => {
    const d = validDraft();
    const nextDraft = structuredClone(d);
    nextDraft.components.chosen = [
      ...d.components.chosen.filter((id) => id !== 'loki'),
      'librechat',
    ];
    nextDraft.infrastructure.regions[1]!.workers.count = 2;
    const a = sovereignFiles(buildManifest(d));
    const b = sovereignFiles(buildManifest(nextDraft));
    const dir = mkdtempSync(path.join(tmpdir(), 'tree-diff-'));
    for (const f of a) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.content);
    }
    const r = spawnSync('git', ['apply', '--unsafe-paths', '-'], {
      cwd: dir,
      input: formatTreeDiff(treeDiff(a, b)),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of b) expect(readFileSync(path.join(dir, f.path), 'utf8')).toBe(f.content);
  });
});
