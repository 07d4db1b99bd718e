// Pieces the route table's files (server/api-spec-*.ts) share: the error response, schema
// messages, whole numbers sent as text, the manifest body and response, Idempotency-Key, the
// deployment id parameter.
import * as z from 'zod';
import { apiErrorSchema } from '../src/shared/schemas/api';
import { sovereignManifestSchema } from '../src/shared/schemas/manifest';
import type { Content, ResponseSpec } from './api-spec-types';

/** `{error, message, problems?}` with a description of when it is answered. */
export const error = (description: string): ResponseSpec => ({
  description,
  content: { 'application/json': apiErrorSchema },
});

/** Every failure of the schema says `message` (the 400's sentence). */
export const says = (message: string) => ({ error: message });
/** A whole number sent as text (query or header), decoded with Number() as it always was. */
export const wholeNumber = (message: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.codec(
    z.string(says(message)),
    z.int(says(message)).min(min, says(message)).max(max, says(message)),
    {
      decode: Number,
      encode: String,
    },
  );

const IDEMPOTENCY_KEY_MESSAGE = 'Idempotency-Key must be 1 to 255 visible ASCII characters';

/** The Idempotency-Key header of a submit (its description is the route's). */
export const idempotencyKeyHeader = z
  .string(says(IDEMPOTENCY_KEY_MESSAGE))
  .regex(/^[\x21-\x7e]{1,255}$/, says(IDEMPOTENCY_KEY_MESSAGE))
  .min(1, says(IDEMPOTENCY_KEY_MESSAGE))
  .max(255, says(IDEMPOTENCY_KEY_MESSAGE))
  .optional();

/** A submitted manifest, as JSON or YAML. */
export const manifestBody: Content = {
  'application/json': sovereignManifestSchema,
  'application/yaml': sovereignManifestSchema,
  'application/x-yaml': sovereignManifestSchema,
  'text/yaml': sovereignManifestSchema,
};

/** JSON for ?format=json (any other value is ignored and Accept decides), YAML otherwise. */
export const manifestFormatQuery = z.object({
  format: z
    .enum(['json', 'yaml'])
    .optional()
    .catch(undefined)
    .describe('Overrides Accept: json or yaml'),
});

/** A stored manifest as submitted, without secrets. */
export const manifestResponse: ResponseSpec = {
  description: 'The manifest',
  content: {
    'application/yaml': sovereignManifestSchema,
    'application/json': sovereignManifestSchema,
  },
};

/** The deployment id of a path. */
export const deploymentId = z
  .string()
  .describe('The deployment id (a UUID; any other value answers 404)');
