// Request bodies: the manifest arrives as JSON or YAML text (chosen by Content-Type) and is parsed
// by the shared `parseManifestText`. Parse errors say where, never quote the body (it has secrets).
import type { FastifyInstance } from 'fastify';
import { positionOf, scanBounds, type BoundsViolation } from '../src/shared/lib/bounded-parse';
import { ApiError } from './errors';

export const JSON_TYPES = ['application/json'];
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

export type BodyFormat = 'json' | 'yaml';

/** A submitted body: its text, the format its Content-Type announced, and for JSON its value. */
export type ManifestBody =
  { format: 'json'; text: string; data: unknown } | { format: 'yaml'; text: string };

export function isManifestBody(v: unknown): v is ManifestBody {
  return typeof v === 'object' && v !== null && typeof (v as ManifestBody).text === 'string';
}

/** The 415 for a body that does not parse; `where` is a location, never an excerpt. */
export function unparseable(format: BodyFormat, where = ''): ApiError {
  return new ApiError(
    415,
    'unparseable_body',
    `The body is not valid ${format === 'json' ? 'JSON' : 'YAML'}${where}`,
  );
}

/**
 * The answer for a body that fails the shared bounds (size, nesting, entries, nodes), checked
 * before any parser runs: 413 for a limit, 415 for text that surely is not YAML/JSON. The same
 * scanner guards the shared reader, so the browser import and the CLI are bounded too.
 */
export function boundsError(format: BodyFormat, text: string, v: BoundsViolation): ApiError {
  const at = positionOf(text, v.offset);
  if (v.kind === 'syntax') return unparseable(format, ` (${at}: ${v.message})`);
  const where = v.kind === 'too-large' ? '' : ` (at ${at})`;
  return new ApiError(413, 'payload_too_large', `The manifest is too big: ${v.message}${where}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec(String((err as Error)?.message))?.[1];
    throw unparseable('json', pos ? ` (at character ${pos})` : '');
  }
}

/** Replaces fastify's parsers: JSON and YAML media types only, each as size-limited UTF-8 text. */
export function installBodyParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  const add = (types: string[], format: BodyFormat) =>
    app.addContentTypeParser(types, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => {
      try {
        const text = (body as Buffer).toString('utf8');
        if (text.trim() === '') throw new ApiError(415, 'unparseable_body', 'The body is empty');
        const violation = scanBounds(text);
        if (violation) throw boundsError(format, text, violation);
        // JSON is parsed here, once; YAML by the shared reader, which reports line and column.
        const parsed: ManifestBody =
          format === 'json' ? { format, text, data: parseJson(text) } : { format, text };
        done(null, parsed);
      } catch (err) {
        done(err as Error, undefined);
      }
    });
  add(JSON_TYPES, 'json');
  add(YAML_TYPES, 'yaml');
}
