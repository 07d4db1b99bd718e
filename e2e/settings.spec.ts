// Component settings in real Chromium: set CNPG instances and storage, Harbor's hostname and
// LibreChat's replicas through the forms and one value through the YAML editor; Review lists
// the four changes and the value, capacity moves, the exported manifest re-imports with them
// and the GitOps tree's HelmReleases carry those a chart reads (CNPG's sizing reaches no chart:
// its help says so, and its release is checked not to claim it).
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DRAFT_VERSION } from '../src/shared/lib/draft-defaults';
import { DRAFT_KEY, clickToDownload, seededState } from './fixtures';

const NAME = 'acme-settings';

async function seed(page: Page): Promise<void> {
  await page.goto('/healthz');
  const state = seededState(NAME);
  state.state.draft.components.chosen = [...state.state.draft.components.chosen, 'librechat'];
  await page.evaluate(
    ([k, v]) => localStorage.setItem(k!, v!),
    [DRAFT_KEY, JSON.stringify({ ...state, version: DRAFT_VERSION })],
  );
}

async function openSettings(page: Page, name: string): Promise<Locator> {
  const card = page.getByRole('listitem', { name, exact: true });
  await card.getByRole('button', { name: `Settings of ${name}` }).click();
  const panel = card.getByRole('region', { name: `${name} settings` });
  await expect(panel).toBeVisible();
  return panel;
}

const capacityText = (page: Page) =>
  page.getByRole('region', { name: 'Capacity and cost' }).locator('p').first().innerText();

const CHANGES = [
  'cnpg: Instances 3 → 5, Storage 20Gi → 100Gi',
  'harbor: Hostname (default) → registry.acme-settings.example',
  'librechat: Replicas 1 → 3, chart values podAnnotations',
];

async function expectChanges(page: Page): Promise<void> {
  const list = page.getByRole('region', { name: 'Changed settings' });
  for (const line of CHANGES) await expect(list.getByText(line, { exact: true })).toBeVisible();
}

test('settings set in the forms reach Review, capacity, the manifest and the HelmReleases', async ({
  page,
  browser,
}, info) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await seed(page);
  await page.goto('/wizard/components');
  await expect(page.getByRole('heading', { level: 1, name: 'Components' })).toBeVisible();
  const before = await capacityText(page);

  const cnpg = await openSettings(page, 'CloudNative PG');
  await cnpg.getByLabel('Instances', { exact: true }).fill('12');
  await expect(cnpg.getByText('Instances must be at most 9')).toBeVisible();
  await cnpg.getByLabel('Instances', { exact: true }).fill('5');
  await cnpg.getByLabel('Storage', { exact: true }).fill('100Gi');
  const harbor = await openSettings(page, 'Harbor');
  await harbor.getByLabel('Hostname', { exact: true }).fill('registry.acme-settings.example');
  const librechat = await openSettings(page, 'LibreChat');
  await librechat.getByLabel('Replicas', { exact: true }).fill('3');
  await librechat.getByLabel('Advanced: chart values (YAML)').fill('podAnnotations:\n  team: ai\n');
  await expect(librechat.getByRole('heading', { name: 'Merged chart values' })).toBeVisible();
  await expect(librechat.locator('pre')).toContainText('team: ai');
  await expect(
    page
      .getByRole('listitem', { name: 'CloudNative PG', exact: true })
      .getByText('Settings changed from defaults'),
  ).toBeVisible();
  await expect.poll(() => capacityText(page)).not.toBe(before);

  await page.goto('/wizard/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expectChanges(page);

  const yaml = await clickToDownload(page, 'Download YAML');
  const file = info.outputPath('settings.sovereign.yaml');
  await yaml.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(text).toContain('instances: 5');
  expect(text).toContain('storage: 100Gi');
  expect(text).toContain('hostname: registry.acme-settings.example');
  expect(text).toContain('team: ai');

  await page.getByRole('button', { name: 'GitOps tree', exact: true }).click();
  const zip = await clickToDownload(page, 'Download GitOps tree');
  const entries = unzipSync(new Uint8Array(await readFile(await zip.path())));
  const release = (id: string) =>
    Object.entries(entries)
      .filter(([p]) => p.endsWith(`/${id}/helm-release.yaml`))
      .map(([, v]) => strFromU8(v));
  // CNPG's instances and storage size the database clusters for capacity only: the operator
  // chart has no such value and the tree renders no Cluster, so its release must not claim them.
  expect(release('cnpg').length).toBeGreaterThan(0);
  for (const r of release('cnpg')) {
    expect(r).not.toContain('instances');
    expect(r).not.toContain('100Gi');
  }
  expect(release('harbor').length).toBeGreaterThan(0);
  for (const r of release('harbor')) {
    expect(r).toContain('core: registry.acme-settings.example');
    expect(r).toContain('externalURL: https://registry.acme-settings.example');
  }
  expect(release('librechat').length).toBeGreaterThan(0);
  for (const r of release('librechat')) {
    expect(r).toContain('replicaCount: 3');
    expect(r).toContain('team: ai');
  }

  const other = await (await browser.newContext()).newPage();
  await other.goto('/wizard/review');
  await other.getByRole('button', { name: 'Import…' }).click();
  const dialog = other.getByRole('dialog', { name: 'Import a manifest' });
  await dialog.getByLabel('Manifest file').setInputFiles(file);
  await expect(dialog.getByRole('status')).toContainText('Valid manifest');
  await dialog.getByRole('button', { name: 'Replace draft…' }).click();
  await other
    .getByRole('dialog', { name: 'Replace the current draft?' })
    .getByRole('button', { name: 'Replace draft' })
    .click();
  await expectChanges(other);
  await other.context().close();
});
