// What importing a manifest text means for the wizard: the draft it describes, a short summary,
// the secrets it carries and the secrets the user must enter again. Pure: no store, no React.
import { REGISTRARS, getProvider } from '../../shared/constants/domain';
import type { StepId } from '../../shared/constants/steps';
import { draftFromManifest, draftSecretsFromManifest } from '../../shared/lib/manifest/build';
import { parseManifestText } from '../../shared/lib/manifest/io';
import type { Draft, DraftSecrets } from '../../shared/schemas/draft';
import type { ManifestProblem, SovereignManifest } from '../../shared/schemas/manifest';

/** One secret field a manifest refers to, named as the wizard labels it. */
export interface SecretField {
  /** The secretRef name in the manifest. */
  ref: string;
  key: keyof DraftSecrets;
  label: string;
  step: StepId;
}

export interface ImportSummary {
  name: string;
  provider: string;
  regions: string[];
  componentCount: number;
}

export type ImportAnalysis =
  | { ok: false; problems: ManifestProblem[] }
  | {
      ok: true;
      manifest: SovereignManifest;
      draft: Draft;
      summary: ImportSummary;
      migratedFrom?: string;
      /** Values found in the document's `secrets` block (empty strings where absent). */
      secrets: DraftSecrets;
      /** Secret fields that carry a value in the document. */
      carried: SecretField[];
      /** Secret fields the document refers to but carries no value for. */
      missing: SecretField[];
    };

/** Every secret field a manifest refers to, by its secretRef, labelled as in the wizard. */
export function referencedSecrets(manifest: SovereignManifest): SecretField[] {
  const spec = manifest.spec;
  const provider = getProvider(spec.infrastructure.provider);
  const coldRef = spec.storage.tiers[2].credentialsSecretRef.name;
  const fields: SecretField[] = [
    {
      ref: spec.infrastructure.credentialsSecretRef.name,
      key: 'providerToken',
      label: provider.credential.label,
      step: 'infrastructure',
    },
    { ref: coldRef, key: 'coldAccessKeyId', label: 'Cold-tier access key id', step: 'storage' },
    {
      ref: coldRef,
      key: 'coldSecretAccessKey',
      label: 'Cold-tier secret access key',
      step: 'storage',
    },
  ];
  const registrarRef = spec.dns.registrarSecretRef?.name;
  if (registrarRef) {
    const registrar = REGISTRARS.find((r) => r.id === spec.dns.registrar);
    fields.push({
      ref: registrarRef,
      key: 'registrarToken',
      label: `${registrar?.name ?? 'Registrar'} API token`,
      step: 'dns',
    });
  }
  return fields;
}

/** Parses manifest text for import; never throws, and touches no state. */
export function analyseManifestText(text: string): ImportAnalysis {
  const parsed = parseManifestText(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { manifest } = parsed;
  const secrets = draftSecretsFromManifest(manifest);
  const fields = referencedSecrets(manifest);
  return {
    ok: true,
    manifest,
    draft: draftFromManifest(manifest),
    summary: {
      name: manifest.metadata.name,
      provider: getProvider(manifest.spec.infrastructure.provider).name,
      regions: manifest.spec.infrastructure.regions.map((r) => r.cloudRegion),
      componentCount: manifest.spec.components.length,
    },
    ...(parsed.migratedFrom ? { migratedFrom: parsed.migratedFrom } : {}),
    secrets,
    carried: fields.filter((f) => secrets[f.key] !== ''),
    missing: fields.filter((f) => secrets[f.key] === ''),
  };
}

/** What an import did, for the notice on Review. */
export interface ImportOutcome {
  name: string;
  migratedFrom?: string;
  carried: SecretField[];
  missing: SecretField[];
}

/** A display name for an apiVersion: its version part (`v1alpha0`). */
export function versionName(apiVersion: string): string {
  return apiVersion.split('/').pop() ?? apiVersion;
}
