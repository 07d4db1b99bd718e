// The chart values schemas compiled with ajv, for the API's admission and `catalyst validate`
// (Node, where compiling a schema to a function is allowed; the browser's CSP forbids it, so it
// loads the same schemas precompiled: browser-validators.ts). Each schema compiles on first use.
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ComponentId } from '../constants/components';
import {
  chartSchemaName,
  fromAjvErrors,
  type ChartValuesValidator,
} from '../lib/chart-values-check';
import certManager from './cert-manager.json';
import cnpg from './cnpg.json';
import externalDns from './external-dns.json';
import externalSecrets from './external-secrets.json';
import guacamole from './guacamole.json';
import loki from './loki.json';
import openbao from './openbao.json';
import opentelemetry from './opentelemetry.json';
import reloader from './reloader.json';
import sigstore from './sigstore.json';
import velero from './velero.json';
import vllm from './vllm.json';
import { AJV_OPTIONS, isDraft2020, schemaBody } from './ajv-options';

const SCHEMAS: Readonly<Partial<Record<ComponentId, object>>> = {
  'cert-manager': certManager,
  cnpg,
  'external-dns': externalDns,
  'external-secrets': externalSecrets,
  guacamole,
  loki,
  openbao,
  opentelemetry,
  reloader,
  sigstore,
  velero,
  vllm,
};

/** The vendored schema of a component, as published. */
export function vendoredSchema(id: ComponentId): object | null {
  return SCHEMAS[id] ?? null;
}

const compiled = new Map<ComponentId, ValidateFunction>();

function compile(id: ComponentId, schema: object): ValidateFunction {
  let fn = compiled.get(id);
  if (!fn) {
    const ajv = isDraft2020(schema) ? new Ajv2020(AJV_OPTIONS) : new Ajv(AJV_OPTIONS);
    fn = ajv.compile(schemaBody(schema));
    compiled.set(id, fn);
  }
  return fn;
}

/** The validator of a component's chart values, or null when its chart publishes no schema. */
export function nodeChartValidator(id: ComponentId): ChartValuesValidator | null {
  const schema = SCHEMAS[id];
  if (!schema) return null;
  return (values) => {
    const fn = compile(id, schema);
    return fn(values) ? [] : fromAjvErrors(fn.errors, chartSchemaName(id));
  };
}
