// The plan and apply phases of a tofu run: `tofu init`, `tofu plan -out -json` and `tofu apply
// -json <plan>` on the working copy, with the state kept in DATA_DIR/state/<deployment>.
import path from 'node:path';
import type { ExecutorContext } from '../executor-types';
import { runStep, type StepEnv } from './command';
import { ev } from './run';
import { PLAN_FILE, resourcesInState } from './workdir';

/** Runs init, plan and apply; the apply's progress is in `o.run.progress`. */
export async function planAndApply(ctx: ExecutorContext, o: StepEnv): Promise<void> {
  await reportStart(ctx, o.run.dir);
  await runStep(ctx, 'tofu-init', 'init', ['init', '-input=false', '-no-color'], o);
  const plan = path.join(o.run.dir, PLAN_FILE);
  await runStep(
    ctx,
    'tofu-plan',
    'plan',
    ['plan', '-input=false', '-lock-timeout=2m', `-out=${plan}`, '-json'],
    o,
  );
  await ctx.report(
    [],
    'tofu-applying',
    `OpenTofu is applying the plan: ${o.run.progress.total} change(s).`,
  );
  await runStep(
    ctx,
    'tofu-apply',
    'apply',
    ['apply', '-input=false', '-lock-timeout=2m', '-json', plan],
    o,
  );
}

/** The first event and status of a run, saying when it continues from a kept state. */
async function reportStart(ctx: ExecutorContext, stateDir: string): Promise<void> {
  const where = `DATA_DIR/state/${ctx.deploymentId}`;
  const recorded = resourcesInState(stateDir);
  const resume =
    recorded > 0
      ? ` Resuming from the OpenTofu state kept in ${where} (${recorded} resource(s) already recorded): plan and apply continue from it.`
      : '';
  await ctx.report(
    [
      ev(
        'tofu-init',
        `Running OpenTofu on infra/${ctx.manifest.spec.infrastructure.provider} at ${ctx.commitSha?.slice(0, 12)}.${resume}`,
      ),
    ],
    'tofu-applying',
    `OpenTofu is initialising the module.${resume}`,
  );
}
