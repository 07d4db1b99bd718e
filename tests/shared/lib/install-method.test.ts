import { describe, expect, it } from 'vitest';
import { COMPONENTS, getComponent } from '../../../src/shared/constants/components';
import { installMethod } from '../../../src/shared/lib/install-method';

const base = { id: 'demo', placement: 'application', chart: null, blueprint: null } as const;

describe('installMethod', () => {
  it.each([
    [
      'an upstream chart',
      {
        ...base,
        placement: 'every-cluster',
        chart: { repository: 'https://x', name: 'demo', version: '1.2.3' },
      },
      { how: 'Helm chart demo 1.2.3', where: 'Every cluster' },
    ],
    [
      'a published blueprint',
      { ...base, placement: 'mgt', blueprint: { version: '0.4.0' } },
      { how: 'Catalyst Blueprint bp-demo 0.4.0', where: 'Management clusters' },
    ],
    [
      'neither',
      base,
      {
        how: 'Catalyst Blueprint bp-demo (not published upstream yet: your blueprint registry must provide it)',
        where: 'Workload (rtz) clusters',
      },
    ],
    [
      'the bootstrap',
      {
        ...base,
        placement: 'bootstrap',
        chart: { repository: 'https://x', name: 'demo', version: '1' },
      },
      { how: 'Run by the bootstrap API (phase 0); not installed on a cluster', where: null },
    ],
  ] as const)('%s', (_label, component, expected) => {
    expect(installMethod(component)).toEqual(expected);
  });

  it("reads the real catalog: opentofu is the bootstrap's, and every other says a chart or bp-<id>", () => {
    expect(installMethod(getComponent('opentofu')).where).toBeNull();
    for (const c of COMPONENTS.filter((x) => x.placement !== 'bootstrap'))
      expect(installMethod(c).how).toMatch(
        new RegExp(`^(Helm chart \\S+ \\S+|Catalyst Blueprint bp-${c.id}\\b)`),
      );
  });
});
