// Lighthouse (mobile, Debian's chromium) on the wizard routes of a running server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const LIGHTHOUSE_ROUTES = [
  '/wizard/infrastructure',
  '/wizard/components',
  '/wizard/review',
] as const;

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
}

/** Runs Lighthouse's mobile preset on one URL and returns the performance and accessibility scores (0-100). */
export function lighthouseScores(url: string): { performance: number; accessibility: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lh-'));
  const out = path.join(dir, 'report.json');
  try {
    const res = spawnSync(
      'npx',
      [
        'lighthouse',
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
        encoding: 'utf8',
      },
    );
    if (res.status !== 0) throw new Error(`lighthouse failed on ${url}: ${res.stderr.slice(-500)}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
    const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
    return { performance: score('performance'), accessibility: score('accessibility') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
