// The GitOps repository of a Sovereign: a bare repository per Sovereign under DATA_DIR/git, written
// through a temporary work tree with the git CLI, optionally pushed to GITOPS_REMOTE_URL.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TreeFile {
  path: string;
  content: string;
}

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

function run(
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
          reject(new Error(`git ${args[0] === '-C' ? args[2] : args[0]} failed: ${detail}`));
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

/**
 * Commits `files` as the whole tree of the branch; returns the commit id. When the tree equals the
 * branch head (a pipeline resumed after a restart) no new commit is made.
 */
export async function commitTree(
  repo: string,
  files: readonly TreeFile[],
  message: string,
): Promise<{ sha: string; created: boolean }> {
  await ensureBare(repo);
  const base = await mkdtemp(path.join(os.tmpdir(), 'catalyst-wt-'));
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
    await rm(base, { recursive: true, force: true });
  }
}

/**
 * Removes lock files a killed git process left in the repositories under DATA_DIR/git. Called at
 * startup, before any pipeline runs, when no git process of this server can hold them.
 */
export async function clearStaleLocks(dataDir: string): Promise<number> {
  const root = path.join(dataDir, 'git');
  if (!existsSync(root)) return 0;
  let removed = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.lock')) continue;
    await rm(path.join(e.parentPath, e.name), { force: true });
    removed++;
  }
  return removed;
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
        if (err) reject(new Error(`git archive failed: ${String(errOut).trim() || err.message}`));
        else resolve(out);
      },
    );
  });
}
