// Where a tofu run happens: a working copy of infra/<provider> at the deployment's commit, taken
// from the Sovereign's bare repository (`git archive | tar -x`) into DATA_DIR/tmp (removed on every
// path; leftovers of a killed process are swept at start like the pipeline's work trees), with a
// local backend pointing at DATA_DIR/state/<deployment>/, which outlives every run: a restart plans
// and applies against the state already written, never from scratch.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TEMP_TREE_PREFIX, tmpRoot } from '../git';

/** DATA_DIR/state/<deployment>: terraform.tfstate, plan.tfplan and OpenTofu's data dir. */
export function stateDir(dataDir: string, deploymentId: string): string {
  return path.join(dataDir, 'state', deploymentId);
}

export const STATE_FILE = 'terraform.tfstate';
export const PLAN_FILE = 'plan.tfplan';
/** The file the executor adds to the working copy: the local backend in the state dir. */
export const BACKEND_FILE = 'catalyst_backend.tf';
/** The non-secret inputs the executor adds (deployment_id, kubeconfig_callback_url); never committed. */
export const EXECUTOR_TFVARS_FILE = 'catalyst_executor.auto.tfvars.json';

/** How many resources a state file records (0 when there is none yet). */
export function resourcesInState(dir: string): number {
  const file = path.join(dir, STATE_FILE);
  if (!existsSync(file)) return 0;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as {
      resources?: { instances?: unknown[] }[];
    };
    return (state.resources ?? []).reduce((n, r) => n + (r.instances?.length ?? 1), 0);
  } catch {
    return 0;
  }
}

function pipeArchive(bare: string, sha: string, sub: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = {
      PATH: process.env.PATH,
      HOME: os.tmpdir(),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_DIR: bare,
    };
    const git = spawn('git', ['archive', '--format=tar', sha, sub], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tar = spawn('tar', ['-x', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    git.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    tar.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    git.stdout.pipe(tar.stdin);
    const exited = (p: ReturnType<typeof spawn>) =>
      new Promise<number | null>((res, rej) => {
        p.once('error', rej);
        p.once('close', (code) => res(code));
      });
    Promise.all([exited(git), exited(tar)]).then(([gitCode, tarCode]) => {
      if (gitCode === 0 && tarCode === 0) resolve();
      else
        reject(
          new Error(
            `cannot check out ${sub} at ${sha.slice(0, 12)}: ${errors.trim() || `git ${gitCode}, tar ${tarCode}`}`,
          ),
        );
    }, reject);
  });
}

export interface WorkingCopy {
  /** infra/<provider> inside the working copy: where tofu runs. */
  moduleDir: string;
  /** Removes the working copy (never throws; a failure is reported). */
  remove(): Promise<void>;
}

/**
 * Checks out infra/<provider> of commit `sha` into DATA_DIR/tmp/catalyst-wt-tofu-*, with the local
 * backend file added. The caller removes it (finally).
 */
export async function checkoutModule(opts: {
  dataDir: string;
  bare: string;
  sha: string;
  provider: string;
  statePath: string;
  /** Non-secret variables written to EXECUTOR_TFVARS_FILE in the working copy (none: no file). */
  tfvars?: Readonly<Record<string, string>>;
  onCleanupError: (err: unknown, dir: string) => void;
}): Promise<WorkingCopy> {
  const root = tmpRoot(opts.dataDir);
  await mkdir(root, { recursive: true });
  const base = await mkdtemp(path.join(root, `${TEMP_TREE_PREFIX}tofu-`));
  const remove = () =>
    rm(base, { recursive: true, force: true, maxRetries: 3 }).catch((err: unknown) =>
      opts.onCleanupError(err, base),
    );
  try {
    if (!/^[0-9a-f]{40,64}$/.test(opts.sha)) throw new Error(`Not a commit id: ${opts.sha}`);
    const sub = `infra/${opts.provider}`;
    await pipeArchive(opts.bare, opts.sha, sub, base);
    const moduleDir = path.join(base, sub);
    await writeFile(
      path.join(moduleDir, BACKEND_FILE),
      '# Added by the Catalyst Bootstrap executor: the state lives outside this working copy.\n' +
        `terraform {\n  backend "local" {\n    path = ${JSON.stringify(opts.statePath)}\n  }\n}\n`,
    );
    if (opts.tfvars && Object.keys(opts.tfvars).length > 0)
      await writeFile(
        path.join(moduleDir, EXECUTOR_TFVARS_FILE),
        JSON.stringify(opts.tfvars, null, 2) + '\n',
      );
    return { moduleDir, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

/** Variables of the server's environment OpenTofu may see (never the API's own secrets). */
const PASSED_THROUGH =
  /^(PATH|HOME|TMPDIR|LANG|LC_[A-Z]+|SSL_CERT_(FILE|DIR)|(HTTPS?|NO)_PROXY|(https?|no)_proxy|TF_CLI_CONFIG_FILE|TF_PLUGIN_CACHE_DIR|TF_LOG(_PATH)?|TF_REGISTRY_[A-Z_]+)$/;

/**
 * OpenTofu's environment: the allow-listed server variables, automation settings, its data dir in
 * the state dir, and the secrets as TF_VAR_<name> (the only place they are ever given).
 */
export function tofuEnvironment(
  server: NodeJS.ProcessEnv,
  dir: string,
  secrets: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(server))
    if (PASSED_THROUGH.test(k) && v !== undefined) env[k] = v;
  Object.assign(env, {
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_DATA_DIR: path.join(dir, '.terraform'),
  });
  for (const [name, value] of Object.entries(secrets)) env[`TF_VAR_${name}`] = value;
  return env;
}
