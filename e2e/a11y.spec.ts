// axe on every step, light and dark: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { STEPS } from '../src/shared/constants/steps';

for (const scheme of ['light', 'dark'] as const) {
  test(`every step has no serious or critical axe violation (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const step of STEPS) {
      await page.goto(step.path);
      await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
      // Show the error state too, so inline errors and the summary are checked.
      const next = page.getByRole('button', { name: /^Next/ });
      if (step.id !== 'components' && (await next.count()) > 0) await next.click();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const bad = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) => `${step.id}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target).join(' | ')}`,
        );
      expect(bad).toEqual([]);
    }
  });
}
