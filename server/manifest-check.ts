// Admission of a submitted manifest: the shared reader and contract (parseManifestData/Text: syntax,
// apiVersion migration, shape, catalog ids, dependencies, install order, field rules) plus the
// placement and capacity checks (src/shared/lib/capacity-check.ts, which the CLI runs too).
import { admissionProblems } from '../src/shared/lib/capacity-check';
import {
  MAX_MANIFEST_BYTES,
  parseManifestData,
  parseManifestText,
} from '../src/shared/lib/manifest-io';
import type { ManifestValidation, SovereignManifest } from '../src/shared/schemas/manifest';
import type { Problem } from '../src/shared/schemas/api';
import { unparseable, type ManifestBody } from './body';
import { ApiError } from './errors';

const MAX_PROBLEMS = 200;

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
  const problems = admissionProblems(parsed.manifest);
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
