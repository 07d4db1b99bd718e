// Admission of a submitted manifest: the shared parser and contract (parseManifestText: syntax,
// apiVersion migration, shape, catalog ids, dependencies, install order, field rules) plus the
// capacity check (src/shared/lib/capacity-check.ts, which the CLI runs too).
import { capacityProblems } from '../src/shared/lib/capacity-check';
import { MAX_MANIFEST_BYTES, parseManifestText } from '../src/shared/lib/manifest-io';
import {
  MANIFEST_API_VERSION,
  MANIFEST_KIND,
  validateManifest,
  type SovereignManifest,
} from '../src/shared/schemas/manifest';
import type { ManifestValidation } from '../src/shared/schemas/manifest';
import type { Problem } from '../src/shared/schemas/api';
import { unparseable, type ManifestBody } from './body';
import { ApiError } from './errors';

const MAX_PROBLEMS = 200;

/**
 * A current-version JSON manifest goes straight to validateManifest (what parseManifestText does for
 * it, without its ~2 ms YAML pass); everything else (YAML, older apiVersions, odd roots) through
 * parseManifestText, which owns syntax errors and migrations.
 */
function parse(body: ManifestBody): ManifestValidation {
  if (body.format === 'json') {
    const data: unknown = JSON.parse(body.text);
    const record = typeof data === 'object' && data !== null && !Array.isArray(data);
    if (
      record &&
      (data as Record<string, unknown>).apiVersion === MANIFEST_API_VERSION &&
      (data as Record<string, unknown>).kind === MANIFEST_KIND
    ) {
      return validateManifest(data);
    }
  }
  return parseManifestText(body.text);
}

const SYNTAX_AT = /^line (\d+), column (\d+)/;

/**
 * The validated manifest of a body, or the ApiError to answer with: 415 when the text is not
 * YAML/JSON at all, 413 when it is too long, 400 `invalid_manifest` with every problem otherwise.
 */
export function admitManifest(body: ManifestBody): SovereignManifest {
  if (body.text.length > MAX_MANIFEST_BYTES) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The manifest is longer than ${MAX_MANIFEST_BYTES} characters`,
    );
  }
  const parsed = parse(body);
  if (!parsed.ok) {
    const syntax = parsed.problems.find((p) => p.path === '(document)');
    if (syntax) {
      const at = SYNTAX_AT.exec(syntax.message);
      throw unparseable(body.format, at ? ` (line ${at[1]}, column ${at[2]})` : '');
    }
    throw invalid(parsed.problems);
  }
  const problems = capacityProblems(parsed.manifest);
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
