import { expect, test, type Page } from '@playwright/test';

const toggle = (page: Page, name: string) =>
  page.getByRole('checkbox', { name: `Install ${name}` });
const card = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

test.describe('Components step', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/wizard/components');
    await expect(page.getByRole('heading', { level: 1, name: 'Components' })).toBeVisible();
  });

  test('Velero and SeaweedFS are mandatory and cannot be removed', async ({ page }) => {
    for (const name of ['Velero', 'SeaweedFS']) {
      await expect(toggle(page, name)).toBeChecked();
      await expect(toggle(page, name)).toBeDisabled();
      await expect(card(page, name)).toContainText('Mandatory: always installed');
    }
  });

  test('choosing LibreChat brings its dependencies; removing FerretDB asks first', async ({
    page,
  }) => {
    await toggle(page, 'LibreChat').check();
    await expect(page.getByRole('status')).toHaveText(
      /^Added LibreChat with BGE, FerretDB, LLM Gateway and vLLM\. vLLM needs GPU nodes/,
    );
    for (const name of ['FerretDB', 'BGE', 'LLM Gateway', 'vLLM']) {
      await expect(toggle(page, name)).toBeChecked();
      await expect(card(page, name)).toContainText('Required by LibreChat');
    }

    await toggle(page, 'FerretDB').click();
    const dialog = page.getByRole('dialog', { name: 'Remove FerretDB?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('LibreChat needs FerretDB');
    await expect(dialog.getByRole('list', { name: 'Components to remove' })).toContainText(
      'LibreChat (chosen by you)',
    );
    await dialog.getByRole('button', { name: 'Remove 5 components' }).click();

    await expect(dialog).toBeHidden();
    for (const name of ['FerretDB', 'LibreChat']) {
      await expect(toggle(page, name)).not.toBeChecked();
      await expect(card(page, name)).toContainText('Not installed');
    }
    await expect(toggle(page, 'FerretDB')).toBeFocused();
  });

  test('works from the keyboard; Escape cancels a removal', async ({ page }) => {
    await toggle(page, 'LibreChat').focus();
    await page.keyboard.press('Space');
    await expect(toggle(page, 'LibreChat')).toBeChecked();

    await toggle(page, 'FerretDB').focus();
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: 'Remove FerretDB?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');

    await expect(dialog).toBeHidden();
    await expect(toggle(page, 'FerretDB')).toBeChecked();
    await expect(toggle(page, 'LibreChat')).toBeChecked();
    await expect(toggle(page, 'FerretDB')).toBeFocused();
  });

  test('with the graph beside the list, one dialog and one status serve both', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto('/wizard/components');
    const graph = page.getByRole('region', { name: 'Dependency graph' });
    const ferretNode = graph.locator('[data-node-id="ferretdb"]');
    await toggle(page, 'LibreChat').check();
    await expect(ferretNode).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(
      /^Added LibreChat with BGE, FerretDB, LLM Gateway and vLLM\. vLLM needs GPU nodes/,
    );

    await ferretNode.click();
    const panel = graph.getByRole('complementary');
    await panel.getByRole('button', { name: 'Remove FerretDB' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    const dialog = page.getByRole('dialog', { name: 'Remove FerretDB?' });
    await dialog.getByRole('button', { name: 'Remove 5 components' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(
      'Removed FerretDB; also removed BGE, LibreChat, LLM Gateway and vLLM',
    );
    await expect(toggle(page, 'FerretDB')).not.toBeChecked();
    await expect(panel.getByRole('button', { name: 'Add FerretDB' })).toBeFocused();
  });

  test('the capacity summary follows the choice', async ({ page }) => {
    const summary = page.getByRole('region', { name: 'Capacity and cost' });
    const requests = summary.getByText(/components request/);
    const before = await requests.textContent();
    await toggle(page, 'LibreChat').check();
    await expect(requests).not.toHaveText(before ?? '');
    await expect(summary).toContainText(/€[\d,.]+/);
  });

  test('screenshot', async ({ page }) => {
    test.skip(
      process.env.SCREENSHOTS !== '1',
      'SCREENSHOTS=1 writes docs/screenshots/components.png',
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await toggle(page, 'LibreChat').check();
    await expect(card(page, 'FerretDB')).toContainText('Required by LibreChat');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/components.png' });
  });
});
