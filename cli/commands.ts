// The CLI commands: init, validate, render, schema. Each returns its exit code.
import { join, resolve } from 'node:path';
import { isComponentId, type ComponentId } from '../src/shared/constants/components';
import { CATALOG_INDEX, lockedChain } from '../src/shared/lib/catalog-graph';
import { createDefaultDraft } from '../src/shared/lib/draft';
import { renderFluxTree } from '../src/shared/lib/flux/render-flux-tree';
import { infraFiles, repositoryUrlOf } from '../src/shared/lib/tofu';
import { buildManifest } from '../src/shared/lib/manifest';
import {
  parseManifestText,
  serializeManifest,
  type ParseManifestResult,
} from '../src/shared/lib/manifest-io';
import { admitPlan, planProblems } from '../src/shared/lib/plan-problems';
import { removalImpact } from '../src/shared/lib/removal-impact';
import { zipFiles } from '../src/shared/lib/zip';
import { manifestJsonSchema, type SovereignManifest } from '../src/shared/schemas/manifest';
import { CliError, type CliIo } from './io';

/** Splits `a,b , c` into ids; names every unknown one. */
export function parseIds(list: readonly string[], flag: string): ComponentId[] {
  const ids = list
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !isComponentId(id));
  if (unknown.length)
    throw new CliError(
      `${flag}: unknown component${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`,
    );
  return ids as ComponentId[];
}

export interface InitOptions {
  name?: string;
  org?: string;
  email?: string;
  sshKey?: string;
  with: readonly string[];
  without: readonly string[];
  output?: string;
  format: 'yaml' | 'json';
}

/** `catalyst init`: a manifest with the wizard's defaults and the given choice. */
export async function init(io: CliIo, o: InitOptions): Promise<number> {
  const draft = createDefaultDraft();
  const name = o.name ?? 'my-sovereign';
  draft.infrastructure.sovereignName = name;
  draft.dns.subdomain = name;
  draft.infrastructure.organization = { name: o.org ?? '', email: o.email ?? '' };
  if (o.sshKey) draft.infrastructure.sshPublicKey = (await readInput(io, o.sshKey)).trim();
  let chosen: ComponentId[] = [...draft.components.chosen];
  for (const id of parseIds(o.with, '--with')) if (!chosen.includes(id)) chosen.push(id);
  for (const id of parseIds(o.without, '--without')) {
    const impact = removalImpact(CATALOG_INDEX, chosen, id);
    if (!impact.allowed) {
      const why =
        impact.reason === 'mandatory'
          ? 'it is mandatory'
          : `mandatory ${lockedChain(CATALOG_INDEX, id).slice(0, -1).join(' → ')} needs it`;
      throw new CliError(`--without: cannot remove "${id}": ${why}`);
    }
    if (impact.dependents.length)
      io.err(`note: removing "${id}" also removes ${impact.dependents.join(', ')}\n`);
    chosen = impact.nextChosen;
  }
  draft.components.chosen = chosen;
  const manifest = buildManifest(draft);
  const text = serializeManifest(manifest, o.format);
  if (o.output) {
    await io.writeFile(o.output, text);
    io.err(`wrote ${o.output}\n`);
  } else io.out(text);
  const problems = planProblems(manifest);
  if (problems.length > 0) {
    io.err(`still to fill in before it validates:\n`);
    for (const p of problems) io.err(`  ${p.path}: ${p.message}\n`);
  }
  return 0;
}

async function readInput(io: CliIo, file: string): Promise<string> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new CliError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : `${file}: cannot read (${code ?? String(error)})`,
    );
  }
}

function report(
  io: CliIo,
  file: string,
  result: ParseManifestResult,
): result is Extract<ParseManifestResult, { ok: true }> {
  if (result.ok) return true;
  io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n`);
  for (const p of result.problems) io.err(`${p.path}: ${p.message}\n`);
  return false;
}

/** Parses a manifest file and judges it as the API does: contract and rules, then placement and capacity. */
async function admit(io: CliIo, file: string): Promise<ParseManifestResult> {
  return admitPlan(parseManifestText(await readInput(io, file)));
}

/** `catalyst validate <file>`: 0 when valid, 1 with every problem otherwise. */
export async function validate(io: CliIo, file: string): Promise<number> {
  const result = await admit(io, file);
  if (!report(io, file, result)) return 1;
  const m: SovereignManifest = result.manifest;
  const migrated = result.migratedFrom ? ` (migrated from ${result.migratedFrom})` : '';
  io.out(
    `${file}: valid Sovereign "${m.metadata.name}" with ${m.spec.components.length} components${migrated}\n`,
  );
  return 0;
}

/** `catalyst render <file> -o <dir|file.zip>`: writes the Flux tree and infra/ of a valid manifest. */
export async function render(
  io: CliIo,
  file: string,
  output: string,
  repositoryUrl?: string,
): Promise<number> {
  const result = await admit(io, file);
  if (!report(io, file, result)) return 1;
  const tree = renderFluxTree(result.manifest, { repositoryUrl });
  const files = [
    ...tree,
    ...infraFiles(result.manifest, { repositoryUrl: repositoryUrlOf(tree) ?? repositoryUrl }),
  ];
  if (output.endsWith('.zip')) await io.writeFile(output, zipFiles(files));
  else for (const f of files) await io.writeFile(join(output, f.path), f.content);
  const bytes = files.reduce((n, f) => n + new TextEncoder().encode(f.content).length, 0);
  io.out(`wrote ${files.length} files (${bytes} bytes) to ${resolve(output)}\n`);
  return 0;
}

/** `catalyst schema`: the manifest's JSON Schema. */
export function schema(io: CliIo): number {
  io.out(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
  return 0;
}
