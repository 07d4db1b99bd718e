// EXECUTOR and the settings of the `tofu` executor: the OpenTofu binary (TOFU_BIN, else `tofu` on
// PATH; start-up refuses EXECUTOR=tofu without it), the cancel grace period and the cluster watch's
// timeout. Parsed by server/config.ts, which turns a TofuConfigError into its ConfigError.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export type ExecutorKind = 'none' | 'tofu';

export interface TofuSettings {
  /** Absolute path of the OpenTofu CLI. */
  bin: string;
  /** After SIGINT, how long OpenTofu may take to stop at a safe point before SIGKILL. */
  cancelGraceMs: number;
  /** How long the cluster watch waits for every HelmRelease to be Ready. */
  watchTimeoutMs: number;
  /** Pause between attempts to reach a cluster's API while it boots. */
  watchRetryMs: number;
  /**
   * POWERDNS_API_KEY: the key of the PowerDNS API behind the Sovereigns' nameservers, given to
   * OpenTofu as TF_VAR_powerdns_api_key when its module creates the DNS records (dns.tf).
   */
  powerdnsApiKey?: string;
}

export class TofuConfigError extends Error {
  override name = 'TofuConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export const INSTALL_TOFU_HINT =
  'install OpenTofu 1.8 or later (https://opentofu.org/docs/intro/install/, e.g. ' +
  '`snap install --classic opentofu` or the standalone installer) so that `tofu` is on PATH, ' +
  'or set TOFU_BIN to the path of the tofu binary';

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TOFU_BIN when set (it must be an executable file), else the first `tofu` on PATH. */
export function findTofu(env: Env): string | undefined {
  const explicit = env.TOFU_BIN;
  if (explicit !== undefined && explicit !== '') {
    const file = path.resolve(explicit);
    return isExecutableFile(file) ? file : undefined;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, 'tofu');
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

function ms(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new TofuConfigError(
      `${name} must be a whole number from ${min} to ${max} (got "${raw}")`,
    );
  }
  return n;
}

/** The executor EXECUTOR names, and for `tofu` its settings; throws TofuConfigError. */
export function parseExecutorConfig(env: Env): {
  executor: ExecutorKind;
  tofu: TofuSettings | undefined;
} {
  const kind = env.EXECUTOR === undefined || env.EXECUTOR === '' ? 'none' : env.EXECUTOR;
  if (kind === 'none') return { executor: 'none', tofu: undefined };
  if (kind !== 'tofu') {
    throw new TofuConfigError(
      `EXECUTOR=${kind} is not an executor of this build: use "none" (the API writes the GitOps ` +
        'repository and OpenTofu module, ready to apply by hand) or "tofu" (the API runs OpenTofu)',
    );
  }
  const bin = findTofu(env);
  if (!bin) {
    const where = env.TOFU_BIN
      ? `TOFU_BIN=${env.TOFU_BIN} is not an executable file`
      : 'no `tofu` on PATH';
    throw new TofuConfigError(
      `EXECUTOR=tofu needs the OpenTofu CLI (${where}): ${INSTALL_TOFU_HINT}`,
    );
  }
  return {
    executor: 'tofu',
    tofu: {
      bin,
      cancelGraceMs: ms(env, 'TOFU_CANCEL_GRACE_MS', 120_000, 100, 3_600_000),
      watchTimeoutMs: ms(env, 'CLUSTER_WATCH_TIMEOUT_MS', 45 * 60_000, 100, 24 * 3_600_000),
      watchRetryMs: ms(env, 'CLUSTER_WATCH_RETRY_MS', 10_000, 10, 600_000),
      ...(env.POWERDNS_API_KEY ? { powerdnsApiKey: env.POWERDNS_API_KEY } : {}),
    },
  };
}
