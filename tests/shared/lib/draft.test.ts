import { describe, expect, it } from 'vitest';
import { getTopology, TOPOLOGY_IDS } from '../../../src/shared/constants/domain';
import {
  createDefaultDraft,
  fieldId,
  firstIncompleteStep,
  regionsForTopology,
  sovereignDomain,
  validateDraft,
  validateStep,
} from '../../../src/shared/lib/draft';
import type { DraftSecrets } from '../../../src/shared/schemas/draft';
import { validDraft } from './manifest-fixtures';

const SECRETS: DraftSecrets = {
  providerToken: 'A1b2C3d4'.repeat(8),
  registrarToken: '',
  coldAccessKeyId: 'AKIAEXAMPLEKEY123456',
  coldSecretAccessKey: 'secret-access-key-0123456789',
};

describe('defaults', () => {
  it('a fresh draft is Hetzner, zoned, with one region per topology slot', () => {
    const d = createDefaultDraft();
    expect(d.infrastructure.provider).toBe('hetzner');
    expect(d.infrastructure.regions).toHaveLength(
      getTopology(d.infrastructure.topology).regions.length,
    );
    expect(d.components.chosen.length).toBeGreaterThan(0);
  });

  it.each(TOPOLOGY_IDS)(
    'regionsForTopology(%s) follows the topology and keeps earlier choices',
    (t) => {
      const prev = regionsForTopology('solo', 'hetzner');
      prev[0]!.workers.count = 9;
      const regions = regionsForTopology(t, 'hetzner', prev);
      expect(regions).toHaveLength(getTopology(t).regions.length);
      expect(regions[0]!.workers.count).toBe(9);
      expect(regions.map((r) => r.buildingBlocks)).toEqual(
        getTopology(t).regions.map((r) => [...r.blocks]),
      );
    },
  );

  it('switching provider replaces sizes and regions it does not offer', () => {
    const [r] = regionsForTopology('solo', 'aws', regionsForTopology('solo', 'hetzner'));
    expect(r!.cloudRegion).toBe('eu-central-1');
    expect(r!.controlPlane.size).toBe('m6i.xlarge');
  });

  it('sovereignDomain joins subdomain and pool domain, or uses the own domain', () => {
    const dns = createDefaultDraft().dns;
    expect(sovereignDomain(dns)).toBe('');
    expect(sovereignDomain({ ...dns, subdomain: 'acme' })).toBe('acme.omani.works');
    expect(sovereignDomain({ ...dns, mode: 'byo-api', domain: 'acme.example' })).toBe(
      'acme.example',
    );
  });

  it('fieldId turns a draft path into a DOM id', () => {
    expect(fieldId('infrastructure.regions.0.workers.count')).toBe(
      'field-infrastructure-regions-0-workers-count',
    );
    expect(fieldId('secrets.providerToken')).toBe('field-secrets-providerToken');
  });
});

describe('validation', () => {
  it('a complete draft with secrets has no problem', () => {
    expect(validateDraft(validDraft(), SECRETS)).toEqual([]);
  });

  it('an empty Infrastructure step names each missing field', () => {
    const messages = validateStep('infrastructure', createDefaultDraft(), {
      ...SECRETS,
      providerToken: '',
    }).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual([
      'infrastructure.sovereignName: Sovereign name is required',
      'infrastructure.organization.name: Organisation name is required',
      'infrastructure.organization.email: Contact email is required',
      'infrastructure.sshPublicKey: SSH public key is required',
      'secrets.providerToken: Hetzner Cloud API token is required',
    ]);
  });

  it('rejects an SSH key that does not parse, naming the field', () => {
    const d = validDraft();
    d.infrastructure.sshPublicKey = 'ssh-rsa AAAA';
    expect(validateStep('infrastructure', d)).toEqual([
      {
        step: 'infrastructure',
        path: 'infrastructure.sshPublicKey',
        message: expect.stringMatching(/^SSH public key: /),
      },
    ]);
  });

  it('checks secrets only when they are given', () => {
    expect(validateStep('storage', validDraft())).toEqual([]);
    expect(validateStep('storage', validDraft(), { ...SECRETS, coldAccessKeyId: 'x' })).toEqual([
      expect.objectContaining({ path: 'secrets.coldAccessKeyId' }),
    ]);
  });

  it('an emptied number field is named, not "expected number"', () => {
    const d = validDraft();
    d.infrastructure.regions[0]!.workers.count = NaN;
    expect(validateStep('infrastructure', d).map((e) => e.message)).toEqual([
      'Worker count: enter a whole number',
    ]);
  });

  it('firstIncompleteStep is the first step with a problem, else review', () => {
    expect(firstIncompleteStep(createDefaultDraft())).toBe('infrastructure');
    const d = validDraft();
    d.dns.subdomain = '';
    expect(firstIncompleteStep(d)).toBe('dns');
    expect(firstIncompleteStep(validDraft())).toBe('review');
  });
});
