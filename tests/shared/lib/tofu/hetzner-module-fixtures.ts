// The Hetzner module tests' shared setup: the module's files, each .tf parsed offline with
// @cdktf/hcl2json and its declared variables (set before the tests: see useParsedModule), and the
// manifests and generated tfvars of a topology.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { beforeAll } from 'vitest';
import type { TopologyId } from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import {
  HETZNER_MODULE_DIR,
  HETZNER_TFVARS_PATH,
  hetznerModuleFiles,
  infraFiles,
  type HetznerTfvars,
} from '../../../../src/shared/lib/tofu';
import { validDraft } from '../manifest-fixtures';

export const URL = 'https://bootstrap.example/git/acme.git';
export type Block = Record<string, unknown>;
interface Variable {
  type?: string;
  default?: unknown;
  sensitive?: boolean;
  validation?: Block[];
}

export function manifestFor(
  topology: TopologyId,
  tweak?: (d: ReturnType<typeof validDraft>) => void,
) {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, d.infrastructure.provider);
  tweak?.(d);
  return buildManifest(d);
}

export const files = hetznerModuleFiles();
export const text = (name: string): string => {
  const f = files.find((x) => x.path === `${HETZNER_MODULE_DIR}/${name}`);
  if (!f) throw new Error(`no ${name}`);
  return f.content;
};
export const tfFiles = files.filter((f) => f.path.endsWith('.tf'));
export const parsed = new Map<string, Record<string, unknown>>();
export let variables: Record<string, Variable> = {};

/** Parses the .tf files and reads the declared variables before the file's tests. */
export function useParsedModule(): void {
  beforeAll(async () => {
    for (const f of tfFiles) parsed.set(f.path, (await parseHcl(f.path, f.content)) as Block);
    const vars = parsed.get(`${HETZNER_MODULE_DIR}/variables.tf`)?.variable as
      Record<string, Variable[]> | undefined;
    variables = Object.fromEntries(
      Object.entries(vars ?? {}).map(([name, blocks]) => [name, blocks[0] ?? {}]),
    );
  });
}

/** The variables a manifest's module declares: variables.tf and, when it has one, its dns.tf. */
export async function declaredVariablesOf(
  m: ReturnType<typeof manifestFor>,
): Promise<Record<string, Variable>> {
  const dns = infraFiles(m, { repositoryUrl: URL }).find(
    (f) => f.path === `${HETZNER_MODULE_DIR}/dns.tf`,
  );
  if (!dns) return variables;
  const blocks = ((await parseHcl(dns.path, dns.content)) as Block).variable as
    Record<string, Variable[]> | undefined;
  return {
    ...variables,
    ...Object.fromEntries(Object.entries(blocks ?? {}).map(([n, b]) => [n, b[0] ?? {}])),
  };
}

export const tfvarsOf = (m: ReturnType<typeof manifestFor>): HetznerTfvars => {
  const f = infraFiles(m, { repositoryUrl: URL }).find((x) => x.path === HETZNER_TFVARS_PATH);
  if (!f) throw new Error('no tfvars');
  return JSON.parse(f.content) as HetznerTfvars;
};
