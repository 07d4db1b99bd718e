import { describe, expect, it } from 'vitest';
import { COMPONENTS, getComponent } from '../../../src/shared/constants/components';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import {
  SYSTEM_RESERVE,
  computeCapacity,
  formatUsagePercent,
  poolAllocatable,
  sumRequests,
  type RegionSpec,
  type ResourceTotals,
} from '../../../src/shared/lib/capacity';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';

const node = { vcpu: 4, ramGiB: 8, diskGB: 80 };
/** 1 control plane + 2 workers of 4 vCPU / 8 GiB / 80 GB: 10800m, 22116 MiB, 201 GiB allocatable. */
const region = (name: string, workers = 2): RegionSpec => ({
  name,
  controlPlane: { ...node, count: 1 },
  workers: { ...node, count: workers },
});
const req = (cpuMillicores: number, memoryMiB = 0, storageGiB = 0): ResourceTotals => ({
  cpuMillicores,
  memoryMiB,
  storageGiB,
});

describe('poolAllocatable', () => {
  it('keeps SYSTEM_RESERVE of each node back and rounds down per node', () => {
    expect(SYSTEM_RESERVE).toEqual({ cpu: 0.1, memory: 0.1, disk: 0.1 });
    expect(poolAllocatable({ ...node, count: 1 })).toEqual(req(3600, 7372, 67));
    expect(poolAllocatable({ ...node, count: 3 })).toEqual(req(10800, 22116, 201));
    expect(poolAllocatable({ ...node, count: 0 })).toEqual(req(0, 0, 0));
  });
});

describe('computeCapacity', () => {
  it.each([
    ['exactly 80% is ok', 8640, 'ok'],
    ['just above 80% warns', 8641, 'warn'],
    ['exactly 100% still only warns', 10800, 'warn'],
    ['just above 100% is an error', 10801, 'error'],
    ['nothing requested is ok', 0, 'ok'],
  ] as const)('%s', (_label, cpu, level) => {
    const report = computeCapacity(req(cpu), [region('fsn1')]);
    expect(report.level).toBe(level);
    expect(report.regions[0]?.level).toBe(level);
    expect(report.regions[0]?.usage.cpu).toBeCloseTo(cpu / 10800, 10);
    expect(report.messages).toHaveLength(level === 'ok' ? 0 : 1);
  });

  it.each([
    [8641, '8.64 vCPU requested of 10.80 vCPU allocatable (81%)'],
    [10800, '10.80 vCPU requested of 10.80 vCPU allocatable (100%)'],
    [10801, '10.80 vCPU requested of 10.80 vCPU allocatable (101%)'],
  ])('shows a percentage that agrees with the level for %i millicores', (cpu, text) => {
    expect(computeCapacity(req(cpu), [region('fsn1')]).messages).toEqual([
      `Region 1 (fsn1): CPU ${text}`,
    ]);
  });

  it('puts the numbers in the message, naming the region by position and name', () => {
    const report = computeCapacity(req(9000, 24000, 10), [region('fsn1', 2), region('nbg1', 2)]);
    expect(report.level).toBe('error');
    expect(report.messages).toEqual([
      'Region 1 (fsn1): CPU 9.00 vCPU requested of 10.80 vCPU allocatable (83%)',
      'Region 1 (fsn1): memory 23.4 GiB requested of 21.6 GiB allocatable (109%)',
      'Region 2 (nbg1): CPU 9.00 vCPU requested of 10.80 vCPU allocatable (83%)',
      'Region 2 (nbg1): memory 23.4 GiB requested of 21.6 GiB allocatable (109%)',
    ]);
    expect(report.regions.map((r) => r.level)).toEqual(['error', 'error']);
  });

  it('judges each region on its own nodes: more workers clear the error', () => {
    const report = computeCapacity(req(9000, 24000, 10), [region('fsn1', 2), region('hel1', 4)]);
    expect(report.regions.map((r) => r.level)).toEqual(['error', 'ok']);
    expect(report.regions[1]?.allocatable).toEqual(req(18000, 36860, 335));
    expect(report.messages.every((m) => m.startsWith('Region 1 (fsn1)'))).toBe(true);
  });

  it('reports disk usage and requests with nowhere to run', () => {
    const disk = computeCapacity(req(0, 0, 190), [region('fsn1')]);
    expect(disk.messages).toEqual([
      'Region 1 (fsn1): disk 190.0 GiB requested of 201.0 GiB allocatable (95%)',
    ]);
    const empty: RegionSpec = {
      name: 'x',
      controlPlane: { ...node, count: 0 },
      workers: { ...node, count: 0 },
    };
    const none = computeCapacity(req(100), [empty]);
    expect(none.level).toBe('error');
    expect(none.regions[0]?.usage.cpu).toBe(Infinity);
    expect(none.messages[0]).toContain('(no capacity)');
    expect(computeCapacity(req(100), []).level).toBe('ok');
  });

  it('takes a list as each region its own requests (nothing where the list is short)', () => {
    const report = computeCapacity(
      [req(9000, 100), req(4000, 100, 1)],
      [region('fsn1'), region('nbg1'), region('hel1')],
    );
    expect(report.regions.map((r) => r.requests)).toEqual([
      req(9000, 100),
      req(4000, 100, 1),
      req(0),
    ]);
    expect(report.regions.map((r) => r.level)).toEqual(['warn', 'ok', 'ok']);
    expect(report.level).toBe('warn');
  });
});

describe('sumRequests', () => {
  const list = [
    { id: 'a', resources: req(100, 128, 1) },
    { id: 'b', resources: req(250, 512, 0) },
  ];

  it('sums the installed ids once each and ignores unknown ones', () => {
    expect(sumRequests(list, ['a', 'b', 'a', 'zz'])).toEqual(req(350, 640, 1));
    expect(sumRequests(list, ['b'])).toEqual(req(250, 512, 0));
    expect(sumRequests(list, [])).toEqual(req(0, 0, 0));
  });

  it('reads the real catalog through its index or its component list', () => {
    const installed = resolveSelection(CATALOG_INDEX, ['librechat']).installed;
    const expected = [...installed].reduce(
      (t, id) => {
        const r = getComponent(id).resources;
        return req(
          t.cpuMillicores + r.cpuMillicores,
          t.memoryMiB + r.memoryMiB,
          t.storageGiB + r.storageGiB,
        );
      },
      req(0, 0, 0),
    );
    expect(sumRequests(CATALOG_INDEX, installed)).toEqual(expected);
    expect(sumRequests(COMPONENTS, installed)).toEqual(expected);
    expect(expected.cpuMillicores).toBeGreaterThan(0);
  });
});

describe('formatUsagePercent', () => {
  it('never contradicts the level, and says when nothing is allocatable', () => {
    expect(formatUsagePercent(0.5)).toBe('50%');
    expect(formatUsagePercent(1.002)).toBe('101%');
    expect(formatUsagePercent(0.8004)).toBe('81%');
    expect(formatUsagePercent(Infinity)).toBe('no capacity');
  });
});
