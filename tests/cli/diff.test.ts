import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { buildManifest } from '../../src/shared/lib/manifest';
import { serializeManifest } from '../../src/shared/lib/manifest/io';
import type { Draft } from '../../src/shared/schemas/draft';
import { validDraft } from '../shared/lib/manifest-fixtures';

const BIN = path.resolve(process.cwd(), 'bin/catalyst.js');
let dir: string;

function catalyst(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(
  name: string,
  edit: (d: Draft) => void = () => {},
  format: 'yaml' | 'json' = 'yaml',
) {
  const d = validDraft();
  edit(d);
  writeFileSync(path.join(dir, name), serializeManifest(buildManifest(d), format));
  return name;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'catalyst-diff-'));
  write('old.yaml');
  write('same.json', () => {}, 'json');
  write('new.yaml', (d) => {
    d.components.chosen.push('librechat');
    d.infrastructure.regions[0]!.workers.count += 1;
  });
  write('shrunk.yaml', (d) => {
    d.components.chosen = d.components.chosen.filter((id) => id !== 'stalwart');
    d.infrastructure.regions[1]!.workers.count -= 1;
  });
});

describe('catalyst diff (spawned)', () => {
  it('exit 0 and "No change" for the same Sovereign (YAML against JSON)', () => {
    const r = catalyst('diff', 'old.yaml', 'same.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No change\nno file changes\n');
  });

  it('exit 1 and the change in words: LibreChat, its dependencies, the worker', () => {
    const r = catalyst('diff', 'old.yaml', 'new.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Adds 5 components; changes region-1');
    for (const name of ['FerretDB', 'vLLM', 'BGE', 'LLM Gateway'])
      expect(r.stdout).toContain(`- Adds ${name} (required by LibreChat)`);
    expect(r.stdout).toContain('- Adds LibreChat (chosen by you) on acme-hz-fsn1, acme-hz-nbg1.');
    expect(r.stdout).toContain('- region-1 (fsn1): workers 4 → 5; nodes 7 → 8.');
    expect(r.stdout).toMatch(/^\d+ files changed, \+\d+ −\d+$/m);
    expect(r.stdout).not.toContain('diff --git');
  });

  it('--tree adds the unified diff, grouped by cluster and category, with the new HelmReleases', () => {
    const r = catalyst('diff', 'old.yaml', 'new.yaml', '--tree');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^# acme-hz-fsn1 · components: \d+ files, \+\d+ −\d+$/m);
    expect(r.stdout).toContain(
      'diff --git a/clusters/acme-hz-fsn1/ai/librechat/helm-release.yaml b/clusters/acme-hz-fsn1/ai/librechat/helm-release.yaml\nnew file mode 100644\n--- /dev/null\n',
    );
    expect(r.stdout).toMatch(/^--- a\/infra\/hetzner\/sovereign\.auto\.tfvars\.json$/m);
    expect(r.stdout).toMatch(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@$/m);
  });

  it('flags what destroys data with "!"', () => {
    const r = catalyst('diff', 'old.yaml', 'shrunk.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^! Destroys data: Removing Stalwart deletes its persistent volumes/m);
    expect(r.stdout).toMatch(
      /^! Destroys data: region-2 \(nbg1\) shrinks \(workers 4 → 3 nodes\)/m,
    );
  });

  it('an invalid file: every problem as validate prints it, exit 2', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(path.join(dir, 'old.yaml'), 'utf8').replace('- id: velero', '- id: veloro'),
    );
    const r = catalyst('diff', 'old.yaml', 'bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.yaml: \d+ problems?$/m);
    expect(r.stderr).toMatch(/^spec\.components\[\d+\]\.id: unknown component "veloro"$/m);
    expect(r.stderr).toBe(catalyst('validate', 'bad.yaml').stderr);
    noStack(r.stderr);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing file', ['diff', 'old.yaml', 'nope.yaml'], /^catalyst: nope\.yaml: no such file\n$/],
    ['one file only', ['diff', 'old.yaml'], /^catalyst: diff: needs two manifest files/],
    [
      'three files',
      ['diff', 'old.yaml', 'new.yaml', 'x'],
      /^catalyst: diff: unexpected argument "x"/,
    ],
  ])('one clear line and exit 2 for %s', (_, args, expected) => {
    const r = catalyst(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    noStack(r.stderr);
  });

  it('--help lists diff', () => {
    expect(catalyst('--help').stdout).toMatch(/^ {2}diff <old> <new> \[--tree\]$/m);
  });
});

describe('catalyst diff (in-process)', () => {
  it('reads both files through the CLI io and prints nothing to stderr on a change', async () => {
    const files: Record<string, string> = {
      'a.yaml': readFileSync(path.join(dir, 'old.yaml'), 'utf8'),
      'b.yaml': readFileSync(path.join(dir, 'new.yaml'), 'utf8'),
    };
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      readFile: async (p) => files[p]!,
      writeFile: async () => {},
    };
    expect(await run(['diff', 'b.yaml', 'a.yaml'], io)).toBe(1);
    expect(err).toEqual([]);
    expect(out.join('')).toMatch(/^Removes 5 components; changes region-1\n/);
    expect(out.join('')).toContain(
      '- Removes LibreChat from acme-hz-fsn1, acme-hz-nbg1 (was chosen by you; it keeps persistent volumes).',
    );
  });
});
