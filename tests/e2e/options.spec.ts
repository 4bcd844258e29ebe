/**
 * The options page on the built extension: each setting changes what happens on the sites,
 * the watch list never holds a name in clear, import/export/reset, a corrupted setting shows a
 * notice and loses nothing else, and the UI language can differ from the browser's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixturePublished, test } from './harness';

const overlay = (page: Page) => page.locator('balise-overlay').last();
const FR_BAD = "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.";
const PROMO = 'Code promo BALISE20 : 20 % de rabais sur mes ateliers ce mois-ci, écrivez-moi!';

async function options(context: BrowserContext, extensionId: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  return p;
}
const sw = (context: BrowserContext) => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
const saved = (p: Page) => expect(p.locator('#settings-status')).toHaveText(/Saved|Enregistré/);

async function typeOnX(page: Page, text: string) {
  await page.bringToFront();
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('pause mode, categories, jurisdiction and the watch list change what happens on the site', async ({ open, page, context, extensionId }) => {
  const opts = await options(context, extensionId);
  await open('x');

  // Pause for warnings too: a warning-only post (advertising) is held.
  await typeOnX(page, PROMO);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning', { timeout: 15_000 });
  await opts.bringToFront();
  await opts.getByLabel('Pause before publishing').selectOption({ label: 'When an error or a warning remains' });
  await saved(opts);
  await page.bringToFront();
  await page.locator('button[data-testid="tweetButtonInline"]').click();
  await expect(page.locator('balise-pause')).toHaveCount(1);
  await page.locator('balise-pause').getByRole('button', { name: 'Edit' }).click();
  // …and off: nothing is held, even an error.
  await opts.bringToFront();
  await opts.getByLabel('Pause before publishing').selectOption({ label: 'Off' });
  await saved(opts);
  await typeOnX(page, FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.locator('button[data-testid="tweetButtonInline"]').click();
  await expect.poll(() => fixturePublished(page)).toEqual([FR_BAD]);
  await expect(page.locator('balise-pause')).toHaveCount(0);

  // Jurisdiction: the card cites the United States' document.
  await opts.bringToFront();
  await opts.getByLabel('Where you practise').selectOption('us');
  await saved(opts);
  await typeOnX(page, FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator('.card .item[data-rule^="client-confidentiality/"] .src').first()).toContainText('ASWB Model Standards 4.07');
  await page.keyboard.press('Escape');

  // A category switched off: client stories are no longer flagged, the rest still is.
  await opts.bringToFront();
  await opts.getByRole('row', { name: /Client stories and case details/ }).getByRole('checkbox').uncheck();
  await saved(opts);
  await typeOnX(page, `${FR_BAD} ${PROMO}`);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'warning', { timeout: 15_000 });

  // The watch list: flagged in a post (even with client stories switched off: it is the user's own
  // list), never stored in clear.
  await opts.bringToFront();
  await opts.getByLabel('Name', { exact: true }).fill('Gabrielle Lavoie');
  await opts.getByRole('button', { name: 'Add', exact: true }).first().click();
  await expect(opts.locator('#settings-status')).toHaveText('Name added (only its fingerprint is kept).');
  await expect(opts.locator('[data-watch-count]')).toHaveText('1 fingerprints kept.');
  await typeOnX(page, 'Belle rencontre avec gabrielle LAVOIE hier au colloque.');
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  const stored = await sw(context).evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)));
  expect(stored.toLowerCase()).not.toContain('gabrielle');
  expect(stored.toLowerCase()).not.toContain('lavoie');
  // Removed by typing it again.
  await opts.bringToFront();
  await opts.getByLabel('Name', { exact: true }).fill('Gabrielle Lavoie');
  await opts.getByRole('button', { name: 'Remove', exact: true }).first().click();
  await expect(opts.locator('[data-watch-count]')).toHaveText('0 fingerprints kept.');
});

test('export, a bad import changes nothing, a good import restores; reset asks first', async ({ context, extensionId }, testInfo) => {
  const opts = await options(context, extensionId);
  await opts.getByLabel('Where you practise').selectOption('on');
  await saved(opts);
  await opts.getByLabel('Name', { exact: true }).fill('Clinique du Parc');
  await opts.getByRole('button', { name: 'Add', exact: true }).first().click();
  await expect(opts.locator('[data-watch-count]')).toHaveText('2 fingerprints kept.'); // word pairs

  const download = opts.waitForEvent('download');
  await opts.getByRole('button', { name: 'Export settings' }).click();
  const file = testInfo.outputPath('exported.json');
  await (await download).saveAs(file);
  const exported = readFileSync(file, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'balise-settings', version: 3, settings: { jurisdiction: 'on' } });
  expect(exported.toLowerCase()).not.toContain('parc');

  // Reset asks first, then really resets.
  await opts.getByRole('button', { name: 'Reset to defaults…' }).click();
  await opts.getByRole('button', { name: 'Cancel' }).click();
  await expect(opts.getByLabel('Where you practise')).toHaveValue('on');
  await opts.getByRole('button', { name: 'Reset to defaults…' }).click();
  await opts.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(opts.getByLabel('Where you practise')).toHaveValue('qc');
  await expect(opts.locator('[data-watch-count]')).toHaveText('0 fingerprints kept.');

  // A broken file: a clear message, nothing changed.
  const bad = testInfo.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(exported), settings: { ...JSON.parse(exported).settings, pauseMode: 'always' } }));
  await opts.locator('input[type=file]').setInputFiles(bad);
  await expect(opts.locator('#settings-status')).toHaveText('This file has invalid values (pauseMode). Nothing was changed.');
  await expect(opts.getByLabel('Where you practise')).toHaveValue('qc');
  const notJson = testInfo.outputPath('notes.txt');
  writeFileSync(notJson, 'mes notes');
  await opts.locator('input[type=file]').setInputFiles(notJson);
  await expect(opts.locator('#settings-status')).toHaveText('This file is not a settings file (not JSON). Nothing was changed.');

  await opts.locator('input[type=file]').setInputFiles(file);
  await expect(opts.locator('#settings-status')).toHaveText('Settings imported from exported.json.');
  await expect(opts.getByLabel('Where you practise')).toHaveValue('on');
  await expect(opts.locator('[data-watch-count]')).toHaveText('2 fingerprints kept.');
});

test('a corrupted setting goes back to its default with a notice; nothing else is lost', async ({ context, extensionId }) => {
  const opts = await options(context, extensionId);
  await sw(context).evaluate(() =>
    (globalThis as any).chrome.storage.local.set({ settings: { version: 2, jurisdiction: 'ca', pauseMode: 'sometimes', sites: { x: false } } }),
  );
  await opts.reload();
  await expect(opts.getByRole('alert')).toContainText('pauseMode');
  await expect(opts.getByLabel('Where you practise')).toHaveValue('ca');
  await expect(opts.getByLabel('Pause before publishing')).toHaveValue('errors');
  await expect(opts.getByRole('checkbox', { name: 'X', exact: true })).not.toBeChecked();
  await opts.getByRole('button', { name: 'Understood' }).click();
  await expect(opts.getByRole('alert')).toHaveCount(0);
  await opts.reload();
  await expect(opts.getByRole('alert')).toHaveCount(0);
});

test.describe('in a French browser', () => {
  test.use({ lang: 'fr' });
  test('the options page is French; choosing English switches the page and the warnings', async ({ open, page, context, extensionId }) => {
    const opts = await options(context, extensionId);
    await expect(opts.getByRole('heading', { name: 'Ce que Balise vérifie' })).toBeVisible();
    await expect(opts.getByLabel('Pause avant de publier')).toHaveValue('errors');
    await opts.getByLabel('Langue de Balise').selectOption('en');
    await expect(opts.getByRole('heading', { name: 'What Balise checks' })).toBeVisible();

    await open('facebook', 'https://www.facebook.com/?hl=fr');
    await page.getByRole('button', { name: 'Exprimez-vous' }).click();
    await page.locator('[role=dialog] div[role=textbox]').click();
    await page.keyboard.type(FR_BAD);
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    await page.keyboard.press('Alt+Shift+B');
    await expect(overlay(page).locator('.card .item').first().locator('.sev')).toHaveText('Error');
    await expect(overlay(page).locator('.card .item').first().locator('.msg')).toContainText('Even without a name');
  });
});

test('the private journal: "publish anyway" is documented without the text unless kept; filters, CSV export, delete one and all', async ({ open, page, context, extensionId }, testInfo) => {
  await open('x');
  const publishAnyway = async (text: string) => {
    await typeOnX(page, text);
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await page.locator('balise-pause').getByRole('button', { name: 'Publish anyway' }).click();
    await expect.poll(async () => (await fixturePublished(page)).includes(text)).toBe(true);
  };
  await publishAnyway(FR_BAD);

  const opts = await options(context, extensionId);
  const rows = opts.locator('table.journal tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-kind', 'published-despite-findings');
  await expect(rows.first()).toContainText('Client stories and case details');
  await expect(opts.locator('table.journal')).not.toContainText('conjoint');

  // Keep texts from now on.
  await opts.getByLabel('Keep the text of posts published despite findings').check();
  await saved(opts);
  await publishAnyway(`${FR_BAD} Encore.`);
  await opts.bringToFront();
  await opts.reload();
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('blockquote')).toContainText('Encore.');

  // A category switched off is journaled too; filters narrow the list.
  await opts.getByRole('row', { name: /Advertising and spam/ }).getByRole('checkbox').uncheck();
  await saved(opts);
  await opts.reload();
  await expect(rows).toHaveCount(3);
  await opts.locator('.filters').getByLabel('Site').selectOption('options');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Category switched off');
  await opts.locator('.filters').getByLabel('Site').selectOption('');
  await opts.locator('.filters').getByLabel('Category').selectOption('client-confidentiality');
  await expect(rows).toHaveCount(2);

  const download = opts.waitForEvent('download');
  await opts.getByRole('button', { name: 'Export (CSV, spreadsheet)' }).click();
  const csvFile = testInfo.outputPath('journal.csv');
  await (await download).saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toBe('date,kind,site,accountType,categories,ruleIds,watchListMatch,text');
  expect(csv).toHaveLength(3);

  await rows.first().getByRole('button', { name: /^Delete the entry of/ }).click();
  await expect(rows).toHaveCount(1);
  await opts.getByRole('button', { name: 'Delete all entries…' }).click();
  await opts.getByRole('button', { name: 'Yes, delete them all' }).click();
  await expect(opts.getByText('No entry.')).toBeVisible();
});
