/**
 * The toolbar popup on the current tab: what Balise sees, the account and its classification
 * (which changes the findings on the page at once), the live findings (a click goes to the words),
 * the eight questions for this draft, and Balise on/off for the site.
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, GRANTED_EXTENSION_DIR, openPopup, test } from './harness';

const overlay = (page: Page) => page.locator('balise-overlay').last();
const PARTY = 'Soirée bien arrosée au bar avec les copines hier, on a fermé la place 🍻';

test('popup: status, one-click classification changes the findings, a finding click selects its words, ticks per draft, site switch', async ({ open, page, context, extensionId }) => {
  await open('x');
  const box = page.getByTestId('tweetTextarea_0');
  await box.click();
  await page.keyboard.type(PARTY);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });

  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByRole('status').first()).toHaveText('Watching this draft: nothing to flag so far.');
  await expect(popup.getByText('Marie Tremblay, TS')).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Not classified' })).toBeChecked();

  await popup.getByRole('radio', { name: 'Professional' }).check();
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning');
  await expect(popup.getByRole('status').first()).toHaveText('Watching this draft: 1 to review.');
  const finding = popup.locator('.findings button').first();
  await expect(finding).toHaveAttribute('data-rule', /^personal-on-professional\//);

  await finding.click();
  await page.bringToFront();
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
  expect(selected.length).toBeGreaterThan(0);
  expect(PARTY).toContain(selected);
  expect(await fixtureText(page)).toBe(PARTY);

  // The eight questions: ticks stay with this draft…
  await popup.bringToFront();
  await expect(popup.locator('.checklist input')).toHaveCount(8);
  await popup.getByRole('checkbox', { name: /community/ }).check();
  await popup.reload();
  await expect(popup.getByRole('checkbox', { name: /community/ })).toBeChecked();
  // …and a new draft (the box emptied) starts unticked.
  await page.bringToFront();
  await box.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect.poll(() => fixtureText(page)).toBe('');
  await expect(overlay(page)).toHaveAttribute('data-findings', '0');
  await page.keyboard.type('Bonne semaine à toutes.');
  await popup.bringToFront();
  await expect(popup.getByRole('checkbox', { name: /community/ })).not.toBeChecked();

  // Off for this site: the overlay goes away; on again: back.
  await popup.getByRole('checkbox', { name: 'Balise on this site' }).uncheck();
  await expect(popup.getByRole('status').first()).toHaveText('Balise is off on this site.');
  await expect(page.locator('balise-overlay')).toHaveCount(0);
  await popup.getByRole('checkbox', { name: 'Balise on this site' }).check();
  await page.bringToFront();
  await box.click();
  await page.keyboard.type(' Merci.');
  await expect(page.locator('balise-overlay')).toHaveCount(1, { timeout: 15_000 });
});

test.describe('in French, on a blog of mine Balise does not run on yet', () => {
  // The build with example.org already allowed: stands in for the user clicking Allow on the
  // browser's prompt (and for activeTab, which only a real toolbar click grants).
  test.use({ lang: 'fr', extensions: [GRANTED_EXTENSION_DIR] });
  test('popup: French; one click adds the site and Balise starts in that tab', async ({ open, page, context, extensionId }) => {
    await open('textarea');
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByRole('heading', { name: 'Avant de publier : huit questions' })).toBeVisible();
    await expect(popup.getByText('Est-ce que je communiquerais de cette manière dans ma communauté?')).toBeVisible();
    await expect(popup.getByRole('status').first()).toContainText('Balise ne fonctionne pas sur example.org.');
    await popup.getByRole('button', { name: 'Vérifier mes brouillons sur example.org (un de mes blogues)' }).click();
    await expect(popup.getByText('Balise vérifie maintenant vos brouillons sur example.org')).toBeVisible();

    await page.bringToFront();
    await page.locator('textarea').click();
    await page.keyboard.type("Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.");
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    await popup.reload();
    await expect(popup.getByRole('status').first()).toHaveText(/^Brouillon surveillé : \d+ à revoir\.$/);
  });
});

test('self-audit reminder when due: a mark on the toolbar icon, the links in the popup, and "done" clears it', async ({ open, page, context, extensionId }) => {
  const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))!;
  await sw.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({ settings: { version: 3, selfAudit: { enabled: true, months: 3 } }, selfAuditLast: Date.now() - 100 * 86_400_000 }),
  );
  await expect.poll(() => sw.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('!');
  await open('x');
  const popup = await openPopup(context, extensionId, page);
  const audit = popup.getByRole('region', { name: 'Time for your privacy review' });
  await expect(audit.getByRole('link', { name: 'Facebook privacy checkup' })).toHaveAttribute('href', 'https://www.facebook.com/privacy/checkup/');
  await audit.getByRole('button', { name: 'I have reviewed them now' }).click();
  await expect(audit).toHaveCount(0);
  await expect.poll(() => sw.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('');
});
