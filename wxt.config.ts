import { defineConfig } from 'wxt';
import { localeProblems, readLocales } from './build/check-locales';
import { inlinePageStyles } from './build/inline-page-styles';
import { noRawHtml } from './build/no-raw-html';
import { pagesConnectNowhere } from './build/pages-connect-nowhere';
import { pouchWithoutEval } from './build/pouch-without-eval';
import { sharedPageChunk } from './build/shared-page-chunk';
import { SYNC_DATA_COLLECTION } from './utils/sync/data-collection';

// Host access is LinkedIn only, and nothing is web-accessible or externally connectable:
// LinkedIn probes both to detect installed extensions (docs/principles.md, "Invisible to LinkedIn").
// The LinkedIn script is an unlisted script declared here by hand rather than a WXT content
// script: WXT's content-script context dispatches DOM events named with the extension id
// (`<id>:<entrypoint>:wxt:content-script-started`, `…:wxt:locationchange`), which the page can
// listen for. Our own lifetime and navigation watcher replace it (entrypoints/linkedin/).
const LINKEDIN_SCRIPT = {
  matches: ['https://www.linkedin.com/*'],
  js: ['linkedin.js'],
  // At document_start, so that the question to the background is on its way while LinkedIn's
  // page is still being parsed: the badge is drawn as soon as the name appears.
  run_at: 'document_start',
} as const;

/**
 * Where sync may connect: a server the user names (docs/sync.md), over HTTPS, or over plain HTTP
 * on this computer only. A static policy cannot name a server the user has not chosen yet, so it
 * allows any HTTPS host; what keeps it to the user's server is the code: only the background
 * connects, only while sync is on and only to a server the user granted host access to
 * (`optional_host_permissions`). The pages get a policy of their own that allows nothing but the
 * extension (./build/pages-connect-nowhere.ts).
 */
const SYNC_SERVERS = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/** The extension pages' script policy: see the manifest below. */
const EXTENSION_PAGES_CSP = `script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; connect-src 'self' ${SYNC_SERVERS.join(' ')}`;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel builds (several engineers, the bench's floor extension) each get their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  hooks: {
    // A message missing in any language fails the build (docs/translating.md).
    'build:before': (wxt) => {
      const problems = localeProblems(readLocales(`${wxt.config.publicDir}/_locales`));
      if (problems.length) throw new Error(`Incomplete translations:\n${problems.join('\n')}`);
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { ...LINKEDIN_SCRIPT, js: [...LINKEDIN_SCRIPT.js], matches: [...LINKEDIN_SCRIPT.matches] },
      ];
    },
  },
  vite: () => ({
    plugins: [
      noRawHtml(),
      inlinePageStyles(),
      sharedPageChunk(),
      pagesConnectNowhere(),
      pouchWithoutEval(),
    ],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { chunkSizeWarningLimit: 800 },
  }),
  manifest: ({ browser }) => ({
    // Every word the browser shows comes from public/_locales (docs/translating.md).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_permissions: ['notifications'],
    host_permissions: ['https://www.linkedin.com/*'],
    // Asked for from the options page when the user turns sync on, for their server only.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // Stated rather than left to the browser's default: only the extension's own scripts, no
    // eval (not even for WebAssembly), no remote code, and no connection to anywhere but itself
    // and the sync server the user names (docs/principles.md, "Nothing leaves the machine";
    // docs/sync.md). Checked against the built manifest in tests/e2e/security.e2e.ts.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_quickTag__',
      },
      // Firefox opens its sidebar itself, without waking the background, and its menu bar's
      // access keys take Alt+Shift+S (History) before any add-on: Alt+Shift+R there
      // (docs/firefox.md, "Keyboard shortcuts").
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+R' },
              description: '__MSG_command_sidebar__',
            },
          }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+S' },
              description: '__MSG_command_sidePanel__',
            },
          }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{c61aa2d0-c33b-4891-a0c9-f4f9eafb2350}',
              // 142: the first Firefox (desktop and Android) to read data_collection_permissions.
              strict_min_version: '142.0',
              // Nothing by default; sync, when the user turns it on, sends their records (names
              // among them) and the server login to the server they name, end-to-end encrypted:
              // asked for with host access to it (docs/store/data-use.md).
              data_collection_permissions: {
                required: ['none'],
                optional: [...SYNC_DATA_COLLECTION],
              },
            },
          },
        }
      : {}),
  }),
});
