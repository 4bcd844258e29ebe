/**
 * One adapter per site: where its compose boxes are, where its publish control is, and its
 * publish shortcut. Selectors anchor on role, aria-*, data-testid and editor attributes (class
 * names churn). Facts and sources: ../shared/notes/sites.md. Each adapter lists its test URLs
 * (the fixture pages in tests/fixtures/sites/ are served there in the e2e tests).
 */
export interface SiteAdapter {
  id: string;
  /** Engine platform context. */
  platform: 'facebook' | 'x' | 'linkedin' | 'blog' | 'other';
  hosts: RegExp;
  /** Compose boxes (contenteditable roots or textareas). */
  editors: string[];
  /**
   * Editors that together make one post (Gutenberg: one contenteditable per paragraph block):
   * their shared container, checked, highlighted and badged as one compose box.
   */
  group?: string;
  /** Publish controls: a click on one of these is held while error findings remain. */
  publish: string[];
  /** Ctrl/Cmd+Enter publishes on this site. */
  modEnterPublishes?: boolean;
  /**
   * Which account or page the post goes out as, read from the page (never from the editor).
   * null when the page does not show it (then the engine's account context stays `unknown`).
   */
  account?: (doc: Document, url: URL) => DetectedAccount | null;
  /** Test URLs. */
  testUrls: string[];
}

export interface DetectedAccount {
  /** Stable within the site: a handle, a page or blog address, or a display name. */
  id: string;
  /** What the user sees: a display name. */
  label: string;
  kind: 'profile' | 'page' | 'blog';
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const firstLine = (el: Element | null | undefined): string => ((el as HTMLElement | null)?.innerText ?? el?.textContent ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';

/** A blog is its own account: its address (plus Blogger's blog id), labelled with the site name. */
function blogAccount(doc: Document, url: URL, id = url.hostname): DetectedAccount {
  const label = text(doc.querySelector('#wp-admin-bar-site-name > a, .gh-nav-menu-details-sitetitle')) || url.hostname;
  return { id, label, kind: 'blog' };
}

const GENERIC_EDITORS = ['textarea', '[contenteditable=""]', '[contenteditable="true"]', 'body[contenteditable]', 'html[contenteditable]'];

export const SITES: SiteAdapter[] = [
  {
    id: 'facebook',
    platform: 'facebook',
    hosts: /(^|\.)facebook\.com$/,
    editors: ['div[role=textbox][contenteditable=true][data-lexical-editor=true]', 'div[role=textbox][contenteditable=true]'],
    publish: ['div[role=button][aria-label="Post"]', 'div[role=button][aria-label="Publier"]', '[role=dialog] div[role=button][aria-label="Post"]'],
    // The composer dialog shows who posts: the avatar, an svg[role=img] labelled with the profile
    // or Page name [U]. A Page's composer is opened from the Page (/<page>/ or profile.php?id=).
    account: (doc, url) => {
      const label = doc.querySelector('[role=dialog] svg[role=img][aria-label]')?.getAttribute('aria-label')?.trim();
      if (!label) return null;
      return { id: label, label, kind: url.searchParams.has('id') || doc.querySelector('[role=dialog] [aria-label="Switch to Page"], [role=dialog] [aria-label="Passer à la Page"]') ? 'page' : 'profile' };
    },
    testUrls: ['https://www.facebook.com/', 'https://www.facebook.com/?hl=fr'],
  },
  {
    id: 'x',
    platform: 'x',
    hosts: /(^|\.)(x|twitter)\.com$/,
    editors: ['[data-testid^=tweetTextarea][contenteditable=true]', '.public-DraftEditor-content[role=textbox]', 'div[data-testid^=tweetTextarea] textarea'],
    publish: ['button[data-testid=tweetButtonInline]', 'button[data-testid=tweetButton]'],
    modEnterPublishes: true,
    // The side navigation's account switcher holds the display name and the active @handle.
    account: (doc) => {
      const sw = doc.querySelector('[data-testid=SideNav_AccountSwitcher_Button]');
      const handle = /@[A-Za-z0-9_]{1,15}/.exec(text(sw))?.[0];
      if (!sw || !handle) return null;
      return { id: handle.toLowerCase(), label: firstLine(sw).replace(handle, '').trim() || handle, kind: 'profile' };
    },
    testUrls: ['https://x.com/home', 'https://x.com/compose/post'],
  },
  {
    id: 'linkedin',
    platform: 'linkedin',
    hosts: /(^|\.)linkedin\.com$/,
    editors: ['.ql-editor[contenteditable=true]', '[contenteditable][role=textbox]', 'div[contenteditable][aria-placeholder]'],
    publish: ['button.share-actions__primary-action'],
    // The share box names who posts (member or company page) on its settings button [U]; a
    // company page's share box is opened from /company/<name>/admin/.
    account: (doc, url) => {
      const label = firstLine(doc.querySelector('[role=dialog] .share-unified-settings-entry-button'));
      if (!label) return null;
      const company = /^\/company\/([^/]+)/.exec(url.pathname)?.[1];
      return company ? { id: `company/${company}`, label, kind: 'page' } : { id: label, label, kind: 'profile' };
    },
    testUrls: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?variant=new'],
  },
  {
    id: 'wordpress',
    platform: 'blog',
    hosts: /(^|\.)wordpress\.com$/,
    editors: ['.block-editor-rich-text__editable[contenteditable=true]', 'body#tinymce', 'textarea#content', 'textarea.editor-post-title__input'],
    group: '.is-root-container.block-editor-block-list__layout',
    publish: ['input#publish', '[role=region][aria-label="Editor publish"] button'],
    account: blogAccount,
    testUrls: ['https://example-blog.wordpress.com/wp-admin/post-new.php', 'https://example-blog.wordpress.com/wp-admin/post-new.php?classic'],
  },
  {
    id: 'medium',
    platform: 'blog',
    hosts: /(^|\.)medium\.com$/,
    editors: ['main [contenteditable=true]'],
    publish: ['button[data-action=show-prepublish]', 'button[data-testid=publishButton]'],
    account: blogAccount,
    testUrls: ['https://medium.com/new-story'],
  },
  { id: 'substack', platform: 'blog', hosts: /(^|\.)substack\.com$/, editors: ['.ProseMirror[contenteditable=true]'], publish: ['button[data-testid=publish-button]', '[role=dialog] button.publish-now', '[role=dialog] button[data-testid=publish-now]'], account: blogAccount, testUrls: ['https://example.substack.com/publish/post'] },
  {
    id: 'ghost',
    platform: 'blog',
    hosts: /(^|\.)ghost\.io$/,
    editors: ['.kg-prose[contenteditable=true]', 'textarea.gh-editor-title'],
    publish: ['[data-test-button=confirm-publish]'],
    account: blogAccount,
    testUrls: ['https://example.ghost.io/ghost/#/editor/post'],
  },
  { id: 'blogger', platform: 'blog', hosts: /(^|\.)blogger\.com$/, editors: ['body[contenteditable]', 'html'], publish: ['div[role=button][aria-label="Publish"]', 'div[role=button][aria-label="Publier"]'],
    // The blog being edited is in the editor's address: /blog/post/edit/<blogId>/<postId>.
    account: (doc, url) => blogAccount(doc, url, `blogger/${/\/blog\/post\/(?:edit|create)\/(\d+)/.exec(url.pathname)?.[1] ?? 'unknown'}`),
    testUrls: ['https://www.blogger.com/blog/post/edit/1/2'] },
];

const byId = (id: string) => SITES.find((s) => s.id === id)!;

/**
 * Any other host: a self-hosted blog the user added in the options page (the content script runs
 * nowhere else). Self-hosted blogs are mostly WordPress (block and classic editors) and Ghost, so
 * their editors and publish controls come first, then plain text areas and contenteditables.
 */
export const GENERIC: SiteAdapter = {
  id: 'self-hosted',
  platform: 'blog',
  hosts: /.*/,
  editors: [...byId('wordpress').editors, ...byId('ghost').editors, ...GENERIC_EDITORS],
  group: byId('wordpress').group,
  publish: [...byId('wordpress').publish, ...byId('ghost').publish, 'form button[type=submit]', 'form input[type=submit]'],
  account: blogAccount,
  testUrls: ['https://blogue.clinique-exemple.ca/wp-admin/post-new.php', 'https://example.org/textarea'],
};

export function adapterFor(hostname: string): SiteAdapter {
  return SITES.find((s) => s.hosts.test(hostname)) ?? GENERIC;
}
