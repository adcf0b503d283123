/** A problem sync explains to the user in its own words: its message is shown as it is. */
export class SyncProblem extends Error {}
