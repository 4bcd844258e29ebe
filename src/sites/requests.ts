/**
 * Incoming friend, connection and follow requests: where they are on each site and how to tell
 * one apart (../shared/notes/sites.md), in English and French page languages, and the site's
 * privacy settings pages the reminder links to. Each adapter lists its test URLs.
 */
export interface IncomingRequest {
  /** The request's own element (a card, a list item, a user cell). */
  el: HTMLElement;
  /** Stable per request: a profile id, an invitation urn, a handle. */
  id: string;
  /** The requester's name as the page shows it. */
  name: string;
  accept: HTMLElement | null;
  decline: HTMLElement | null;
}

export interface RequestAdapter {
  site: 'facebook' | 'linkedin' | 'x';
  hosts: RegExp;
  /** Every incoming request under `root`. */
  find(root: ParentNode): IncomingRequest[];
  privacy: { key: string; url: string }[];
  testUrls: string[];
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const byText = (root: ParentNode, re: RegExp): HTMLElement | null =>
  ([...root.querySelectorAll<HTMLElement>('button, [role=button]')].find((b) => re.test(clean(b.getAttribute('aria-label')) || clean(b.textContent))) ?? null);

const FB_CONFIRM = '[role=button][aria-label="Confirm"], [role=button][aria-label="Confirmer"]';
const FB_DELETE = '[role=button][aria-label="Delete"], [role=button][aria-label="Supprimer"]';
const FB_PROFILE = 'a[href*="/friends/requests/?profile_id="]';

const LI_ITEM = '[role=listitem][componentkey^="urn:li:invitation:"], li.invitation-card';
const LI_ACCEPT = 'button[aria-label^="Accept"], button[aria-label^="Accepter"]';
const LI_IGNORE = 'button[aria-label^="Ignore"], button[aria-label^="Ignorer"]';
/** Page and newsletter invitations are not people asking to connect. */
const LI_NOT_PERSON = /invited you to (follow|subscribe)|vous invite à (suivre|vous abonner|s.abonner)/i;

const X_ACCEPT = /^(Accept|Accepter)$/;
const X_DECLINE = /^(Decline|Refuser)$/;

export const REQUEST_SITES: RequestAdapter[] = [
  {
    site: 'facebook',
    hosts: /(^|\.)facebook\.com$/,
    find(root) {
      const out: IncomingRequest[] = [];
      for (const confirm of root.querySelectorAll<HTMLElement>(FB_CONFIRM)) {
        if (confirm.closest('[role=dialog]')) continue; // Confirm in unfriend / leave dialogs
        // The smallest ancestor holding this Confirm and a requester's profile link is the card.
        let card: HTMLElement | null = confirm.parentElement;
        for (let i = 0; card && i < 10 && !card.querySelector(FB_PROFILE); i++) card = card.parentElement;
        const link = card?.querySelector<HTMLAnchorElement>(FB_PROFILE);
        if (!card || !link) continue;
        const id = new URL(link.href, location.href).searchParams.get('profile_id') ?? clean(link.textContent);
        out.push({ el: card, id, name: clean(link.textContent) || clean(link.getAttribute('aria-label')), accept: confirm, decline: card.querySelector<HTMLElement>(FB_DELETE) });
      }
      return out;
    },
    privacy: [
      { key: 'privacyFacebookRequests', url: 'https://www.facebook.com/settings/?tab=how_people_find_and_contact_you' },
      { key: 'privacyFacebookCheckup', url: 'https://www.facebook.com/privacy/checkup/' },
    ],
    testUrls: ['https://www.facebook.com/friends/requests/'],
  },
  {
    site: 'linkedin',
    hosts: /(^|\.)linkedin\.com$/,
    find(root) {
      const out: IncomingRequest[] = [];
      for (const el of root.querySelectorAll<HTMLElement>(LI_ITEM)) {
        if (LI_NOT_PERSON.test(clean(el.textContent))) continue;
        const accept = el.querySelector<HTMLElement>(LI_ACCEPT);
        if (!accept) continue;
        const title = el.querySelector('.invitation-card__title, a[href*="/in/"] strong, a[href*="/in/"]');
        const name = clean(title?.textContent) || clean(accept.getAttribute('aria-label')).replace(/^(Accept|Accepter)\s+(l.invitation de\s+)?/i, '').replace(/[’']s invitation$/i, '');
        const id = el.getAttribute('componentkey') ?? el.querySelector<HTMLAnchorElement>('a[href*="/in/"]')?.getAttribute('href') ?? name;
        out.push({ el, id, name, accept, decline: el.querySelector<HTMLElement>(LI_IGNORE) });
      }
      return out;
    },
    privacy: [
      { key: 'privacyLinkedinVisibility', url: 'https://www.linkedin.com/mypreferences/d/categories/visibility' },
      { key: 'privacyLinkedinPrivacy', url: 'https://www.linkedin.com/mypreferences/d/categories/privacy' },
    ],
    testUrls: ['https://www.linkedin.com/mynetwork/invitation-manager/received/'],
  },
  {
    site: 'x',
    hosts: /(^|\.)(x|twitter)\.com$/,
    find(root) {
      if (!/\/follower_requests/.test(location.pathname)) return [];
      const out: IncomingRequest[] = [];
      for (const el of root.querySelectorAll<HTMLElement>('[data-testid=UserCell]')) {
        const accept = byText(el, X_ACCEPT);
        if (!accept) continue;
        // Read span by span: the cell's text runs name, handle and button labels together.
        const spans = [...el.querySelectorAll('span')].map((n) => clean(n.textContent));
        const handle = spans.find((x) => /^@[A-Za-z0-9_]{1,15}$/.test(x)) ?? '';
        const display = clean(el.querySelector('a[role=link] span')?.textContent) || (spans.find((x) => x && x !== handle && !X_ACCEPT.test(x) && !X_DECLINE.test(x)) ?? '');
        out.push({ el, id: handle.toLowerCase() || display, name: display && display !== handle ? `${display} ${handle}`.trim() : handle, accept, decline: byText(el, X_DECLINE) });
      }
      return out;
    },
    privacy: [
      { key: 'privacyXAudience', url: 'https://x.com/settings/audience_and_tagging' },
      { key: 'privacyXPrivacy', url: 'https://x.com/settings/privacy_and_safety' },
    ],
    testUrls: ['https://x.com/follower_requests'],
  },
];

export function requestAdapterFor(hostname: string): RequestAdapter | null {
  return REQUEST_SITES.find((r) => r.hosts.test(hostname)) ?? null;
}
