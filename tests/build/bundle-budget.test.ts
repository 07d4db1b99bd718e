// Size budgets of the built app (npm test builds before this runs). Sizes are deterministic.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { bundleStats } from '../../bench/bundle-stats';

// `npm test` builds first and sets CATALYST_REQUIRE_BUILD=1, so there a missing build fails.
const built = existsSync('dist/.vite/manifest.json') || process.env.CATALYST_REQUIRE_BUILD === '1';

describe.skipIf(!built)('bundle budgets', () => {
  const stats = built ? bundleStats('dist') : null;

  it('first-load JavaScript is at most 130 kB gzip', () => {
    expect(stats!.firstLoadJsFiles.length).toBeGreaterThan(0);
    expect(stats!.firstLoadGzipKB).toBeLessThanOrEqual(130);
  });

  it('CSS is at most 15 kB gzip', () => {
    expect(stats!.cssGzipKB).toBeGreaterThan(0);
    expect(stats!.cssGzipKB).toBeLessThanOrEqual(15);
  });
});
