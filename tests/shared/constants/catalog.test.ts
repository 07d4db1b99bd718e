import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS, type ChartRef } from '../../../src/shared/constants/catalog-types';
import { COMPONENTS, COMPONENT_IDS } from '../../../src/shared/constants/components';
import { FAMILIES, FAMILIES_BY_ID, getFamily } from '../../../src/shared/constants/families';

interface SharedComponent {
  id: string;
  tier: string;
  group: string;
  namespace: string;
  dependsOn: string[];
  /** `verify: true` marks a chart found later, to confirm before use. */
  chart: (ChartRef & { verify?: boolean }) | null;
}

/**
 * Where the catalog deliberately differs from the shared chart facts, and why. Each one was
 * checked against its chart repository (see docs/catalog.md, "Charts").
 */
const CHART_OVERRIDES: Readonly<Record<string, ChartRef>> = {
  // flux2 2.14.1 is Flux 2.4, which does not serve OCIRepository source.toolkit.fluxcd.io/v1.
  flux: {
    repository: 'https://fluxcd-community.github.io/helm-charts',
    name: 'flux2',
    version: '2.18.3',
  },
  // downloads.apache.org keeps only the newest operator release; the archive keeps them all.
  flink: {
    repository: 'https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.13.0/',
    name: 'flink-kubernetes-operator',
    version: '1.13.0',
  },
  // The shared notes name this community chart; its release guacamole-v1.5.1 exists.
  guacamole: { repository: 'oci://ghcr.io/helmforgedev/helm', name: 'guacamole', version: '1.5.1' },
};

function sharedChart(s: SharedComponent): ChartRef | null {
  if (s.id in CHART_OVERRIDES) return CHART_OVERRIDES[s.id] ?? null;
  if (!s.chart) return null;
  return { repository: s.chart.repository, name: s.chart.name, version: s.chart.version };
}

const REPO_ROOT = process.cwd();
const LOGO_DIR = path.join(REPO_ROOT, 'public/component-logos');
const SHARED_CATALOG = path.resolve(REPO_ROOT, '../shared/catalog/components.json');

function readSharedCatalog(): SharedComponent[] {
  return JSON.parse(readFileSync(SHARED_CATALOG, 'utf8')) as SharedComponent[];
}

/** Ids on a dependency cycle, found by depth-first search with grey/black marking. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of edges.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

describe('component catalog', () => {
  it('has 67 components with unique ids', () => {
    expect(COMPONENTS).toHaveLength(67);
    expect(new Set(COMPONENT_IDS).size).toBe(COMPONENT_IDS.length);
  });

  it('names only existing components in dependsOn', () => {
    const ids = new Set<string>(COMPONENT_IDS);
    const missing = COMPONENTS.flatMap((c) =>
      c.dependsOn.filter((d) => !ids.has(d)).map((d) => `${c.id} -> ${d}`),
    );
    expect(missing).toEqual([]);
  });

  it('has an acyclic dependency graph', () => {
    expect(findCycle(new Map(COMPONENTS.map((c) => [c.id, c.dependsOn])))).toBeNull();
  });

  it('detects a cycle when one exists (the checker itself works)', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(edges)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('matches the shared catalog on id, tier, family, dependsOn, chart and namespace', () => {
    const shared = readSharedCatalog();
    expect(COMPONENT_IDS).toEqual(shared.map((s) => s.id));
    for (const s of shared) {
      const c = COMPONENTS.find((x) => x.id === s.id);
      expect(c, s.id).toBeDefined();
      if (!c) continue;
      expect({ id: c.id, tier: c.tier, family: c.family, namespace: c.namespace }).toEqual({
        id: s.id,
        tier: s.tier,
        family: s.group,
        namespace: s.namespace,
      });
      expect(new Set(c.dependsOn), `${s.id} dependsOn`).toEqual(new Set(s.dependsOn));
      expect(c.chart, `${s.id} chart`).toEqual(sharedChart(s));
    }
  });

  it('overrides only charts the shared catalog really has differently', () => {
    const shared = new Map(readSharedCatalog().map((s) => [s.id, s]));
    for (const [id, chart] of Object.entries(CHART_OVERRIDES)) {
      const s = shared.get(id);
      expect(s, id).toBeDefined();
      expect(s?.chart ? { ...s.chart, verify: undefined } : null, id).not.toEqual({
        ...chart,
        verify: undefined,
      });
    }
  });

  it.each(COMPONENTS.map((c) => [c.id, c] as const))(
    '%s has plausible resource requests',
    (_id, c) => {
      const r = c.resources;
      expect(r.cpuMillicores).toBeGreaterThan(0);
      expect(r.memoryMiB).toBeGreaterThan(0);
      expect(r.storageGiB).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(r.cpuMillicores) && Number.isInteger(r.memoryMiB)).toBe(true);
      expect(r.note ?? '').not.toBe('');
      // A chart-defaults figure needs a chart to have come from.
      if (r.source === 'chart-defaults') expect(c.chart).not.toBeNull();
    },
  );

  it.each(COMPONENT_IDS.map((id) => [id]))('%s has a small SVG logo with a title', (id) => {
    const file = path.join(LOGO_DIR, `${id}.svg`);
    expect(existsSync(file), file).toBe(true);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).toContain('viewBox="0 0 24 24"');
    expect(svg).toMatch(/<title>[^<]+<\/title>/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(Buffer.byteLength(svg)).toBeLessThan(4096);
  });
});

describe('families', () => {
  it('lists every family id once, in catalog-types order', () => {
    expect(FAMILIES.map((f) => f.id)).toEqual([...FAMILY_IDS]);
    expect(FAMILIES_BY_ID.size).toBe(FAMILY_IDS.length);
  });

  it('gives each family a distinct hex colour', () => {
    const colors = FAMILIES.map((f) => f.color.toLowerCase());
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colors).size).toBe(colors.length);
  });

  it('has at least one component in every family', () => {
    const used = new Set(COMPONENTS.map((c) => c.family));
    expect(FAMILY_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('looks families up by id', () => {
    expect(getFamily('cortex').name).toBe('Cortex');
    expect(() => getFamily('nope' as never)).toThrow(/unknown family id/);
  });
});
