/**
 * The extension at work on the fixture pages: warnings while typing (French and English),
 * nothing on a clean post, and the pause before publishing (Publish anyway publishes once;
 * Edit keeps the draft). The editor's own text must stay exactly what was typed.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, fixturePublished, fixtureText, reloadExtension, test } from './harness';

const FR_BAD = "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.";
const EN_BAD = 'One of my clients told me this morning that her husband reads her texts.';
const CLEAN = "Belle conférence aujourd'hui sur la médiation familiale, merci aux organisatrices.";

interface Site {
  name: string;
  open?: (page: Page) => Promise<void>;
  editor: (page: Page) => Locator;
  publish: (page: Page) => Promise<void>;
}

const sites: Site[] = [
  {
    name: 'facebook',
    open: (page) => page.getByRole('button', { name: "What's on your mind?" }).click(),
    editor: (page) => page.locator('[role=dialog] div[role=textbox][data-lexical-editor=true]'),
    publish: (page) => page.locator('div[role=button][aria-label="Post"]').click(),
  },
  {
    name: 'x',
    editor: (page) => page.getByTestId('tweetTextarea_0'),
    publish: (page) => page.locator('button[data-testid="tweetButtonInline"]').click(),
  },
  {
    name: 'linkedin',
    open: (page) => page.getByRole('button', { name: 'Start a post' }).click(),
    editor: (page) => page.locator('[role=dialog] .ql-editor'),
    publish: (page) => page.locator('button.share-actions__primary-action').click(),
  },
  {
    name: 'substack',
    editor: (page) => page.locator('.ProseMirror'),
    publish: async (page) => {
      const now = page.getByRole('button', { name: 'Publish now' });
      if (!(await now.isVisible())) await page.getByRole('button', { name: 'Continue' }).click();
      await now.click();
    },
  },
  {
    name: 'linkedin-new',
    open: (page) => page.getByRole('button', { name: 'Start a post' }).click(),
    editor: (page) => page.locator('[role=dialog] div.ProseMirror[contenteditable=true]'),
    publish: (page) => page.locator('button.share-actions__primary-action').click(),
  },
  {
    name: 'wordpress-classic',
    editor: (page) => page.frameLocator('iframe#content_ifr').locator('body#tinymce'),
    publish: (page) => page.locator('input#publish').click(),
  },
  {
    name: 'gutenberg',
    editor: (page) => page.frameLocator('iframe[name="editor-canvas"]').locator('.block-editor-rich-text__editable').first(),
    publish: async (page) => {
      const panel = page.getByRole('region', { name: 'Editor publish' });
      if (!(await panel.isVisible())) await page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Publish' }).click();
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    },
  },
  {
    name: 'ghost',
    editor: (page) => page.locator('.kg-prose[contenteditable=true]'),
    publish: async (page) => {
      const confirm = page.locator('[data-test-button=confirm-publish]');
      if (!(await confirm.isVisible())) {
        await page.locator('[data-test-button=publish-flow]').click();
        await page.locator('[data-test-button=continue]').click();
      }
      await confirm.click();
    },
  },
  {
    name: 'medium',
    editor: (page) => page.locator('main [contenteditable=true] p[data-testid="editorParagraphText"]').first(),
    publish: (page) => page.getByRole('button', { name: 'Publish' }).click(),
  },
  {
    name: 'blogger',
    editor: (page) => page.frameLocator('iframe#postingComposeBox').locator('body'),
    publish: (page) => page.getByRole('button', { name: 'Publish' }).click(),
  },
];

// One overlay per compose box; the box typed in last is the newest.
const overlay = (page: Page) => page.locator('balise-overlay').last();

for (const s of sites) {
  test.describe(`${s.name}: inline warnings and the pause`, () => {
    test('a French and an English violation are flagged, a clean post is not', async ({ open, page }) => {
      await open(s.name);
      await s.open?.(page);
      await s.editor(page).click();
      await page.keyboard.type(CLEAN);
      await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });
      await expect(overlay(page)).toHaveAttribute('data-findings', '0');
      await page.keyboard.press('Enter');
      await page.keyboard.type(FR_BAD);
      await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
      await expect.poll(async () => Number(await overlay(page).getAttribute('data-findings'))).toBeGreaterThan(0);
      // The editor's own model holds exactly what was typed: nothing written into it.
      expect((await fixtureText(page)).replace(/\s+/g, ' ')).toBe(`${CLEAN} ${FR_BAD}`);
      // English, in a fresh compose box (leave the page first: some editors live behind a #route).
      await page.goto('about:blank');
      await open(s.name);
      await s.open?.(page);
      await s.editor(page).click();
      await page.keyboard.type(EN_BAD);
      await expect.poll(() => fixtureText(page)).toBe(EN_BAD);
      await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
      // The card names the source; it opens from the keyboard (Alt+Shift+B in the editor).
      await page.keyboard.press('Alt+Shift+B');
      await expect(overlay(page).locator('.card .src').first()).toContainText('4.07');
    });

    test('publishing with an error pauses; Edit keeps the draft; Publish anyway publishes once', async ({ open, page }) => {
      await open(s.name);
      await s.open?.(page);
      await s.editor(page).click();
      await page.keyboard.type(FR_BAD);
      await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
      await s.publish(page);
      const pause = page.locator('balise-pause');
      await expect(pause).toHaveCount(1);
      expect(await fixturePublished(page)).toEqual([]);
      await pause.getByRole('button', { name: /Edit|Modifier/ }).click();
      await expect(pause).toHaveCount(0);
      expect(await fixtureText(page)).toBe(FR_BAD);
      expect(await fixturePublished(page)).toEqual([]);

      await s.publish(page);
      await expect(pause).toHaveCount(1);
      await pause.getByRole('button', { name: /Publish anyway|Publier quand même/ }).click();
      await expect.poll(() => fixturePublished(page)).toEqual([FR_BAD]);
      await page.waitForTimeout(500);
      expect(await fixturePublished(page)).toEqual([FR_BAD]);
    });
  });
}

test('X: Ctrl/Cmd+Enter with an error pauses, then publishes once', async ({ open, page }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(EN_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.keyboard.press('ControlOrMeta+Enter');
  const pause = page.locator('balise-pause');
  await expect(pause).toHaveCount(1);
  expect(await fixturePublished(page)).toEqual([]);
  await pause.getByRole('button', { name: /Publish anyway|Publier quand même/ }).click();
  await expect.poll(() => fixturePublished(page)).toEqual([EN_BAD]);
  // X empties the box itself (no input event): the warnings for the published text go away.
  await expect.poll(() => fixtureText(page)).toBe('');
  await expect(overlay(page)).toHaveAttribute('data-findings', '0', { timeout: 15_000 });
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none');
});

test('the extension makes no network request while checking', async ({ open, page, requests }) => {
  await open('facebook');
  await page.getByRole('button', { name: "What's on your mind?" }).click();
  await page.locator('[role=dialog] div[role=textbox]').click();
  await page.keyboard.type(FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  expect(requests.unexpected()).toEqual([]);
  expect(requests.fromExtension?.() ?? []).toEqual([]);
});

test('a dismissed finding stays dismissed for that text, after a reload too', async ({ open, page }) => {
  // Two findings (an error and a warning), so "one fewer" is not the empty state.
  const TEXT = `${FR_BAD} Écrivez-moi en privé si vous vivez la même chose, je peux vous aider.`;
  const openBox = async () => {
    await open('x');
    await page.getByTestId('tweetTextarea_0').click();
    await page.keyboard.type(TEXT);
  };
  await openBox();
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  const before = Number(await overlay(page).getAttribute('data-findings'));
  await page.keyboard.press('Alt+Shift+B');
  const card = overlay(page).locator('.card');
  await expect(card).toBeVisible();
  const rule = await card.locator('.item').first().getAttribute('data-rule');
  await card.locator('.item').first().getByRole('button', { name: /Dismiss this one|Ignorer celui-ci/ }).click();
  expect(before).toBe(2);
  await expect.poll(async () => Number(await overlay(page).getAttribute('data-findings'))).toBe(before - 1);
  expect(await fixtureText(page)).toBe(TEXT);

  await page.goto('about:blank');
  await openBox();
  await expect.poll(async () => Number(await overlay(page).getAttribute('data-findings')), { timeout: 15_000 }).toBe(before - 1);
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator(`.card .item[data-rule="${rule}"]`)).toHaveCount(0);
});

test('checks carry on when the engine host goes away (offscreen document closed)', async ({ open, page, context }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(EN_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(() => (globalThis as any).chrome.offscreen.closeDocument());
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(CLEAN);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });
  await page.keyboard.type(` ${FR_BAD}`);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  expect(await fixtureText(page)).toBe(`${CLEAN} ${FR_BAD}`);
});

test('“stop flagging this rule on this site” silences that rule on the site, not others', async ({ open, page }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.keyboard.press('Alt+Shift+B');
  await overlay(page).locator('.card .item').first().getByRole('button', { name: /Stop flagging|Ne plus signaler/ }).click();
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none');
  // Another text that the same rule would flag: silent on X…
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Ma cliente de ce matin est repartie en pleurant.');
  await expect.poll(() => fixtureText(page)).toBe('Ma cliente de ce matin est repartie en pleurant.');
  await page.waitForTimeout(800);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none');
  // …still flagged on LinkedIn.
  await open('linkedin');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await page.locator('[role=dialog] .ql-editor').click();
  await page.keyboard.type(FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
});

test('offending words are painted with the CSS Custom Highlight API, with no node added to the editor', async ({ open, page }) => {
  await open('x');
  const box = page.getByTestId('tweetTextarea_0');
  await box.click();
  await page.keyboard.type(EN_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => (CSS as any).highlights.get('balise-error')?.size ?? 0)).toBeGreaterThan(0);
  const range = await page.evaluate(() => [...(CSS as any).highlights.get('balise-error')][0].toString());
  expect(EN_BAD).toContain(range);
  // Draft.js re-renders its own spans as text grows; Balise adds none of its own.
  expect(await box.evaluate((el) => el.querySelectorAll('balise-overlay, [class*=balise]').length)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('highlight.png') });
});

test.describe('in a French browser', () => {
  test.use({ lang: 'fr' });
  test('the badge, the card and the pause speak French, even for an English post; Escape is Edit', async ({ open, page }) => {
    await open('facebook', 'https://www.facebook.com/?hl=fr');
    await page.getByRole('button', { name: 'Exprimez-vous' }).click();
    await page.locator('[role=dialog] div[role=textbox]').click();
    await page.keyboard.type(EN_BAD);
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    const badge = overlay(page).locator('.badge');
    await expect(badge).toHaveAttribute('aria-label', /constats, ouvrir la liste/);
    await badge.click();
    const item = overlay(page).locator('.card .item').first();
    await expect(item.locator('.sev')).toHaveText('Erreur');
    await expect(item.locator('.src')).toContainText('Source :');
    await expect(item.locator('.adv')).toContainText('À faire :');
    await expect(item.getByRole('button', { name: 'Ignorer celui-ci' })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Ne plus signaler cette règle sur ce site' })).toBeVisible();
    // The reason itself is in French too.
    await expect(item.locator('.msg')).toHaveText(/[éèàç]|\b(le|la|les|des|une?)\b/);
    await item.getByRole('button', { name: 'Ignorer celui-ci' }).focus();
    await page.keyboard.press('Escape');
    await expect(overlay(page).locator('.card')).toBeHidden();

    await page.locator('div[role=button][aria-label="Publier"]').click();
    const pause = page.locator('balise-pause');
    await expect(pause.getByRole('alertdialog')).toHaveAccessibleName('Avant de publier');
    await expect(pause.getByRole('button', { name: 'Publier quand même' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pause).toHaveCount(0);
    expect(await fixturePublished(page)).toEqual([]);
    expect(await fixtureText(page)).toBe(EN_BAD);
  });
});

test('single-page navigation: after the X modal publishes and the app routes to /home, the new composer is checked and the old overlay is gone', async ({ open, page }) => {
  await open('x', 'https://x.com/compose/post');
  await page.locator('#layers [role=dialog] [data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type(CLEAN);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });
  await page.locator('#layers button[data-testid="tweetButton"]').click();
  await expect(page).toHaveURL('https://x.com/home'); // pushState, no reload
  await expect.poll(() => fixturePublished(page)).toEqual([CLEAN]);
  await expect(page.locator('balise-overlay')).toHaveCount(0);
  await page.locator('button[data-testid="tweetButtonInline"]').waitFor();
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(FR_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await expect(page.locator('balise-overlay')).toHaveCount(1);
});

test('an extension update mid-draft: Balise comes back in the open tab without a reload, once, and the draft is untouched', async ({ open, page, context, extensionId }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(EN_BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await reloadExtension(context, extensionId);
  await page.bringToFront();
  // The cut-off content script takes its overlay away; the re-started one draws a new one.
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thanks.');
  await expect.poll(() => fixtureText(page)).toBe(`${EN_BAD} Thanks.`);
  await expect(page.locator('balise-overlay')).toHaveCount(1, { timeout: 15_000 });
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  // …and it is alive: a change of text is checked again.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(CLEAN);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });
  await expect(page.locator('balise-overlay')).toHaveCount(1);
});

test('Gutenberg: the paragraph blocks of a post are checked as one post, with one badge', async ({ open, page }) => {
  await open('gutenberg');
  const blocks = page.frameLocator('iframe[name="editor-canvas"]').locator('.block-editor-rich-text__editable');
  await blocks.first().click();
  await page.keyboard.type(FR_BAD);
  await page.keyboard.press('Enter');
  await page.keyboard.type(CLEAN);
  await page.keyboard.press('Enter');
  await page.keyboard.type(EN_BAD);
  await expect(blocks).toHaveCount(3);
  // One overlay for the whole post (not one per paragraph), which read all three blocks.
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await expect(page.locator('balise-overlay')).toHaveCount(1);
  await expect.poll(async () => Number(await overlay(page).getAttribute('data-checked-length')), { timeout: 15_000 }).toBeGreaterThanOrEqual(FR_BAD.length + CLEAN.length + EN_BAD.length);
  await expect.poll(async () => Number(await overlay(page).getAttribute('data-findings'))).toBeGreaterThanOrEqual(2);
  expect(await fixtureText(page)).toBe(`${FR_BAD}\n\n${CLEAN}\n\n${EN_BAD}`);
});
