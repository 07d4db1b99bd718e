import { describe, expect, it } from 'vitest';
import { monthlyCost } from '../../../src/shared/lib/cost';

describe('monthlyCost', () => {
  it('prices every node per region and in total, to the cent', () => {
    const cost = monthlyCost([
      {
        name: 'fsn1',
        controlPlane: { count: 3, eurPerMonth: 7.59 },
        workers: { count: 2, eurPerMonth: 15.9 },
      },
      {
        name: 'hel1',
        controlPlane: { count: 1, eurPerMonth: 4.51 },
        workers: { count: 0, eurPerMonth: 15.9 },
      },
    ]);
    expect(cost).toEqual({
      totalEur: 59.08,
      regions: [
        { name: 'fsn1', eur: 54.57 },
        { name: 'hel1', eur: 4.51 },
      ],
    });
    expect(monthlyCost([])).toEqual({ totalEur: 0, regions: [] });
  });
});
