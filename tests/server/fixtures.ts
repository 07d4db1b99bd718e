// Manifests for the server tests: a valid one built by the app's own functions (so it tracks the
// contract), its secrets, and helpers to vary it.
import { createDefaultDraft } from '../../src/shared/lib/draft';
import { buildManifest, withSecrets } from '../../src/shared/lib/manifest';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';

export const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@acme';

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
  const d = createDefaultDraft();
  d.infrastructure.sovereignName = name;
  d.infrastructure.organization = { name: 'Acme Corp', email: 'ops@acme.example' };
  d.infrastructure.sshPublicKey = SSH_KEY;
  d.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  d.dns.subdomain = name;
  // Workers large enough for the default platform, so the capacity check passes.
  for (const r of d.infrastructure.regions) r.workers = { size: 'cpx42', count: 3 };
  return withSecrets(buildManifest(d), { ...secrets, registrarToken: '' });
}

/** The JSON body of a valid manifest. */
export function validBody(name = 'acme', secrets?: SecretValues): string {
  return JSON.stringify(validManifest(name, secrets));
}
