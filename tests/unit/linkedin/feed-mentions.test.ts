import { describe, expect, it } from 'vitest';
import { findPersonMentions, type PersonMention } from '@/utils/linkedin/mentions';
import { loadFixture } from './load-fixture';

// The real 2026 feed (tests/fixtures/linkedin/README.md): signed in as tusharchauhan1410.
const FEED = 'feed-2026-server-driven.html';
const FEED_URL = 'https://www.linkedin.com/feed/';
const VIEWER = 'tusharchauhan1410';

function summary(mentions: PersonMention[]): Array<[string, string]> {
  return mentions.map((m) => [m.key, m.nameElement.textContent?.replace(/\s+/g, ' ').trim() ?? '']);
}

function feedMentions(): PersonMention[] {
  return findPersonMentions(loadFixture(FEED, FEED_URL));
}

describe('2026 server-driven feed', () => {
  it('finds post authors, reactors, commenters and people named in posts, one per post card and person', () => {
    expect(summary(feedMentions())).toEqual([
      ['kamal-sharma-2a654a191', 'Kamal Sharma'], // author (also named in his own post: same card, one chip)
      ['barnwal-ritik', 'Ritik Barnwal'], // "likes this"
      ['sanchitnarula', 'Sanchit Narula'], // author
      ['jeet-umat-065b5a1bb', 'Jeet Umat'], // named in the post text
      ['yogesh-rajpoot-1158a3138', 'Yogesh Rajpoot'], // "likes this"
      ['olawale-kolawole-751a3514', 'Olawale Kolawole'], // author
      ['sidagarwal04', 'Siddhant Agarwal'], // "likes this"
      ['mohit-paddhariya', 'Mohit Paddhariya'], // author
      ['naliniskitchenrecipe', 'Nalini U.'], // named in a company's post
      ['abhikol', 'Abhishek Kolvekar'], // "likes this"
      ['ayush-dubey-399a1a231', 'Ayush Dubey'], // author
      ['zoranmilosevic', 'Zoran Milosevic'], // author
      ['chaitanyaprasad', 'Chaitanya Prasad Gade'], // "commented", and the comment's author in the same card
      ['sanchitnarula', 'Sanchit Narula'], // author of a second post: a second card, a second chip
    ]);
  }, 60_000);

  it('skips every link to the viewer: the identity card and the "Start a post" photo', () => {
    const doc = loadFixture(FEED, FEED_URL);
    // The page links the viewer four times (photo, name, company, "Start a post"); none is a mention.
    expect(doc.querySelectorAll(`a[href*="/in/${VIEWER}/"]`).length).toBe(4);
    expect(feedMentions().map((m) => m.key)).not.toContain(VIEWER);
  }, 60_000);

  it('puts each chip on the visible name inside the link, never on the photo', () => {
    for (const mention of feedMentions()) {
      expect(mention.link.contains(mention.nameElement)).toBe(true);
      expect(mention.link.querySelector('figure')).toBeNull();
      expect(mention.nameElement.closest('svg, figure')).toBeNull();
    }
  }, 60_000);

  it('counts a comment author once with the post that carries the comment', () => {
    const doc = loadFixture(FEED, FEED_URL);
    const comment = doc.querySelector('[componentkey^="CommentComponentReference_"]');
    expect(comment?.querySelector('a[href*="/in/chaitanyaprasad/"]')).not.toBeNull();
    const chaitanya = feedMentions().filter((m) => m.key === 'chaitanyaprasad');
    expect(chaitanya).toHaveLength(1);
  }, 60_000);

  it('ignores company pages (a company post by StartupFox is no person)', () => {
    const keys = feedMentions().map((m) => m.key);
    expect(keys.some((k) => k.includes('startupfox'))).toBe(false);
  }, 60_000);
});
