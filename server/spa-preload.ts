// index.html per route: adds <link rel="modulepreload"> for the route's lazily loaded page chunk
// (and its static imports) so the browser fetches it in parallel with the entry, instead of
// after it. Chunk names come from Vite's build manifest.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isStepId } from '../src/shared/constants/steps';

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type ViteManifest = Record<string, ManifestChunk>;

/** The source module of the page a client-side route renders, or null when it is in the entry. */
export function routeModule(pathname: string): string | null {
  const clean = pathname.replace(/\/+$/, '') || '/';
  const step = /^\/wizard\/([a-z]+)$/.exec(clean)?.[1];
  if (step !== undefined) {
    if (!isStepId(step)) return 'src/app/first-incomplete-redirect.tsx';
    return step === 'infrastructure' ? null : `src/pages/${step}-page.tsx`;
  }
  if (clean === '/' || clean === '/wizard') return 'src/app/first-incomplete-redirect.tsx';
  if (clean === '/graph') return 'src/pages/graph-page.tsx';
  if (clean === '/deployments') return 'src/pages/deployments-page.tsx';
  if (/^\/deployments\/[^/]+$/.test(clean)) return 'src/pages/deployment-page.tsx';
  return null;
}

/** Returns a function giving index.html for a pathname, with that route's chunks preloaded. */
export function createIndexHtml(distDir: string): (pathname: string) => string {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  const manifest: ViteManifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest)
    : {};
  const cache = new Map<string, string>();

  const closure = (key: string, seen: Set<string>): void => {
    if (seen.has(key) || key === 'index.html' || !manifest[key]) return;
    seen.add(key);
    for (const imp of manifest[key].imports ?? []) closure(imp, seen);
  };

  return (pathname) => {
    const mod = routeModule(pathname);
    if (!mod || !manifest[mod]) return html;
    const cached = cache.get(mod);
    if (cached) return cached;
    const keys = new Set<string>();
    closure(mod, keys);
    const links = [...keys]
      .map((k) => `/${manifest[k]!.file}`)
      .filter((href) => !html.includes(`"${href}"`))
      .map((href) => `    <link rel="modulepreload" crossorigin href="${href}">`)
      .join('\n');
    const out = html.replace('</head>', `${links}\n  </head>`);
    cache.set(mod, out);
    return out;
  };
}
