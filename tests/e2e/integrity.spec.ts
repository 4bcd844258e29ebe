/**
 * Editor integrity: Balise reads the editor and draws beside it, it never writes into it.
 *
 * On every fixture editor, the same long session — more than 2,000 characters typed as trusted key
 * events, with Enter, Backspace, a selection replaced by typing, a paste, undo and redo, IME
 * composition and emoji (ZWJ sequences, flags) — is played twice: in a browser with Balise loaded
 * (and warning: the text is full of things it flags) and in the same browser without any
 * extension. The editor's own text, its DOM, the caret and what gets published must be identical,
 * and the published text carries no trace of Balise.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { canvas, cases, type Case } from './editors';
import { expect, GRANTED_EXTENSION_DIR, fixturePublished, fixtureText, launchContext, RequestLog, SITES, test } from './harness';

// Paragraphs that Balise flags (client story, health-card number, testimonial request, hostile
// tone), in French and English, with accents and emoji, so the overlay is busy the whole time.
const PARAGRAPHS = [
  "Ce matin, ma cliente de 34 ans m'a raconté sa rechute; elle vit à Saint-Jérôme avec ses deux enfants 🙏",
  'Laissez-moi un avis 5 étoiles sur ma page, ça aide vraiment ma pratique privée! Merci à tous ✨',
  'My client (a 16-year-old boy from the group home) finally opened up today, so proud of him 💪',
  'Numéro d\'assurance maladie: TREM 8503 1512 — je le note ici pour ne pas l\'oublier.',
  'Honestly my coworker is a lazy idiot and management is clueless about it 🙄',
  'Rappel: atelier gratuit jeudi soir au centre communautaire, inscription par message privé.',
];
const PASTED = 'Texte collé depuis un courriel — pasted 📋 text';

async function imeCompose(page: Page, steps: string[], commit: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

/** The scripted session; returns how many characters were typed. Pauses separate undo groups. */
async function session(page: Page): Promise<number> {
  let typed = 0;
  const type = async (s: string) => {
    await page.keyboard.type(s);
    typed += s.length;
  };
  for (let round = 0; typed < 2_100; round++) {
    await type(PARAGRAPHS[round % PARAGRAPHS.length]!);
    await page.keyboard.press('Enter');
    await type(`Suite ${round + 1}: 👩‍⚕️🇨🇦 déjà vu, `);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    // Select the last word backwards and type over it.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    await type('remplacé ');
    if (round % 2 === 0) {
      await page.keyboard.press('ControlOrMeta+v');
      // Some editors (TinyMCE) finish a paste a tick later: let it land before composing.
      await page.waitForTimeout(150);
    }
    // Japanese IME (kana → kanji) and a French accent through composition.
    await imeCompose(page, ['n', 'に', 'にh', 'にほ'], '日本');
    await imeCompose(page, ['´'], 'é');
    await page.keyboard.press('Enter');
    if (round === 2) {
      // Undo history is grouped by time in several editors (Quill, ProseMirror, Lexical): a short
      // phrase typed between two pauses is one group whatever the typing speed. Undo it, redo it,
      // undo it again.
      await page.waitForTimeout(1_300);
      await type('mot à défaire ');
      await page.waitForTimeout(1_300);
      await page.keyboard.press('ControlOrMeta+z');
      await page.waitForTimeout(300);
      await page.keyboard.press('ControlOrMeta+Shift+z');
      await page.waitForTimeout(300);
      await page.keyboard.press('ControlOrMeta+z');
      await page.waitForTimeout(1_300);
    }
  }
  return typed;
}

interface EditorState {
  text: string;
  html: string;
  caret: [number, number] | null;
}

/** The editor's own text, its DOM (run-specific ids removed) and the caret as offsets in its text. */
async function editorState(page: Page, box: Locator): Promise<EditorState> {
  const text = await fixtureText(page);
  const { html, caret } = await box.evaluate((el) => {
    if (el instanceof HTMLTextAreaElement) return { html: el.value, caret: [el.selectionStart, el.selectionEnd] as [number, number] };
    let root = ((el.closest('.is-root-container') as HTMLElement | null) ?? el) as HTMLElement;
    while (root.parentElement?.isContentEditable) root = root.parentElement;
    const doc = root.ownerDocument;
    const holder = root.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
    const sel = ('getSelection' in holder && holder.getSelection ? holder.getSelection() : null) ?? doc.getSelection();
    const offset = (node: Node | null | undefined, off: number) => {
      if (!node || !root.contains(node)) return -1;
      const r = doc.createRange();
      r.setStart(root, 0);
      r.setEnd(node, off);
      return r.toString().length;
    };
    return { html: root.innerHTML, caret: sel ? ([offset(sel.anchorNode, sel.anchorOffset), offset(sel.focusNode, sel.focusOffset)] as [number, number]) : null };
  });
  // Draft.js block keys and Gutenberg block ids are random per page load.
  const stable = html.replace(/\s(?:data-offset-key|data-editor|data-block|data-block-id|id|data-key)="[^"]*"/g, '');
  return { text, html: stable, caret };
}

async function play(context: BrowserContext, c: Case, balise: boolean): Promise<{ state: EditorState; published: string[]; typed: number; page: Page }> {
  const page = context.pages()[0] ?? (await context.newPage());
  // Tall enough that the fixtures' dialogs, which do not scroll as the real sites' do, keep their
  // Publish button on screen with 2,000 characters in them.
  await page.setViewportSize({ width: 1280, height: 3000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(c.url ?? SITES[c.name]!.urls[0]!);
  await page.waitForFunction(() => window.__fixture?.ready === true);
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  await c.open?.(page);
  const box = c.editor(page);
  await box.click();
  const typed = await session(page);
  await page.waitForTimeout(500);
  const state = await editorState(page, box);
  if (balise) {
    // Balise is at work on this text: an overlay with findings, and its badge sits inside the
    // visible part of the compose box, never out over the site's own controls.
    const overlays = page.locator('balise-overlay');
    await expect(overlays, 'one overlay for the compose box (Gutenberg: for all its blocks)').toHaveCount(1);
    const mine = overlays.first();
    await expect.poll(async () => Number(await mine.getAttribute('data-findings')), { timeout: 15_000 }).toBeGreaterThan(0);
    const badge = await mine.evaluate((host) => {
      const r = host.shadowRoot!.querySelector('.badge')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const area = (await (AREAS[c.name]?.(page) ?? box).boundingBox())!;
    const frame = FRAMES[c.name];
    const frameArea = frame ? await page.locator(frame).boundingBox() : null;
    const bottom = Math.min(area.y + area.height, frameArea ? frameArea.y + frameArea.height : Infinity);
    expect(badge.x, 'badge inside the compose box').toBeLessThanOrEqual(area.x + area.width + 1);
    expect(badge.y, 'badge inside the visible compose box').toBeLessThanOrEqual(bottom + 1);
    expect(badge.y).toBeGreaterThanOrEqual(Math.max(area.y, frameArea?.y ?? 0) - 1);
  }
  await c.publish(page);
  // A pause may stand before publishing (that is Balise's job): take the explicit way through it.
  const anyway = page.locator('balise-pause').getByRole('button', { name: /publish anyway|publier quand même/i });
  if (await anyway.isVisible({ timeout: 3_000 }).catch(() => false)) await anyway.click();
  await expect.poll(() => fixturePublished(page).then((p) => p.length), { timeout: 15_000 }).toBe(1);
  return { state, published: await fixturePublished(page), typed, page };
}

/** Where the whole compose box is, when the case's editor locator is one paragraph of it. */
const AREAS: Record<string, (page: Page) => Locator> = {
  medium: (page) => page.locator('main [contenteditable=true]'),
  gutenberg: (page) => canvas(page).locator('.is-root-container'),
};
/** Blogs on the user's own domain: Balise runs there once the domain is added (options page). */
const SELF_HOSTED: Record<string, string> = { textarea: 'example.org', 'self-hosted': 'blogue.clinique-exemple.ca' };
/** Editors inside an iframe: the part of the box on screen is cut by the frame. */
const FRAMES: Record<string, string> = { 'wordpress-classic': 'iframe#content_ifr', blogger: 'iframe#postingComposeBox', gutenberg: 'iframe[name="editor-canvas"]' };

async function addSelfHosted(context: BrowserContext, extensionId: string, host: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: /^(Blogs on your own domain|Blogues sur votre propre domaine)$/ });
  await section.getByLabel(/Blog address|Adresse du blogue/).fill(host);
  await section.getByRole('button', { name: /^(Add|Ajouter)$/ }).click();
  await expect(options.locator(`li[data-host="${host}"]`)).toHaveAttribute('data-granted', 'true');
  await options.close();
}

const seen = new Set<string>();
for (const c of cases) {
  if (seen.has(c.name)) continue; // one session per editor
  seen.add(c.name);
  test.describe(c.name, () => {
    // On one's own domain, the build with the test domains already allowed (see self-hosted.spec.ts).
    if (SELF_HOSTED[c.name]) test.use({ extensions: [GRANTED_EXTENSION_DIR] });
    test(`${c.name}: a 2,000-character session leaves the editor exactly as without Balise`, async ({ context, serve, requests, extensionId }, testInfo) => {
      test.setTimeout(180_000);
      await serve(c.name);
      if (SELF_HOSTED[c.name]) await addSelfHosted(context, extensionId, SELF_HOSTED[c.name]!);
      const withBalise = await play(context, c, true);

      const plainLog = new RequestLog();
      plainLog.served.set(c.name, SITES[c.name]!.match.map((s) => new RegExp(s)));
      const plain = await launchContext({ lang: 'en', extensions: [], requests: plainLog, netlog: testInfo.outputPath('plain-netlog.json') });
      try {
        const without = await play(plain, c, false);
        expect(withBalise.typed).toBeGreaterThanOrEqual(2_000);
        expect(withBalise.state.text.length, 'the session really wrote a long text').toBeGreaterThan(1_500);
        expect(withBalise.state.text).toBe(without.state.text);
        expect(withBalise.state.caret).toEqual(without.state.caret);
        expect(withBalise.state.html).toBe(without.state.html);
        expect(withBalise.published).toEqual(without.published);
        // No trace of Balise in what the site would send (the comparison above already rules out
        // any added character, zero-width ones included).
        expect(withBalise.published[0]).not.toMatch(/balise/i);
        expect(withBalise.state.html).not.toMatch(/balise/i);
      } finally {
        await plain.close();
      }
      expect(requests.unexpected()).toEqual([]);
    });
  });
}
