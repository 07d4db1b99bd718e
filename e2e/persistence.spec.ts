// The draft survives a reload; secrets do not (they live in memory only).
import { expect, test } from '@playwright/test';

const TOKEN = 'A1b2C3d4'.repeat(8);
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';

test('values survive a reload on the DNS step; token fields come back empty', async ({ page }) => {
  await page.goto('/wizard/infrastructure');
  await page.getByLabel('Sovereign name').fill('acme-prod');
  await page.getByLabel('Organisation name').fill('Acme Ltd');
  await page.getByLabel('Contact email').fill('ops@acme.example');
  await page.getByRole('radio', { name: /^Triangle/ }).check();
  await page.getByLabel('Worker count').nth(2).fill('7');
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await page.getByLabel('SSH public key').fill(SSH_KEY);
  await page.getByRole('button', { name: /^Next/ }).click();

  await page.getByLabel('Master replicas').fill('3');
  await page.getByLabel('Cloudflare account id').fill('0123456789abcdef0123456789abcdef');
  await page.getByLabel('Cold-tier access key id').fill('AKIAEXAMPLEKEY123456');
  await page.getByLabel('Cold-tier secret access key').fill('secret-access-key-0123456789');
  await page.getByRole('button', { name: /^Next/ }).click();

  await page.getByRole('radio', { name: /via registrar API/ }).check();
  await page.getByLabel('Domain', { exact: true }).fill('acme.example');
  await page.getByLabel('Registrar', { exact: true }).selectOption('namecheap');
  await page.getByLabel('Namecheap API token').fill('0123456789abcdef0123456789abcdef');

  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).toContain('acme-prod');
  for (const secret of [TOKEN, 'secret-access-key-0123456789', 'AKIAEXAMPLEKEY123456']) {
    expect(stored).not.toContain(secret);
  }

  await page.reload();
  await expect(page).toHaveURL(/\/wizard\/dns$/);
  await expect(page.getByRole('radio', { name: /via registrar API/ })).toBeChecked();
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue('acme.example');
  await expect(page.getByLabel('Registrar', { exact: true })).toHaveValue('namecheap');
  await expect(page.getByLabel('Namecheap API token')).toHaveValue('');

  await page.getByRole('link', { name: /Storage tier/ }).click();
  await expect(page.getByLabel('Master replicas')).toHaveValue('3');
  await expect(page.getByLabel('Cloudflare account id')).toHaveValue(
    '0123456789abcdef0123456789abcdef',
  );
  await expect(page.getByLabel('Cold-tier access key id')).toHaveValue('');
  await expect(page.getByLabel('Cold-tier secret access key')).toHaveValue('');

  await page.getByRole('link', { name: /Infrastructure/ }).click();
  await expect(page.getByLabel('Sovereign name')).toHaveValue('acme-prod');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Acme Ltd');
  await expect(page.getByLabel('Contact email')).toHaveValue('ops@acme.example');
  await expect(page.getByRole('radio', { name: /^Triangle/ })).toBeChecked();
  await expect(page.getByLabel('Worker count').nth(2)).toHaveValue('7');
  await expect(page.getByLabel('SSH public key')).toHaveValue(SSH_KEY);
  await expect(page.getByLabel('Hetzner Cloud API token')).toHaveValue('');
});
