// Admission of a submitted manifest: the shared reader and contract (parseManifestData/Text: syntax,
// apiVersion migration, shape, catalog ids, dependencies, install order, field rules) plus the
// placement and capacity checks and the charts' values schemas (admitPlan in
// src/shared/lib/plan-problems.ts, which the CLI and Review run too), and the `secrets` block
// against the secretRefs the manifest names.
import { childPath, positionOf } from '../src/shared/lib/bounded-parse';
import { blueprintRegistry } from '../src/shared/lib/manifest';
import {
  MAX_MANIFEST_BYTES,
  parseManifestData,
  parseManifestText,
} from '../src/shared/lib/manifest/io';
import { nodeChartValidator } from '../src/shared/chart-schemas/node-validators';
import { admitPlan } from '../src/shared/lib/plan-problems';
import type { ManifestValidation } from '../src/shared/lib/manifest/validate';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { Problem } from '../src/shared/schemas/api';
import { unparseable, type ManifestBody } from './body';
import { ApiError } from './errors';

const MAX_PROBLEMS = 200;

/** What the manifest says one Secret holds: keys an executor needs, and every key it may carry. */
export interface SecretNeed {
  required: Set<string>;
  allowed: Set<string>;
}

/**
 * The Secrets a manifest refers to by name, with their keys: the provider credentials (`token`),
 * the cold tier's (`accessKeyId`, `secretAccessKey`), the registrar's in byo-api mode (`token`) and
 * the Blueprint pull secret (optional `username`, `password`, `token`). One name used by several
 * refs holds the keys of each.
 */
export function secretNeeds(manifest: Pick<SovereignManifest, 'spec'>): Map<string, SecretNeed> {
  const needs = new Map<string, SecretNeed>();
  const add = (name: string, required: readonly string[], optional: readonly string[] = []) => {
    const need = needs.get(name) ?? { required: new Set<string>(), allowed: new Set<string>() };
    for (const k of required) need.required.add(k);
    for (const k of [...required, ...optional]) need.allowed.add(k);
    needs.set(name, need);
  };
  const { infrastructure, storage, dns } = manifest.spec;
  add(infrastructure.credentialsSecretRef.name, ['token']);
  add(storage.tiers[2].credentialsSecretRef.name, ['accessKeyId', 'secretAccessKey']);
  if (dns.registrarSecretRef) {
    if (dns.mode === 'byo-api') add(dns.registrarSecretRef.name, ['token']);
    else add(dns.registrarSecretRef.name, [], ['token']);
  }
  add(blueprintRegistry(manifest).pullSecretRef.name, [], ['username', 'password', 'token']);
  return needs;
}

/** Names of the Secrets with needed keys that are not among `present` (what a plan lacks). */
export function missingCredentials(
  manifest: Pick<SovereignManifest, 'spec'>,
  present: Iterable<string>,
): string[] {
  const given = new Set(present);
  const missing: string[] = [];
  for (const [name, need] of secretNeeds(manifest)) {
    if (need.required.size > 0 && !given.has(name)) missing.push(name);
  }
  return missing;
}

/** The words a deployment's status message starts with when an executor would lack credentials. */
export const PLAN_ONLY = 'Plan only: no credentials';

/** `message`, led by "Plan only: no credentials for …" when Secrets the plan needs were not given. */
export function planOnlyMessage(
  manifest: Pick<SovereignManifest, 'spec'>,
  present: Iterable<string>,
  message: string,
): string {
  const missing = missingCredentials(manifest, present);
  return missing.length === 0 ? message : `${PLAN_ONLY} for ${missing.join(', ')}. ${message}`;
}

/**
 * Problems of the `secrets` block: a name no secretRef uses, a key the Secret does not hold, an
 * empty value, a Secret given without all its keys; with `requireSecrets` (an executor will apply
 * the plan) also every needed key that is absent. Paths are `secrets.<name>[.<key>]`; values are
 * never quoted.
 */
export function secretProblems(manifest: SovereignManifest, requireSecrets: boolean): Problem[] {
  const needs = secretNeeds(manifest);
  const secrets = manifest.secrets ?? {};
  const problems: Problem[] = [];
  const referenced = [...needs.keys()].join(', ');
  for (const [name, values] of Object.entries(secrets)) {
    const need = needs.get(name);
    if (!need) {
      problems.push({
        path: `secrets.${name}`,
        message: `not referenced by the manifest (its secretRefs: ${referenced})`,
      });
      continue;
    }
    const expected = [...need.allowed].join(', ');
    for (const [key, value] of Object.entries(values)) {
      if (!need.allowed.has(key)) {
        problems.push({
          path: `secrets.${name}.${key}`,
          message: `unknown key: expected ${expected}`,
        });
      } else if (value.trim() === '') {
        problems.push({
          path: `secrets.${name}.${key}`,
          message: 'empty: give the value, or leave the key out',
        });
      }
    }
    for (const key of need.required) {
      if (!Object.hasOwn(values, key)) {
        problems.push({
          path: `secrets.${name}.${key}`,
          message: `required: this Secret holds ${[...need.required].join(' and ')}`,
        });
      }
    }
  }
  if (requireSecrets) {
    for (const [name, need] of needs) {
      if (Object.hasOwn(secrets, name)) continue;
      for (const key of need.required) {
        problems.push({
          path: `secrets.${name}.${key}`,
          message: 'required: the configured executor applies this plan with it',
        });
      }
    }
  }
  return problems;
}

type JsonFrame =
  | { kind: 'object'; path: string; keys: Set<string>; key: string | undefined; wantKey: boolean }
  | { kind: 'array'; path: string; index: number };

/**
 * The first repeated key of a JSON text that JSON.parse accepted (which keeps the last silently),
 * with its path: one linear pass, no recursion, so the JSON body is held to the rule the YAML
 * reader applies. Null when every mapping's keys are unique.
 */
export function jsonDuplicateKey(text: string): Problem | null {
  const stack: JsonFrame[] = [];
  const childOf = (top: JsonFrame | undefined) =>
    !top
      ? ''
      : top.kind === 'array'
        ? childPath(top.path, top.index)
        : childPath(top.path, top.key ?? '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '{') {
      stack.push({
        kind: 'object',
        path: childOf(top),
        keys: new Set(),
        key: undefined,
        wantKey: true,
      });
    } else if (c === '[') {
      stack.push({ kind: 'array', path: childOf(top), index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top) top.wantKey = true;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.wantKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          return {
            path: childPath(top.path, key) || '(root)',
            message: `Map keys must be unique: ${JSON.stringify(key)} appears twice (at ${positionOf(text, i)})`,
          };
        }
        top.keys.add(key);
        top.key = key;
        top.wantKey = false;
      }
      i = j;
    }
  }
  return null;
}

export interface AdmitOptions {
  /** Refuse a plan without the credentials it needs (an executor will apply it). */
  requireSecrets?: boolean;
}

/** The body's document as a manifest: JSON was parsed by the body parser, YAML is read here. */
function parse(body: ManifestBody): ManifestValidation {
  return body.format === 'json'
    ? parseManifestData(body.data, 'json')
    : parseManifestText(body.text);
}

const SYNTAX_AT = /^line (\d+), column (\d+)/;

/**
 * The validated manifest of a body, or the ApiError to answer with: 415 when the text is not
 * YAML/JSON at all, 413 when it is too long, 400 `invalid_manifest` with every problem otherwise.
 */
export function admitManifest(body: ManifestBody, opts: AdmitOptions = {}): SovereignManifest {
  if (body.text.length > MAX_MANIFEST_BYTES) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The manifest is longer than ${MAX_MANIFEST_BYTES} characters`,
    );
  }
  const duplicate = body.format === 'json' ? jsonDuplicateKey(body.text) : null;
  if (duplicate) throw invalid([duplicate]);
  const parsed = parse(body);
  if (!parsed.ok) {
    const syntax = parsed.problems.find((p) => p.path === '(document)');
    if (syntax) {
      const at = SYNTAX_AT.exec(syntax.message);
      throw unparseable(body.format, at ? ` (line ${at[1]}, column ${at[2]})` : '');
    }
    throw invalid(parsed.problems);
  }
  const verdict = admitPlan(parsed, nodeChartValidator);
  const problems = verdict.ok ? [] : [...verdict.problems];
  for (const p of secretProblems(parsed.manifest, opts.requireSecrets ?? false)) problems.push(p);
  if (problems.length) throw invalid(problems);
  return parsed.manifest;
}

function invalid(problems: readonly Problem[]): ApiError {
  return new ApiError(
    400,
    'invalid_manifest',
    `The manifest has ${problems.length} problem(s)`,
    problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: p.path, message: p.message })),
  );
}
