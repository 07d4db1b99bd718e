// The CLI commands: init, validate, render, diff, schema. Each returns its exit code.
import { join, resolve } from 'node:path';
import { isComponentId, type ComponentId } from '../src/shared/constants/components';
import { CATALOG_INDEX, lockedChain } from '../src/shared/lib/catalog-graph';
import {
  formatChangeSummary,
  formatTreeDiff,
  manifestDiff,
  treeDiffStat,
} from '../src/shared/lib/diff';
import { createDefaultDraft } from '../src/shared/lib/draft';
import { clusterRequests } from '../src/shared/lib/cluster-capacity';
import { planDraft } from '../src/shared/lib/draft-plan';
import { regionName } from '../src/shared/lib/manifest';
import { fitRegion } from '../src/shared/lib/sizing';
import type { Draft } from '../src/shared/schemas/draft';
import { renderFluxTree } from '../src/shared/lib/flux/render-flux-tree';
import { infraFiles, repositoryUrlOf } from '../src/shared/lib/tofu';
import { buildManifest } from '../src/shared/lib/manifest';
import {
  parseManifestText,
  serializeManifest,
  type ParseManifestResult,
} from '../src/shared/lib/manifest/io';
import { nodeChartValidator } from '../src/shared/chart-schemas/node-validators';
import { admitPlan, planProblems, planWarnings } from '../src/shared/lib/plan-problems';
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
  for (const line of sizeWorkers(draft)) io.err(line);
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

/**
 * Sizes every region's workers as the wizard's "Fit nodes to load" does (sizing.ts): the cheapest
 * size, count and volume that carry what its cluster runs with the headroom. Returns one note per
 * region; a region no size can carry keeps its workers (validate then names it).
 */
export function sizeWorkers(draft: Draft): string[] {
  const infra = draft.infrastructure;
  const requests = clusterRequests(planDraft(draft).clusters, draft.components.settings ?? {});
  return infra.regions.map((region, i) => {
    const fit = fitRegion(infra.provider, region, requests[i]);
    if (!fit) return `note: ${regionName(i)}: no worker size carries its components\n`;
    region.workers = {
      size: fit.size,
      count: fit.count,
      ...(fit.volumeGb ? { volumeGb: fit.volumeGb } : {}),
    };
    const volume = fit.volumeGb ? ` + ${fit.volumeGb} GB volume each` : '';
    return `sized ${regionName(i)} (${region.cloudRegion}): ${fit.count} × ${fit.size}${volume} workers\n`;
  });
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

/**
 * Parses a manifest file and judges it as the API does: contract and rules, then placement,
 * capacity and the charts' values schemas.
 */
async function admit(io: CliIo, file: string): Promise<ParseManifestResult> {
  return admitPlan(parseManifestText(await readInput(io, file)), nodeChartValidator);
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
  // Warnings do not fail validation: on stdout, after the verdict (stderr is for problems).
  for (const w of planWarnings(m)) io.out(`warning: ${w.path}: ${w.message}\n`);
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

/** Exit code of `catalyst diff` for a manifest that does not validate: "trouble", as diff(1). */
export const DIFF_INVALID_EXIT = 2;

/**
 * `catalyst diff <old> <new> [--tree]`: the change summary (and with --tree the unified diff of
 * the repositories both render). 0: no change; 1: a change; 2: a file is missing or invalid
 * (every problem printed as `catalyst validate` prints it).
 */
export async function diff(
  io: CliIo,
  oldFile: string,
  newFile: string,
  o: { tree: boolean; repositoryUrl?: string },
): Promise<number> {
  const before = await admit(io, oldFile);
  const after = await admit(io, newFile);
  const okBefore = report(io, oldFile, before);
  const okAfter = report(io, newFile, after);
  if (!okBefore || !okAfter) return DIFF_INVALID_EXIT;
  const { summary, tree } = manifestDiff(before.manifest, after.manifest, {
    repositoryUrl: o.repositoryUrl,
  });
  const changed = !summary.unchanged || tree.files.length > 0;
  io.out(formatChangeSummary(summary));
  io.out(`${changed ? treeDiffStat(tree) : 'no file changes'}\n`);
  if (o.tree && tree.files.length > 0) io.out(`\n${formatTreeDiff(tree)}`);
  return changed ? 1 : 0;
}

/** `catalyst schema`: the manifest's JSON Schema. */
export function schema(io: CliIo): number {
  io.out(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
  return 0;
}
