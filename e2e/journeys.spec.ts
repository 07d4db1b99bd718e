// Issue 11's three journeys, typed as a user would in the built app against the real API, each
// from a fresh browser context at /: every value typed or picked on its step (role and label
// queries only), Next step by step, Review's verdict, then Provision and the server's answer.
//  1. Hetzner, zoned, LibreChat added on Components (Harbor comes with every plan): Review is
//     ready and the server takes the plan to ready-to-apply, with the steps to apply it.
//  2. AWS, triangle, DNS on the user's own domain via the registrar API: Review is ready, and
//     the server commits the plan and says honestly that AWS is plan only (no OpenTofu module).
//  3. Solo on the smallest nodes with many components: Review blocks it, its problem link lands
//     on the region's worker size, "Fit nodes to load" makes it fit in one click, Review is ready
//     and the server accepts it.
// The journeys are independent (own context, own Sovereign name), so they run in parallel.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectComponentsPlanOnly } from './fixtures';

test.describe.configure({ mode: 'parallel' });

/** Unique per run, so a name never meets one the API already holds (it answers 409 for those). */
const RUN = Date.now().toString(36).slice(-6);

const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const SSH_FINGERPRINT = 'SHA256:tNjrFh4iIpL33QUBmvMGnpu2HHpliX+wbNOYf3U/g9o';
/** Hetzner Cloud API token: 64 letters and digits. */
const HETZNER_TOKEN = 'hK3v9QzT7mWp2LxR8nYc4BfJ6sDg1AeU5oVi0tZrNq7Ws2XeGb8Lk4Pm0Ty6Rd3H';
/** AWS access key id (AKIA + 16 upper-case alphanumerics) and a 40-character secret. */
const AWS_KEY_ID = 'AKIA4QX7T2M9R5LWZ3PJ';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYz3Kq9Lm2Ns';
/** Cloudflare API token: 40 characters (letters, digits, - and _). */
const CLOUDFLARE_TOKEN = 'Zk8_Qw3rTy7uIo1pAs5dFg9hJk2lZx-cVb4nMq6W';
const R2_ACCOUNT = '9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c';
const COLD_KEY_ID = 'e2a4c6e8f0b2d4f6a8c0e2b4d6f8a0c2';
const COLD_SECRET = '3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const provisionButton = (page: Page) =>
  page.getByRole('region', { name: 'Provision' }).getByRole('button', { name: 'Provision' });
const install = (page: Page, name: string) =>
  page.getByRole('checkbox', { name: `Install ${name}` });

/** Presses Next and waits for the next step's heading; the step's own errors would stop it. */
async function next(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(heading(page, to)).toBeVisible();
  await expect(page.getByRole('region', { name: /This step has/ })).toHaveCount(0);
}

/** Types a value the way a user does: selects what the field holds, then types key by key. */
async function type(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

/** A fresh visit: / sends a first-time user to the first step, the empty Infrastructure. */
async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/wizard\/infrastructure$/);
  await expect(heading(page, 'Infrastructure')).toBeVisible();
  await expect(page.getByLabel('Sovereign name')).toHaveValue('');
}

/** The Sovereign's identity and its SSH key, as typed on Infrastructure. */
async function identity(page: Page, name: string, org: string, email: string): Promise<void> {
  await type(page.getByLabel('Sovereign name'), name);
  await type(page.getByLabel('Organisation name'), org);
  await type(page.getByLabel('Contact email'), email);
}

async function sshKey(page: Page): Promise<void> {
  await page.getByLabel('SSH public key').fill(SSH_KEY); // pasted, as a user would
  await expect(page.getByText(SSH_FINGERPRINT)).toBeVisible();
}

/** Review calls the plan ready: the banner, no problem list, Provision enabled. */
async function expectReady(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Ready' })).toContainText('Every step is complete');
  await expect(page.getByRole('region', { name: /problems? remains?/ })).toHaveCount(0);
  await expect(provisionButton(page)).toBeEnabled();
}

/** Provision, and the deployment page the server's answer opens: the plan is committed. */
async function provisionAccepted(page: Page, name: string): Promise<Locator> {
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/deployments$/.test(new URL(r.url()).pathname),
  );
  await provisionButton(page).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  const title = heading(page, `Sovereign ${name}`);
  await expect(title).toBeFocused();
  await expect(title.getByText('ready-to-apply', { exact: true })).toBeVisible({ timeout: 20_000 });
  const pipeline = page.getByRole('region', { name: 'Pipeline' });
  for (const step of [
    'Validate the manifest',
    'Render the Flux tree',
    'Commit to the GitOps repository',
  ])
    await expect(pipeline.getByRole('listitem', { name: `${step}: done` })).toBeVisible();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText(/GitOps commit [0-9a-f]{12}/);
  // Every secret was typed: nothing is missing for the executor.
  await expect(status).not.toContainText('Plan only: no credentials');
  await expectComponentsPlanOnly(page);
  return status;
}

test('Hetzner, zoned, with LibreChat and Harbor: Review is ready and the server takes it to ready-to-apply', async ({
  page,
}) => {
  const name = `hz-zoned-${RUN}`;
  await start(page);

  // Infrastructure
  await page.getByRole('radio', { name: /^Hetzner Cloud/ }).check();
  await identity(page, name, 'Acme Sovereign GmbH', 'platform@acme.example');
  await page.getByRole('radio', { name: /^Zoned/ }).check();
  await expect(page.getByRole('radio', { name: /^Zoned/ })).toBeChecked();
  const region1 = page.getByRole('group', { name: /^Region 1/ });
  const region2 = page.getByRole('group', { name: /^Region 2/ });
  await region1.getByLabel('Hetzner Cloud region').selectOption('fsn1');
  await region2.getByLabel('Hetzner Cloud region').selectOption('hel1');
  await expect(region2.getByLabel('Hetzner Cloud region')).toHaveValue('hel1');
  await type(page.getByLabel('Hetzner Cloud API token'), HETZNER_TOKEN);
  await sshKey(page);
  await expect(page.getByText(/^Nodes cost/)).toContainText(/€[\d,.]+ per month/);
  await next(page, 'Storage tier');

  // Storage: the default cold tier, Cloudflare R2
  await expect(page.getByRole('radio', { name: /^Cloudflare R2/ })).toBeChecked();
  await type(page.getByLabel('Cloudflare account id'), R2_ACCOUNT);
  await type(page.getByLabel('Cold-tier access key id'), COLD_KEY_ID);
  await type(page.getByLabel('Cold-tier secret access key'), COLD_SECRET);
  await next(page, 'DNS');

  // DNS: a pool subdomain
  await expect(page.getByRole('radio', { name: /^Pool subdomain/ })).toBeChecked();
  await type(page.getByLabel('Subdomain', { exact: true }), 'acme');
  await page.getByLabel('Pool domain', { exact: true }).selectOption('omani.works');
  await expect(page.getByText('acme.omani.works', { exact: true })).toBeVisible();
  await next(page, 'Components');

  // Components: LibreChat brings what it needs; Harbor is in every plan
  await install(page, 'LibreChat').check();
  await expect(page.getByRole('status').filter({ hasText: 'Added LibreChat' })).toContainText(
    'vLLM needs GPU nodes',
  );
  await expect(install(page, 'LibreChat')).toBeChecked();
  await expect(install(page, 'Harbor')).toBeChecked();
  await expect(install(page, 'Harbor')).toBeDisabled();
  await expect(page.getByRole('listitem', { name: 'Harbor', exact: true })).toContainText(
    'Mandatory: always installed',
  );
  await next(page, 'Review');

  // Review: ready; vLLM's GPU need is a warning that does not block
  await expectReady(page);
  await expect(page.getByRole('region', { name: /warning/ })).toContainText('vLLM needs GPU nodes');
  await expect(page.getByRole('list', { name: 'Chosen by you' })).toContainText('LibreChat');
  await expect(page.getByRole('list', { name: 'Mandatory (always installed)' })).toContainText(
    'Harbor',
  );

  const status = await provisionAccepted(page, name);
  await expect(status).toContainText('The plan is ready to apply');
  const apply = page.getByRole('region', { name: 'How to apply' });
  await expect(apply.getByLabel('Commands')).toContainText('tofu apply');
});

test('AWS, triangle, own domain via registrar API: Review is ready and the server commits the plan, plan only', async ({
  page,
}) => {
  const name = `aws-triangle-${RUN}`;
  await start(page);

  // Infrastructure
  const aws = page.getByRole('radio', { name: /^Amazon Web Services/ });
  await expect(aws).toHaveAccessibleName(/Plan only: no OpenTofu module yet/);
  await aws.check();
  await expect(
    page.getByRole('status').filter({ hasText: 'Amazon Web Services does not offer' }),
  ).toBeVisible();
  await identity(page, name, 'Globex Corporation', 'cloud-team@globex.example');
  await page.getByRole('radio', { name: /^Triangle/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Switched to Triangle.' })).toBeVisible();
  const cp = page.getByRole('group', { name: /^Region 1 — control plane/ });
  const dp1 = page.getByRole('group', { name: /^Region 2 — data plane/ });
  const dp2 = page.getByRole('group', { name: /^Region 3 — data plane/ });
  await cp.getByLabel('Amazon Web Services region').selectOption('eu-central-1');
  await dp1.getByLabel('Amazon Web Services region').selectOption('eu-west-1');
  await dp2.getByLabel('Amazon Web Services region').selectOption('us-east-1');
  for (const r of [cp, dp1, dp2]) await expect(r.getByText(/Over capacity/)).toHaveCount(0);
  await type(
    page.getByLabel('AWS access key (ACCESS_KEY_ID:SECRET_ACCESS_KEY)'),
    `${AWS_KEY_ID}:${AWS_SECRET}`,
  );
  await sshKey(page);
  await expect(page.getByText(/^Nodes cost/)).toContainText(/≈ ?€[\d,.]+ per month/);
  await next(page, 'Storage tier');

  // Storage: the cold tier in S3 Glacier, in one of its own regions
  await page.getByRole('radio', { name: /^AWS S3 Glacier/ }).check();
  await type(page.getByLabel('Cold-tier bucket'), `globex-${RUN}-cold`);
  await page.getByLabel('Cold-tier region').selectOption('eu-central-1');
  await type(page.getByLabel('Cold-tier access key id'), 'AKIA7N3K5P2Q8R4S6T1V');
  await type(
    page.getByLabel('Cold-tier secret access key'),
    'kP9s/Xb2Lm7Qv4Rz8Nw1Yt6Hc3Jd5Fg0Aa+Ee2Ux',
  );
  await next(page, 'DNS');

  // DNS: the user's own domain, nameservers set through the registrar's API
  await page.getByRole('radio', { name: /^Your domain, via registrar API/ }).check();
  await type(page.getByLabel('Domain', { exact: true }), 'globex.example');
  await page.getByLabel('Registrar', { exact: true }).selectOption({ label: 'Cloudflare' });
  const token = page.getByLabel('Cloudflare API token');
  await expect(page.getByText('A Cloudflare API token is 40 characters.')).toBeVisible();
  await type(token, CLOUDFLARE_TOKEN);
  await next(page, 'Components');
  await next(page, 'Review');

  // Review
  await expectReady(page);

  const status = await provisionAccepted(page, name);
  await expect(status).toContainText(
    'Plan only: no OpenTofu module for Amazon Web Services yet, so this repository creates no machines on Amazon Web Services',
  );
  await expect(status).toContainText('no cloud resources have been created');
  const apply = page.getByRole('region', { name: 'How to apply' });
  await expect(apply).toContainText('Plan only: no OpenTofu module for Amazon Web Services yet');
  await expect(apply.getByLabel('Commands')).toHaveCount(0);
});

test('solo on small nodes with many components: Review blocks it, links to the worker size, one click fits it, the server accepts it', async ({
  page,
}) => {
  const name = `solo-small-${RUN}`;
  await start(page);

  // Infrastructure: one region, the smallest nodes
  await identity(page, name, 'Initech Labs', 'ops@initech.example');
  await page.getByRole('radio', { name: /^Solo/ }).check();
  const notice = page.getByRole('status').filter({ hasText: 'Switched to Solo.' });
  await expect(notice).toContainText(
    'SeaweedFS placement Active-active across regions → Single region',
  );
  await expect(notice).toContainText('DNS answer policy active-active → single-region');
  const region = page.getByRole('group', { name: /^Region 1/ });
  await region.getByLabel('Control-plane size').selectOption('cx23');
  await region.getByLabel('Highly available control plane').uncheck();
  await region.getByLabel('Worker size').selectOption('cx23');
  await type(region.getByLabel('Worker count'), '2');
  await type(page.getByLabel('Hetzner Cloud API token'), HETZNER_TOKEN);
  await sshKey(page);
  await next(page, 'Storage tier');

  // Storage: what Solo set, and the keys
  await expect(page.getByLabel('Placement')).toHaveValue('single-region');
  await type(page.getByLabel('Cloudflare account id'), R2_ACCOUNT);
  await type(page.getByLabel('Cold-tier access key id'), COLD_KEY_ID);
  await type(page.getByLabel('Cold-tier secret access key'), COLD_SECRET);
  await next(page, 'DNS');

  await type(page.getByLabel('Subdomain', { exact: true }), 'initech');
  await next(page, 'Components');

  // Components: many more than two small nodes can carry
  for (const c of [
    'LibreChat',
    'Temporal',
    'ClickHouse',
    'Superset',
    'Matrix',
    'LangFuse',
    'Milvus',
  ]) {
    await install(page, c).check();
    await expect(install(page, c)).toBeChecked();
  }
  await next(page, 'Review');

  // Review: blocked, and says where to fix it
  await expect(page.getByRole('region', { name: 'Ready' })).toHaveCount(0);
  const problems = page.getByRole('region', { name: 'One problem remains' });
  const link = problems.getByRole('link', { name: /^Infrastructure: Nodes too small/ });
  await expect(link).toContainText('Region 1 (fsn1)');
  await expect(provisionButton(page)).toBeDisabled();
  await expect(
    page.getByText('Fix the problem listed at the top of Review to provision.'),
  ).toBeVisible();

  await link.click();
  await expect(page).toHaveURL(
    /\/wizard\/infrastructure#field-infrastructure-regions-0-workers-size$/,
  );
  await expect(heading(page, 'Infrastructure')).toBeVisible();
  await expect(region.getByLabel('Worker size')).toBeFocused();
  const load = region.getByRole('group', { name: 'Load of region 1' });
  await expect(load.getByText(/Over capacity/)).toBeVisible();

  // One click fits the workers to the load, with headroom
  await region.getByRole('button', { name: 'Fit nodes to load' }).click();
  const fitted = region.getByRole('status').filter({ hasText: 'Workers set to' });
  await expect(fitted).toContainText(/CPU \d+%, memory \d+%, disk \d+%/);
  await expect(fitted.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(load.getByText(/Over capacity/)).toHaveCount(0);
  await expect(region.getByLabel('Worker size')).not.toHaveValue('cx23');
  await expect(region.getByRole('button', { name: 'Fit nodes to load' })).toBeDisabled();

  // Back to Review step by step: the secrets typed are still there
  for (const step of ['Storage tier', 'DNS', 'Components', 'Review']) await next(page, step);
  await expectReady(page);
  await expect(page.getByText(/Nodes too small/)).toHaveCount(0);

  const status = await provisionAccepted(page, name);
  await expect(status).toContainText('The plan is ready to apply');
});
