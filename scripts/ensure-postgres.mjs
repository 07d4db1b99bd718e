// A throwaway PostgreSQL server for `npm test`: installs Debian's postgresql with apt-get when its
// binaries are missing (like ensure-chromium.mjs), then `initdb` into a temp folder, `pg_ctl start`
// on a free port on 127.0.0.1 (unix socket in the same folder, fsync off), one database, and a
// stop() that stops the server and removes the folder (also called on exit and on SIGINT/SIGTERM).
// Run directly (`node scripts/ensure-postgres.mjs -- <command...>`) it runs the command with
// DATABASE_URL set and cleans up afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './apt-install.mjs';

const isRoot = process.getuid?.() === 0;

/** The directory holding initdb and pg_ctl: PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debian, v, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
  );
}

/** Installs Debian's postgresql with apt-get when initdb/pg_ctl are not found; returns their directory. */
export function ensurePostgresInstalled() {
  const found = findPgBin();
  if (found) return found;
  console.log("[setup] initdb not found: installing Debian's postgresql ...");
  const ok = aptInstall('postgresql');
  const bin = findPgBin();
  if (!ok || !bin) {
    console.error(
      '[setup] could not install PostgreSQL; install it (apt-get install postgresql) or set PG_BIN',
    );
    process.exit(1);
  }
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Numeric uid/gid of a system user (the `postgres` user Debian's package creates). */
function userIds(name) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a throwaway cluster and creates one database. Resolves to
 * `{ url, port, dir, stop }`; PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function startTempPostgres({ quiet = false } = {}) {
  const t0 = Date.now();
  const bin = ensurePostgresInstalled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  let asUser = [];
  if (isRoot) {
    const ids = userIds('postgres');
    if (!ids) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('running as root but there is no `postgres` system user to run PostgreSQL');
    }
    chownSync(dir, ids.uid, ids.gid);
    asUser = ['runuser', '-u', 'postgres', '--'];
  }
  const exec = (cmd, args, opts = {}) => {
    const full = [...asUser, path.join(bin, cmd), ...args];
    const res = spawnSync(full[0], full.slice(1), {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, LC_ALL: 'C', PGTZ: 'UTC' },
      ...opts,
    });
    if (res.status !== 0) {
      const logText = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(
        `${cmd} failed (${res.status ?? res.signal}): ${res.stderr || res.stdout}${logText}`,
      );
    }
    return res.stdout;
  };

  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      try {
        exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
      } catch (err) {
        if (!quiet) console.error(`[postgres] ${String(err)}`);
      }
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    process.off('exit', stop);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(sig, onSignal);
  };
  const onSignal = (sig) => {
    stop();
    process.kill(process.pid, sig);
  };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, onSignal);

  try {
    exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=400',
      '-c shared_buffers=64MB',
    ].join(' ');
    exec('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options]);
    started = true;
    exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'catalyst_test']);
    const url = `postgres://postgres@127.0.0.1:${port}/catalyst_test`;
    if (!quiet) console.log(`[postgres] ${url} ready in ${Date.now() - t0} ms (${dir})`);
    return { url, port, dir, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/**
 * Runs a command with inherited stdio, asynchronously (so this process still receives signals),
 * forwarding SIGINT/SIGTERM/SIGHUP to it; resolves to its exit status (1 when killed by a signal).
 */
export function runForwarding(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    const forward = (sig) => child.kill(sig);
    const sigs = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const sig of sigs) process.on(sig, forward);
    const done = (code) => {
      for (const sig of sigs) process.off(sig, forward);
      resolve(code);
    };
    child.once('error', () => done(1));
    child.once('exit', (code) => done(code ?? 1));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sep = process.argv.indexOf('--');
  const cmd = sep >= 0 ? process.argv.slice(sep + 1) : [];
  if (cmd.length === 0) {
    ensurePostgresInstalled();
  } else {
    const pg = await startTempPostgres();
    const status = await runForwarding(cmd[0], cmd.slice(1), {
      ...process.env,
      DATABASE_URL: pg.url,
    });
    pg.stop();
    process.exit(status);
  }
}
