// Per-step validation of the wizard draft (zod schemas): every problem names its field. The
// zod-free helpers (defaults, fieldId, regions, domain) live in draft-defaults.ts so the first
// page can build a draft without loading zod; they are re-exported here by name.
import { REGISTRARS, getProvider } from '../constants/domain';
import { STEPS, type StepId } from '../constants/steps';
import {
  blueprintsSchema,
  infrastructureSchema,
  storageSchema,
  componentsSchema,
  type Draft,
  type DraftSecrets,
} from '../schemas/draft';
import { dnsSchema } from '../schemas/draft-dns';
import type { FieldError } from './draft-defaults';
import { contradictions } from './contradictions';
import { settingsFieldErrors } from './settings-errors';
import { parseSshPublicKey } from './ssh-key';

export {
  createDefaultDraft,
  defaultChosen,
  delegatedNameservers,
  fieldId,
  regionsForTopology,
  sovereignDomain,
  type FieldError,
} from './draft-defaults';

type Issue = { path: readonly PropertyKey[]; message: string };
function toErrors(step: StepId, prefix: string, issues: readonly Issue[]): FieldError[] {
  return issues.map((i) => ({
    step,
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

function secretErrors(step: StepId, draft: Draft, secrets: DraftSecrets): FieldError[] {
  const out: FieldError[] = [];
  if (step === 'infrastructure') {
    const cred = getProvider(draft.infrastructure.provider).credential;
    if (!secrets.providerToken)
      out.push({ step, path: 'secrets.providerToken', message: `${cred.label} is required` });
    else if (!cred.pattern.test(secrets.providerToken.trim()))
      out.push({ step, path: 'secrets.providerToken', message: `${cred.label}: ${cred.hint}` });
  }
  if (step === 'storage') {
    if (secrets.coldAccessKeyId.trim().length < 16)
      out.push({
        step,
        path: 'secrets.coldAccessKeyId',
        message: 'Cold-tier access key id: at least 16 characters',
      });
    if (secrets.coldSecretAccessKey.trim().length < 16)
      out.push({
        step,
        path: 'secrets.coldSecretAccessKey',
        message: 'Cold-tier secret access key: at least 16 characters',
      });
  }
  if (step === 'dns' && draft.dns.mode === 'byo-api') {
    const reg = REGISTRARS.find((r) => r.id === draft.dns.registrar);
    if (!secrets.registrarToken)
      out.push({
        step,
        path: 'secrets.registrarToken',
        message: `${reg?.name ?? 'Registrar'} API token is required`,
      });
    else if (reg && !reg.tokenPattern.test(secrets.registrarToken.trim()))
      out.push({
        step,
        path: 'secrets.registrarToken',
        message: `${reg.name} API token: ${reg.tokenHint}`,
      });
  }
  return out;
}

/** Every problem on one step, each naming its field; secrets are checked only when `secrets` is given. */
export function validateStep(step: StepId, draft: Draft, secrets?: DraftSecrets): FieldError[] {
  const errors: FieldError[] = [];
  const run = (
    schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } } },
    value: unknown,
    prefix: string,
  ) => {
    const r = schema.safeParse(value);
    if (!r.success && r.error)
      for (const e of toErrors(step, prefix, r.error.issues)) errors.push(e);
  };
  if (step === 'infrastructure') {
    run(infrastructureSchema, draft.infrastructure, 'infrastructure');
    const key = draft.infrastructure.sshPublicKey;
    const parsed = key.trim() ? parseSshPublicKey(key) : null;
    if (parsed && !parsed.ok)
      errors.push({
        step,
        path: 'infrastructure.sshPublicKey',
        message: `SSH public key: ${parsed.error}`,
      });
  }
  if (step === 'storage') run(storageSchema, draft.storage, 'storage');
  if (step === 'dns') run(dnsSchema, draft.dns, 'dns');
  if (step === 'components') {
    run(componentsSchema, draft.components, 'components');
    run(blueprintsSchema, draft.blueprints, 'blueprints');
    for (const e of settingsFieldErrors(draft)) errors.push(e);
  }
  // Contradictions across fields and steps, each on the field to change (after its own rules).
  for (const e of contradictions(step, draft)) errors.push(e);
  if (secrets) for (const e of secretErrors(step, draft, secrets)) errors.push(e);
  // One message per field: "is required" hides the format message of the same empty field.
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && Boolean(seen.add(e.path)));
}

/** Every problem in the draft, in step order. */
export function validateDraft(draft: Draft, secrets?: DraftSecrets): FieldError[] {
  return (['infrastructure', 'storage', 'dns', 'components'] as const).flatMap((s) =>
    validateStep(s, draft, secrets),
  );
}

/** The first step with a problem (secrets not checked, as they do not survive a reload), else review. */
export function firstIncompleteStep(draft: Draft): StepId {
  const step = STEPS.find((s) => s.id !== 'review' && validateStep(s.id, draft).length > 0);
  return step?.id ?? 'review';
}
