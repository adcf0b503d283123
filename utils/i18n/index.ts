/**
 * The user's language in the extension: messages from the browser's `_locales` (the browser
 * picks the file for its own language and falls back to English), formats in that language.
 * Every surface uses `ui`; the insight engine is given it (docs/translating.md).
 */
import { browser } from 'wxt/browser';
import { createTranslator } from './translator';

export type { Translator, MessageValues } from './translator';
export { labelKey, type MessageKey, type PluralKey } from './messages';

/** The translator of the browser's language. */
export const ui = createTranslator(
  // Any id: plural forms are asked for by a computed id (`people_few`).
  (key) => (browser.i18n.getMessage as (id: string) => string)(key) || undefined,
  () => browser.i18n.getUILanguage(),
);

/** Sets the page's language and direction, so that the layout mirrors for Arabic. */
export function localizeDocument(doc: Document = document): void {
  doc.documentElement.lang = ui.locale;
  doc.documentElement.dir = ui.dir;
  doc.title = ui.t('extName');
}
