/**
 * The fixture editors as the e2e tests drive them: how to open the composer, where the editor is,
 * how to publish, what the site does after. Shared by the baseline and the integrity tests.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect, fixtureText } from './harness';

export interface Case {
  name: string;
  title: string;
  url?: string;
  lang?: 'en' | 'fr';
  /** Bring the compose box on screen (e.g. click an opener); optional. */
  open?: (page: Page) => Promise<void>;
  editor: (page: Page) => Locator;
  publish: (page: Page) => Promise<void>;
  /** What the site does after publishing (dialog closed, editor cleared…). */
  afterPublish?: (page: Page) => Promise<void>;
}

export const canvas = (page: Page): FrameLocator => page.frameLocator('iframe[name="editor-canvas"]');

export const cases: Case[] = [
  {
    name: 'facebook',
    title: 'Facebook: late dialog, Lexical textbox, div[role=button] Post',
    open: (page) => page.getByRole('button', { name: "What's on your mind?" }).click(),
    editor: (page) => page.locator('[role=dialog] div[role=textbox][contenteditable=true][data-lexical-editor=true][aria-label="What\'s on your mind?"]'),
    publish: (page) => page.locator('div[role=button][aria-label="Post"]').click(),
    afterPublish: (page) => expect(page.locator('[role=dialog]')).toHaveCount(0),
  },
  {
    name: 'facebook',
    title: 'Facebook (fr): « Exprimez-vous », « Publier »',
    url: 'https://www.facebook.com/?hl=fr',
    lang: 'fr',
    open: (page) => page.getByRole('button', { name: 'Exprimez-vous' }).click(),
    editor: (page) => page.locator('[role=dialog] div[role=textbox][data-lexical-editor=true][aria-label="Exprimez-vous"]'),
    publish: (page) => page.locator('div[role=button][aria-label="Publier"]').click(),
    afterPublish: (page) => expect(page.locator('[role=dialog]')).toHaveCount(0),
  },
  {
    name: 'x',
    title: 'X /home: Draft.js tweetTextarea_0, button[data-testid=tweetButtonInline]',
    editor: (page) => page.locator('.public-DraftEditor-content[data-testid="tweetTextarea_0"][role=textbox][contenteditable=true]'),
    publish: (page) => page.locator('button[data-testid="tweetButtonInline"]').click(),
    afterPublish: async (page) => expect(await fixtureText(page)).toBe(''),
  },
  {
    name: 'x',
    title: 'X /home: Ctrl/Cmd+Enter publishes',
    editor: (page) => page.getByTestId('tweetTextarea_0'),
    publish: (page) => page.keyboard.press('ControlOrMeta+Enter'),
    afterPublish: async (page) => expect(await fixtureText(page)).toBe(''),
  },
  {
    name: 'x',
    title: 'X /compose/post: modal in #layers, button[data-testid=tweetButton], back to /home',
    url: 'https://x.com/compose/post',
    editor: (page) => page.locator('#layers [role=dialog] [data-testid="tweetTextarea_0"]'),
    publish: (page) => page.locator('#layers button[data-testid="tweetButton"]').click(),
    afterPublish: async (page) => {
      await expect(page.locator('#layers [role=dialog]')).toHaveCount(0);
      await expect(page).toHaveURL('https://x.com/home');
      await expect(page.locator('button[data-testid="tweetButtonInline"]')).toBeVisible();
    },
  },
  {
    name: 'linkedin',
    title: 'LinkedIn: Quill .ql-editor, button.share-actions__primary-action',
    open: (page) => page.getByRole('button', { name: 'Start a post' }).click(),
    editor: (page) => page.locator('[role=dialog] .ql-editor[contenteditable=true][role=textbox][aria-label="Text editor for creating content"]'),
    publish: (page) => page.locator('button.share-actions__primary-action').click(),
    afterPublish: (page) => expect(page.locator('[role=dialog]')).toHaveCount(0),
  },
  {
    name: 'linkedin-new',
    title: 'LinkedIn (newer): Tiptap contenteditable[aria-placeholder], same publish button',
    open: (page) => page.getByRole('button', { name: 'Start a post' }).click(),
    editor: (page) => page.locator('[role=dialog] div.ProseMirror[contenteditable=true][role=textbox][aria-placeholder*="talk about"]'),
    publish: (page) => page.locator('button.share-actions__primary-action').click(),
    afterPublish: (page) => expect(page.locator('[role=dialog]')).toHaveCount(0),
  },
  {
    name: 'wordpress-classic',
    title: 'WordPress classic: TinyMCE 4.9.11 iframe#content_ifr, input#publish',
    editor: (page) => page.frameLocator('iframe#content_ifr').locator('body#tinymce[contenteditable=true]'),
    publish: (page) => page.locator('input#publish').click(),
    afterPublish: async (page) => {
      await expect(page.locator('#message')).toContainText('Post published.');
      await expect(page.locator('input#publish')).toHaveValue('Update');
    },
  },
  {
    name: 'gutenberg',
    title: 'Gutenberg: blob: editor-canvas iframe, per-block editables, two-step Publish',
    editor: (page) => canvas(page).locator('.block-editor-rich-text__editable[role=document][aria-label^="Block:"]').first(),
    publish: async (page) => {
      await page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('region', { name: 'Editor publish' }).getByRole('button', { name: 'Publish', exact: true }).click();
    },
    afterPublish: (page) => expect(page.getByRole('region', { name: 'Editor publish' })).toContainText('is now live'),
  },
  {
    name: 'medium',
    title: 'Medium: contenteditable in <main>, p[data-testid=editorParagraphText], Publish',
    editor: (page) => page.locator('main [contenteditable=true] p[data-testid="editorParagraphText"]').first(),
    publish: (page) => page.getByRole('button', { name: 'Publish' }).click(),
    afterPublish: (page) => expect(page.locator('main [contenteditable]')).toHaveCount(0),
  },
  {
    name: 'substack',
    title: 'Substack: Tiptap .ProseMirror, Continue then Publish now',
    editor: (page) => page.locator('.ProseMirror[contenteditable=true]'),
    publish: async (page) => {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click();
    },
    afterPublish: (page) => expect(page.getByRole('dialog')).toHaveCount(0),
  },
  {
    name: 'ghost',
    title: 'Ghost: Koenig .kg-prose Lexical, publish-flow → continue → confirm-publish',
    editor: (page) => page.locator('.gh-editor div[data-kg=editor] .kg-prose[contenteditable=true][data-lexical-editor=true]'),
    publish: async (page) => {
      await page.locator('[data-test-button=publish-flow]').click();
      await page.locator('[data-test-button=continue]').click();
      await page.locator('[data-test-button=confirm-publish]').click();
    },
    afterPublish: (page) => expect(page.locator('[data-test-publish-flow=complete]')).toBeVisible(),
  },
  {
    name: 'blogger',
    title: 'Blogger: design-mode iframe#postingComposeBox, div[role=button] Publish',
    editor: (page) => page.frameLocator('iframe#postingComposeBox').locator('body'),
    publish: (page) => page.getByRole('button', { name: 'Publish' }).click(),
    afterPublish: (page) => expect(page).toHaveURL('https://www.blogger.com/blog/posts/1'),
  },
  {
    name: 'textarea',
    title: 'Plain textarea (generic fallback, X mobile)',
    editor: (page) => page.locator('div[data-testid^=tweetTextarea] textarea'),
    publish: (page) => page.getByRole('button', { name: 'Post' }).click(),
    afterPublish: async (page) => expect(page.locator('textarea')).toHaveValue(''),
  },
  {
    name: 'self-hosted',
    title: 'Self-hosted WordPress: editor in an open shadow root, input#publish',
    editor: (page) => page.locator('note-editor div.note-body[contenteditable=true]'),
    publish: (page) => page.locator('input#publish').click(),
    afterPublish: (page) => expect(page.getByRole('status')).toHaveText('Article publié.'),
  },
];
