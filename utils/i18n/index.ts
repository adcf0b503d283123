/**
 * The user's language in the extension: messages from the browser's `_locales` (the browser
 * picks the file for its own language and falls back to English), formats in that language.
 * Every surface uses `ui`; the insight engine is given it (docs/translating.md).
 */
import type { MessageKey } from './messages';
import { tableOf, type MessageTable } from './table';
import { createTranslator } from './translator';

export type { Translator, MessageValues } from './translator';
export { labelKey, type MessageKey, type PluralKey } from './messages';
export { tableTranslator, type MessageTable } from './table';

/** What the translator uses of the extension's `i18n` API. */
interface I18nApi {
  getMessage(id: string): string;
  getUILanguage(): string;
}

/**
 * The extension's `i18n` API, read from the global the browser provides in every extension
 * context (`chrome` in Chromium, and in Firefox beside `browser`): synchronous, and the same
 * object `wxt/browser` wraps, without importing WXT's browser into the LinkedIn script.
 */
function i18nApi(): I18nApi {
  const scope = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  const api = scope.chrome?.i18n ?? scope.browser?.i18n;
  if (!api) throw new Error('No extension i18n API in this context.');
  return api;
}

/** The translator of the browser's language. */
export const ui = createTranslator(
  // Any id: plural forms are asked for by a computed id (`people_few`).
  (key) => i18nApi().getMessage(key) || undefined,
  () => i18nApi().getUILanguage(),
);

/**
 * Sets an extension page's language, direction and title before it draws, so that screen
 * readers speak the right language and the layout mirrors for Arabic.
 */
export function localizePage(title: MessageKey): void {
  document.documentElement.lang = ui.locale;
  document.documentElement.dir = ui.dir;
  document.title = ui.t(title);
}

/** The browser's messages as a table, for a worker to speak the user's language with. */
export function uiTable(): MessageTable {
  const api = i18nApi();
  return tableOf((id) => api.getMessage(id) || undefined, api.getUILanguage());
}
