/**
 * Where a new user's first step leads: the first run that builds the map (docs/map.md). The
 * background opens it on install; the popup, the report, the options page and the map page
 * link to it while nothing is known.
 */
export const FIRST_RUN_PATH = '/welcome.html';
