import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildManifest } from '../../src/shared/lib/manifest';
import { COMPONENTS } from '../../src/shared/constants/components';
import { clusterRequests } from '../../src/shared/lib/cluster-capacity';
import { planManifest } from '../../src/shared/lib/placement';
import { fitRegion } from '../../src/shared/lib/sizing';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { serializeManifest } from '../../src/shared/lib/manifest/io';
import { validDraft } from '../shared/lib/manifest-fixtures';
import { catalyst, dir, noStack, spawned, useCliFolder, valid } from './cli-harness';

useCliFolder();

describe('catalyst', () => {
  it('--help prints the usage and exits 0 (the launcher, spawned)', () => {
    const r = spawned('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: catalyst <command>/);
    expect(r.stdout).toMatch(/validate <file>/);
  });

  it('validate: exit 0 for a valid manifest (the launcher, spawned)', () => {
    const r = spawned('validate', valid);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid Sovereign "acme"/);
  });

  it('validate and render: a platform its nodes cannot hold fails as the API would, exit 1', async () => {
    const m = buildManifest(validDraft());
    for (const r of m.spec.infrastructure.regions) r.workers = { size: 'cx23', count: 0 };
    const small = path.join(dir, 'small.yaml');
    writeFileSync(small, serializeManifest(m, 'yaml'));
    const r = await catalyst('validate', small);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^spec\.infrastructure\.regions\[0\]: Nodes too small for the installed components: /m,
    );
    noStack(r.stderr);
    const rendered = await catalyst('render', small, '-o', path.join(dir, 'small-out'));
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toMatch(/Nodes too small/);
  });

  it('validate: every problem as "path: message" and exit 1', async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(valid, 'utf8')
        .replace('- id: velero', '- id: veloro')
        .replace('name: acme\n', 'name: A\n'),
    );
    const r = await catalyst('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^spec\.components\[\d+\]\.id: unknown component "veloro"$/m);
    expect(r.stderr).toMatch(/^metadata\.name: /m);
    noStack(r.stderr);
  });

  it("validate: a value the chart's values schema refuses, with its path, exit 1", async () => {
    const d = validDraft();
    d.components.chosen = [...new Set([...d.components.chosen, 'cnpg' as const])];
    d.components.values = { cnpg: { replicaCount: 'two' } };
    const m = buildManifest(d);
    const i = m.spec.components.findIndex((c) => c.id === 'cnpg');
    const file = path.join(dir, 'chart-schema.yaml');
    writeFileSync(file, serializeManifest(m, 'yaml'));
    const r = await catalyst('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `spec.components[${i}].values.replicaCount: must be integer (cloudnative-pg 0.28.0 values schema)\n`,
    );
    noStack(r.stderr);
    d.components.values = { cnpg: { replicaCount: 2 } };
    writeFileSync(file, serializeManifest(buildManifest(d), 'yaml'));
    expect((await catalyst('validate', file)).stderr).not.toContain('values schema');
  });

  it.each<[string, string[], string | null, RegExp]>([
    ['a missing file', ['validate', 'nope.yaml'], null, /^catalyst: nope\.yaml: no such file\n$/],
    [
      'broken YAML',
      ['validate', 'broken.yaml'],
      'a: [\n',
      /^\(document\): line \d+, column \d+: /m,
    ],
    [
      'the wrong kind',
      ['validate', 'cm.yaml'],
      'apiVersion: v1\nkind: ConfigMap\n',
      /^kind: expected "Sovereign", found "ConfigMap"$/m,
    ],
    ['an unknown command', ['frobnicate'], null, /^catalyst: unknown command "frobnicate"/],
    ['an unknown option', ['validate', '--frob'], null, /^catalyst: Unknown option '--frob'/],
    ['render without -o', ['render', 'x.yaml'], null, /^catalyst: render: missing -o/],
  ])('one clear line and a non-zero exit for %s', async (_, args, content, expected) => {
    if (content !== null) writeFileSync(path.join(dir, args[1]!), content);
    const r = await catalyst(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(expected);
    noStack(r.stderr);
  });

  it('init writes a manifest with the defaults, the choice applied, that validates once filled in', async () => {
    const out = path.join(dir, 'init.yaml');
    const r = await catalyst(
      'init',
      '--name',
      'beta',
      '--org',
      'Beta',
      '--email',
      'ops@beta.example',
      '--ssh-key',
      'key.pub',
      '--with',
      'langfuse,ntfy',
      '--without',
      'falco',
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ {2}spec\.storage\.tiers\[2\]\.accountId: /m);
    const text = readFileSync(out, 'utf8');
    writeFileSync(
      out,
      text.replace(
        'bucket: catalyst-cold-archive',
        `bucket: catalyst-cold-archive\n        accountId: ${'a'.repeat(32)}`,
      ),
    );
    const m = parse(text);
    const reason = (id: string) =>
      m.spec.components.find((c: { id: string }) => c.id === id)?.reason;
    expect(m.metadata.name).toBe('beta');
    expect(reason('langfuse')).toBe('chosen');
    expect(reason('falco')).toBeUndefined();
    expect(reason('trivy')).toBe('chosen');
    expect((await catalyst('validate', out)).code).toBe(0);
  });

  it('init --with every component sizes the workers as "Fit nodes to load" does, so it validates', async () => {
    const every = COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id);
    const out = path.join(dir, 'init-big.yaml');
    const r = await catalyst(
      'init',
      '--name',
      'big',
      '--org',
      'Big',
      '--email',
      'ops@big.example',
      '--ssh-key',
      'key.pub',
      '--with',
      every.join(','),
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sized region-1 \(fsn1\): \d+ × \S+/m);
    expect(r.stderr).not.toMatch(/Nodes too small/);
    let text = readFileSync(out, 'utf8');
    if (!/accountId:/.test(text))
      text = text.replace(
        'bucket: catalyst-cold-archive',
        `bucket: catalyst-cold-archive\n        accountId: ${'a'.repeat(32)}`,
      );
    writeFileSync(out, text);
    const m = parse(text) as SovereignManifest;
    const requests = clusterRequests(planManifest(m).clusters);
    m.spec.infrastructure.regions.forEach((region, i) => {
      const fit = fitRegion('hetzner', region, requests[i]);
      expect(region.workers).toEqual({
        size: fit?.size,
        count: fit?.count,
        ...(fit?.volumeGb ? { volumeGb: fit.volumeGb } : {}),
      });
    });
    expect(await catalyst('validate', out)).toMatchObject({ code: 0, stderr: '' });
  });

  it('init refuses to remove a mandatory or locked component and names unknown ids', async () => {
    expect((await catalyst('init', '--without', 'cilium')).stderr).toBe(
      'catalyst: --without: cannot remove "cilium": it is mandatory\n',
    );
    expect((await catalyst('init', '--without', 'keycloak')).stderr).toMatch(
      /cannot remove "keycloak": mandatory gitea needs it/,
    );
    const r = await catalyst('init', '--with', 'veloro,velero');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('catalyst: --with: unknown component "veloro"\n');
  });

  it('render writes the Flux tree', async () => {
    const out = path.join(dir, 'tree');
    const r = await catalyst('render', valid, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files/);
    const clusters = readdirSync(path.join(out, 'clusters'));
    expect(clusters).toEqual(['acme-hz-fsn1', 'acme-hz-nbg1']);
    for (const c of clusters)
      expect(readdirSync(path.join(out, 'clusters', c))).toEqual(
        expect.arrayContaining(['kustomization.yaml', 'flux-system', 'network', 'config']),
      );
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/^# Sovereign acme/);
  });

  it('schema prints the JSON Schema', async () => {
    const r = await catalyst('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).properties.kind.const).toBe('Sovereign');
  });
});
