import type { Plugin } from 'vite';

const PREACT_DIST = /node_modules\/preact\/dist\/preact\.mjs$/;
/** Preact's one raw-HTML write, `(dom.innerHTML = props.dangerouslySetInnerHTML.__html)`. */
const RAW_HTML_WRITE = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

/**
 * Removes Preact's only way to write raw HTML (`dangerouslySetInnerHTML`), which Alliance Map
 * never uses (the linter forbids it): user text can then never become markup, and Mozilla's
 * add-on linter no longer flags an `innerHTML` assignment. The build fails if a Preact update
 * changes that code, so the guarantee cannot silently lapse.
 */
export function noRawHtml(): Plugin {
  return {
    name: 'alliance-map:no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id)) return null;
      const matches = code.match(RAW_HTML_WRITE)?.length ?? 0;
      if (matches !== 1) {
        this.error(
          `Expected one raw-HTML write in Preact, found ${matches}: review build/no-raw-html.ts.`,
        );
      }
      return {
        code: code.replace(RAW_HTML_WRITE, '(()=>{throw new TypeError("Raw HTML is disabled")})()'),
        map: null,
      };
    },
  };
}
