// Writes public/schema/sovereign-v1alpha1.json from the zod manifest schema (run with tsx:
// `npx tsx scripts/generate-schema.mjs`). A test fails when the committed file drifts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema } from '../src/shared/schemas/manifest.ts';

const out = fileURLToPath(new URL('../public/schema/sovereign-v1alpha1.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
