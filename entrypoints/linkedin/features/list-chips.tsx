import { createIsland, type Island } from '../ui/island';
import { Chip } from '../ui/Chip';
import { CHIP_CSS } from '../ui/styles';
import { observeDebounced } from '../observe';
import { onDataChange } from './data-changes';
import type { Feature } from './feature';
import { findPersonMentions, type PersonMention } from '@/utils/linkedin/mentions';
import { ask, type ChipSummary } from '@/utils/messaging/protocol';

/** The most keys one lookup carries: a screenful is far fewer; a huge page is split. */
const LOOKUP_BATCH = 200;

async function lookup(
  keys: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, ChipSummary>> {
  const unique = [...new Set(keys)];
  const known = new Map<string, ChipSummary>();
  for (let i = 0; i < unique.length && !signal.aborted; i += LOOKUP_BATCH) {
    const answer = await ask('lists/lookup', { keys: unique.slice(i, i + LOOKUP_BATCH) });
    for (const [key, chip] of Object.entries(answer ?? {})) known.set(key, chip);
  }
  return known;
}

/**
 * Role chips next to known people wherever LinkedIn lists people (search results, My Network,
 * feed and comment authors, "People also viewed"). One shared observer, debounced; one batched
 * lookup per batch of new cards; each link handled once; nothing drawn for unknown people.
 */
export const listChips: Feature = {
  name: 'list-chips',
  injects: true,
  runsOn: () => true,
  init(signal) {
    const handled = new WeakSet<HTMLAnchorElement>();
    const islands = new Map<HTMLAnchorElement, Island>();

    const show = (mentions: readonly PersonMention[], known: Map<string, ChipSummary>) => {
      for (const { link, key, nameElement } of mentions) {
        const chip = known.get(key);
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

    const scanNewCards = async () => {
      const fresh = findPersonMentions(document).filter((m) => !handled.has(m.link));
      if (!fresh.length) return;
      fresh.forEach((m) => handled.add(m.link));
      const known = await lookup(
        fresh.map((m) => m.key),
        signal,
      );
      if (!signal.aborted) show(fresh, known);
    };

    // The data changed: roles may have changed for anyone on the page, so ask for all of them.
    const refreshAll = async () => {
      for (const [link, island] of islands) {
        if (!link.isConnected) {
          island.destroy();
          islands.delete(link);
        }
      }
      const mentions = findPersonMentions(document);
      mentions.forEach((m) => handled.add(m.link));
      const known = await lookup(
        mentions.map((m) => m.key),
        signal,
      );
      if (!signal.aborted) show(mentions, known);
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
    // Not while the HTML is still being parsed: a half-parsed card could show one link of a
    // person now and another later, and get two chips.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start, { once: true, signal });
    } else start();
  },
};

// Try on: https://www.linkedin.com/search/results/people/?keywords=design ,
// https://www.linkedin.com/mynetwork/invite-connect/connections/ , https://www.linkedin.com/feed/
