// Switching topology or provider: keep what still applies, drop what does not, and say what was
// reset, in words the Infrastructure step shows in a status message. Pure and zod-free (the
// store on the first page calls it).
import { PLACEMENT_LABELS, getProvider, getTopology } from '../constants/domain';
import type { ProviderId, TopologyId } from '../constants/domain';
import type { Draft, RegionDraft } from '../schemas/draft';
import { regionsForTopology } from './draft-defaults';

/** A draft after a switch, and one sentence per thing the switch reset (empty: nothing). */
export interface Switched {
  draft: Draft;
  resets: string[];
}

const blocksOf = (r: RegionDraft) => r.buildingBlocks.join(' + ');

/** What a region list change dropped or reset, region by region. */
function regionResets(before: readonly RegionDraft[], after: readonly RegionDraft[]): string[] {
  const out: string[] = [];
  before.slice(after.length).forEach((r, j) => {
    const i = after.length + j;
    out.push(`Region ${i + 1} (${r.cloudRegion || 'no cloud region'}) removed`);
  });
  after.forEach((r, i) => {
    const prev = before[i];
    if (!prev) return;
    const changes: string[] = [];
    if (prev.cloudRegion !== r.cloudRegion)
      changes.push(`cloud region ${prev.cloudRegion || '(none)'} → ${r.cloudRegion}`);
    if (blocksOf(prev) !== blocksOf(r))
      changes.push(`building blocks ${blocksOf(prev) || '(none)'} → ${blocksOf(r)}`);
    if (prev.controlPlane.size !== r.controlPlane.size)
      changes.push(`control-plane size ${prev.controlPlane.size} → ${r.controlPlane.size}`);
    if (prev.workers.size !== r.workers.size)
      changes.push(`worker size ${prev.workers.size} → ${r.workers.size}`);
    if (prev.workers.volumeGb !== r.workers.volumeGb)
      changes.push(
        `volume per worker ${prev.workers.volumeGb ?? 0} GB → ${r.workers.volumeGb ?? 0} GB`,
      );
    if (changes.length > 0) out.push(`Region ${i + 1}: ${changes.join(', ')}`);
  });
  return out;
}

/** With one region, multi-region settings no longer apply: they go back to single region. */
function singleRegionResets(draft: Draft): Switched {
  if (draft.infrastructure.regions.length !== 1) return { draft, resets: [] };
  const resets: string[] = [];
  let { storage, dns } = draft;
  if (storage.seaweedfs.placement !== 'single-region') {
    resets.push(
      `SeaweedFS placement ${PLACEMENT_LABELS[storage.seaweedfs.placement]} → ${PLACEMENT_LABELS['single-region']}`,
    );
    storage = { ...storage, seaweedfs: { ...storage.seaweedfs, placement: 'single-region' } };
  }
  if (dns.luaPolicy !== 'single-region') {
    resets.push(`DNS answer policy ${dns.luaPolicy} → single-region`);
    dns = { ...dns, luaPolicy: 'single-region' };
  }
  return { draft: { ...draft, storage, dns }, resets };
}

/** The draft under another topology: regions kept by position, the rest dropped, told. */
export function switchTopology(draft: Draft, topology: TopologyId): Switched {
  const infra = draft.infrastructure;
  if (infra.topology === topology) return { draft, resets: [] };
  const regions = regionsForTopology(topology, infra.provider, infra.regions);
  const moved = { ...draft, infrastructure: { ...infra, topology, regions } };
  const single = singleRegionResets(moved);
  const name = getTopology(topology).name;
  const resets = [...regionResets(infra.regions, regions), ...single.resets];
  return {
    draft: single.draft,
    resets: resets.length > 0 ? [`Switched to ${name}.`, ...resets] : [],
  };
}

/** The draft under another provider: what it does not offer is reset, told. */
export function switchProvider(draft: Draft, provider: ProviderId): Switched {
  const infra = draft.infrastructure;
  if (infra.provider === provider) return { draft, resets: [] };
  const regions = regionsForTopology(infra.topology, provider, infra.regions);
  const resets = regionResets(infra.regions, regions);
  const next = { ...draft, infrastructure: { ...infra, provider, regions } };
  const name = getProvider(provider).name;
  return {
    draft: next,
    resets:
      resets.length > 0
        ? [
            `${name} does not offer ${getProvider(infra.provider).name}'s regions or sizes.`,
            ...resets,
          ]
        : [],
  };
}

/**
 * Switches the stored draft's topology (the pickers call this after loading the module) and
 * returns what was reset; the store's plain setTopology stays zod- and words-free.
 */
export function applyTopology(
  store: { getState(): { draft: Draft }; setState(s: { draft: Draft }): void },
  topology: TopologyId,
): string[] {
  const { draft, resets } = switchTopology(store.getState().draft, topology);
  store.setState({ draft });
  return resets;
}

/** The secrets store, as far as a switch uses it (a token belongs to its provider). */
interface TokenStore {
  getState(): {
    secrets: { providerToken: string };
    switchProviderToken: (from: ProviderId, to: ProviderId) => boolean;
  };
}

/** A credential's name without its format hint: "AWS access key". */
const credentialName = (p: ProviderId) => getProvider(p).credential.label.replace(/ \(.*\)$/, '');

/** Sets the token aside for `from`, brings back `to`'s, and says so (never the token itself). */
function switchToken(from: ProviderId, to: ProviderId, tokens: TokenStore): string[] {
  const parked = tokens.getState().switchProviderToken(from, to);
  const restored = tokens.getState().secrets.providerToken !== '';
  const back = `your ${credentialName(to)} is back`;
  if (parked)
    return [
      `The ${credentialName(from)} stays with ${getProvider(from).name} (in memory); ${restored ? back : `enter the ${credentialName(to)}`}`,
    ];
  return restored ? [`Y${back.slice(1)}`] : [];
}

/**
 * Switches the stored draft's provider, moves the provider token to its provider (bringing back
 * the new one's), and returns what was reset.
 */
export function applyProvider(
  store: { getState(): { draft: Draft }; setState(s: { draft: Draft }): void },
  provider: ProviderId,
  tokens: TokenStore,
): string[] {
  const from = store.getState().draft.infrastructure.provider;
  if (from === provider) return [];
  const { draft, resets } = switchProvider(store.getState().draft, provider);
  store.setState({ draft });
  const lines = [...resets, ...switchToken(from, provider, tokens)];
  if (resets.length === 0 && lines.length > 0)
    lines.unshift(`Switched to ${getProvider(provider).name}.`);
  return lines;
}
