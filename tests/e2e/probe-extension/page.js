// Harness self-test: an extension page that asks the service worker to fetch, and fetches itself.
window.probe = (url) => chrome.runtime.sendMessage({ probe: url });
window.pageFetch = (url) => fetch(url).then(() => 'ok', (e) => String(e));
