/**
 * The message ids, typed from the English file (the reference every other language follows):
 * a misspelt id fails the type check. Plural messages are stored once per CLDR plural category
 * (`people_one`, `people_other`; Arabic adds `_zero`, `_two`, `_few`, `_many`), optionally with
 * exact forms for a number (`times_2`: "twice"), and asked for by their stem
 * (docs/translating.md).
 */
type English = typeof import('../../public/_locales/en/messages.json');

/** The plural categories of `Intl.PluralRules`, as message id suffixes. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralSuffix = `_${(typeof PLURAL_CATEGORIES)[number]}`;

type AllKeys = Extract<keyof English, string>;

/** The stem of a plural message: `people` for `people_one`, `people_other`. */
export type PluralKey = AllKeys extends infer K
  ? K extends `${infer Stem}_other`
    ? Stem
    : never
  : never;

/** Every message id but the plural forms (asked for by their stem) and the file's own facts. */
export type MessageKey = Exclude<
  AllKeys,
  `${PluralKey}${PluralSuffix}` | `${PluralKey}_${number}` | `meta_${string}`
>;

/** `offered-help` → `offered_help`: message ids hold only letters, digits and `_`. */
type Underscored<S extends string> = S extends `${infer A}-${infer B}`
  ? `${A}_${Underscored<B>}`
  : S;

/** The message id of a value of the model (`touch`, `offered-help` → `touch_offered_help`). */
export function labelKey<P extends string, V extends string>(
  prefix: P,
  value: V,
): `${P}_${Underscored<V>}` {
  return `${prefix}_${value.replaceAll('-', '_')}` as `${P}_${Underscored<V>}`;
}
