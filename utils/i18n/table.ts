/**
 * Messages as a plain table, for code that runs where the extension's `i18n` API is not: a
 * dedicated worker (the LinkedIn import) is sent the page's table and translates with it, so that
 * what it reports is in the user's language too.
 */
import en from '@/public/_locales/en/messages.json';
import { PLURAL_CATEGORIES } from './messages';
import { createTranslator, type Translator } from './translator';

/** Message ids and their text in one language, with the language tag the browser reported. */
export interface MessageTable {
  readonly language: string;
  readonly messages: Readonly<Record<string, string>>;
}

const PLURAL_FORM = /^(.*)_(zero|one|two|few|many|other)$/;

/** Every id a translator may ask for: English's, and each plural stem in every category. */
function everyId(): string[] {
  const ids = new Set(Object.keys(en));
  for (const key of Object.keys(en)) {
    const stem = PLURAL_FORM.exec(key)?.[1];
    if (stem) for (const category of PLURAL_CATEGORIES) ids.add(`${stem}_${category}`);
  }
  return [...ids];
}

/** The table of what `lookup` answers (ids it has no message for are left out). */
export function tableOf(
  lookup: (id: string) => string | undefined,
  language: string,
): MessageTable {
  const messages: Record<string, string> = {};
  for (const id of everyId()) {
    const text = lookup(id);
    if (text) messages[id] = text;
  }
  return { language, messages };
}

/** A translator over a table: the same words and formats as the page that made it. */
export function tableTranslator(table: MessageTable): Translator {
  return createTranslator(
    (id) => table.messages[id],
    () => table.language,
  );
}
