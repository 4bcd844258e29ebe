import { describe, expect, it } from 'vitest';
import { MAX_SELF_HOSTED, originsFor, parseDomain, registrationFor, storedDomains } from '../../src/sites/self-hosted';
import { adapterFor, GENERIC } from '../../src/sites';

describe('self-hosted domains: what the user types', () => {
  it.each([
    ['blog.example.ca', 'blog.example.ca'],
    ['  Blog.Example.CA  ', 'blog.example.ca'],
    ['https://blogue.clinique-exemple.ca/wp-admin/post-new.php?x=1#y', 'blogue.clinique-exemple.ca'],
    ['http://notes.example.org:8080/', 'notes.example.org'],
    ['blog.example.ca.', 'blog.example.ca'],
    ['thérapie-familiale.ca', 'xn--thrapie-familiale-ctb.ca'],
    ['ｂｌｏｇ．ｅｘａｍｐｌｅ．ｃａ', 'blog.example.ca'], // full-width, as some keyboards type it
    ['localhost:2368', 'localhost'],
    ['192.168.0.10', '192.168.0.10'],
  ])('%s → %s', (input, host) => {
    expect(parseDomain(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['mon blogue', 'invalid'],
    ['*.example.ca', 'invalid'],
    ['ftp://files.example.ca', 'invalid'],
    ['https://user:pw@blog.example.ca', 'invalid'],
    ['blog', 'invalid'],
    ['-bad-.example.ca', 'invalid'],
    ['[::1]', 'invalid'],
    ['https://', 'invalid'],
  ])('%j is refused as %s', (input, error) => {
    expect(parseDomain(input)).toMatchObject({ ok: false, error });
  });

  it('refuses the sites Balise already covers, naming the host', () => {
    expect(parseDomain('https://www.facebook.com/')).toEqual({ ok: false, error: 'covered', host: 'www.facebook.com' });
    expect(parseDomain('monblogue.wordpress.com')).toMatchObject({ ok: false, error: 'covered' });
    expect(parseDomain('x.com')).toMatchObject({ ok: false, error: 'covered' });
    // …but not a look-alike that merely ends the same way.
    expect(parseDomain('notfacebook.ca')).toEqual({ ok: true, host: 'notfacebook.ca' });
  });

  it('refuses a duplicate (after normalising) and a full list', () => {
    expect(parseDomain('EXAMPLE.org/', ['example.org'])).toEqual({ ok: false, error: 'duplicate', host: 'example.org' });
    const full = Array.from({ length: MAX_SELF_HOSTED }, (_, i) => `b${i}.example.ca`);
    expect(parseDomain('one-more.example.ca', full)).toMatchObject({ ok: false, error: 'tooMany' });
  });
});

describe('self-hosted domains: storage and registration', () => {
  it('a corrupted stored value becomes a clean list, never an exception', () => {
    expect(storedDomains(undefined)).toEqual([]);
    expect(storedDomains('blog.example.ca')).toEqual([]);
    expect(storedDomains(['blog.example.ca', 42, null, 'BLOG.example.ca', 'not a domain', 'facebook.com', 'notes.example.org'])).toEqual([
      'blog.example.ca',
      'notes.example.org',
    ]);
  });

  it('asks for exactly one host on both schemes, never all URLs', () => {
    expect(originsFor('blog.example.ca')).toEqual(['https://blog.example.ca/*', 'http://blog.example.ca/*']);
  });

  it('registers the content script on the granted origins only, or not at all', () => {
    expect(registrationFor([], 'content-scripts/content.js')).toBeNull();
    const reg = registrationFor(['https://blog.example.ca/*'], 'content-scripts/content.js')!;
    expect(reg).toMatchObject({ matches: ['https://blog.example.ca/*'], js: ['content-scripts/content.js'], allFrames: false });
  });

  it('a self-hosted blog gets the WordPress and Ghost editors and publish buttons, as a blog', () => {
    const a = adapterFor('blogue.clinique-exemple.ca');
    expect(a).toBe(GENERIC);
    expect(a.platform).toBe('blog');
    expect(a.editors).toContain('body#tinymce');
    expect(a.publish).toContain('input#publish');
    expect(a.publish).toContain('[data-test-button=confirm-publish]');
  });
});
