/**
 * Which account the post goes out as: each site adapter reads it from the page, Balise remembers
 * it for the user to classify, and the classification changes the findings at once (the
 * personal-content rules apply on a professional account only).
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, test } from './harness';

const overlay = (page: Page) => page.locator('balise-overlay').last();
const PARTY = 'Soirée bien arrosée au bar avec les copines hier, on a fermé la place 🍻';

test('X: the active handle is detected; classifying it professional flags personal content live, personal clears it', async ({ open, page, context }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(PARTY);
  await expect(overlay(page)).toHaveAttribute('data-account', 'x:@marie_ts', { timeout: 15_000 });
  await expect(overlay(page)).toHaveAttribute('data-account-type', 'unknown');
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none');

  const sw = context.serviceWorkers()[0]!;
  // Remembered for the popup and options page to list.
  await expect
    .poll(() => sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('detectedAccounts')).detectedAccounts?.['x:@marie_ts']))
    .toEqual({ site: 'x', id: '@marie_ts', label: 'Marie Tremblay, TS', kind: 'profile' });

  // Classified elsewhere (popup / options): the open draft is re-checked without a keystroke.
  await sw.evaluate(() => (globalThis as any).chrome.storage.local.set({ settings: { version: 2, accounts: { 'x:@marie_ts': 'professional' } } }));
  await expect(overlay(page)).toHaveAttribute('data-account-type', 'professional');
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning');
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator('.card .item').first()).toHaveAttribute('data-rule', /^personal-on-professional\//);

  await sw.evaluate(() => (globalThis as any).chrome.storage.local.set({ settings: { version: 2, accounts: { 'x:@marie_ts': 'personal' } } }));
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none');
  expect(await fixtureText(page)).toBe(PARTY);
});

test('Facebook and LinkedIn name the posting profile; a share box that does not show it leaves the account unknown', async ({ open, page }) => {
  await open('facebook');
  await page.getByRole('button', { name: "What's on your mind?" }).click();
  await page.locator('[role=dialog] div[role=textbox]').click();
  await page.keyboard.type('Bonjour');
  await expect(overlay(page)).toHaveAttribute('data-account', 'facebook:Marie Tremblay', { timeout: 15_000 });

  await open('linkedin');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await page.locator('[role=dialog] .ql-editor').click();
  await page.keyboard.type('Bonjour');
  await expect(overlay(page)).toHaveAttribute('data-account', 'linkedin:Marie Tremblay', { timeout: 15_000 });

  await open('linkedin-new');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await page.locator('[role=dialog] div.ProseMirror[contenteditable=true]').click();
  await page.keyboard.type('Bonjour');
  await expect(overlay(page)).toHaveAttribute('data-account-type', 'unknown', { timeout: 15_000 });
  await expect(overlay(page)).not.toHaveAttribute('data-account', /.*/);
});

test('a blog is its own account (Blogger: the blog id in the editor address)', async ({ open, page }) => {
  await open('blogger');
  await page.frameLocator('iframe#postingComposeBox').locator('body').click();
  await page.keyboard.type('Bonjour');
  await expect(overlay(page)).toHaveAttribute('data-account', 'blogger:blogger/1', { timeout: 15_000 });
});

test('an unclassified account is asked about once, inline beside the badge, and the answer is remembered', async ({ open, page }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(PARTY);
  const ask = overlay(page).locator('.ask');
  await expect(ask).toBeVisible({ timeout: 15_000 });
  await expect(ask).toContainText('“Marie Tremblay, TS”');
  // Typing goes on in the editor: the question never takes the focus.
  await page.keyboard.type(' !');
  await expect.poll(() => fixtureText(page)).toBe(`${PARTY} !`);
  await ask.getByRole('button', { name: 'Professional' }).click();
  await expect(ask).toBeHidden();
  await expect(overlay(page)).toHaveAttribute('data-account-type', 'professional');
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning');

  await page.goto('about:blank');
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(PARTY);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning', { timeout: 15_000 });
  await expect(overlay(page).locator('.ask')).toBeHidden();
});

test('"Not now" is remembered too: not asked again, the account stays unclassified', async ({ open, page }) => {
  await open('linkedin');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await page.locator('[role=dialog] .ql-editor').click();
  await page.keyboard.type('Bonjour');
  const ask = overlay(page).locator('.ask');
  await expect(ask).toBeVisible({ timeout: 15_000 });
  await ask.getByRole('button', { name: 'Not now' }).click();
  await expect(ask).toBeHidden();
  await open('linkedin');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await page.locator('[role=dialog] .ql-editor').click();
  await page.keyboard.type('Bonjour');
  await expect(overlay(page)).toHaveAttribute('data-account-type', 'unknown', { timeout: 15_000 });
  await page.waitForTimeout(800);
  await expect(overlay(page).locator('.ask')).toBeHidden();
});
