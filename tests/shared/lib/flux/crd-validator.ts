// Validates Kubernetes objects against the openAPIV3Schema of the real Flux CRDs in
// ../shared/flux-crds (ajv, strict off for the x-kubernetes-* keywords).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; schema: { openAPIV3Schema: object } }[];
  };
}

export const CRD_DIR = path.resolve(process.cwd(), '../shared/flux-crds');

/** A validator per `apiVersion/kind` found in the CRD folder. */
export function loadCrdValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  const out = new Map<string, ValidateFunction>();
  for (const file of readdirSync(CRD_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(path.join(CRD_DIR, file), 'utf8')) as Crd;
    for (const v of crd.spec.versions) {
      out.set(
        `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`,
        ajv.compile(v.schema.openAPIV3Schema),
      );
    }
  }
  return out;
}

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Every problem of one object: CRD schema errors plus the metadata the CRD does not cover. */
export function crdProblems(
  validators: Map<string, ValidateFunction>,
  object: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const meta = object.metadata as { name?: unknown; namespace?: unknown } | undefined;
  if (typeof meta?.name !== 'string' || !DNS1123.test(meta.name) || meta.name.length > 63)
    problems.push(`metadata.name invalid: ${String(meta?.name)}`);
  if (typeof meta?.namespace !== 'string' || !DNS1123.test(meta.namespace))
    problems.push(`metadata.namespace invalid: ${String(meta?.namespace)}`);
  const validate = validators.get(`${String(object.apiVersion)}/${String(object.kind)}`);
  if (!validate)
    return [...problems, `no CRD for ${String(object.apiVersion)} ${String(object.kind)}`];
  if (!validate(object))
    problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  return problems;
}
