// The persisted draft read leniently, field by field: a stored value is kept when it has the
// kind the draft schema (schemas/draft.ts) gives that field, and replaced by its default
// otherwise, counted, so the user can be told how many were reset. Only the kind is checked
// (string, number, boolean, enum member, known id): the content rules (required, pattern,
// range, cross-field) are what the wizard reports at Next, so an unfinished value survives a
// reload exactly as the user left it.
import * as z from 'zod/mini';
import type { ComponentId } from '../constants/components';
import type { BuildingBlock, ProviderId, TopologyId } from '../constants/domain';
import { isStepId, type StepId } from '../constants/steps';
import { createDefaultDraft, regionsForTopology } from '../lib/draft-defaults';
import {
  componentsSchema,
  infrastructureSchema,
  regionSchema,
  storageSchema,
  type RegionDraft,
} from '../schemas/draft';
import { dnsSchema } from '../schemas/draft-dns';
import type { PersistedDraft } from './persisted-draft';

/** Hands out a default and counts it: every reset field goes through one of these. */
type Reset = <T>(fallback: T) => T;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value may be an element of a list field: a one-element list of it must fit. */
const fitsIn =
  (list: z.ZodMiniType) =>
  (v: unknown): boolean =>
    list.safeParse([v]).success;

function fieldReaders(reset: Reset) {
  /** A value of the given kind, or its default. */
  const field = <S extends z.ZodMiniType>(schema: S, fallback: z.output<S>) =>
    z.catch(schema, () => reset(fallback));
  /** Any string: length and pattern are the wizard's to report. */
  const text = (fallback: string) => field(z.string(), fallback);
  /**
   * Any number. An emptied number input holds NaN, which JSON saves as null: null reads back as
   * NaN, so the field is still empty (and still reported at Next) rather than reset.
   */
  const number = (fallback: number) =>
    field(
      z.pipe(
        z.nullable(z.number()),
        z.transform((n) => n ?? NaN),
      ),
      fallback,
    );
  /**
   * A list of the elements `fits` accepts, once each. Unknown elements are dropped and the list
   * counts as one reset field however many there were; a non-list is its default.
   */
  const list = <T>(fits: (v: unknown) => v is T, fallback: T[]) =>
    z.transform((value: unknown): T[] => {
      if (!Array.isArray(value)) return reset(fallback);
      const kept = [...new Set(value.filter(fits))];
      return kept.length === value.length ? kept : reset(kept);
    });
  /** An object read field by field; a missing or non-object one reads as `{}`, all defaults. */
  const section = <Shape extends z.core.$ZodShape>(shape: Shape) =>
    z.pipe(
      z.transform((v: unknown) => (isRecord(v) ? v : {})),
      z.object(shape),
    );
  return { reset, field, text, number, list, section };
}
type Readers = ReturnType<typeof fieldReaders>;

// The list fields' elements, judged by the same schema (a known component id, a building block).
const isBuildingBlock = fitsIn(regionSchema.shape.buildingBlocks) as (
  v: unknown,
) => v is BuildingBlock;
const isChosen = fitsIn(componentsSchema.shape.chosen) as (v: unknown) => v is ComponentId;
const isStep = (v: unknown): v is StepId => typeof v === 'string' && isStepId(v);

/** One stored region, read against the defaults of its topology slot. */
function regionReader({ field, text, number, list, section }: Readers, slot: RegionDraft) {
  const { controlPlane } = regionSchema.shape;
  return section({
    cloudRegion: text(slot.cloudRegion),
    buildingBlocks: list(isBuildingBlock, slot.buildingBlocks),
    controlPlane: section({
      size: text(slot.controlPlane.size),
      ha: field(controlPlane.shape.ha, slot.controlPlane.ha),
    }),
    workers: section({
      size: text(slot.workers.size),
      count: number(slot.workers.count),
      // Optional: absent stays absent (the size's fixed disk); anything but a number is dropped.
      volumeGb: field(z.optional(z.number()), undefined),
    }),
  });
}

/**
 * One region per slot of the topology, as the store's actions keep it: the wizard, the summary
 * and the manifest index the slots by position. Stored regions are read slot by slot; a list of
 * the wrong length (or no list) is one reset field, cut or filled with the slot defaults.
 */
function fitRegions(
  readers: Readers,
  stored: unknown,
  topology: TopologyId,
  provider: ProviderId,
): RegionDraft[] {
  const slots = regionsForTopology(topology, provider);
  const regions = Array.isArray(stored) ? stored : [];
  if (regions.length !== slots.length || !Array.isArray(stored)) readers.reset(null);
  return slots.map((slot, i) =>
    i < regions.length ? regionReader(readers, slot).parse(regions[i]) : slot,
  );
}

type Defaults = ReturnType<typeof createDefaultDraft>;

/** The infrastructure section; its regions are fitted to the topology and provider read first. */
function infrastructureReader(readers: Readers, d: Defaults) {
  const { field, text, section } = readers;
  const infra = infrastructureSchema.shape;
  return z.pipe(
    section({
      provider: field(infra.provider, d.infrastructure.provider),
      sovereignName: text(d.infrastructure.sovereignName),
      organization: section({
        name: text(d.infrastructure.organization.name),
        email: text(d.infrastructure.organization.email),
      }),
      topology: field(infra.topology, d.infrastructure.topology),
      // Any value (z.unknown() would drop a missing key): read in the transform below.
      regions: z.transform((v: unknown) => v),
      sshPublicKey: text(d.infrastructure.sshPublicKey),
    }),
    // Regions depend on the topology and provider just read, so they come second.
    z.transform((i) => ({ ...i, regions: fitRegions(readers, i.regions, i.topology, i.provider) })),
  );
}

function storageReader({ field, text, number, section }: Readers, d: Defaults) {
  const { seaweedfs, cold } = storageSchema.shape;
  const sw = d.storage.seaweedfs;
  return section({
    seaweedfs: section({
      masterReplicas: number(sw.masterReplicas),
      volumeReplicas: number(sw.volumeReplicas),
      volumeSizeGi: number(sw.volumeSizeGi),
      filerReplicas: number(sw.filerReplicas),
      s3Replicas: number(sw.s3Replicas),
      enableNamePrefix: field(seaweedfs.shape.enableNamePrefix, sw.enableNamePrefix),
      placement: field(seaweedfs.shape.placement, sw.placement),
    }),
    tiers: section({
      hotDays: number(d.storage.tiers.hotDays),
      warmDays: number(d.storage.tiers.warmDays),
    }),
    cold: section({
      backend: field(cold.shape.backend, d.storage.cold.backend),
      bucket: text(d.storage.cold.bucket),
      accountId: text(d.storage.cold.accountId),
      region: text(d.storage.cold.region),
    }),
  });
}

function dnsReader({ field, text, section }: Readers, d: Defaults) {
  const dns = dnsSchema.shape;
  return section({
    mode: field(dns.mode, d.dns.mode),
    poolDomain: field(dns.poolDomain, d.dns.poolDomain),
    subdomain: text(d.dns.subdomain),
    domain: text(d.dns.domain),
    registrar: field(dns.registrar, d.dns.registrar),
    luaPolicy: field(dns.luaPolicy, d.dns.luaPolicy),
    dnssec: field(dns.dnssec, d.dns.dnssec),
    tlsIssuer: field(dns.tlsIssuer, d.dns.tlsIssuer),
    // Optional: absent stays absent (no CA Secret named yet); anything but a string is dropped.
    caSecretName: field(z.optional(z.string()), undefined),
  });
}

function componentsReader({ field, list, section }: Readers, d: Defaults) {
  return section({
    chosen: list(isChosen, d.components.chosen),
    // Optional (absent: nothing set, as before settings existed, so no version bump); kinds
    // only: what a setting may be is the wizard's to report (its field's range).
    settings: field(
      z.optional(
        z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
      ),
      undefined,
    ),
    values: field(z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))), undefined),
  });
}

/** The whole persisted state, field by field, in the order of createDefaultDraft. */
function persistedReader(readers: Readers) {
  const { field, text, list, section } = readers;
  const d = createDefaultDraft();
  return section({
    draft: section({
      infrastructure: infrastructureReader(readers, d),
      storage: storageReader(readers, d),
      dns: dnsReader(readers, d),
      components: componentsReader(readers, d),
      blueprints: section({
        registry: text(d.blueprints.registry),
        pullSecretName: text(d.blueprints.pullSecretName),
      }),
    }),
    // The stepper starts at the first step, so a list with no known step starts there again.
    visited: z.pipe(
      list<StepId>(isStep, ['infrastructure']),
      z.transform((steps): StepId[] => (steps.length > 0 ? steps : ['infrastructure'])),
    ),
    idempotencyKey: field(z.nullable(z.string()), null),
  });
}

/**
 * Reads a migrated persisted state of unknown content into a PersistedDraft that the wizard can
 * render, and counts the fields that took their default. It does not throw on any input: every
 * field has a default, and a missing or non-object section reads as all defaults.
 */
export function readLenient(state: unknown): { value: PersistedDraft; resets: number } {
  let resets = 0;
  const reset: Reset = (fallback) => {
    resets += 1;
    return fallback;
  };
  const value: PersistedDraft = persistedReader(fieldReaders(reset)).parse(state);
  return { value, resets };
}
