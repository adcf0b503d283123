import type { Plugin } from 'vite';

/**
 * The extension pages' own connection policy: themselves only. The manifest's policy must let
 * the background reach a sync server the user names (any HTTPS host: it cannot be listed ahead),
 * and in Chromium that policy covers the service worker and the pages alike; a policy in each
 * page's markup is enforced on top of it, so the pages (popup, side panel, options, report, map,
 * first run) can reach nothing but the extension itself (docs/sync.md, "Who talks to the
 * server"). Checked in tests/e2e/security.e2e.ts.
 */
export const PAGES_CSP = "connect-src 'self'";

export function pagesConnectNowhere(): Plugin {
  return {
    name: 'alliance-map:pages-connect-nowhere',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => ({
        html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGES_CSP },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  };
}
