/**
 * Where a new user's first step leads: for now the LinkedIn import on the options page (its
 * heading's id). When a first-run page exists, point this at it and every "start here" link
 * (the weekly report's first steps, the popup's) follows.
 */
export const FIRST_RUN_PATH = '/options.html#linkedin-title';
