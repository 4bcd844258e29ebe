/**
 * Automated accessibility checks (axe-core, in the real browser) on the popup, the options page,
 * the warning card and the pause dialog: no serious or critical violation, in English and French.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openPopup, test } from './harness';

const FR_BAD = "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.";

async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const lang of ['en', 'fr'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test.use({ lang });

    test('options page', async ({ context, extensionId }) => {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(p.locator('table.categories')).toBeVisible();
      expect(await seriousViolations(p)).toEqual([]);
    });

    test('popup, the warning card and the pause dialog on a page with a flagged draft', async ({ open, page, context, extensionId }) => {
      await open('x');
      await page.getByTestId('tweetTextarea_0').click();
      await page.keyboard.type(FR_BAD);
      await expect(page.locator('balise-overlay').last()).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });

      const popup = await openPopup(context, extensionId, page);
      await expect(popup.locator('.findings button').first()).toBeVisible();
      expect(await seriousViolations(popup)).toEqual([]);

      await page.bringToFront();
      await page.keyboard.press('Alt+Shift+B');
      await expect(page.locator('balise-overlay').last().locator('.card')).toBeVisible();
      expect(await seriousViolations(page, 'balise-overlay')).toEqual([]);
      await page.keyboard.press('Escape');

      await page.locator('button[data-testid="tweetButtonInline"]').click();
      await expect(page.locator('balise-pause')).toHaveCount(1);
      expect(await seriousViolations(page, 'balise-pause')).toEqual([]);
    });
  });
}
