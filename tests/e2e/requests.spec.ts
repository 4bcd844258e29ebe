/**
 * Friend, connection and follow requests: a reminder beside each new one (once: dismissal is
 * remembered), never over the site's buttons, with the site's privacy links; a requester on the
 * watch list holds Accept for an explicit confirmation; the decision lands in the private journal.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixturePublished, test } from './harness';

const reminders = (page: Page) => page.locator('balise-reminder');
const reminder = (page: Page, key: string) => page.locator(`balise-reminder[data-request="${key}"]`);

async function addToWatchList(context: BrowserContext, extensionId: string, name: string) {
  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html`);
  await opts.getByLabel(/^(Name|Nom)$/).fill(name);
  await opts.getByRole('button', { name: /^(Add|Ajouter)$/ }).first().click();
  await expect(opts.locator('[data-watch-count]')).not.toHaveAttribute('data-watch-count', '0');
  await opts.close();
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('Facebook: one reminder beside each request (a late one too), none for the unfriend dialog, never over the buttons; dismissed stays dismissed', async ({ open, page }) => {
  await open('facebook-requests');
  await expect(reminders(page)).toHaveCount(3, { timeout: 15_000 }); // the third arrives late
  const card = reminder(page, 'facebook:1001').locator('.card');
  await expect(card).toContainText('New request: Gabrielle Lavoie');
  await expect(card).toContainText('Is this a client, a former client, or a client’s relative?');
  await expect(card).toContainText('4.10');
  await expect(card.getByRole('link', { name: 'Who can send you friend requests' })).toHaveAttribute('href', 'https://www.facebook.com/settings/?tab=how_people_find_and_contact_you');
  await expect(card.getByRole('link', { name: /Privacy checkup/ })).toHaveAttribute('href', 'https://www.facebook.com/privacy/checkup/');

  // Beside the request, never over the site's own buttons, nor over each other.
  const boxes = [];
  for (const id of ['1001', '1002', '1003']) {
    const box = (await reminder(page, `facebook:${id}`).locator('.card').boundingBox())!;
    for (const b of await page.locator('[role=listitem] [role=button]').all()) expect(overlaps(box, (await b.boundingBox())!)).toBe(false);
    for (const other of boxes) expect(overlaps(box, other)).toBe(false);
    boxes.push(box);
  }

  await card.getByRole('button', { name: 'Got it' }).click();
  await expect(reminder(page, 'facebook:1001')).toHaveCount(0);
  await page.reload();
  await page.waitForFunction(() => window.__fixture?.ready === true);
  await expect(reminders(page)).toHaveCount(2, { timeout: 15_000 });
  await expect(reminder(page, 'facebook:1001')).toHaveCount(0);
  // The site's buttons work as before, once.
  await page.locator('[role=listitem]').filter({ hasText: 'Julien Morin' }).getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => fixturePublished(page)).toEqual(['confirm:Julien Morin']);
});

test('a requester on the watch list: the card says so and Confirm is held; Don’t accept keeps it, Accept anyway accepts once; the journal records it', async ({ open, page, context, extensionId }) => {
  await addToWatchList(context, extensionId, 'Gabrielle Lavoie');
  await open('facebook-requests');
  const r = reminder(page, 'facebook:1001');
  await expect(r).toHaveAttribute('data-watch-match', 'true', { timeout: 15_000 });
  await expect(r.locator('.card [role=alert]')).toHaveText('This name is on your private watch list (clients, workplaces, colleagues).');
  await expect(reminder(page, 'facebook:1002')).toHaveAttribute('data-watch-match', 'false');

  const confirm = page.locator('[role=listitem]').filter({ hasText: 'Gabrielle Lavoie' }).getByRole('button', { name: 'Confirm' });
  await confirm.click();
  const hold = page.locator('balise-pause');
  await expect(hold.getByRole('alertdialog')).toHaveAccessibleName('Before you accept');
  await hold.getByRole('button', { name: 'Don’t accept' }).click();
  await expect(hold).toHaveCount(0);
  expect(await fixturePublished(page)).toEqual([]);
  await confirm.click();
  await hold.getByRole('button', { name: 'Accept anyway' }).click();
  await expect.poll(() => fixturePublished(page)).toEqual(['confirm:Gabrielle Lavoie']);
  await page.waitForTimeout(300);
  expect(await fixturePublished(page)).toEqual(['confirm:Gabrielle Lavoie']);

  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html`);
  const row = opts.locator('table.journal tr[data-kind="request-accepted"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Request accepted after a reminder — name on the watch list');
  await expect(row).toContainText('Facebook');
  await expect(opts.locator('table.journal')).not.toContainText('Gabrielle');
});

test('LinkedIn: people’s invitations get a reminder, a page invitation does not; Ignore is journaled', async ({ open, page, context, extensionId }) => {
  await open('linkedin-invitations');
  await expect(reminders(page)).toHaveCount(2, { timeout: 15_000 });
  await expect(reminder(page, 'linkedin:urn:li:invitation:7001').locator('.card')).toContainText('New request: Marie Gagnon');
  await expect(reminder(page, 'linkedin:urn:li:invitation:7003')).toHaveCount(0);
  await expect(reminder(page, 'linkedin:urn:li:invitation:7001').getByRole('link', { name: /Visibility/ })).toHaveAttribute('href', 'https://www.linkedin.com/mypreferences/d/categories/visibility');
  await page.getByRole('button', { name: 'Ignore an invitation to connect from Marie Gagnon' }).click();
  await expect.poll(() => fixturePublished(page)).toEqual(['ignore:Marie Gagnon']);
  await expect(reminder(page, 'linkedin:urn:li:invitation:7001')).toHaveCount(0);
  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(opts.locator('table.journal tr[data-kind="request-declined"][data-site="linkedin"]')).toHaveCount(1);
});

test('X follower requests: a reminder per request, naming the account in use', async ({ open, page }) => {
  await open('x-follower-requests');
  await expect(reminders(page)).toHaveCount(2, { timeout: 15_000 });
  const card = reminder(page, 'x:@gab_lavoie').locator('.card');
  await expect(card).toContainText('New request: Gabrielle Lavoie @gab_lavoie');
  await expect(card).toContainText('You are on “Marie Tremblay, TS”');
  await expect(card.getByRole('link', { name: 'Audience and tagging' })).toHaveAttribute('href', 'https://x.com/settings/audience_and_tagging');
  await page.locator('[data-testid=UserCell]').filter({ hasText: '@martinroy' }).getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => fixturePublished(page)).toEqual(['accept:@martinroy']);
});

test.describe('in French', () => {
  test.use({ lang: 'fr' });
  test('Facebook in French: « Confirmer » is recognised and the card speaks French', async ({ open, page }) => {
    await open('facebook-requests', 'https://www.facebook.com/friends/requests/?hl=fr');
    await expect(reminders(page)).toHaveCount(3, { timeout: 15_000 });
    const card = reminder(page, 'facebook:1002').locator('.card');
    await expect(card).toContainText('Nouvelle demande : Julien Morin');
    await expect(card).toContainText('S’agit-il d’un client, d’un ancien client ou d’un proche d’un client?');
    await expect(card.getByRole('link', { name: 'Qui peut vous envoyer des invitations' })).toBeVisible();
    await card.getByRole('button', { name: 'Compris' }).click();
    await expect(reminder(page, 'facebook:1002')).toHaveCount(0);
  });
});
