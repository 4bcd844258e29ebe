// Harness self-test: requests an extension might make from its service worker.
fetch('https://probe-startup.example/sw-startup').catch(() => {});
self.addEventListener('message', () => {});
chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg && msg.probe) {
    fetch(msg.probe).then(() => sendResponse('ok'), (e) => sendResponse(String(e)));
    return true;
  }
  return false;
});
