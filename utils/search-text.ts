/** Text folded for search: what finding people by a name or a word of a note compares. */

/** Lower case without accents, so that "muller" finds "Müller". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a name, once each: "Zoë Müller-Lee" → zoe, muller, lee. */
export function nameWordsOf(name: string): string[] {
  return [
    ...new Set(
      foldForSearch(name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}
