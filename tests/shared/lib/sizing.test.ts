import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROVIDERS,
  VOLUME_EUR_PER_GB_MONTH,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  getProvider,
  type ProviderId,
} from '../../../src/shared/constants/domain';
import {
  computeCapacity,
  poolAllocatable,
  type NodePool,
  type ResourceTotals,
} from '../../../src/shared/lib/capacity';
import { capacityInputs } from '../../../src/shared/lib/node-pools';
import { SIZING_HEADROOM, fitRegion, fitWorkers, samePool } from '../../../src/shared/lib/sizing';

const CP: NodePool = { vcpu: 2, ramGiB: 4, diskGB: 40, count: 1 };
const load = (cores: number, gib: number, disk: number): ResourceTotals => ({
  cpuMillicores: cores * 1000,
  memoryMiB: gib * 1024,
  storageGiB: disk,
});
const limit = 1 - SIZING_HEADROOM;

/** Every (size, count) without a volume that carries the load within the headroom, with its cost. */
function bruteForce(provider: ProviderId, requests: ResourceTotals, cp = CP) {
  const cpAlloc = poolAllocatable(cp);
  const out: { size: string; count: number; eur: number }[] = [];
  for (const s of getProvider(provider).sizes.filter((x) => !x.arch)) {
    for (let n = 1; n <= WORKER_COUNT_RANGE.max; n++) {
      const w = poolAllocatable({ vcpu: s.vcpu, ramGiB: s.ramGiB, diskGB: s.diskGB, count: n });
      const ok =
        requests.cpuMillicores / (cpAlloc.cpuMillicores + w.cpuMillicores) <= limit &&
        requests.memoryMiB / (cpAlloc.memoryMiB + w.memoryMiB) <= limit &&
        requests.storageGiB / (cpAlloc.storageGiB + w.storageGiB) <= limit;
      if (ok) out.push({ size: s.id, count: n, eur: n * s.eurPerMonth });
    }
  }
  return out;
}

const loadArb = fc.record({
  cpuMillicores: fc.integer({ min: 0, max: 200_000 }),
  memoryMiB: fc.integer({ min: 0, max: 600_000 }),
  storageGiB: fc.integer({ min: 0, max: 20_000 }),
});

describe('fitWorkers', () => {
  it('picks the cheapest size and count, as a brute force over the catalogue does (no volumes)', () => {
    for (const provider of ['hetzner', 'aws'] as const) {
      for (const requests of [load(3, 6, 50), load(40, 70, 900), load(12, 90, 100)]) {
        const fit = fitWorkers({ provider, requests, controlPlane: CP, volumes: false });
        const all = bruteForce(provider, requests);
        const cheapest = Math.min(...all.map((c) => c.eur));
        expect(fit?.workersEurPerMonth).toBeCloseTo(cheapest, 6);
        expect(all).toContainEqual({ size: fit?.size, count: fit?.count, eur: expect.any(Number) });
      }
    }
  });

  it('adds the smallest volume that carries the disk when that is cheaper than more nodes', () => {
    // 3 GiB of CPU-light load but 600 GiB of disk: AWS sizes all have a fixed 100 GB disk.
    const requests = load(2, 4, 600);
    const fit = fitWorkers({ provider: 'aws', requests, controlPlane: CP });
    expect(fit?.volumeGb).toBeGreaterThanOrEqual(VOLUME_GB_RANGE.min);
    expect(fit?.usage.disk).toBeLessThanOrEqual(limit);
    const lessVolume = fitWorkers({
      provider: 'aws',
      requests,
      controlPlane: CP,
      volumes: false,
    });
    expect(fit!.workersEurPerMonth).toBeLessThan(lessVolume!.workersEurPerMonth);
    // One GB less per worker would not fit (or fall below the smallest volume).
    const size = getProvider('aws').sizes.find((s) => s.id === fit!.size)!;
    const smaller = poolAllocatable({
      vcpu: size.vcpu,
      ramGiB: size.ramGiB,
      diskGB: size.diskGB + fit!.volumeGb! - 1,
      count: fit!.count,
    });
    if (fit!.volumeGb! > VOLUME_GB_RANGE.min)
      expect(
        requests.storageGiB / (smaller.storageGiB + poolAllocatable(CP).storageGiB),
      ).toBeGreaterThan(limit);
    expect(fit!.workersEurPerMonth).toBeCloseTo(
      fit!.count * (size.eurPerMonth + fit!.volumeGb! * VOLUME_EUR_PER_GB_MONTH.aws),
      6,
    );
  });

  it('respects the headroom on CPU, memory and disk, as the capacity engine measures it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROVIDERS.map((p) => p.id)), loadArb, (provider, requests) => {
        const fit = fitWorkers({ provider, requests, controlPlane: CP });
        if (!fit) return;
        const size = getProvider(provider).sizes.find((s) => s.id === fit.size)!;
        const report = computeCapacity(requests, [
          {
            name: 'r',
            controlPlane: CP,
            workers: {
              vcpu: size.vcpu,
              ramGiB: size.ramGiB,
              diskGB: size.diskGB + (fit.volumeGb ?? 0),
              count: fit.count,
            },
          },
        ]);
        const usage = report.regions[0]!.usage;
        for (const u of [usage.cpu, usage.memory, usage.disk]) expect(u).toBeLessThanOrEqual(limit);
        expect(report.level).toBe('ok');
        expect(fit.count).toBeGreaterThanOrEqual(1);
        expect(fit.count).toBeLessThanOrEqual(WORKER_COUNT_RANGE.max);
        if (fit.volumeGb !== undefined) {
          expect(Number.isInteger(fit.volumeGb)).toBe(true);
          expect(fit.volumeGb).toBeGreaterThanOrEqual(VOLUME_GB_RANGE.min);
          expect(fit.volumeGb).toBeLessThanOrEqual(VOLUME_GB_RANGE.max);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is monotone: more load never costs less, and never picks less capacity in every resource', () => {
    const grow = fc.record({
      cpuMillicores: fc.integer({ min: 0, max: 40_000 }),
      memoryMiB: fc.integer({ min: 0, max: 80_000 }),
      storageGiB: fc.integer({ min: 0, max: 2_000 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<ProviderId>('hetzner', 'aws', 'oci'),
        loadArb,
        grow,
        (provider, a, extra) => {
          const b: ResourceTotals = {
            cpuMillicores: a.cpuMillicores + extra.cpuMillicores,
            memoryMiB: a.memoryMiB + extra.memoryMiB,
            storageGiB: a.storageGiB + extra.storageGiB,
          };
          const small = fitWorkers({ provider, requests: a, controlPlane: CP });
          const big = fitWorkers({ provider, requests: b, controlPlane: CP });
          if (!big) return;
          expect(small).not.toBeNull();
          expect(big.workersEurPerMonth).toBeGreaterThanOrEqual(small!.workersEurPerMonth);
          const x = big.allocatable;
          const y = small!.allocatable;
          const less =
            x.cpuMillicores <= y.cpuMillicores &&
            x.memoryMiB <= y.memoryMiB &&
            x.storageGiB <= y.storageGiB &&
            (x.cpuMillicores < y.cpuMillicores ||
              x.memoryMiB < y.memoryMiB ||
              x.storageGiB < y.storageGiB);
          expect(less).toBe(false);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('answers null when 50 of the largest size cannot carry the load', () => {
    expect(fitWorkers({ provider: 'aws', requests: load(10_000, 10, 10), controlPlane: CP })).toBe(
      null,
    );
  });

  it('keeps to the control plane architecture: x86-64 workers beside an x86-64 control plane', () => {
    const requests = load(20, 40, 400);
    const x86 = fitRegion(
      'hetzner',
      {
        cloudRegion: 'fsn1',
        controlPlane: { size: 'cpx32', ha: true },
        workers: { size: 'cpx42', count: 1 },
      },
      requests,
    );
    expect(x86?.size).not.toMatch(/^cax/);
    const arm = fitRegion(
      'hetzner',
      {
        cloudRegion: 'fsn1',
        controlPlane: { size: 'cax21', ha: true },
        workers: { size: 'cax31', count: 1 },
      },
      requests,
    );
    expect(arm?.size).toMatch(/^cax/);
  });

  it('fitRegion gives a pool that capacityInputs and computeCapacity judge fit, with the control plane kept', () => {
    const region = {
      cloudRegion: 'fsn1',
      controlPlane: { size: 'cx23', ha: false },
      workers: { size: 'cx23', count: 1 },
    };
    const requests = load(16, 50, 700);
    const before = computeCapacity([requests], capacityInputs('hetzner', [region]).specs);
    expect(before.level).toBe('error');
    const fit = fitRegion('hetzner', region, requests)!;
    const fitted = {
      ...region,
      workers: { size: fit.size, count: fit.count, volumeGb: fit.volumeGb },
    };
    const after = computeCapacity([requests], capacityInputs('hetzner', [fitted]).specs);
    expect(after.level).toBe('ok');
    expect(samePool(fitted.workers, fit)).toBe(true);
    expect(samePool(region.workers, fit)).toBe(false);
  });
});
