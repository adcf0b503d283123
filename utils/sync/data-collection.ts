/**
 * What Firefox's data-collection consent names for sync (docs/store/data-use.md): the records,
 * which name people, and the login to the server. Optional in the manifest, asked for with host
 * access to the server when the user turns sync on; Chromium has no such consent.
 */
export const SYNC_DATA_COLLECTION = ['personallyIdentifyingInfo', 'authenticationInfo'] as const;
