/**
 * Where the content script runs from install: the sites Balise knows (src/sites/index.ts). The same
 * list is the manifest's host_permissions, which lets the background start the content script in
 * tabs already open when Balise is installed or updated (content-script matches alone do not).
 * Self-hosted blogs are added at run time (src/sites/self-hosted.ts).
 */
export const SITE_MATCHES = [
  'https://*.facebook.com/*',
  'https://x.com/*',
  'https://*.x.com/*',
  'https://twitter.com/*',
  'https://*.twitter.com/*',
  'https://*.linkedin.com/*',
  'https://*.wordpress.com/*',
  'https://medium.com/*',
  'https://*.medium.com/*',
  'https://*.substack.com/*',
  'https://*.ghost.io/*',
  'https://www.blogger.com/*',
];
