// `npm test`: install what is missing, then typecheck, lint, format check, unit/component/server tests,
// build, and the Playwright e2e suite in Debian's chromium. Prints one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const started = Date.now();
ensureDeps();
ensureChromium();
mkdirSync('.test-reports', { recursive: true });

const timings = [];
function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n[test] ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([name, ((Date.now() - t0) / 1000).toFixed(1)]);
  return res.status === 0;
}

let passed = 0;
let failed = 0;
function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
}
function countPlaywright(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += r.stats?.unexpected ?? 0;
}

// Not under test-results/: Playwright empties that folder when it starts.
const vitestJson = '.test-reports/vitest.json';
const pwJson = '.test-reports/playwright.json';
rmSync(vitestJson, { force: true });
rmSync(pwJson, { force: true });

const ok =
  step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']) &&
  step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']) &&
  step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']) &&
  step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) &&
  step(
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    { CATALYST_REQUIRE_BUILD: '1' },
  ) &&
  step('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });

countVitest(vitestJson);
countPlaywright(pwJson);
console.log('\n[test] timings (s): ' + timings.map(([n, s]) => `${n} ${s}`).join(', '));
console.log(`[test] total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (!ok && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
