// Runs one OpenTofu command: argv without any secret (they are TF_VAR_* in its environment only),
// stdout read line by line, and a cancel that asks OpenTofu to stop at a safe point (SIGINT: it
// finishes the resource in flight and writes its state) before SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TofuRun {
  /** Exit code; null when it ended on a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when it was stopped by the cancel (SIGINT, then SIGKILL if needed). */
  interrupted: boolean;
  /** The last lines of stderr and of non-JSON stdout (for a failure without diagnostics). */
  tail: string[];
}

export interface RunOptions {
  bin: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted: SIGINT, then SIGKILL after graceMs. */
  signal: AbortSignal;
  graceMs: number;
  onLine: (line: string) => void;
  /** Called with the process id once it runs (the executor records it). */
  onSpawn?: (pid: number) => void;
}

const TAIL_LINES = 20;

/** Runs `bin args` and resolves when it exits (never rejects for a non-zero exit). */
export function runTofu(opts: RunOptions): Promise<TofuRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.bin, opts.args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (line: string) => {
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    let interrupted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      if (interrupted || child.exitCode !== null) return;
      interrupted = true;
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), opts.graceMs);
      killTimer.unref();
    };
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    createInterface({ input: child.stdout })
      .on('error', () => undefined)
      .on('line', (line) => {
        if (!line.trimStart().startsWith('{')) keep(line);
        opts.onLine(line);
      });
    createInterface({ input: child.stderr })
      .on('error', () => undefined)
      .on('line', keep);
    child.once('error', (err) => {
      opts.signal.removeEventListener('abort', onAbort);
      reject(new Error(`cannot run ${opts.bin}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      opts.signal.removeEventListener('abort', onAbort);
      resolve({ code, signal, interrupted, tail });
    });
    if (opts.signal.aborted) onAbort();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
  });
}
