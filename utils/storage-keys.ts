/**
 * Keys in the `local` extension storage area that the LinkedIn script reads straight from the
 * browser API (entrypoints/linkedin/storage.ts) and every other context through the
 * @wxt-dev/storage items of utils/settings.ts.
 */
export const SETTINGS_KEY = 'settings';
export const DATA_CHANGED_KEY = 'dataChangedAt';
