// Drafts for manifest tests: a valid fixed one, and fast-check arbitraries of valid canonical
// drafts (every provider, topology, storage backend, DNS mode and chosen subset) and of
// arbitrary, possibly invalid ones.
import fc from 'fast-check';
import {
  COMPONENTS,
  COMPONENT_IDS,
  type ComponentId,
} from '../../../src/shared/constants/components';
import {
  COLD_BACKEND_IDS,
  LUA_POLICY_IDS,
  PLACEMENT_MODES,
  POOL_DOMAINS,
  PROVIDERS,
  REGISTRAR_IDS,
  TLS_ISSUER_IDS,
  TOPOLOGIES,
  coldBackendRegions,
  type ColdBackendId,
} from '../../../src/shared/constants/domain';
import { createDefaultDraft } from '../../../src/shared/lib/draft';
import type { Draft } from '../../../src/shared/schemas/draft';
import type { DnsDraft } from '../../../src/shared/schemas/draft-dns';

export const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@acme';

/** The wizard defaults with every required field filled in: a valid draft. */
export function validDraft(): Draft {
  const d = createDefaultDraft();
  d.infrastructure.sovereignName = 'acme';
  d.infrastructure.organization = { name: 'Acme Corp', email: 'ops@acme.example' };
  d.infrastructure.sshPublicKey = SSH_KEY;
  d.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  d.dns.subdomain = 'acme';
  return d;
}

const label = fc.stringMatching(/^[a-z][a-z0-9-]{1,12}[a-z0-9]$/);
const OPTIONAL_IDS: ComponentId[] = COMPONENTS.filter((c) => c.tier !== 'mandatory').map(
  (c) => c.id,
);

/** A canonical chosen list: a subset of the non-mandatory ids, in catalog order. */
export const chosenArb = fc
  .subarray(OPTIONAL_IDS)
  .map((ids) => OPTIONAL_IDS.filter((id) => ids.includes(id)));

const dnsArb: fc.Arbitrary<DnsDraft> = fc
  .record({
    mode: fc.constantFrom('pool', 'byo-manual', 'byo-api' as const),
    poolDomain: fc.constantFrom(...POOL_DOMAINS),
    sub: label,
    domain: fc.tuple(label, fc.constantFrom('com', 'io', 'example')).map(([a, b]) => `${a}.${b}`),
    registrar: fc.constantFrom(...REGISTRAR_IDS),
    luaPolicy: fc.constantFrom(...LUA_POLICY_IDS),
    dnssec: fc.boolean(),
    tlsIssuer: fc.constantFrom(...TLS_ISSUER_IDS),
  })
  .map((r) => {
    const defaults = createDefaultDraft().dns;
    return {
      mode: r.mode,
      poolDomain: r.mode === 'pool' ? r.poolDomain : defaults.poolDomain,
      subdomain: r.mode === 'pool' ? r.sub : defaults.subdomain,
      domain: r.mode === 'pool' ? defaults.domain : r.domain,
      registrar: r.mode === 'byo-api' ? r.registrar : defaults.registrar,
      luaPolicy: r.luaPolicy,
      dnssec: r.dnssec,
      tlsIssuer: r.tlsIssuer,
    };
  });

const regionsArb = (providerIndex: number, topologyIndex: number) => {
  const p = PROVIDERS[providerIndex]!;
  const slots = TOPOLOGIES[topologyIndex]!.regions;
  return fc
    .tuple(
      fc.shuffledSubarray([...p.regions], { minLength: slots.length, maxLength: slots.length }),
      fc.array(
        fc.record({
          cp: fc.constantFrom(...p.sizes.map((s) => s.id)),
          w: fc.constantFrom(...p.sizes.map((s) => s.id)),
          ha: fc.boolean(),
          count: fc.integer({ min: 0, max: 50 }),
          volumeGb: fc.option(fc.integer({ min: 20, max: 10_240 }), { nil: undefined }),
        }),
        { minLength: slots.length, maxLength: slots.length },
      ),
    )
    .map(([cloud, pools]) =>
      slots.map((slot, i) => ({
        cloudRegion: cloud[i]!,
        buildingBlocks: [...slot.blocks],
        controlPlane: { size: pools[i]!.cp, ha: pools[i]!.ha },
        workers: {
          size: pools[i]!.w,
          count: pools[i]!.count,
          ...(pools[i]!.volumeGb !== undefined ? { volumeGb: pools[i]!.volumeGb } : {}),
        },
      })),
    );
};

/** One of the backend's own regions. */
const coldRegion = (r: { backend: ColdBackendId; regionIndex: number }): string => {
  const regions = coldBackendRegions(r.backend);
  return regions[r.regionIndex % regions.length] ?? '';
};

/** A draft without the contradictions validateStep reports (src/shared/lib/contradictions.ts). */
export function coherent(d: Draft): Draft {
  const { regions } = d.infrastructure;
  const single = regions.length === 1;
  const nodes = Math.min(...regions.map((r) => (r.controlPlane.ha ? 3 : 1) + r.workers.count));
  const sw = d.storage.seaweedfs;
  return {
    ...d,
    storage: {
      ...d.storage,
      seaweedfs: {
        ...sw,
        masterReplicas: sw.masterReplicas % 2 === 0 ? sw.masterReplicas - 1 : sw.masterReplicas,
        volumeReplicas: Math.min(sw.volumeReplicas, nodes),
        placement: single ? 'single-region' : sw.placement,
      },
    },
    dns: {
      ...d.dns,
      luaPolicy: single ? 'single-region' : d.dns.luaPolicy,
      ...(d.dns.tlsIssuer === 'corporate-ca' ? { caSecretName: 'corporate-ca' } : {}),
    },
  };
}

/** Valid, canonical drafts. */
export const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    providerIndex: fc.nat(PROVIDERS.length - 1),
    topologyIndex: fc.nat(TOPOLOGIES.length - 1),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{1,20}[a-z0-9]$/),
    org: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    email: fc.tuple(label, label).map(([a, b]) => `${a}@${b}.example`),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      regions: regionsArb(base.providerIndex, base.topologyIndex),
      seaweedfs: fc.record({
        masterReplicas: fc.integer({ min: 1, max: 5 }),
        volumeReplicas: fc.integer({ min: 1, max: 12 }),
        volumeSizeGi: fc.integer({ min: 10, max: 10_000 }),
        filerReplicas: fc.integer({ min: 1, max: 5 }),
        s3Replicas: fc.integer({ min: 1, max: 5 }),
        enableNamePrefix: fc.boolean(),
        placement: fc.constantFrom(...PLACEMENT_MODES),
      }),
      hotDays: fc.integer({ min: 1, max: 100 }),
      extraWarm: fc.integer({ min: 1, max: 1000 }),
      backend: fc.constantFrom(...COLD_BACKEND_IDS),
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/),
      accountId: fc.stringMatching(/^[a-f0-9]{32}$/),
      regionIndex: fc.nat(30),
      dns: dnsArb,
      chosen: chosenArb,
      registry: fc.constantFrom(
        'oci://ghcr.io/openova-io',
        'oci://harbor.mirror.example:5000/openova/blueprints',
      ),
      pullSecretName: fc.constantFrom('ghcr-pull', 'mirror-pull'),
    }),
  )
  .map((r): Draft => ({
    infrastructure: {
      provider: PROVIDERS[r.base.providerIndex]!.id,
      sovereignName: r.base.name,
      organization: { name: r.base.org.trim(), email: r.base.email },
      topology: TOPOLOGIES[r.base.topologyIndex]!.id,
      regions: r.regions,
      sshPublicKey: SSH_KEY,
    },
    storage: {
      seaweedfs: r.seaweedfs,
      tiers: { hotDays: r.hotDays, warmDays: Math.min(3650, r.hotDays + r.extraWarm) },
      cold:
        r.backend === 'cloudflare-r2'
          ? { backend: r.backend, bucket: r.bucket, accountId: r.accountId, region: '' }
          : { backend: r.backend, bucket: r.bucket, accountId: '', region: coldRegion(r) },
    },
    dns: r.dns,
    components: { chosen: r.chosen },
    blueprints: { registry: r.registry, pullSecretName: r.pullSecretName },
  }))
  .map(coherent);

/** Any draft the store could hold: stale DNS fields, chosen ids in any order, repeats, mandatory ids. */
export const looseDraftArb: fc.Arbitrary<Draft> = fc
  .record({
    draft: draftArb,
    chosen: fc.array(fc.constantFrom(...COMPONENT_IDS), { maxLength: 30 }),
    domain: fc.string({ maxLength: 20 }),
    subdomain: fc.string({ maxLength: 20 }),
    registrar: fc.constantFrom(...REGISTRAR_IDS),
    accountId: fc.string({ maxLength: 40 }),
    region: fc.string({ maxLength: 12 }),
    name: fc.string({ maxLength: 40 }),
  })
  .map(({ draft, ...r }) => ({
    ...draft,
    infrastructure: { ...draft.infrastructure, sovereignName: r.name },
    storage: {
      ...draft.storage,
      cold: { ...draft.storage.cold, accountId: r.accountId, region: r.region },
    },
    dns: { ...draft.dns, domain: r.domain, subdomain: r.subdomain, registrar: r.registrar },
    components: { chosen: r.chosen },
  }));
