// Manifest text in and out: YAML or JSON to a validated manifest (every problem with its path,
// never a throw), older apiVersions migrated, and serialisation with the editor modeline.
import { parseDocument, stringify } from 'yaml';
import { MANIFEST_LIMITS, checkDocument, positionOf, scanBounds } from '../bounded-parse';
import { isComponentId } from '../../constants/components';
import {
  MANIFEST_API_VERSION,
  MANIFEST_KIND,
  MANIFEST_SCHEMA_PATH,
  type ManifestProblem,
  type SovereignManifest,
} from '../../schemas/manifest';
import { manifestComponents } from './build';
import { validateManifest } from './validate';

/** The earlier apiVersion that is migrated on import: `spec.components` was a list of chosen ids. */
export const MANIFEST_API_VERSION_V1ALPHA0 = 'catalyst.openova.io/v1alpha0';
/** The largest manifest text accepted (a real one is a few KiB); one limit, in bounded-parse. */
export const MAX_MANIFEST_BYTES = MANIFEST_LIMITS.maxChars;

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

/**
 * Reads YAML (JSON is YAML) into plain data, or one problem. Linear and bounded: the text is
 * measured first (size, nesting, entries, nodes: scanBounds), the parser makes no pretty excerpts
 * and leaves duplicate keys to our Set-based walk (yaml's own checks are quadratic), and only the
 * first error is reported, with its line and column.
 */
function readText(
  text: string,
): { ok: true; data: unknown } | { ok: false; problems: ManifestProblem[] } {
  const bounds = scanBounds(text);
  if (bounds) {
    const at = positionOf(text, bounds.offset);
    // Syntax errors lead with their position, as the parser's do; limits say what was exceeded.
    const message =
      bounds.kind === 'syntax'
        ? `${at}: ${bounds.message}`
        : bounds.kind === 'too-large'
          ? bounds.message
          : `${bounds.message} (at ${at})`;
    return { ok: false, problems: [{ path: '(document)', message }] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const plain = message.startsWith('Source contains multiple documents')
      ? 'expected one YAML document, found several'
      : message;
    return {
      ok: false,
      problems: [{ path: '(document)', message: `${positionOf(text, first.pos[0])}: ${plain}` }],
    };
  }
  const structure = checkDocument(doc);
  if (structure) {
    const at = structure.offset === undefined ? '' : ` (at ${positionOf(text, structure.offset)})`;
    return {
      ok: false,
      problems: [
        {
          // Limits concern the whole document; a repeated key is a problem of its own path.
          path: structure.kind === 'duplicate-key' ? structure.path : '(document)',
          message: `${structure.message}${at}`,
        },
      ],
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
    // A loop, not push(...list): spreading 100k+ problems as arguments overflows the stack.
    for (const p of migrated.problems) before.push(p);
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
  return { ok: false, problems: result.ok ? before : before.concat(result.problems) };
}

/** Parses manifest text (YAML or JSON); returns the manifest or every problem, never throws. */
export function parseManifestText(text: string): ParseManifestResult {
  try {
    if (typeof text !== 'string') return fail('(document)', 'expected text');
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
