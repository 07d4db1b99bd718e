// Manifests for the server tests: a valid one built by the app's own functions (so it tracks the
// contract), its secrets, and helpers to vary it.
import { validDraft } from '../shared/lib/manifest-fixtures';
import { buildManifest, withSecrets } from '../../src/shared/lib/manifest';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';

/** A provider token that must never appear in a log line, a response or a database file in clear. */
export const PLANTED_TOKEN = 'hcloud-SECRET-PLANTED-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';

export interface SecretValues {
  providerToken: string;
  coldAccessKeyId: string;
  coldSecretAccessKey: string;
}

export const DEFAULT_SECRETS: SecretValues = {
  providerToken: PLANTED_TOKEN,
  coldAccessKeyId: 'AKIACOLDACCESSKEY0001',
  coldSecretAccessKey: 'cold-SECRET-ACCESS-KEY-PLANTED-0001',
};

/** A valid manifest for Sovereign `name`, with its `secrets` block. */
export function validManifest(
  name = 'acme',
  secrets: SecretValues = DEFAULT_SECRETS,
): SovereignManifest {
  const d = validDraft();
  d.infrastructure.sovereignName = name;
  d.dns.subdomain = name;
  return withSecrets(buildManifest(d), { ...secrets, registrarToken: '' });
}

/** The JSON body of a valid manifest. */
export function validBody(name = 'acme', secrets?: SecretValues): string {
  return JSON.stringify(validManifest(name, secrets));
}

let unique = 0;

/** A Sovereign name no other submit of this test process uses (one Sovereign per name). */
export function uniqueName(prefix = 's'): string {
  unique++;
  return `${prefix}-${process.pid.toString(36)}-${unique}`.slice(0, 32).replace(/-+$/, '');
}

/** A revision's change: LibreChat (and what it brings) and one more worker in region 1. */
export function addLibreChat(d: ReturnType<typeof validDraft>): void {
  d.components.chosen.push('librechat');
  const r = d.infrastructure.regions[0];
  if (r) r.workers.count += 1;
}

/** A valid manifest for `name` after `change` to its wizard draft (a revision's manifest). */
export function changedManifest(
  name: string,
  change: (d: ReturnType<typeof validDraft>) => void,
  secrets: SecretValues | null = DEFAULT_SECRETS,
): SovereignManifest {
  const d = validDraft();
  d.infrastructure.sovereignName = name;
  d.dns.subdomain = name;
  change(d);
  const m = buildManifest(d);
  return secrets ? withSecrets(m, { ...secrets, registrarToken: '' }) : m;
}
