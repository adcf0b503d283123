import { createIsland, type Island } from '../ui/island';
import { Chip } from '../ui/Chip';
import { CHIP_CSS } from '../ui/styles';
import { observeDebounced } from '../observe';
import { onDataChange } from '../storage';
import type { Feature } from './feature';
import { findPersonMentions, isParsed, type PersonMention } from '@/utils/linkedin/mentions';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';
import { ask, type ChipSummary } from '@/utils/messaging/protocol';

/** Every key a mention names its person by: a slug and member id of one card are one person. */
const keysOf = ({ key, aliases }: PersonMention): string[] => [key, ...aliases];

/** The most keys one lookup carries: a screenful is far fewer; a huge page is split. */
const LOOKUP_BATCH = 200;

/** What the background knows of `keys`; `afterChange` when asked again because the data changed. */
async function lookup(
  keys: readonly string[],
  signal: AbortSignal,
  afterChange: boolean,
): Promise<Map<string, ChipSummary>> {
  const unique = [...new Set(keys)];
  const known = new Map<string, ChipSummary>();
  for (let i = 0; i < unique.length && !signal.aborted; i += LOOKUP_BATCH) {
    const batch = unique.slice(i, i + LOOKUP_BATCH);
    const answer = await ask(
      'lists/lookup',
      afterChange ? { keys: batch, afterChange } : { keys: batch },
    );
    for (const [key, chip] of Object.entries(answer ?? {})) known.set(key, chip);
  }
  return known;
}

/**
 * Role chips next to known people wherever LinkedIn lists people (search results, My Network,
 * feed and comment authors, "People also viewed"). One shared observer, debounced; one batched
 * lookup per batch of new people; each link handled once; nothing drawn for unknown people.
 */
export const listChips: Feature = {
  name: 'list-chips',
  injects: true,
  runsOn: () => true,
  init(signal, { url }) {
    const handled = new WeakSet<HTMLAnchorElement>();
    const islands = new Map<HTMLAnchorElement, Island>();

    const show = (mentions: readonly PersonMention[], known: Map<string, ChipSummary>) => {
      for (const mention of mentions) {
        const { link, nameElement } = mention;
        const chip = keysOf(mention)
          .map((key) => known.get(key))
          .find(Boolean);
        let island = islands.get(link);
        if (!chip) {
          island?.destroy();
          islands.delete(link);
          continue;
        }
        if (!island) {
          // Right after the name, even inside the card's link: a chip holds no control to click.
          island = createIsland(CHIP_CSS, (host) => nameElement.after(host));
          islands.set(link, island);
        }
        island.render(<Chip chip={chip} />);
      }
    };

    // What the background said of each key, until the data changes: each person is asked about
    // once per page, however many of their cards scroll in.
    let answers = new Map<string, Promise<ChipSummary | undefined>>();
    const askAbout = (keys: readonly string[], afterChange: boolean) => {
      const missing = [...new Set(keys)].filter((key) => !answers.has(key));
      if (!missing.length) return;
      const found = lookup(missing, signal, afterChange);
      for (const key of missing)
        answers.set(
          key,
          found.then((known) => known.get(key)),
        );
    };
    const answersFor = async (mentions: readonly PersonMention[], afterChange = false) => {
      const keys = mentions.flatMap(keysOf);
      askAbout(keys, afterChange);
      const known = new Map<string, ChipSummary>();
      for (const key of keys) {
        const chip = await answers.get(key);
        if (chip) known.set(key, chip);
      }
      return known;
    };

    // Each data change starts a new generation of answers. An answer of an older one can come
    // back after a newer one's (two changes in a row): it is dropped, never drawn over the newer.
    let generation = 0;

    /** Draws the cards not handled yet; while the page is parsed, only those it is done with. */
    const scanNewCards = async (parsedOnly = false) => {
      const fresh = findPersonMentions(document).filter(
        (m) => !handled.has(m.link) && (!parsedOnly || isParsed(m.card)),
      );
      if (!fresh.length) return;
      fresh.forEach((m) => handled.add(m.link));
      const asked = generation;
      const known = await answersFor(fresh);
      // A newer refresh found these cards too and draws them with newer answers.
      if (!signal.aborted && asked === generation) show(fresh, known);
    };

    // The data changed: roles may have changed for anyone on the page, so ask for all of them.
    const refreshAll = async () => {
      const asked = ++generation;
      answers = new Map();
      for (const [link, island] of islands) {
        if (!link.isConnected) {
          island.destroy();
          islands.delete(link);
        }
      }
      const mentions = findPersonMentions(document);
      mentions.forEach((m) => handled.add(m.link));
      const known = await answersFor(mentions, true);
      if (!signal.aborted && asked === generation) show(mentions, known);
    };

    signal.addEventListener(
      'abort',
      () => {
        islands.forEach((island) => island.destroy());
        islands.clear();
      },
      { once: true },
    );
    const start = () => {
      // The whole document, not the body: a page may swap its <body> on navigation.
      observeDebounced(document.documentElement, signal, () => void scanNewCards());
      onDataChange(signal, () => void refreshAll());
      void scanNewCards();
    };
    if (document.readyState !== 'loading') return start();
    // While the HTML is parsed, a card is drawn once the parser is past it: a half-parsed card
    // could show one link of a person now and another later, and get two chips. Not on a
    // profile, where the badge is what the user waits for and the page's lists come after it.
    const parsing = new AbortController();
    signal.addEventListener('abort', () => parsing.abort(), { once: true });
    if (!profileSlugFromUrl(url.href))
      observeDebounced(document.documentElement, parsing.signal, () => void scanNewCards(true));
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        parsing.abort();
        start();
      },
      { once: true, signal },
    );
  },
};

// Try on: https://www.linkedin.com/search/results/people/?keywords=design ,
// https://www.linkedin.com/mynetwork/invite-connect/connections/ , https://www.linkedin.com/feed/
