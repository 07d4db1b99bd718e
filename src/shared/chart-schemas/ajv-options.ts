// How every chart values schema is compiled, in Node (node-validators.ts) and at build time for
// the browser (scripts/vite-chart-validators.ts): the same options, so both refuse the same values.

/** ajv's options for chart schemas: every error, no strictness about keywords charts add. */
export const AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false } as const;

/** A chart schema without `$schema`/`$id` (some name `http://json-schema.org/schema#`, no dialect). */
export function schemaBody(schema: object): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...body } = schema as Record<string, unknown>;
  return body;
}

/** True when a schema declares JSON Schema 2020-12 (the others are read as draft-07). */
export function isDraft2020(schema: object): boolean {
  return String((schema as Record<string, unknown>).$schema ?? '').includes('2020-12');
}
