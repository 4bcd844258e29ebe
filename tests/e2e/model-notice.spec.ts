/**
 * A missing or damaged model file: the engine falls back to the rules alone, the warnings still
 * appear on the page, and the toolbar popup says so (in the UI's language, with the reason).
 * With the normal build the learned layer is at work and the popup shows no such notice.
 * The broken builds are copies of .output/chrome-mv3 in a temporary directory, made per test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, expect, openPopup, test, type HarnessFixtures } from './harness';

const DRAFT = "Une de mes clientes m'a raconté ce matin que son fils dort dans son auto.";
const MODEL = 'model/balise-model.bin';
const overlay = (page: Page) => page.locator('balise-overlay').last();

/** The built extension, copied, with its model file changed by `breakModel`; removed afterwards. */
const withModel = (breakModel: (file: string) => void) =>
  test.extend<{ extensions: string[] }>({
    extensions: async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'balise-e2e-model-'));
      try {
        cpSync(EXTENSION_DIR, dir, { recursive: true });
        breakModel(join(dir, MODEL));
        await use([dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });

/** Same size, a few bytes in the middle of the weights flipped: the checksum no longer matches. */
const damaged = withModel((file) => {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  for (let i = 0; i < 8; i++) bytes[at + i] = bytes[at + i]! ^ 0xa5;
  writeFileSync(file, bytes);
});
const missing = withModel((file) => rmSync(file));

/** Types the violating draft in Facebook's composer and waits for the page's warning. */
async function typeDraft(open: HarnessFixtures['open'], page: Page, hl = false): Promise<void> {
  await open('facebook', hl ? 'https://www.facebook.com/?hl=fr' : undefined);
  await page.getByRole('button', { name: hl ? 'Exprimez-vous' : "What's on your mind?" }).click();
  await page.locator('[role=dialog] div[role=textbox]').click();
  await page.keyboard.type(DRAFT);
  // The rules alone still catch it: an error on the page, not a silent pass.
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 20_000 });
  await expect.poll(async () => Number(await overlay(page).getAttribute('data-findings'))).toBeGreaterThan(0);
}

/** What the content script tells the popup about the engine (STATUS_MESSAGE). */
const engineStatus = (popup: Page) =>
  popup.evaluate(async () => {
    const tab = Number(new URLSearchParams(location.search).get('tab'));
    const s = await (globalThis as any).chrome.tabs.sendMessage(tab, { type: 'balise-status' });
    return s?.engine ?? null;
  });

/**
 * The notice stays short (Chrome cuts the toolbar popup at 600 px): its height, and the popup's
 * content height at 400 px wide (measured on the content: the test window is 800 px tall),
 * recorded with the test's results.
 */
async function measure(popup: Page, notice: ReturnType<Page['getByRole']>): Promise<void> {
  const box = (await notice.boundingBox())!;
  const total = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom));
  test.info().annotations.push({ type: 'popup height', description: `${total} px, of which the notice ${Math.ceil(box.height)} px` });
  expect(box.height).toBeLessThanOrEqual(80);
}

damaged('damaged model file: warnings from the rules alone, and the popup says so with the reason', async ({ open, page, context, extensionId, requests }) => {
  await typeDraft(open, page);
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByRole('status').first()).toHaveText(/^Watching this draft: \d+ to review\.$/);
  // The engine's own reason (today: "the model file is damaged (checksum)"), shown as it says it.
  const status = await engineStatus(popup);
  expect(status).toMatchObject({ layer: 'rules-only', reason: 'damaged' });
  expect(status.detail).toMatch(/\S/);
  const notice = popup.getByRole('alert');
  await expect(notice).toHaveText(
    `Checking with the rules alone: Balise's learned model is missing or damaged (${status.detail}). Balise then misses more problems and raises more false alarms. Reinstall the extension to restore it.`,
  );
  // Near the top: right under the status line, before the findings.
  const [noticeBox, findingsBox] = await Promise.all([notice.boundingBox(), popup.locator('.findings').boundingBox()]);
  expect(noticeBox!.y).toBeLessThan(findingsBox!.y);
  expect(noticeBox!.y).toBeLessThan(120);
  await popup.screenshot({ path: test.info().outputPath('popup-damaged-model.png'), fullPage: true });
  await measure(popup, notice);
  expect(requests.unexpected()).toEqual([]);
});

missing.describe('in French (the language chosen in the options)', () => {
  missing('missing model file: the notice in French, with the reason', async ({ open, page, context, extensionId }) => {
    const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))!;
    await sw.evaluate(() => (globalThis as any).chrome.storage.local.set({ settings: { version: 3, uiLanguage: 'fr' } }));
    await typeDraft(open, page, true);
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByRole('status').first()).toHaveText(/^Brouillon surveillé : \d+ à revoir\.$/);
    const status = await engineStatus(popup);
    expect(status).toMatchObject({ layer: 'rules-only', reason: 'missing' });
    expect(status.detail).toContain('/model/balise-model.bin');
    const notice = popup.getByRole('alert');
    await expect(notice).toContainText('Vérification par les règles seules : le modèle appris de Balise est absent ou endommagé (/model/balise-model.bin');
    await expect(notice).toContainText('Balise manque alors davantage de problèmes et se trompe plus souvent. Réinstallez l’extension pour le rétablir.');
    await popup.screenshot({ path: test.info().outputPath('popup-missing-model-fr.png'), fullPage: true });
    await measure(popup, notice);
  });
});

test('normal build: the learned layer is at work and the popup shows no notice', async ({ open, page, context, extensionId }) => {
  await typeDraft(open, page);
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByRole('status').first()).toHaveText(/^Watching this draft: \d+ to review\.$/);
  expect(await engineStatus(popup)).toMatchObject({ layer: 'learned' });
  await expect(popup.locator('.findings li').first()).toBeVisible();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await expect(popup.getByText('Checking with the rules alone', { exact: false })).toHaveCount(0);
  const total = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom));
  test.info().annotations.push({ type: 'popup height', description: `${total} px, no notice` });
});
