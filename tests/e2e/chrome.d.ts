// `chrome` as seen inside extension pages and the service worker, where tests evaluate code.
declare const chrome: typeof import('@wxt-dev/browser').browser;
