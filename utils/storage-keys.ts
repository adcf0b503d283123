/**
 * Keys in the `local` extension storage area that the LinkedIn script reads straight from the
 * browser API (entrypoints/linkedin/storage.ts) and every other context through the
 * @wxt-dev/storage items of utils/settings.ts. The LinkedIn script sees a stored value as it is:
 * a later migration of the settings item must leave values that `completeSettings` can complete.
 */
export const SETTINGS_KEY = 'settings';
export const DATA_CHANGED_KEY = 'dataChangedAt';
