// Manifest benchmark: build the manifest and render the Flux tree with the whole catalog chosen.
import { COMPONENTS } from '../src/shared/constants/components';
import { buildManifest } from '../src/shared/lib/manifest';
import { renderFluxTree } from '../src/shared/lib/flux/render-flux-tree';
import { createDefaultDraft } from '../src/shared/lib/draft';
import { regionsForTopology } from '../src/shared/lib/draft-defaults';
import type { Draft } from '../src/shared/schemas/draft';
import { medianMs } from './stats';

/** A valid draft with every component of the catalog chosen. */
export function fullCatalogDraft(): Draft {
  const d = createDefaultDraft();
  d.infrastructure.sovereignName = 'bench';
  d.infrastructure.organization = { name: 'Bench', email: 'ops@bench.example' };
  d.infrastructure.sshPublicKey =
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@bench';
  d.dns.subdomain = 'bench';
  d.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  d.components.chosen = COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id);
  return d;
}

/** The full catalog on the four-region citadel topology (two mgt, two rtz+dmz clusters). */
export function fourRegionDraft(): Draft {
  const d = fullCatalogDraft();
  d.infrastructure.topology = 'citadel';
  d.infrastructure.regions = regionsForTopology('citadel', d.infrastructure.provider);
  return d;
}

const bytes = (files: readonly { content: string }[]) =>
  files.reduce((s, f) => s + Buffer.byteLength(f.content), 0);

/** Median ms to build the manifest and to render the Flux tree for the full catalog. */
export function benchManifest(): Record<string, number> {
  const draft = fullCatalogDraft();
  const manifest = buildManifest(draft);
  const files = renderFluxTree(manifest);
  const four = buildManifest(fourRegionDraft());
  const fourFiles = renderFluxTree(four);
  return {
    'manifest.catalog.ms': medianMs(() => buildManifest(draft), 50),
    'render.catalog.ms': medianMs(() => renderFluxTree(manifest), 30),
    'render.catalog.files': files.length,
    'render.catalog.bytes': bytes(files),
    'render.fourRegions.ms': medianMs(() => renderFluxTree(four), 30),
    'render.fourRegions.files': fourFiles.length,
    'render.fourRegions.bytes': bytes(fourFiles),
  };
}
