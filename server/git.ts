// The GitOps repository of a Sovereign: a bare repository per Sovereign under DATA_DIR/git, written
// through a temporary work tree with the git CLI, optionally pushed to GITOPS_REMOTE_URL.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isTransientError, withRetry } from './retry';
import type { TextFile } from '../src/shared/lib/text-file';

/** A file to commit. */
export type TreeFile = TextFile;

export const GIT_AUTHOR = { name: 'Catalyst Bootstrap', email: 'bootstrap@catalyst.openova.io' };
export const GIT_BRANCH = 'main';

export interface RemoteConfig {
  url: string;
  token: string | undefined;
}

/** Replaces every occurrence of the secrets in a text (git output may echo URLs or headers). */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

/**
 * True when git never started: spawning failed on a resource that comes back (EMFILE, ENFILE,
 * EAGAIN). Always safe to retry, whatever the command, since nothing ran. Failures of git itself
 * (a held lock, exit status 128) are retried by the caller around the whole operation.
 */
const isSpawnFailure = (err: unknown) =>
  typeof (err as { code?: unknown } | null)?.code === 'string' && isTransientError(err);

/** Spawning git is retried this often when the process could not start (see isSpawnFailure). */
export const SPAWN_RETRY = { attempts: 4, baseMs: 50, maxMs: 1000 } as const;

function run(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; secrets?: readonly (string | undefined)[] } = {},
): Promise<string> {
  return withRetry(() => runOnce(args, opts), { ...SPAWN_RETRY, isTransient: isSpawnFailure });
}

function runOnce(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; secrets?: readonly (string | undefined)[] } = {},
): Promise<string> {
  const env = {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: GIT_AUTHOR.name,
    GIT_AUTHOR_EMAIL: GIT_AUTHOR.email,
    GIT_COMMITTER_NAME: GIT_AUTHOR.name,
    GIT_COMMITTER_EMAIL: GIT_AUTHOR.email,
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: opts.cwd, env, maxBuffer: 16 * 1024 * 1024 },
      (err, out, errOut) => {
        if (err) {
          const detail = scrub(String(errOut || err.message).trim(), opts.secrets ?? []);
          const failure = new Error(
            `git ${args[0] === '-C' ? args[2] : args[0]} failed: ${detail}`,
          );
          // A spawn failure's errno (EMFILE, ...) is kept for retry classification; the raw error
          // is not attached, as its message quotes the command line and unscrubbed output.
          if (typeof err.code === 'string') Object.assign(failure, { code: err.code });
          reject(failure);
        } else resolve(out.trim());
      },
    );
  });
}

/** Path of the bare repository of a Sovereign (the name is a checked DNS-style label). */
export function repoPath(dataDir: string, sovereign: string): string {
  return path.join(dataDir, 'git', `${sovereign}.git`);
}

async function ensureBare(repo: string): Promise<void> {
  if (existsSync(path.join(repo, 'HEAD'))) return;
  await mkdir(path.dirname(repo), { recursive: true });
  await run(['init', '--bare', '--quiet', `--initial-branch=${GIT_BRANCH}`, repo]);
}

/** Where temporary work trees are written: DATA_DIR/tmp (never the system temp folder). */
export function tmpRoot(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/** The name every temporary work tree folder starts with (what the start-up sweep removes). */
export const TEMP_TREE_PREFIX = 'catalyst-wt-';

/** Leftover work trees younger than this are left alone: a peer replica may be committing. */
export const TEMP_TREE_MAX_AGE_MS = 10 * 60_000;

export interface CommitOptions {
  /** Folder for the temporary work tree (default DATA_DIR/tmp, DATA_DIR being repo's grandparent). */
  tmpDir?: string;
  /** Told when the temporary tree cannot be removed (the commit's own outcome stands). */
  onCleanupError?: (err: unknown, dir: string) => void;
}

/**
 * Commits `files` as the whole tree of the branch; returns the commit id. When the tree equals the
 * branch head (a pipeline resumed after a restart) no new commit is made. The temporary work tree
 * lives under DATA_DIR/tmp and is removed on every path; a failed removal is reported, not thrown.
 */
export async function commitTree(
  repo: string,
  files: readonly TreeFile[],
  message: string,
  options: CommitOptions = {},
): Promise<{ sha: string; created: boolean }> {
  await ensureBare(repo);
  const tmp = options.tmpDir ?? tmpRoot(path.dirname(path.dirname(repo)));
  await mkdir(tmp, { recursive: true });
  const base = await mkdtemp(path.join(tmp, TEMP_TREE_PREFIX));
  const work = path.join(base, 'tree');
  try {
    for (const f of files) {
      const target = path.join(work, f.path);
      if (!target.startsWith(work + path.sep)) throw new Error(`Unsafe path in tree: ${f.path}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
    await mkdir(work, { recursive: true });
    const env = { GIT_DIR: repo, GIT_WORK_TREE: work, GIT_INDEX_FILE: path.join(base, 'index') };
    const git = (args: string[]) => run(args, { cwd: work, env });
    await git(['add', '--all']);
    const tree = await git(['write-tree']);
    const head = await git(['rev-parse', '--verify', '--quiet', `${GIT_BRANCH}^{tree}`]).catch(
      () => '',
    );
    if (head === tree) return { sha: await git(['rev-parse', GIT_BRANCH]), created: false };
    const old = head ? await git(['rev-parse', GIT_BRANCH]) : '';
    const sha = await git(['commit-tree', tree, ...(old ? ['-p', old] : []), '-m', message]);
    // Compare-and-swap: fails rather than losing a commit if the branch moved meanwhile.
    await git(['update-ref', `refs/heads/${GIT_BRANCH}`, sha, old]);
    return { sha, created: true };
  } finally {
    await rm(base, { recursive: true, force: true, maxRetries: 3 }).catch((err: unknown) => {
      const report =
        options.onCleanupError ??
        ((e: unknown, dir: string) =>
          console.warn(`Catalyst Bootstrap: cannot remove ${dir}: ${String(e)}`));
      report(err, base);
    });
  }
}

/**
 * Removes temporary work trees under DATA_DIR/tmp that a killed process left, when older than
 * `olderThanMs` (default 10 minutes, so a running peer's tree on a shared DATA_DIR is kept).
 * Called at start; never throws: a tree that cannot be removed is counted in `failed`.
 */
export async function sweepTempTrees(
  dataDir: string,
  opts: { olderThanMs?: number; now?: number } = {},
): Promise<{ removed: number; kept: number; failed: number }> {
  const root = tmpRoot(dataDir);
  const cutoff = (opts.now ?? Date.now()) - (opts.olderThanMs ?? TEMP_TREE_MAX_AGE_MS);
  const result = { removed: 0, kept: 0, failed: 0 };
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return result;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_TREE_PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      const stat = await lstat(dir);
      if (stat.mtimeMs > cutoff) {
        result.kept++;
        continue;
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      result.removed++;
    } catch {
      result.failed++;
    }
  }
  return result;
}

/**
 * Removes lock files (`*.lock`) a killed git process left in ONE bare repository, when older than
 * `olderThanMs` (a lease period). The caller must hold that Sovereign's repository lock (every
 * writer of the repository takes it, on every replica), so no live git process of any replica is
 * writing there; the age check keeps a lock that a peer sharing DATA_DIR might just have taken.
 * Returns how many were removed and how long until the youngest one left is old enough (0: none).
 */
export async function clearStaleLocks(
  repo: string,
  olderThanMs: number,
  now: number = Date.now(),
): Promise<{ removed: number; waitMs: number }> {
  const out = { removed: 0, waitMs: 0 };
  if (!existsSync(repo)) return out;
  const entries = await readdir(repo, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.lock')) continue;
    const file = path.join(e.parentPath, e.name);
    const stat = await lstat(file).catch(() => undefined);
    if (!stat) continue;
    const age = now - stat.mtimeMs;
    if (age < olderThanMs) {
      out.waitMs = Math.max(out.waitMs, Math.ceil(olderThanMs - age));
      continue;
    }
    await rm(file, { force: true });
    out.removed++;
  }
  return out;
}

/** The remote URL for a Sovereign: `{name}` in GITOPS_REMOTE_URL is replaced by its name. */
export function remoteUrlFor(template: string, sovereign: string): string {
  return template.split('{name}').join(sovereign);
}

/** Pushes the branch to the remote; the token travels in an HTTP header set through the environment, never in argv or logs. */
export async function pushTree(
  repo: string,
  remote: RemoteConfig,
  sovereign: string,
): Promise<void> {
  const url = remoteUrlFor(remote.url, sovereign);
  const env: NodeJS.ProcessEnv = { GIT_DIR: repo };
  if (remote.token) {
    const basic = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
    Object.assign(env, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    });
  }
  const secrets = [
    remote.token,
    remote.token && Buffer.from(`x-access-token:${remote.token}`).toString('base64'),
  ];
  await run(['push', '--quiet', url, `${GIT_BRANCH}:${GIT_BRANCH}`], { env, secrets });
}

/** The tree of a commit as an uncompressed tar, every path under `prefix` (what was committed, byte for byte). */
export function archiveCommit(repo: string, sha: string, prefix: string): Promise<Buffer> {
  if (!/^[0-9a-f]{40,64}$/.test(sha)) return Promise.reject(new Error(`Not a commit id: ${sha}`));
  return withRetry(() => archiveOnce(repo, sha, prefix), {
    ...SPAWN_RETRY,
    isTransient: isSpawnFailure,
  });
}

function archiveOnce(repo: string, sha: string, prefix: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['archive', '--format=tar', `--prefix=${prefix}`, sha],
      {
        env: { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: repo },
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, out, errOut) => {
        if (err) {
          const failure = new Error(`git archive failed: ${String(errOut).trim() || err.message}`);
          if (typeof err.code === 'string') Object.assign(failure, { code: err.code });
          reject(failure);
        } else resolve(out);
      },
    );
  });
}
