// The git smart HTTP tests' shared setup: a read token per Sovereign from one secret key, the git
// CLI run without user config or prompts, hand-built protocol requests, and a real server with two
// committed Sovereigns, alpha and bravo (set before the tests: see useGitServer).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { deploymentCreatedSchema, deploymentSchema } from '../../src/shared/schemas/api';
import { gitReadToken } from '../../server/git-credentials';
import { validBody } from './fixtures';
import { startServer, submit, tempDir, type TestServer } from './harness';

export const KEY = randomBytes(32);
export const TOKEN = { alpha: gitReadToken(KEY, 'alpha'), bravo: gitReadToken(KEY, 'bravo') };
export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the git CLI asynchronously (the server runs in this process: a synchronous child would
 * block it). No user or system config, no prompts; `auth` travels as an extra HTTP header set
 * through the environment, so it appears in neither argv nor the clone's config.
 */
export function git(
  args: string[],
  opts: { cwd?: string; auth?: string } = {},
): Promise<GitResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...(opts.auth
      ? {
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraHeader',
          GIT_CONFIG_VALUE_0: `Authorization: ${opts.auth}`,
        }
      : {}),
  };
  return new Promise((resolve) => {
    execFile('git', args, { cwd: opts.cwd, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** Every file below `dir` (relative, sorted), .git excluded. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith(`.git${path.sep}`))
    .sort();
}

/** A pkt-line (length-prefixed) for hand-built protocol requests. */
export const pkt = (s: string) => `${(Buffer.byteLength(s) + 4).toString(16).padStart(4, '0')}${s}`;
/** A protocol v2 `ls-refs` request: command, delimiter, flush. */
export const LS_REFS = `${pkt('command=ls-refs\n')}0001${pkt('ref-prefix refs/heads/\n')}0000`;

/** The server, a scratch folder for clones, and alpha's and bravo's commits and deployment ids. */
export let t: TestServer;
export let work: string;
export const commits: Record<string, string> = {};
export const ids: Record<string, string> = {};

export const gitUrl = (name: string) => `${t.url}/git/${name}.git`;
/** The clone URL with `catalyst:<password>` in it, as a person would paste it. */
export const withCredentials = (name: string, password: string) =>
  gitUrl(name).replace('http://', `http://catalyst:${password}@`);
export const uploadPackPost = (
  name: string,
  body: Buffer | string,
  headers: Record<string, string>,
) =>
  fetch(`${gitUrl(name)}/git-upload-pack`, {
    method: 'POST',
    headers: {
      authorization: basic('catalyst', gitReadToken(KEY, name)),
      'content-type': 'application/x-git-upload-pack-request',
      'git-protocol': 'version=2',
      ...headers,
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

/** Starts the server and commits alpha and bravo before the file's tests; stops it after. */
export function useGitServer(): void {
  beforeAll(async () => {
    // debug: one log line per request, so the log check (git-http-serve.test.ts) has requests to look through.
    t = await startServer({
      env: { CATALYST_SECRET_KEY: KEY.toString('base64'), LOG_LEVEL: 'debug' },
    });
    work = tempDir('catalyst-git-http-');
    for (const name of ['alpha', 'bravo']) {
      const res = await submit(t.url, validBody(name));
      ids[name] = deploymentCreatedSchema.parse(await res.json()).id;
    }
    await t.server.pipeline.idle();
    for (const name of ['alpha', 'bravo']) {
      const row = deploymentSchema.parse(
        await (await fetch(`${t.url}/api/v1/deployments/${ids[name]}`)).json(),
      );
      if (!row.commit) throw new Error(`${name} was not committed: ${row.statusMessage}`);
      commits[name] = row.commit;
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });
}
