import { describe, expect, it } from 'vitest';
import {
  componentProgress,
  formatDuration,
  pipelineProgress,
} from '../../../src/components/deployments/progress';
import { addEvent } from '../../../src/shared/api/events';
import type { DeploymentEvent } from '../../../src/shared/schemas/api';

let seq = 0;
const ev = (phase: DeploymentEvent['phase'], extra: Partial<DeploymentEvent> = {}) =>
  ({
    seq: ++seq,
    time: '2026-01-01T00:00:00.000Z',
    phase,
    level: 'info',
    message: phase,
    ...extra,
  }) as DeploymentEvent;

const states = (events: DeploymentEvent[], status?: Parameters<typeof pipelineProgress>[1]) =>
  pipelineProgress(events, status).map((s) => s.state);

describe('pipelineProgress', () => {
  it('marks reported steps done, the next one running, the rest pending', () => {
    const events = [ev('validate', { durationMs: 5 }), ev('persist', { durationMs: 2 })];
    expect(states(events, 'rendering')).toEqual([
      'done',
      'done',
      'running',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(pipelineProgress(events, 'rendering')[0]?.durationMs).toBe(5);
  });

  it('marks the step after the last report failed when the pipeline failed', () => {
    const events = [ev('validate'), ev('persist'), ev('render'), ev('failed', { level: 'error' })];
    expect(states(events, 'failed')[3]).toBe('failed');
  });

  it('is all done at ready-to-apply', () => {
    const events = ['validate', 'persist', 'render', 'tofu-inputs', 'commit'].map((p) =>
      ev(p as DeploymentEvent['phase']),
    );
    events.push(ev('components', { component: 'cilium', state: 'pending' }), ev('ready'));
    expect(states(events, 'ready-to-apply').every((s) => s === 'done')).toBe(true);
  });
});

describe('componentProgress and addEvent', () => {
  it('keeps each component once, latest state, first-listed order', () => {
    const events = [
      ev('components', { component: 'cilium', state: 'pending' }),
      ev('components', { component: 'flux', state: 'pending' }),
      ev('components', { component: 'cilium', state: 'installed' }),
    ];
    expect(componentProgress(events).map((c) => [c.id, c.state])).toEqual([
      ['cilium', 'installed'],
      ['flux', 'pending'],
    ]);
  });

  it('never repeats an event replayed after a reconnect', () => {
    const a = ev('validate');
    const b = ev('persist');
    let log = addEvent(addEvent([], a), b);
    log = addEvent(log, a);
    log = addEvent(log, b);
    expect(log.map((e) => e.seq)).toEqual([a.seq, b.seq]);
  });

  it('formats durations for people', () => {
    expect([formatDuration(12), formatDuration(1400), formatDuration(125_000)]).toEqual([
      '12 ms',
      '1.4 s',
      '2 min 5 s',
    ]);
  });
});
