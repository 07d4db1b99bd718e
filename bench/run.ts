// `npm run bench`: prints a table of named figures and writes bench/results.json (one flat
// object of numbers) and the figures table of docs/PERFORMANCE.md. Needs a build (npm test
// builds; otherwise this builds first). Set BENCH_SKIP=lighthouse,api,toggle to leave parts out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchEngine } from './engine';
import { benchManifest } from './manifest';
import { benchDiff } from './diff';
import { benchLayout } from './layout';
import { bundleStats } from './bundle-stats';
import { benchApi } from './api';
import { spawnServer, stopServer } from '../scripts/spawn-server';
import { LIGHTHOUSE_ROUTES, lighthouseScores } from './lighthouse';
import { benchGraphToggle } from './graph-toggle';
import { median } from './stats';

const LIGHTHOUSE_RUNS = 3;

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const results: Record<string, number> = {};
const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);
function record(figures: Record<string, number>) {
  for (const [k, v] of Object.entries(figures)) results[k] = round(v);
}

function section(name: string) {
  console.log(`\n[bench] ${name} ...`);
}

section('engine');
record(benchEngine());
section('manifest and Flux tree');
record(benchManifest());
section('diff (default selection → full catalog, four regions)');
record(benchDiff());
section('graph layout');
const layout = benchLayout();
record(layout);
results['layout.catalog.ms'] = round(layout['layered.catalog.ms']!);
results['layout.1000.ms'] = round(layout['layered.1000.ms']!);

section('bundle');
if (!existsSync('dist/.vite/manifest.json')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const bundle = bundleStats('dist');
record({
  'bundle.firstLoad.gzipKB': bundle.firstLoadGzipKB,
  'bundle.css.gzipKB': bundle.cssGzipKB,
  'bundle.graph.gzipKB': bundle.graphGzipKB,
});

if (!skip.has('toggle')) {
  section('graph toggle in Chromium (whole catalog shown)');
  record(await benchGraphToggle());
}

if (!skip.has('lighthouse')) {
  section(`lighthouse (mobile, median of ${LIGHTHOUSE_RUNS} runs per route)`);
  const server = await spawnServer({ DATA_DIR: 'bench/tmp/lighthouse-data', E2E_FRESH_DATA: '1' });
  try {
    // Scores move a few points from run to run: the median of LIGHTHOUSE_RUNS runs per route.
    for (const route of LIGHTHOUSE_ROUTES) {
      const runs = Array.from({ length: LIGHTHOUSE_RUNS }, () =>
        lighthouseScores(`${server.url}${route}`),
      );
      results[`lighthouse.mobile.performance${route}`] = median(runs.map((r) => r.performance));
      results[`lighthouse.mobile.accessibility${route}`] = median(runs.map((r) => r.accessibility));
    }
  } finally {
    await stopServer(server.child);
  }
}

if (!skip.has('api')) {
  section('api: POST, autocannon, 50 connections, 10 s; SQLite, PostgreSQL with 1 and 2 replicas');
  record(await benchApi(10, 50));
}

// A skipped part keeps the figures of the previous run (bench/results.json), so the file and the
// table stay whole; a part that ran replaces all of its figures.
const SECTION_PREFIXES: Record<string, string> = {
  toggle: 'graph.toggle.',
  lighthouse: 'lighthouse.',
  api: 'api.',
};
if (skip.size > 0 && existsSync('bench/results.json')) {
  const previous = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, number>;
  for (const part of skip) {
    const prefix = SECTION_PREFIXES[part];
    if (!prefix) continue;
    const kept = Object.entries(previous).filter(([k]) => k.startsWith(prefix));
    for (const [k, v] of kept) results[k] = v;
    console.log(`[bench] ${part} skipped: ${kept.length} figures kept from bench/results.json`);
  }
}

console.log(
  '\n' +
    Object.entries(results)
      .map(([k, v]) => `${k.padEnd(52)} ${v}`)
      .join('\n'),
);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');

// docs/PERFORMANCE.md: replace the generated block between the markers.
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
  '',
  '| figure | value |',
  '| --- | ---: |',
  ...Object.entries(results).map(([k, v]) => `| \`${k}\` | ${v} |`),
].join('\n');
const doc = 'docs/PERFORMANCE.md';
if (existsSync(doc)) {
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (text.includes(start) && text.includes(end)) {
    writeFileSync(
      doc,
      text.slice(0, text.indexOf(start) + start.length) +
        '\n' +
        table +
        '\n' +
        text.slice(text.indexOf(end)),
    );
  }
}
// The table is generated; Prettier aligns it the way the repo's format check expects.
spawnSync('npx', ['prettier', '--write', doc, '--log-level', 'warn'], { stdio: 'inherit' });
console.log('\n[bench] wrote bench/results.json and docs/PERFORMANCE.md');
process.exit(0);
