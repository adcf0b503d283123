/**
 * The floor: a minimal extension, written by the bench into a temporary folder (plain JS, no
 * build), whose content script does the least our LinkedIn script must do: put one static
 * element, a bare <span> with a closed shadow root, after the profile's name heading (at load
 * and after each in-page navigation), and after the names of the known people of a list. Its
 * static page is the floor of the extension pages: what opening any page of an extension costs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The floor's content script; `KNOWN` is replaced by the slugs a list page should mark. */
function floorScript(known: readonly string[]): string {
  return `(() => {
  const KNOWN = new Set(${JSON.stringify(known)});
  const mark = (after) => {
    const host = document.createElement('span');
    host.attachShadow({ mode: 'closed' }).append('Known');
    after.after(host);
  };
  const heading = () => document.querySelector('main h1, h1');
  let badged = null;
  const badge = () => {
    const h1 = heading();
    if (!h1 || h1 === badged || !location.pathname.startsWith('/in/')) return false;
    badged = h1;
    mark(h1.closest('a, button') || h1);
    return true;
  };
  const done = new WeakSet();
  const chips = () => {
    for (const link of document.querySelectorAll('a[href*="/in/"]')) {
      const slug = decodeURIComponent(new URL(link.href).pathname.split('/')[2] || '').toLowerCase();
      if (!KNOWN.has(slug) || done.has(link)) continue;
      const card = link.closest('li') || link;
      if (done.has(card)) continue;
      const name = [...link.querySelectorAll('span[aria-hidden="true"]')].find((s) => s.textContent.trim());
      if (!name) continue;
      done.add(card); done.add(link);
      mark(name);
    }
  };
  // From document_start, like our script: mark the heading and known names as soon as the
  // parser (or an in-page navigation) adds them.
  new MutationObserver(() => { badge(); chips(); }).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
`;
}

/** Writes the floor extension and returns its folder. */
export function writeFloorExtension(knownListSlugs: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-map-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Bench floor',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    host_permissions: ['https://www.linkedin.com/*'],
    content_scripts: [
      { matches: ['https://www.linkedin.com/*'], js: ['content.js'], run_at: 'document_start' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  // A service worker, so that the harness's "the extension loaded" check holds for the floor too.
  writeFileSync(join(dir, 'background.js'), 'self.addEventListener("install", () => {});\n');
  writeFileSync(join(dir, 'content.js'), floorScript(knownListSlugs));
  // The extension pages' floor: a page of the extension with nothing to read or compute.
  writeFileSync(
    join(dir, 'page.html'),
    '<!doctype html><meta charset="utf-8"><title>Floor</title><p id="ready">Ready</p>\n',
  );
  return dir;
}
