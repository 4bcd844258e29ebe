/**
 * Baseline ground truth on every fixture page, WITH the extension loaded: what a user relies on
 * and what Balise's content script must never break.
 *  - typing (trusted key events: click() + keyboard.type()) reaches the editor's own model,
 *    French accents and an emoji included;
 *  - Ctrl/Cmd+Z undoes through the editor's own history;
 *  - the publish control (or the site's shortcut) publishes exactly once, with the text typed;
 *  - no request leaves for anywhere but the fixture's own host.
 */
import { canvas, cases } from './editors';
import { expect, fixturePublished, fixtureText, test } from './harness';

const TYPED = "Bonjour à tous, ça s'est très bien passé 🎉 déjà";
const MORE = ' Publié ✅';

for (const c of cases) {
  test.describe(c.title, () => {
    if (c.lang) test.use({ lang: c.lang });

    test(`${c.name}: typing, undo and one publish reach the editor's own model`, async ({ open, page, extensionId, requests }) => {
      expect(extensionId).toMatch(/^[a-p]{32}$/);
      await open(c.name, c.url);
      await c.open?.(page);
      const box = c.editor(page);
      await box.click();
      await page.keyboard.type(TYPED);
      await expect.poll(() => fixtureText(page)).toBe(TYPED);

      await page.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => fixtureText(page)).not.toBe(TYPED);
      const afterUndo = await fixtureText(page);
      expect(TYPED.startsWith(afterUndo), `undo left ${JSON.stringify(afterUndo)}`).toBe(true);

      // A contenteditable turns a space typed at the very start of a block into U+00A0 (the real
      // sites do too), so the second run starts with a space only after some text.
      const more = afterUndo === '' ? MORE.trimStart() : MORE;
      await page.keyboard.type(more);
      const expected = afterUndo + more;
      await expect.poll(() => fixtureText(page)).toBe(expected);

      expect(await fixturePublished(page)).toEqual([]);
      await c.publish(page);
      await expect.poll(() => fixturePublished(page)).toEqual([expected]);
      await c.afterPublish?.(page);
      await page.waitForTimeout(300);
      expect(await fixturePublished(page)).toEqual([expected]);

      expect(requests.unexpected()).toEqual([]);
      expect(requests.records.some((r) => r.outcome === 'fixture' && r.fixture === c.name)).toBe(true);
      // The page is self-contained: nothing but its document is asked of the site's host.
      expect(requests.records.filter((r) => r.outcome === 'fixture' && r.resourceType !== 'document').map((r) => r.url)).toEqual([]);
    });
  });
}

// DOM facts that the content script will rely on, checked on the real editors.
test.describe('site DOM facts', () => {
  test('facebook: the composer dialog mounts late, Lexical marks its root', async ({ open, page }) => {
    await open('facebook');
    await expect(page.locator('[role=dialog]')).toHaveCount(0);
    await expect(page.locator('[contenteditable]')).toHaveCount(0);
    await page.getByRole('button', { name: "What's on your mind?" }).click();
    const box = page.locator('[role=dialog] div[role=textbox][contenteditable=true]');
    await expect(box).toHaveAttribute('data-lexical-editor', 'true');
    await expect(page.locator('div[role=button][aria-label="Post"]')).toHaveAttribute('aria-disabled', 'true');
    expect(await page.locator('div[role=button][aria-label="Post"]').evaluate((n) => n.tagName)).toBe('DIV');
  });

  test('x: Draft.js renders the real test id and role; Enter makes a new line, not a post', async ({ open, page }) => {
    await open('x');
    const box = page.locator('.DraftEditor-root .public-DraftEditor-content');
    await expect(box).toHaveAttribute('data-testid', 'tweetTextarea_0');
    await expect(box).toHaveAttribute('role', 'textbox');
    await expect(page.getByTestId('tweetButtonInline')).toHaveAttribute('aria-disabled', 'true');
    await box.click();
    await page.keyboard.type('one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two');
    await expect.poll(() => fixtureText(page)).toBe('one\ntwo');
    expect(await fixturePublished(page)).toEqual([]);
  });

  test('wordpress-classic: textarea#content stays stale until the post is saved', async ({ open, page }) => {
    await open('wordpress-classic');
    await expect(page.locator('iframe#content_ifr')).toHaveCount(1);
    await page.frameLocator('iframe#content_ifr').locator('body#tinymce').click();
    await page.keyboard.type('Brouillon');
    await expect.poll(() => fixtureText(page)).toBe('Brouillon');
    expect(await page.locator('textarea#content').inputValue()).toBe('');
    await page.locator('input#publish').click();
    await expect(page.locator('textarea#content')).toHaveValue(/Brouillon/);
    expect(await fixturePublished(page)).toEqual(['Brouillon']);
  });

  test('gutenberg: blob: canvas, U+FEFF in an empty block, Enter creates a block', async ({ open, page }) => {
    await open('gutenberg');
    expect(await page.locator('iframe[name="editor-canvas"]').getAttribute('src')).toMatch(/^blob:https:\/\/example-blog\.wordpress\.com\//);
    const blocks = canvas(page).locator('.block-editor-rich-text__editable[role=document][aria-label="Block: Paragraph"]');
    await expect(blocks).toHaveCount(1);
    expect(await blocks.first().textContent()).toBe('\uFEFF');
    await blocks.first().click();
    await page.keyboard.type('Premier');
    await page.keyboard.press('Enter');
    await expect(blocks).toHaveCount(2);
    await page.keyboard.type('Second');
    await expect.poll(() => fixtureText(page)).toBe('Premier\n\nSecond');
    expect(await blocks.nth(0).textContent()).toBe('Premier');
    await expect(canvas(page).locator(':focus')).toHaveText('Second');
  });

  test('medium: new paragraphs keep data-testid=editorParagraphText', async ({ open, page }) => {
    await open('medium');
    await page.locator('[data-testid=editorTitleParagraph]').click();
    await page.keyboard.type('Titre');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Un');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Deux');
    await expect(page.locator('main p[data-testid=editorParagraphText]')).toHaveCount(2);
    await expect(page.locator('[data-testid=editorTitleParagraph]')).toHaveText('Titre');
    await expect.poll(() => fixtureText(page)).toBe('Un\nDeux');
  });
});
