/**
 * Self-hosted blogs: the user adds a domain in the options page and Balise starts working there,
 * in the tab already open and after a reload; removing it stops it. Also: an editor inside an
 * open shadow root, and inline highlights in a plain <textarea> that follow resize and scroll.
 *
 * These tests load the build with the test domains already allowed (GRANTED_EXTENSION_DIR; the
 * browser's own permission prompt cannot be answered by automation). The prompt is asked for
 * all the same: `permissions.request` resolves at once when the origins are already granted.
 */
import type { Page } from '@playwright/test';
import { expect, fixturePublished, fixtureText, GRANTED_EXTENSION_DIR, test } from './harness';

const FR_BAD = "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.";
const EN_BAD = 'One of my clients told me this morning that her husband reads her texts.';

test.use({ extensions: [GRANTED_EXTENSION_DIR] });

const overlay = (page: Page) => page.locator('balise-overlay').last();
const shadowEditor = (page: Page) => page.locator('note-editor').locator('div.note-body');

const section = (options: Page) => options.getByRole('region', { name: /^(Blogs on your own domain|Blogues sur votre propre domaine)$/ });
async function addDomain(options: Page, input: string) {
  await section(options).getByLabel(/Blog address|Adresse du blogue/).fill(input);
  await section(options).getByRole('button', { name: /^(Add|Ajouter)$/ }).click();
}

async function openOptions(page: Page, extensionId: string): Promise<Page> {
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  return options;
}

test.describe('self-hosted blog added in the options page', () => {
  test('starts in the tab already open, survives a reload, handles the shadow-root editor, and stops once removed', async ({ open, page, extensionId, requests }) => {
    await open('self-hosted');
    await shadowEditor(page).click();
    await page.keyboard.type(FR_BAD);
    await page.waitForTimeout(1200);
    await expect(page.locator('balise-overlay'), 'not added yet: Balise stays out').toHaveCount(0);

    const options = await openOptions(page, extensionId);
    await expect(section(options).getByText('No domain added yet.')).toBeVisible();
    // Typed the way people copy it: a full URL with a path and capitals.
    await addDomain(options, 'https://Blogue.Clinique-Exemple.ca/wp-admin/post-new.php');
    await expect(section(options).getByRole('status')).toContainText('blogue.clinique-exemple.ca');
    await expect(options.locator('li[data-host="blogue.clinique-exemple.ca"]')).toHaveAttribute('data-granted', 'true');
    await expect(section(options).getByLabel(/Blog address/)).toHaveValue('');

    // The tab that was already open: Balise starts there without a reload; the draft is intact.
    await page.bringToFront();
    await shadowEditor(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Merci.');
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    expect(await fixtureText(page)).toBe(`${FR_BAD} Merci.`);
    await expect(overlay(page)).toHaveAttribute('data-account', 'self-hosted:blogue.clinique-exemple.ca');

    // The words are painted inside the shadow root (Highlight API), no node added to the editor.
    const painted = await page.evaluate(() => {
      const h = (CSS as any).highlights.get('balise-error');
      const ranges = h ? [...h] as Range[] : [];
      const root = document.querySelector('note-editor')!.shadowRoot!;
      return { n: ranges.length, inShadow: ranges.every((r) => r.startContainer.getRootNode() === root), sheets: root.adoptedStyleSheets.length };
    });
    expect(painted.n).toBeGreaterThan(0);
    expect(painted.inShadow).toBe(true);
    expect(painted.sheets).toBeGreaterThan(0);
    expect(await page.locator('note-editor').evaluate((n) => n.shadowRoot!.querySelectorAll('.note-body *:not(p):not(br)').length)).toBe(0);

    // The pause: Edit keeps the draft, Publish anyway publishes once.
    await page.locator('input#publish').click();
    const pause = page.locator('balise-pause');
    await expect(pause).toHaveCount(1);
    await pause.getByRole('button', { name: 'Edit' }).click();
    await expect(pause).toHaveCount(0);
    expect(await fixturePublished(page)).toEqual([]);
    expect(await fixtureText(page)).toBe(`${FR_BAD} Merci.`);

    // A reload: the registered content script runs from the start.
    await page.reload();
    await page.waitForFunction(() => window.__fixture?.ready === true);
    await shadowEditor(page).click();
    await page.keyboard.type(FR_BAD);
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    await page.locator('input#publish').click();
    await page.locator('balise-pause').getByRole('button', { name: 'Publish anyway' }).click();
    await expect.poll(() => fixturePublished(page)).toEqual([FR_BAD]);
    await page.waitForTimeout(300);
    expect(await fixturePublished(page)).toEqual([FR_BAD]);

    // Removed: the next visit has no Balise.
    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove blogue.clinique-exemple.ca' }).click();
    await expect(section(options).getByRole('status')).toContainText('removed');
    await expect(section(options).getByText('No domain added yet.')).toBeVisible();
    await page.bringToFront();
    await page.reload();
    await page.waitForFunction(() => window.__fixture?.ready === true);
    await shadowEditor(page).click();
    await page.keyboard.type(FR_BAD);
    await page.waitForTimeout(1200);
    await expect(page.locator('balise-overlay')).toHaveCount(0);

    expect(requests.unexpected()).toEqual([]);
  });

  test.describe('in French', () => {
    test.use({ lang: 'fr' });
    test('what cannot be added is refused with a clear message, in the browser language', async ({ page, extensionId }) => {
      const options = await openOptions(page, extensionId);
      await expect(section(options).getByRole('heading', { level: 2 })).toHaveText('Blogues sur votre propre domaine');
      const status = section(options).getByRole('status');
      await addDomain(options, '');
      await expect(status).toHaveText("Tapez l'adresse d'un blogue, par exemple blogue.exemple.ca.");
      await addDomain(options, 'mon blogue');
      await expect(status).toContainText("« mon blogue » n'est pas une adresse web utilisable");
      await expect(options.getByLabel('Adresse du blogue')).toHaveValue('mon blogue'); // what was typed stays
      await expect(options.getByLabel('Adresse du blogue')).toHaveAttribute('aria-invalid', 'true');
      await addDomain(options, 'https://www.facebook.com/');
      await expect(status).toContainText('déjà couvert');
      await addDomain(options, 'example.org');
      await expect(status).toContainText('example.org');
      await expect(options.locator('li[data-host="example.org"]')).toHaveAttribute('data-granted', 'true');
      await expect(options.locator('li[data-host="example.org"]')).toContainText('Actif');
      await addDomain(options, 'EXAMPLE.org/');
      await expect(status).toHaveText('example.org est déjà dans la liste.');
      await expect(section(options).locator('li')).toHaveCount(1);
    });
  });
});

test.describe('plain textarea (example.org added as a self-hosted domain)', () => {
  test('inline highlights sit on the words and follow resize and scroll; the pause holds the form', async ({ open, page, extensionId }) => {
    const options = await openOptions(page, extensionId);
    await addDomain(options, 'example.org');
    await expect(options.locator('li[data-host="example.org"]')).toHaveAttribute('data-granted', 'true');
    await options.close();

    await open('textarea');
    const box = page.locator('textarea');
    await box.click();
    await page.keyboard.type(EN_BAD);
    await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
    await expect(box).toHaveValue(EN_BAD);

    const marks = () =>
      overlay(page).evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('.hl.error')].map((d) => {
          const r = d.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
    const inside = async () => {
      const b = (await box.boundingBox())!;
      const ms = await marks();
      expect(ms.length).toBeGreaterThan(0);
      for (const m of ms) {
        expect(m.left).toBeGreaterThanOrEqual(b.x - 0.5);
        expect(m.right).toBeLessThanOrEqual(b.x + b.width + 0.5);
        expect(m.top).toBeGreaterThanOrEqual(b.y - 0.5);
        expect(m.bottom).toBeLessThanOrEqual(b.y + b.height + 0.5);
      }
      return ms;
    };
    // The highlight covers "One of my clients" at the start of the text: its first box starts at
    // the textarea's content edge and is about as wide as that phrase in the textarea's font.
    const before = await inside();
    const phraseWidth = await box.evaluate((ta) => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = getComputedStyle(ta).font;
      return c.measureText('One of my clients').width;
    });
    const b0 = (await box.boundingBox())!;
    expect(before[0]!.left - b0.x).toBeLessThan(12);
    expect(before[0]!.right - before[0]!.left).toBeGreaterThan(phraseWidth * 0.5);

    // Zoom 150 % (what Ctrl+Plus does to layout: the page gets fewer, larger CSS pixels): the
    // centred textarea moves, the boxes move with it, still on the words.
    const cdp = await page.context().newCDPSession(page);
    const vp = page.viewportSize()!;
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: Math.round(vp.width / 1.5), height: Math.round(vp.height / 1.5), deviceScaleFactor: 1.5, mobile: false });
    await expect.poll(async () => JSON.stringify(await marks())).not.toBe(JSON.stringify(before));
    const zoomed = await inside();
    expect(zoomed[0]!.left - (await box.boundingBox())!.x).toBeLessThan(12);
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await expect.poll(async () => JSON.stringify(await marks())).toBe(JSON.stringify(before));

    // A narrower window: the textarea reflows, the boxes move with the words.
    await page.setViewportSize({ width: 360, height: 700 });
    await expect.poll(async () => JSON.stringify(await marks())).not.toBe(JSON.stringify(before));
    await inside();

    // Scrolled text: push the sentence out of view with blank lines above it; the boxes of
    // words scrolled out are clipped away, and come back when scrolled back.
    await box.press('ControlOrMeta+Home');
    await page.keyboard.type('\n'.repeat(30));
    await expect(box).toHaveValue('\n'.repeat(30) + EN_BAD);
    await box.evaluate((ta) => (ta.scrollTop = 0));
    await expect.poll(async () => (await marks()).length).toBe(0);
    await box.evaluate((ta) => (ta.scrollTop = ta.scrollHeight));
    await expect.poll(async () => (await marks()).length).toBeGreaterThan(0);
    await inside();

    // The form's submit button is held while an error remains.
    await page.getByRole('button', { name: 'Post' }).click();
    await expect(page.locator('balise-pause')).toHaveCount(1);
    await page.locator('balise-pause').getByRole('button', { name: 'Publish anyway' }).click();
    await expect.poll(() => fixturePublished(page)).toEqual(['\n'.repeat(30) + EN_BAD]);
  });
});
