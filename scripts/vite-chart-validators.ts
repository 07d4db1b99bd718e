// Vite plugin: `import('./<id>.json?validator')` gives the chart values schema <id>.json compiled
// by ajv at build time into a standalone validation function (ajv's standalone code), so the
// browser validates without compiling code at run time (the app's CSP forbids eval).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { Plugin } from 'vite';
import { AJV_OPTIONS, isDraft2020, schemaBody } from '../src/shared/chart-schemas/ajv-options.ts';

const SUFFIX = '.json?validator';
const PREFIX = '\0chart-validator:';

/** The ES module of one schema's standalone validator (default export: the function). */
export function validatorModule(schema: object): string {
  const opts = { ...AJV_OPTIONS, code: { source: true, esm: true } };
  const ajv = isDraft2020(schema) ? new Ajv2020(opts) : new Ajv(opts);
  const code = standaloneCode(ajv, ajv.compile(schemaBody(schema)));
  // ajv's standalone ESM still requires its runtime helpers: import them instead.
  const imports: string[] = [];
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)\.default/g, (_, mod) => {
    const name = `rt${imports.length}`;
    imports.push(`import ${name} from "${String(mod)}.js";`);
    return `(${name}.default ?? ${name})`;
  });
  return `${imports.join('')}${body.replace(/^"use strict";/, '')}`;
}

export function chartValidators(): Plugin {
  return {
    name: 'catalyst-chart-validators',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith(SUFFIX) || !importer) return null;
      const file = path.resolve(path.dirname(importer), source.slice(0, -'?validator'.length));
      return `${PREFIX}${file.slice(0, -'.json'.length)}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = `${id.slice(PREFIX.length)}.json`;
      this.addWatchFile(file);
      return validatorModule(JSON.parse(readFileSync(file, 'utf8')) as object);
    },
  };
}
