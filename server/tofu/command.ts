// One tofu command of a run: its `-json` lines become progress events (secrets scrubbed), its
// diagnostics are kept for the failure's summary; it throws on a non-zero exit or a cancel.
import type { NewEvent } from '../db/repository';
import type { ExecutorContext } from '../executor-types';
import { scrub } from '../git';
import type { TofuSettings } from './config';
import { runTofu } from './process';
import {
  describeDiagnostic,
  parseTofuLine,
  summariseDiagnostics,
  type TofuDiagnostic,
} from './stream';
import { batched, Cancelled, ev, StepFailed, type Phase, type RunState } from './run';

/** Where and how the tofu commands of a run execute. */
export interface StepEnv {
  settings: Pick<TofuSettings, 'bin' | 'cancelGraceMs'>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  run: RunState;
}

/** One tofu command: its -json lines as events, its diagnostics kept; throws on failure or cancel. */
export async function runStep(
  ctx: ExecutorContext,
  phase: Phase,
  name: string,
  args: string[],
  o: StepEnv & { raw?: string[] },
): Promise<void> {
  if (o.signal.aborted) throw new Cancelled();
  const t0 = performance.now();
  const diagnostics: TofuDiagnostic[] = [];
  const { report, flushed } = batched((events) => ctx.report(events));
  const result = await runTofu({
    bin: o.settings.bin,
    args,
    cwd: o.cwd,
    env: o.env,
    signal: o.signal,
    graceMs: o.settings.cancelGraceMs,
    onLine: (line) => {
      if (o.raw) return void o.raw.push(line);
      onJsonLine(line, phase, o.run, diagnostics, report);
    },
  });
  await flushed();
  if (result.interrupted || o.signal.aborted) throw new Cancelled();
  if (result.code !== 0) {
    const summary =
      summariseDiagnostics(diagnostics) ||
      result.tail.slice(-3).join(' ') ||
      `exit code ${result.code ?? result.signal}`;
    throw new StepFailed(name, scrub(summary, o.run.secrets), diagnostics);
  }
  await ctx.report([
    ev(phase, `tofu ${name} done`, { durationMs: Math.round(performance.now() - t0) }),
  ]);
}

/** One `-json` line: a diagnostic (kept, and told as a warn or error) or a progress event. */
function onJsonLine(
  line: string,
  phase: Phase,
  run: RunState,
  diagnostics: TofuDiagnostic[],
  report: (e: NewEvent) => void,
): void {
  const msg = parseTofuLine(line);
  if (!msg) return;
  if (msg.type === 'diagnostic') {
    diagnostics.push(msg.diagnostic);
    const text = scrub(describeDiagnostic(msg.diagnostic), run.secrets);
    report(ev(phase, text, { level: msg.diagnostic.severity === 'error' ? 'error' : 'warn' }));
    return;
  }
  const text = run.progress.onMessage(msg);
  if (text) report(ev(phase, text));
}
