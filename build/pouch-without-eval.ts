import type { Plugin } from 'vite';

/** The line of PouchDB's `scopeEval` (pouchdb-utils) that builds a function from a string. */
const EVAL_LINE = 'return Function.apply(null, keys).apply(null, values);';

/**
 * Takes the one use of the Function constructor out of PouchDB. `scopeEval` turns a design
 * document's filter or view, given as a string, into a function; sync never names one (its
 * replication filters nothing), an extension's policy refuses eval anyway, and Mozilla's add-on
 * linter refuses a package that holds it. The function now says why it cannot run. A PouchDB
 * release that changes the line fails the build, so the check cannot pass by missing it.
 */
export function pouchWithoutEval(): Plugin {
  return {
    name: 'alliance-map:pouch-without-eval',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]pouchdb-utils[\\/]/.test(id)) return null;
      if (!code.includes(EVAL_LINE)) this.error(`PouchDB's scopeEval changed in ${id}`);
      return {
        code: code.replace(
          EVAL_LINE,
          "throw new Error('Design document functions given as text need eval, which the extension may not use.');",
        ),
        map: null,
      };
    },
  };
}
