import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIndexHtml, routeModule } from '../../server/spa-preload';

describe('routeModule', () => {
  it.each([
    ['/wizard/infrastructure', null],
    ['/wizard/review', 'src/pages/review-page.tsx'],
    ['/wizard/components/', 'src/pages/components-page.tsx'],
    ['/wizard/nope', 'src/app/first-incomplete-redirect.tsx'],
    ['/', 'src/app/first-incomplete-redirect.tsx'],
    ['/graph', 'src/pages/graph-page.tsx'],
    ['/deployments', 'src/pages/deployments-page.tsx'],
    ['/deployments/abc', 'src/pages/deployment-page.tsx'],
    ['/elsewhere', null],
  ])('%s -> %s', (pathname, expected) => {
    expect(routeModule(pathname)).toBe(expected);
  });
});

describe('createIndexHtml', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'spa-'));
  mkdirSync(path.join(dist, '.vite'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<html><head><script type="module" src="/assets/index.js"></script>\n<link rel="modulepreload" href="/assets/shared.js"></head><body></body></html>',
  );
  writeFileSync(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index.js', imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared.js' },
      '_util.js': { file: 'assets/util.js', imports: ['_shared.js'] },
      'src/pages/review-page.tsx': {
        file: 'assets/review.js',
        imports: ['index.html', '_util.js'],
      },
    }),
  );
  const html = createIndexHtml(dist);

  it('preloads the route chunk and its static imports, once each', () => {
    const out = html('/wizard/review');
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/review.js">');
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/util.js">');
    expect(out.match(/assets\/shared\.js/g)).toHaveLength(1);
  });

  it('leaves the entry page unchanged', () => {
    expect(html('/wizard/infrastructure')).not.toContain('review.js');
  });
});
