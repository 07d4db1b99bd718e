// Topology and provider switches keep what still applies, drop what does not, and say so; a
// provider token belongs to its provider (issue 11, item 5).
import { beforeEach, describe, expect, it } from 'vitest';
import { switchProvider, switchTopology } from '../../../src/shared/lib/switches';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { validDraft } from './manifest-fixtures';

describe('switchTopology', () => {
  it('zoned → solo drops region 2 and resets the multi-region settings, naming each', () => {
    const { draft, resets } = switchTopology(validDraft(), 'solo');
    expect(draft.infrastructure.regions).toHaveLength(1);
    expect(draft.storage.seaweedfs.placement).toBe('single-region');
    expect(draft.dns.luaPolicy).toBe('single-region');
    expect(resets).toEqual([
      'Switched to Solo.',
      'Region 2 (nbg1) removed',
      'SeaweedFS placement Active-active across regions → Single region',
      'DNS answer policy active-active → single-region',
    ]);
  });

  it('keeps what applies: the first region’s choices survive solo and back', () => {
    const d = validDraft();
    d.infrastructure.regions[0]!.workers.count = 7;
    const back = switchTopology(switchTopology(d, 'solo').draft, 'zoned');
    expect(back.draft.infrastructure.regions[0]!.workers.count).toBe(7);
    expect(back.draft.storage.seaweedfs.placement).toBe('single-region');
    expect(switchTopology(d, 'zoned').resets).toEqual([]);
  });
});

describe('switchProvider', () => {
  it('Hetzner → AWS resets regions and sizes AWS lacks, and says so', () => {
    const { draft, resets } = switchProvider(validDraft(), 'aws');
    expect(draft.infrastructure.regions[0]!.cloudRegion).toBe('eu-central-1');
    expect(resets[0]).toBe("Amazon Web Services does not offer Hetzner Cloud's regions or sizes.");
    expect(resets[1]).toMatch(
      /^Region 1: cloud region fsn1 → eu-central-1, control-plane size cpx32 → m6i.xlarge/,
    );
  });
});

describe('provider tokens stay with their provider', () => {
  beforeEach(() => useSecretsStore.getState().clearSecrets());

  it('parks the Hetzner token on a switch to AWS and brings it back on the way back', () => {
    const s = useSecretsStore.getState();
    s.setSecret('providerToken', 'A1b2C3d4'.repeat(8));
    expect(s.switchProviderToken('hetzner', 'aws')).toBe(true);
    expect(useSecretsStore.getState().secrets.providerToken).toBe('');
    useSecretsStore.getState().setSecret('providerToken', 'AKIA-typed-for-aws');
    useSecretsStore.getState().switchProviderToken('aws', 'hetzner');
    expect(useSecretsStore.getState().secrets.providerToken).toBe('A1b2C3d4'.repeat(8));
    useSecretsStore.getState().switchProviderToken('hetzner', 'aws');
    expect(useSecretsStore.getState().secrets.providerToken).toBe('AKIA-typed-for-aws');
  });
});
