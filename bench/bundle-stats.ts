// Sizes of the built app, from Vite's build manifest: the JavaScript the first page loads
// (entry plus its static imports), the CSS, and the lazily loaded graph chunk (gzip, kB).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type ViteManifest = Record<string, ManifestChunk>;

export interface BundleStats {
  firstLoadJsFiles: string[];
  firstLoadGzipKB: number;
  cssGzipKB: number;
  graphGzipKB: number;
  graphFiles: string[];
}

const gzipKB = (distDir: string, file: string) =>
  gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length / 1024;
const round = (n: number) => Math.round(n * 10) / 10;

/** Files a chunk loads statically (itself and its static imports, transitively). */
function staticClosure(manifest: ViteManifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imp of manifest[key]?.imports ?? []) staticClosure(manifest, imp, seen);
  return seen;
}

/** Reads dist/.vite/manifest.json and measures the first load, the CSS and the graph chunk. */
export function bundleStats(distDir = 'dist'): BundleStats {
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} not found: run "npx vite build" first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the Vite manifest');

  const firstKeys = staticClosure(manifest, entryKey);
  const firstLoadJsFiles = [...firstKeys]
    .map((k) => manifest[k]!.file)
    .filter((f) => f.endsWith('.js'));
  const cssFiles = new Set([...firstKeys].flatMap((k) => manifest[k]?.css ?? []));

  // The graph chunk: what only the graph's lazy entries load (shared helpers that other lazy
  // pages load too are not counted as the graph's).
  const isGraph = (k: string) => /components\/graph\//.test(manifest[k]?.src ?? k);
  const dynamicKeys = Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry);
  const otherKeys = new Set(
    dynamicKeys.filter((k) => !isGraph(k)).flatMap((k) => [...staticClosure(manifest, k)]),
  );
  const graphKeys = new Set<string>();
  for (const g of dynamicKeys.filter(isGraph))
    for (const k of staticClosure(manifest, g))
      if (!firstKeys.has(k) && !otherKeys.has(k)) graphKeys.add(k);
  const graphFiles = [...graphKeys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));

  return {
    firstLoadJsFiles,
    firstLoadGzipKB: round(firstLoadJsFiles.reduce((s, f) => s + gzipKB(distDir, f), 0)),
    cssGzipKB: round([...cssFiles].reduce((s, f) => s + gzipKB(distDir, f), 0)),
    graphGzipKB: round(graphFiles.reduce((s, f) => s + gzipKB(distDir, f), 0)),
    graphFiles,
  };
}
