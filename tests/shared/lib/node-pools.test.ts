import { describe, expect, it } from 'vitest';
import { capacityInputs, controlPlaneCount } from '../../../src/shared/lib/node-pools';
import type { RegionDraft } from '../../../src/shared/schemas/draft';

const region = (cp: string, ha: boolean, workers: string, count: number): RegionDraft => ({
  cloudRegion: 'fsn1',
  buildingBlocks: ['mgt'],
  controlPlane: { size: cp, ha },
  workers: { size: workers, count },
});

describe('capacityInputs', () => {
  it('counts three control-plane nodes with HA and one without', () => {
    const ha = capacityInputs('hetzner', [region('cx23', true, 'cx33', 2)]);
    expect(ha.specs[0]).toEqual({
      name: 'fsn1',
      controlPlane: { vcpu: 2, ramGiB: 4, diskGB: 40, count: 3 },
      workers: { vcpu: 4, ramGiB: 8, diskGB: 80, count: 2 },
    });
    expect(ha.priced[0]).toEqual({
      name: 'fsn1',
      controlPlane: { count: 3, eurPerMonth: 3.99 },
      workers: { count: 2, eurPerMonth: 6.49 },
    });
    expect(ha.priceIsEstimate).toBe(false);
    expect(
      capacityInputs('hetzner', [region('cx23', false, 'cx33', 2)]).specs[0]?.controlPlane.count,
    ).toBe(1);
  });

  it('flags estimated prices and unknown sizes', () => {
    expect(capacityInputs('aws', [region('m6i.large', true, 'm6i.large', 1)]).priceIsEstimate).toBe(
      true,
    );
    const unknown = capacityInputs('hetzner', [region('nope', true, 'cx23', 1)]);
    expect(unknown.unknownSizes).toEqual(['nope']);
    expect(unknown.specs[0]?.controlPlane.vcpu).toBe(0);
  });
});

describe('controlPlaneCount', () => {
  it('reads the wizard HA flag and the manifest node count', () => {
    expect(controlPlaneCount({ ha: true })).toBe(3);
    expect(controlPlaneCount({ ha: false })).toBe(1);
    expect(controlPlaneCount({ count: 3 })).toBe(3);
  });
});
