// Shared pieces of the provisioning journeys: a complete seeded draft, the secrets the user
// types, and the walk from the seed to a Review that is ready to provision.
import { expect, type Download, type Page } from '@playwright/test';
import { DRAFT_VERSION, createDefaultDraft } from '../src/shared/lib/draft-defaults';

export const DRAFT_KEY = 'catalyst-bootstrap-draft';
export const TOKEN = 'A1b2C3d4'.repeat(8);
export const COLD_KEY_ID = 'AKIAEXAMPLEKEY123456';
export const COLD_SECRET = 'cold-secret-access-key-e2e-0001';
export const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';

/** A complete draft (everything but the secrets, which the user types). */
export function seededState(name: string) {
  const draft = createDefaultDraft();
  draft.infrastructure.sovereignName = name;
  draft.infrastructure.organization = { name: 'Acme Ltd', email: 'ops@acme.example' };
  draft.infrastructure.sshPublicKey = SSH_KEY;
  for (const r of draft.infrastructure.regions) r.workers = { size: 'cpx42', count: 3 };
  draft.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  draft.dns.subdomain = name;
  return {
    state: {
      draft,
      visited: ['infrastructure', 'storage', 'dns', 'components', 'review'],
      idempotencyKey: null,
    },
    version: DRAFT_VERSION,
  };
}

export async function persisted(page: Page): Promise<{ state: { idempotencyKey: string | null } }> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  expect(raw).not.toBeNull();
  return JSON.parse(raw ?? '{}') as { state: { idempotencyKey: string | null } };
}

/** Seeds the draft (on `base`, default the configured server), types the secrets on their steps and arrives on Review, ready to provision. */
export async function reachReview(page: Page, name: string, base = ''): Promise<void> {
  // A page of the same origin that does not run the app, so nothing overwrites the seed.
  await page.goto(`${base}/healthz`);
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [DRAFT_KEY, JSON.stringify(seededState(name))],
  );
  await page.goto(`${base}/wizard/infrastructure`);
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage tier' })).toBeVisible();
  await page.getByLabel('Cold-tier access key id').fill(COLD_KEY_ID);
  await page.getByLabel('Cold-tier secret access key').fill(COLD_SECRET);
  for (const heading of ['DNS', 'Components', 'Review']) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Ready' })).toBeVisible();
}

/**
 * Clicks a download button and returns its download. Under load a click can land while a lazily
 * loaded part above shifts the page, so no click event fires (the button only gets focus, as a
 * user would see); like a user, it clicks again when no download started within 10 s.
 */
export async function clickToDownload(page: Page, button: string): Promise<Download> {
  let download: Download | undefined;
  await expect(async () => {
    [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      page.getByRole('button', { name: button }).click(),
    ]);
  }).toPass({ timeout: 45_000 });
  return download!;
}

/** A step by the stepper (client-side: the wizard state and the typed secrets stay in memory). */
export async function goToStep(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('link', { name: new RegExp(`^\\d?\\s*${title}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The deployment page lists its components as not installed: a plan only, nothing applied. */
export async function expectComponentsPlanOnly(page: Page): Promise<void> {
  await expect(
    page
      .getByRole('region', { name: /Components/ })
      .getByRole('listitem')
      .first(),
  ).toContainText('not installed yet (plan only)');
}
