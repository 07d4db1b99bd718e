import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  formatPath,
  manifestPathOfDraftPath,
  validateManifest,
} from '../../../src/shared/lib/manifest';
import { manifestJsonSchema, type SovereignManifest } from '../../../src/shared/schemas/manifest';
import { validDraft } from '../lib/manifest-fixtures';

const valid = (): SovereignManifest => structuredClone(buildManifest(validDraft()));
const problemsOf = (input: unknown) => {
  const r = validateManifest(input);
  return r.ok ? [] : r.problems;
};
const messages = (input: unknown) => problemsOf(input).map((p) => `${p.path}: ${p.message}`);

describe('validateManifest', () => {
  it('accepts the manifest of a valid draft', () => {
    expect(problemsOf(valid())).toEqual([]);
  });

  it('names an unknown component id with its index', () => {
    const m = valid();
    m.spec.components[3]!.id = 'veloro';
    expect(messages(m)).toContain('spec.components[3].id: unknown component "veloro"');
  });

  it.each<[string, (m: SovereignManifest) => void, string]>([
    [
      'a missing dependency',
      (m) => {
        m.spec.components = m.spec.components.filter((c) => c.id !== 'cnpg');
        m.spec.installOrder = m.spec.installOrder.filter((id) => id !== 'cnpg');
      },
      'needs "cnpg", which is not in the list',
    ],
    [
      'a missing mandatory component',
      (m) => {
        m.spec.components = m.spec.components.filter((c) => c.id !== 'vcluster');
        m.spec.installOrder = m.spec.installOrder.filter((id) => id !== 'vcluster');
      },
      'spec.components: mandatory component "vcluster" is missing',
    ],
    [
      'an install order that puts a component before its dependency',
      (m) => {
        m.spec.installOrder = [...m.spec.installOrder].reverse();
      },
      'comes before its dependency',
    ],
    [
      'an install order missing a component',
      (m) => {
        m.spec.installOrder = m.spec.installOrder.slice(1);
      },
      'spec.installOrder: "',
    ],
    [
      'a duplicate component',
      (m) => {
        m.spec.components.push({ ...m.spec.components[0]! });
      },
      'is listed twice',
    ],
    [
      'a bad Sovereign name',
      (m) => {
        m.metadata.name = 'Not_OK';
      },
      'metadata.name: a Sovereign name',
    ],
    [
      'a pool domain that does not match',
      (m) => {
        m.spec.dns.domain = 'other.example';
      },
      'spec.dns.domain: must be "acme.omani.works"',
    ],
    [
      'a cloud region the provider lacks',
      (m) => {
        m.spec.infrastructure.regions[0]!.cloudRegion = 'mars-1';
      },
      'spec.infrastructure.regions[0].cloudRegion: Cloud region: Hetzner Cloud has no region "mars-1"',
    ],
    [
      'a warm tier shorter than hot',
      (m) => {
        m.spec.storage.tiers[1].maxAgeDays = 3;
      },
      'spec.storage.tiers[1].maxAgeDays: Warm tier days',
    ],
    [
      'a version on a component without a chart',
      (m) => {
        m.spec.components.find((c) => c.id === 'opentofu')!.version = '1.0.0';
      },
      'has no published chart: version must be null',
    ],
    [
      'a mandatory component with another reason',
      (m) => {
        m.spec.components.find((c) => c.id === 'cilium')!.reason = 'chosen';
      },
      '"cilium" is mandatory: reason must be "mandatory"',
    ],
    [
      'an unknown key (typo)',
      (m) => {
        (m.spec as Record<string, unknown>).dsn = {};
      },
      'spec: Unrecognized key: "dsn"',
    ],
    [
      'a byo-api DNS without a registrar',
      (m) => {
        m.spec.dns = { ...m.spec.dns, mode: 'byo-api', domain: 'acme.com' };
        delete m.spec.dns.poolDomain;
        delete m.spec.dns.subdomain;
      },
      'spec.dns.registrar: required in byo-api mode',
    ],
  ])('reports %s', (_, mutate, expected) => {
    const m = valid();
    mutate(m);
    expect(messages(m).join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    const m = valid();
    m.metadata.name = '';
    m.spec.components[0]!.id = 'nope';
    m.spec.organization.email = 'x';
    expect(problemsOf(m).map((p) => p.path)).toEqual(
      expect.arrayContaining(['metadata.name', 'spec.components[0].id', 'spec.organization.email']),
    );
  });

  it.each([null, 42, 'text', [], {}, { spec: 1 }, { spec: { components: 'x', installOrder: {} } }])(
    'returns problems for %j without throwing',
    (input) => {
      expect(validateManifest(input).ok).toBe(false);
    },
  );
});

describe('paths', () => {
  it('formats paths as a.b[3].c', () => {
    expect(formatPath(['spec', 'components', 3, 'id'])).toBe('spec.components[3].id');
    expect(formatPath([])).toBe('(root)');
  });
  it.each([
    ['infrastructure.sovereignName', 'metadata.name'],
    ['infrastructure.regions.1.workers.size', 'spec.infrastructure.regions[1].workers.size'],
    ['storage.tiers.hotDays', 'spec.storage.tiers[0].maxAgeDays'],
    ['storage.cold.accountId', 'spec.storage.tiers[2].accountId'],
    ['dns.subdomain', 'spec.dns.subdomain'],
  ])('maps draft path %s to %s', (from, to) => {
    expect(manifestPathOfDraftPath(from)).toBe(to);
  });
});

describe('JSON Schema', () => {
  const file = path.resolve(process.cwd(), 'public/schema/sovereign-v1alpha1.json');

  it('public/schema/sovereign-v1alpha1.json equals the freshly generated schema (npx tsx scripts/generate-schema.mjs)', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(manifestJsonSchema());
  });

  it('accepts a built manifest and rejects a broken one', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(manifestJsonSchema());
    expect(validate(valid())).toBe(true);
    const m = valid() as unknown as { spec: { dns: { mode: string } } };
    m.spec.dns.mode = 'carrier-pigeon';
    expect(validate(m)).toBe(false);
  });
});
