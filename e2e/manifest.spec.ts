// The manifest journey in real Chromium against the real built app: export the YAML from one
// browser, import it into a fresh one and get the same Review; a broken file is refused with
// every problem by path; the GitOps tree downloads as a zip with every HelmRelease.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { getComponent } from '../src/shared/constants/components';
import { DRAFT_VERSION, createDefaultDraft } from '../src/shared/lib/draft-defaults';
import { buildManifest } from '../src/shared/lib/manifest';
import { planManifest } from '../src/shared/lib/placement';
import { clickToDownload } from './fixtures';

const DRAFT_KEY = 'catalyst-bootstrap-draft';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const SUMMARY_REGIONS = ['Infrastructure', 'Storage tier', 'DNS', 'Components'];

/** A complete draft that differs from the defaults in several places. */
function seededDraft() {
  const draft = createDefaultDraft();
  draft.infrastructure.sovereignName = 'acme-e2e';
  draft.infrastructure.organization = { name: 'Acme Ltd', email: 'ops@acme.example' };
  draft.infrastructure.sshPublicKey = SSH_KEY;
  draft.infrastructure.regions[1]!.workers.count = 6;
  draft.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  draft.storage.tiers = { hotDays: 5, warmDays: 40 };
  draft.dns.subdomain = 'acme-e2e';
  draft.components.chosen = [...draft.components.chosen, 'temporal'];
  return draft;
}

async function openReview(page: Page, seed: boolean): Promise<void> {
  // A page of the same origin that does not run the app, so nothing overwrites the seed.
  await page.goto('/healthz');
  if (seed) {
    const state = {
      state: {
        draft: seededDraft(),
        visited: ['infrastructure', 'storage', 'dns', 'components', 'review'],
        idempotencyKey: null,
      },
      version: DRAFT_VERSION,
    };
    await page.evaluate(
      ([k, v]) => localStorage.setItem(k!, v!),
      [DRAFT_KEY, JSON.stringify(state)],
    );
  }
  await page.goto('/wizard/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download YAML' })).toBeVisible();
}

/** The text of Review's step summaries: what "the same Review" means. */
async function summaries(page: Page): Promise<string[]> {
  return Promise.all(
    SUMMARY_REGIONS.map((name) => page.getByRole('region', { name, exact: true }).innerText()),
  );
}

async function importFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a manifest' });
  await dialog.getByLabel('Manifest file').setInputFiles(file);
  return dialog;
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a downloaded manifest imported into a fresh browser gives the same Review', async ({
  page,
  browser,
}, info) => {
  await openReview(page, true);
  // The key's fingerprint appears once its SHA-256 module has loaded: compare settled Reviews.
  await expect(page.getByRole('region', { name: 'Infrastructure', exact: true })).toContainText(
    'SHA256:',
  );
  const before = await summaries(page);
  expect(before[0]).toContain('acme-e2e');

  const download = await clickToDownload(page, 'Download YAML');
  expect(download.suggestedFilename()).toBe('acme-e2e.sovereign.yaml');
  const file = info.outputPath('acme-e2e.sovereign.yaml');
  await download.saveAs(file);
  expect(await readFile(file, 'utf8')).toMatch(
    /^# yaml-language-server: \$schema=.*\nkind: Sovereign|apiVersion/m,
  );

  const other = await freshPage(browser);
  await openReview(other, false);
  expect(await summaries(other)).not.toEqual(before);
  const dialog = await importFile(other, file);
  await expect(dialog.getByRole('status')).toContainText('Valid manifest');
  await expect(dialog.getByRole('status')).toContainText('acme-e2e');
  await dialog.getByRole('button', { name: 'Replace draft…' }).click();
  await other
    .getByRole('dialog', { name: 'Replace the current draft?' })
    .getByRole('button', { name: 'Replace draft' })
    .click();
  const notice = other.getByRole('status', { name: /Imported “acme-e2e”/ });
  await expect(notice).toBeFocused();
  await expect(notice.getByRole('link', { name: 'Hetzner Cloud API token' })).toBeVisible();
  await expect.poll(() => summaries(other)).toEqual(before);
  await expect(other.getByRole('region', { name: /problems? remains?/ })).toContainText(
    'Hetzner Cloud API token is required',
  );
  await other.context().close();
});

test('a broken file is refused with every problem and its path; nothing changes', async ({
  page,
}) => {
  await openReview(page, true);
  // The key's fingerprint appears once its SHA-256 module has loaded: compare settled Reviews.
  await expect(page.getByRole('region', { name: 'Infrastructure', exact: true })).toContainText(
    'SHA256:',
  );
  const before = await summaries(page);
  const text = (await import('../src/shared/lib/manifest/io')).serializeManifest(
    buildManifest(seededDraft()),
    'yaml',
  );
  const broken = text
    .replace('subdomain: acme-e2e', 'subdomain: Not_A_Label')
    .replace('id: temporal', 'id: veloro');
  const dialog = await importFile(page, {
    name: 'broken.sovereign.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(broken),
  });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('broken.sovereign.yaml cannot be imported');
  await expect(
    alert
      .getByRole('listitem')
      .filter({ hasText: /^spec\.components\[\d+\]\.id: unknown component "veloro"/ }),
  ).toHaveCount(1);
  await expect(
    alert.getByRole('listitem').filter({ hasText: /^spec\.dns\.subdomain: / }),
  ).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Replace draft…' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await summaries(page)).toEqual(before);
});

test('the GitOps tree zip holds a HelmRelease for every component on each cluster', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openReview(page, true);
  await page.getByRole('button', { name: 'GitOps tree', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'GitOps tree of acme-e2e' });
  await expect(tree).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download GitOps tree' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('acme-e2e-gitops.zip');
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  const { clusters } = planManifest(buildManifest(seededDraft()));
  const placed = clusters.flatMap((cluster) =>
    cluster.components.map((id) => ({ cluster: cluster.name, ...getComponent(id) })),
  );
  expect(placed.map((c) => c.id)).toContain('temporal');
  for (const c of placed) {
    const path = `clusters/${c.cluster}/${c.fluxCategory}/${c.id}/helm-release.yaml`;
    expect(entries[path], path).toBeDefined();
    expect(strFromU8(entries[path]!)).toContain('kind: HelmRelease');
  }
  expect(Object.keys(entries).filter((p) => p.endsWith('/helm-release.yaml'))).toHaveLength(
    placed.length,
  );
  expect(strFromU8(entries['README.md']!)).toContain('## Starting a cluster from nothing');

  // Open a HelmRelease by keyboard (SCREENSHOTS=1 keeps a screenshot of the viewer).
  const network = tree.getByRole('treeitem', {
    name: new RegExp(`^${clusters[0]!.name}/network/,`),
  });
  await network.focus();
  await page.keyboard.press('ArrowRight');
  await network.getByRole('treeitem', { name: 'cilium/helm-release.yaml' }).click();
  const content = page.getByRole('region', { name: /Content of .*cilium\/helm-release\.yaml/ });
  await expect(content).toContainText('kind: HelmRelease');
  await page
    .getByRole('button', { name: 'GitOps tree', exact: true })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -16);
  if (process.env.SCREENSHOTS === '1') {
    await page.screenshot({ path: 'docs/screenshots/gitops-tree.png' });
  }

  // The open viewer, the preview and the import dialog have no serious or critical axe violation.
  await page.getByRole('button', { name: 'Preview the manifest (YAML)' }).click();
  const scan = async () =>
    (await new AxeBuilder({ page }).include('#main').analyze()).violations.filter((v) =>
      ['serious', 'critical'].includes(v.impact ?? ''),
    );
  expect(await scan()).toEqual([]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import a manifest' })).toBeVisible();
  expect(await scan()).toEqual([]);
});
