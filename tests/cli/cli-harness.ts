// The CLI tests' shared setup: a temporary folder with a valid manifest and an SSH key, and the
// commands run spawned (the real launcher) or in-process (file paths resolved against the folder).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { nodeIo, run } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { buildManifest } from '../../src/shared/lib/manifest';
import { serializeManifest } from '../../src/shared/lib/manifest/io';
import { validDraft, SSH_KEY } from '../shared/lib/manifest-fixtures';

const BIN = path.resolve(process.cwd(), 'bin/catalyst.js');
/** The test folder and its valid manifest (set before the tests: see useCliFolder). */
export let dir: string;
export let valid: string;

/** Makes the test folder before the file's tests run. */
export function useCliFolder(): void {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'catalyst-cli-'));
    valid = path.join(dir, 'acme.yaml');
    writeFileSync(valid, serializeManifest(buildManifest(validDraft()), 'yaml'));
    writeFileSync(path.join(dir, 'key.pub'), `${SSH_KEY}\n`);
  });
}

/** The real launcher in a child process: proves bin/catalyst.js starts (used sparingly: ~1 s each). */
export function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same commands in-process, with file paths resolved against the test folder as a shell would. */
export async function catalyst(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const at = (p: string) => path.resolve(dir, p);
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    readFile: (p) => nodeIo.readFile(at(p)),
    writeFile: (p, data) => nodeIo.writeFile(at(p), data),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

export const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);
