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
  /** Publish controls: a click on one of these is held while error findings remain. */
  publish: string[];
  /** Ctrl/Cmd+Enter publishes on this site. */
  modEnterPublishes?: boolean;
  /** Test URLs. */
  testUrls: string[];
}

const GENERIC_EDITORS = ['textarea', '[contenteditable=""]', '[contenteditable="true"]', 'body[contenteditable]', 'html[contenteditable]'];

export const SITES: SiteAdapter[] = [
  {
    id: 'facebook',
    platform: 'facebook',
    hosts: /(^|\.)facebook\.com$/,
    editors: ['div[role=textbox][contenteditable=true][data-lexical-editor=true]', 'div[role=textbox][contenteditable=true]'],
    publish: ['div[role=button][aria-label="Post"]', 'div[role=button][aria-label="Publier"]', '[role=dialog] div[role=button][aria-label="Post"]'],
    testUrls: ['https://www.facebook.com/', 'https://www.facebook.com/?hl=fr'],
  },
  {
    id: 'x',
    platform: 'x',
    hosts: /(^|\.)(x|twitter)\.com$/,
    editors: ['[data-testid^=tweetTextarea][contenteditable=true]', '.public-DraftEditor-content[role=textbox]', 'div[data-testid^=tweetTextarea] textarea'],
    publish: ['button[data-testid=tweetButtonInline]', 'button[data-testid=tweetButton]'],
    modEnterPublishes: true,
    testUrls: ['https://x.com/home', 'https://x.com/compose/post'],
  },
  {
    id: 'linkedin',
    platform: 'linkedin',
    hosts: /(^|\.)linkedin\.com$/,
    editors: ['.ql-editor[contenteditable=true]', '[contenteditable][role=textbox]', 'div[contenteditable][aria-placeholder]'],
    publish: ['button.share-actions__primary-action'],
    testUrls: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?variant=new'],
  },
  {
    id: 'wordpress',
    platform: 'blog',
    hosts: /(^|\.)wordpress\.com$/,
    editors: ['.block-editor-rich-text__editable[contenteditable=true]', 'body#tinymce', 'textarea#content', 'textarea.editor-post-title__input'],
    publish: ['input#publish', '[role=region][aria-label="Editor publish"] button'],
    testUrls: ['https://example-blog.wordpress.com/wp-admin/post-new.php', 'https://example-blog.wordpress.com/wp-admin/post-new.php?classic'],
  },
  {
    id: 'medium',
    platform: 'blog',
    hosts: /(^|\.)medium\.com$/,
    editors: ['main [contenteditable=true]'],
    publish: ['button[data-action=show-prepublish]', 'button[data-testid=publishButton]'],
    testUrls: ['https://medium.com/new-story'],
  },
  { id: 'substack', platform: 'blog', hosts: /(^|\.)substack\.com$/, editors: ['.ProseMirror[contenteditable=true]'], publish: ['button[data-testid=publish-button]', '[role=dialog] button.publish-now', '[role=dialog] button[data-testid=publish-now]'], testUrls: ['https://example.substack.com/publish/post'] },
  {
    id: 'ghost',
    platform: 'blog',
    hosts: /(^|\.)ghost\.io$/,
    editors: ['.kg-prose[contenteditable=true]', 'textarea.gh-editor-title'],
    publish: ['[data-test-button=confirm-publish]'],
    testUrls: ['https://example.ghost.io/ghost/#/editor/post'],
  },
  { id: 'blogger', platform: 'blog', hosts: /(^|\.)blogger\.com$/, editors: ['body[contenteditable]', 'html'], publish: ['div[role=button][aria-label="Publish"]', 'div[role=button][aria-label="Publier"]'], testUrls: ['https://www.blogger.com/blog/post/edit/1/2'] },
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
  publish: [...byId('wordpress').publish, ...byId('ghost').publish, 'form button[type=submit]', 'form input[type=submit]'],
  testUrls: ['https://blogue.clinique-exemple.ca/wp-admin/post-new.php', 'https://example.org/textarea'],
};

export function adapterFor(hostname: string): SiteAdapter {
  return SITES.find((s) => s.hosts.test(hostname)) ?? GENERIC;
}
