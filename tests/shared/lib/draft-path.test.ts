import { describe, expect, it } from 'vitest';
import { stillStanding, valueAtPath } from '../../../src/shared/lib/draft-path';
import { createDefaultDraft } from '../../../src/shared/lib/draft-defaults';

describe('valueAtPath', () => {
  const draft = createDefaultDraft();
  it.each([
    ['dns.mode', 'pool'],
    ['infrastructure.regions.1.cloudRegion', draft.infrastructure.regions[1]?.cloudRegion],
    ['infrastructure.regions.9.cloudRegion', undefined],
    ['dns.nothing.here', undefined],
  ])('%s', (path, expected) => {
    expect(valueAtPath(draft, path)).toEqual(expected);
  });
});

describe('stillStanding', () => {
  it('keeps a problem while its field holds the judged value, drops it once the field changes', () => {
    const judged = createDefaultDraft();
    judged.dns.subdomain = 'taken';
    const problems = [
      { step: 'dns' as const, path: 'dns.subdomain', message: 'Subdomain: already taken' },
      {
        step: 'infrastructure' as const,
        path: 'infrastructure.regions.0.workers.count',
        message: 'too small',
      },
    ];
    const same = structuredClone(judged);
    expect(stillStanding(problems, judged, same)).toHaveLength(2);
    same.dns.subdomain = 'free';
    expect(stillStanding(problems, judged, same).map((p) => p.path)).toEqual([
      'infrastructure.regions.0.workers.count',
    ]);
  });
});
