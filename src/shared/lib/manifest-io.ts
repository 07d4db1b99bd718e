// Manifest text in and out: YAML or JSON to a validated manifest (every problem with its path,
// never a throw), older apiVersions migrated, and serialisation with the editor modeline.
import { parseDocument, stringify } from 'yaml';
import { isComponentId } from '../constants/components';
import {
  MANIFEST_API_VERSION,
  MANIFEST_KIND,
  MANIFEST_SCHEMA_PATH,
  validateManifest,
  type ManifestProblem,
  type SovereignManifest,
} from '../schemas/manifest';
import { manifestComponents } from './manifest';

/** The earlier apiVersion that is migrated on import: `spec.components` was a list of chosen ids. */
export const MANIFEST_API_VERSION_V1ALPHA0 = 'catalyst.openova.io/v1alpha0';
/** The largest manifest text accepted (a real one is a few KiB). */
export const MAX_MANIFEST_BYTES = 1_000_000;

export type ManifestFormat = 'yaml' | 'json';

export type ParseManifestResult =
  | {
      ok: true;
      manifest: SovereignManifest;
      format: ManifestFormat;
      /** The apiVersion the document was migrated from, when it was not v1alpha1. */
      migratedFrom?: string;
    }
  | { ok: false; problems: ManifestProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (path: string, message: string): ParseManifestResult => ({
  ok: false,
  problems: [{ path, message }],
});

/** Reads YAML (JSON is YAML) into plain data, or the syntax problems with line and column. */
function readText(
  text: string,
): { ok: true; data: unknown } | { ok: false; problems: ManifestProblem[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : '';
        const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const text = message.startsWith('Source contains multiple documents')
          ? 'expected one YAML document, found several'
          : message;
        return { path: '(document)', message: `${where}${text}` };
      }),
    };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
}

/** Migrates a v1alpha0 document (components as chosen ids) to v1alpha1 data. */
export function migrateV1alpha0(doc: Record<string, unknown>): {
  data: unknown;
  problems: ManifestProblem[];
} {
  const spec = isRecord(doc.spec) ? doc.spec : {};
  const raw = spec.components;
  if (!Array.isArray(raw)) {
    return {
      data: doc,
      problems: [
        { path: 'spec.components', message: 'v1alpha0: expected a list of component ids' },
      ],
    };
  }
  const problems: ManifestProblem[] = [];
  const chosen: string[] = [];
  raw.forEach((id, i) => {
    if (typeof id !== 'string')
      problems.push({
        path: `spec.components[${i}]`,
        message: 'v1alpha0: expected a component id',
      });
    else if (!isComponentId(id))
      problems.push({ path: `spec.components[${i}]`, message: `unknown component "${id}"` });
    else chosen.push(id);
  });
  return {
    data: {
      ...doc,
      apiVersion: MANIFEST_API_VERSION,
      spec: { ...spec, ...manifestComponents(chosen) },
    },
    problems,
  };
}

/**
 * A parsed document (from JSON or YAML) as a manifest: kind and apiVersion checked, v1alpha0
 * migrated, then validated; every problem, never throws.
 */
export function parseManifestData(data: unknown, format: ManifestFormat): ParseManifestResult {
  if (!isRecord(data))
    return fail('(root)', 'expected a mapping with apiVersion, kind, metadata and spec');
  if (data.kind !== MANIFEST_KIND) {
    return fail('kind', `expected "${MANIFEST_KIND}", found ${JSON.stringify(data.kind ?? null)}`);
  }
  let input: unknown = data;
  let migratedFrom: string | undefined;
  const before: ManifestProblem[] = [];
  if (data.apiVersion === MANIFEST_API_VERSION_V1ALPHA0) {
    const migrated = migrateV1alpha0(data);
    input = migrated.data;
    before.push(...migrated.problems);
    migratedFrom = MANIFEST_API_VERSION_V1ALPHA0;
  } else if (data.apiVersion !== MANIFEST_API_VERSION) {
    return fail(
      'apiVersion',
      `${JSON.stringify(data.apiVersion ?? null)} is not supported: expected "${MANIFEST_API_VERSION}" (or "${MANIFEST_API_VERSION_V1ALPHA0}", which is migrated)`,
    );
  }
  const result = validateManifest(input);
  if (result.ok && before.length === 0) {
    return {
      ok: true,
      manifest: result.manifest,
      format,
      ...(migratedFrom ? { migratedFrom } : {}),
    };
  }
  return { ok: false, problems: [...before, ...(result.ok ? [] : result.problems)] };
}

/** Parses manifest text (YAML or JSON); returns the manifest or every problem, never throws. */
export function parseManifestText(text: string): ParseManifestResult {
  try {
    if (typeof text !== 'string') return fail('(document)', 'expected text');
    if (text.length > MAX_MANIFEST_BYTES)
      return fail('(document)', `too large: at most ${MAX_MANIFEST_BYTES} characters`);
    if (text.trim() === '') return fail('(document)', 'the document is empty');
    const format: ManifestFormat = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
    const read = readText(text);
    if (!read.ok) return read;
    return parseManifestData(read.data, format);
  } catch (error) {
    return fail(
      '(document)',
      `could not read the document: ${(error as Error)?.message ?? String(error)}`,
    );
  }
}

export interface SerializeOptions {
  /** Keep the `secrets` block (only on an explicit request). Default false. */
  includeSecrets?: boolean;
  /** The schema the YAML modeline and JSON `$schema` point at. Default the app's own path. */
  schemaUrl?: string;
}

/** The manifest as YAML (with the yaml-language-server modeline) or JSON; secrets left out by default. */
export function serializeManifest(
  manifest: SovereignManifest,
  format: ManifestFormat,
  options: SerializeOptions = {},
): string {
  const { $schema: _schema, secrets, ...rest } = manifest;
  const body: SovereignManifest = options.includeSecrets && secrets ? { ...rest, secrets } : rest;
  const schemaUrl = options.schemaUrl ?? MANIFEST_SCHEMA_PATH;
  if (format === 'json') return `${JSON.stringify({ $schema: schemaUrl, ...body }, null, 2)}\n`;
  return `# yaml-language-server: $schema=${schemaUrl}\n${stringify(body, { lineWidth: 0 })}`;
}
