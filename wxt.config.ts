import { defineConfig } from 'wxt';
import { noRawHtml } from './build/no-raw-html';

// Host access is LinkedIn only, and nothing is web-accessible or externally connectable:
// LinkedIn probes both to detect installed extensions (see DESIGN.md, "Invisible to LinkedIn").
// The LinkedIn script is an unlisted script declared here by hand rather than a WXT content
// script: WXT's content-script context dispatches DOM events named with the extension id
// (`<id>:<entrypoint>:wxt:content-script-started`, `…:wxt:locationchange`), which the page can
// listen for. Our own lifetime and navigation watcher replace it (entrypoints/linkedin/).
const LINKEDIN_SCRIPT = {
  matches: ['https://www.linkedin.com/*'],
  js: ['linkedin.js'],
  run_at: 'document_end',
} as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel builds (several engineers, the bench's floor extension) each get their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { ...LINKEDIN_SCRIPT, js: [...LINKEDIN_SCRIPT.js], matches: [...LINKEDIN_SCRIPT.matches] },
      ];
    },
  },
  vite: () => ({
    plugins: [noRawHtml()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { chunkSizeWarningLimit: 800 },
  }),
  manifest: ({ browser }) => ({
    name: 'Alliance Map',
    description:
      'Your private map of allies, mentors and sponsors on LinkedIn. Everything stays on your machine.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_permissions: ['notifications'],
    host_permissions: ['https://www.linkedin.com/*'],
    action: { default_title: 'Alliance Map' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Quick-tag the person on this page',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open the full record in the side panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'alliance-map@alliance-map.example',
              // 142: the first Firefox (desktop and Android) to read data_collection_permissions.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
