/**
 * Pages that make life hard for an extension, and faults in the extension itself:
 *  - a host page with a strict Content-Security-Policy and Trusted Types enforced (as LinkedIn);
 *  - another writing extension's overlay (a Grammarly-like shadow host) next to the editor;
 *  - page-controlled strings (the post, names on requests, account names) carrying HTML/script;
 *  - the extension's service worker stopped mid-typing.
 */
import type { Page } from '@playwright/test';
import { expect, fixtureText, openPopup, test } from './harness';

const BAD = 'One of my clients told me this morning that her husband reads her texts.';
const CLEAN = "Belle conférence aujourd'hui sur la médiation familiale, merci aux organisatrices.";
const overlay = (page: Page) => page.locator('balise-overlay').last();
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

test('a page with a strict CSP and Trusted Types enforced: warnings work and nothing is refused', async ({ open, page }) => {
  const nonce = 'e2e-nonce';
  await open('linkedin', undefined, {
    headers: {
      'content-security-policy': [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src-elem 'nonce-${nonce}'`,
        "style-src-attr 'unsafe-inline'",
        "img-src data:",
        "font-src data:",
        "connect-src 'none'",
        "require-trusted-types-for 'script'",
        'trusted-types default',
      ].join('; '),
    },
    // The page's own inline code carries the nonce; a default policy (as sites define) lets the
    // page's editor work. Every violation is recorded.
    transform: (html) =>
      html
        .replace(/<(script|style)\b/g, `<$1 nonce="${nonce}"`)
        .replace(
          '<head>',
          `<head><script nonce="${nonce}">window.__violations=[];document.addEventListener('securitypolicyviolation',function(e){window.__violations.push(e.violatedDirective+' '+e.blockedURI+' '+(e.sample||''))});` +
            "trustedTypes.createPolicy('default',{createHTML:function(s){return s}});</script>",
        ),
  });
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
  await page.getByRole('button', { name: 'Start a post' }).click();
  const box = page.locator('[role=dialog] .ql-editor[contenteditable=true]');
  await box.click();
  await page.keyboard.type(BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator('.card .src').first()).toContainText('4.07');
  expect(await fixtureText(page)).toBe(BAD);
  // Nothing Balise did was refused by the page's policy.
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});

test('another writing extension’s overlay beside the editor: both keep working', async ({ open, page }) => {
  // A Grammarly-like neighbour: a shadow host inserted next to the editor, its own underline layer
  // redrawn on every input, attributes on the editor and the body, and a capturing keydown listener.
  await page.addInitScript(() => {
    (window as any).__fakeRedraws = 0;
    document.addEventListener(
      'focusin',
      (e) => {
        const ed = (e.target as HTMLElement).closest?.('[contenteditable=true], textarea') as HTMLElement | null;
        if (!ed || ed.dataset.fakeChecker) return;
        ed.dataset.fakeChecker = 'on';
        ed.setAttribute('data-gramm', 'true');
        document.body.setAttribute('data-gr-ext-installed', '');
        const host = document.createElement('grammarly-extension');
        host.setAttribute('data-grammarly-shadow-root', 'true');
        host.style.cssText = 'position:absolute;top:0;left:0;pointer-events:none;z-index:2147483647';
        ed.parentElement!.insertBefore(host, ed);
        const root = host.attachShadow({ mode: 'open' });
        const redraw = () => {
          const r = ed.getBoundingClientRect();
          root.replaceChildren();
          for (let i = 0; i < 3; i++) {
            const u = document.createElement('div');
            u.className = 'underline';
            u.style.cssText = `position:fixed;left:${r.left + 10 * i}px;top:${r.bottom - 4}px;width:40px;height:2px;background:red`;
            root.append(u);
          }
          (window as any).__fakeRedraws++;
        };
        ed.addEventListener('input', redraw);
        redraw();
      },
      true,
    );
    document.addEventListener('keydown', () => undefined, true);
  });
  await open('facebook');
  await page.getByRole('button', { name: "What's on your mind?" }).click();
  const box = page.locator('[role=dialog] div[role=textbox][contenteditable=true]');
  await box.click();
  await page.keyboard.type(CLEAN);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  // The neighbour kept redrawing, its host is still there, and Balise's card opens.
  expect(await page.evaluate(() => (window as any).__fakeRedraws)).toBeGreaterThan(BAD.length);
  await expect(page.locator('grammarly-extension')).toHaveCount(1);
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator('.card .src').first()).toContainText('4.07');
  expect((await fixtureText(page)).replace(/\n+/g, '\n')).toBe(`${CLEAN}\n${BAD}`);
  // Balise drew one overlay, not one per shadow host it met.
  await expect(page.locator('balise-overlay')).toHaveCount(1);
});

test('HTML and script in the post, in a requester’s name and in an account name are shown as text, never run', async ({ open, page, context, extensionId }) => {
  // The post: its flagged words appear in the popup's findings. The account's display name (read
  // from X's account switcher) is markup too.
  const escaped = PAYLOAD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  await open('x', undefined, { transform: (html) => html.replace('<span>Marie Tremblay, TS</span>', `<span>${escaped}</span>`) });
  expect(await page.getByTestId('SideNav_AccountSwitcher_Button').innerText()).toContain(PAYLOAD);
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(`${BAD} ${PAYLOAD}`);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  await page.keyboard.press('Alt+Shift+B');
  await expect(overlay(page).locator('.card')).toBeVisible();
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.locator('body')).toContainText(/clients/i, { timeout: 15_000 });
  // The account is named as the page wrote it, as text.
  await expect(popup.locator('body')).toContainText('<img src=x');
  for (const p of [page, popup]) {
    expect(await p.evaluate(() => (window as any).__pwned)).toBeUndefined();
  }
  expect(await popup.locator('img, script:not([src])').count()).toBe(0);
  expect(await overlay(page).evaluate((host) => host.shadowRoot!.querySelectorAll('img, script').length)).toBe(0);
  await popup.close();

  // A requester's name: a late request card whose name is markup.
  await open('facebook-requests');
  await page.evaluate((payload) => {
    const card = document.querySelector('[role=listitem]')!;
    const copy = card.cloneNode(true) as HTMLElement;
    const name = copy.querySelector('a[role=link]') as HTMLAnchorElement;
    name.textContent = payload;
    name.href = '/friends/requests/?profile_id=6666';
    card.parentElement!.append(copy);
  }, PAYLOAD);
  const shadowText = () => page.locator('balise-reminder').evaluateAll((hosts) => hosts.map((h) => h.shadowRoot?.textContent ?? ''));
  await expect.poll(async () => (await shadowText()).some((t) => t.includes('<img src=x')), { timeout: 15_000 }).toBe(true);
  const reminders = page.locator('balise-reminder');
  for (let i = 0; i < (await reminders.count()); i++) {
    expect(await reminders.nth(i).evaluate((host) => host.shadowRoot?.querySelectorAll('img, script').length ?? 0)).toBe(0);
  }
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('the service worker stopped mid-typing: warnings resume, one overlay, the draft intact', async ({ open, page, context, extensionId }) => {
  await open('x');
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type(BAD);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 15_000 });
  // Stop it the way Chrome does when it idles: chrome://serviceworker-internals' Stop button.
  const admin = await context.newPage();
  await admin.goto('chrome://serviceworker-internals/');
  const stop = admin.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` }).getByRole('button', { name: /stop/i });
  await stop.first().click();
  await expect(admin.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` })).toContainText(/STOPPED/i, { timeout: 15_000 });
  await admin.close();
  await page.bringToFront();
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(CLEAN);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'none', { timeout: 20_000 });
  await page.keyboard.type(` ${BAD}`);
  await expect(overlay(page)).toHaveAttribute('data-severity', 'error', { timeout: 20_000 });
  await expect(page.locator('balise-overlay')).toHaveCount(1);
  expect(await fixtureText(page)).toBe(`${CLEAN} ${BAD}`);
});

test('damaged journal records in the browser’s IndexedDB: a notice, and every readable entry still listed', async ({ context, extensionId }) => {
  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(opts.getByRole('heading', { level: 1 })).toBeVisible();
  // Write straight into the extension's real IndexedDB: two good entries and three damaged ones
  // (wrong kind, no time, not even an object), as a crash or an old version could leave them.
  await opts.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('balise-journal', 2);
        req.onupgradeneeded = () => {
          const store = req.result.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
          store.createIndex('at', 'at');
          store.createIndex('site', 'site');
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('entries', 'readwrite');
          const s = tx.objectStore('entries');
          const now = Date.now();
          const good = { kind: 'rule-muted', site: 'facebook', accountType: 'professional', categories: ['testimonial'], ruleIds: ['testimonial/asks-for-reviews'] };
          s.add({ ...good, at: now - 1000 });
          s.add({ ...good, at: now - 2000, site: 'linkedin' });
          s.add({ ...good, at: now - 3000, kind: 'deleted-everything' });
          s.add({ ...good, at: 'yesterday' });
          s.add({ id: 999, junk: true } as any);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await opts.reload();
  await expect(opts.getByRole('alert').filter({ hasText: /3 damaged entries/ })).toBeVisible({ timeout: 15_000 });
  await expect(opts.locator('table.journal tbody tr')).toHaveCount(2);
  await expect(opts.locator('table.journal')).toContainText('LinkedIn');
});
