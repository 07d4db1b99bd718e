// Starts the real bootstrap server (`node --import tsx server/main.ts`) as a child process, on
// a free port unless PORT is given, and resolves once it prints its address. Used by the server
// tests, the end-to-end journeys that need a server of their own, and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerProcess {
  /** Where it listens, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  output: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Spawns the server with `env` on top of this process's (HOST 127.0.0.1, PORT 0, LOG_LEVEL warn). */
export function spawnServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const m = /listening on (http:\/\/[\d.]+:(\d+))/.exec(text);
      if (m?.[1] && m[2]) resolve({ url: m[1], port: Number(m[2]), child, output });
    });
    child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output.join('')}`)));
  });
}

/** Sends `signal` to the server and resolves once it has exited. */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
