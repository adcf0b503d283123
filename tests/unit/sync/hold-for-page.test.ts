// @vitest-environment jsdom
/**
 * The popup and the side panel tell the background that the user is there: when they open, and
 * as the user types, clicks or scrolls, at most every quarter of a second.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const { HOLD_SYNC, holdSyncWhileUsed, isHoldForUser } = await import('@/utils/sync/hold-for-page');

describe('a page holding sync for the user', () => {
  it('asks at once, then on input at most every 250 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const heard: unknown[] = [];
      fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
        heard.push(message);
        return Promise.resolve(null);
      });
      holdSyncWhileUsed();
      const key = () =>
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      key();
      key();
      await vi.advanceTimersByTimeAsync(100);
      key();
      expect(heard).toEqual([HOLD_SYNC]);
      await vi.advanceTimersByTimeAsync(200);
      key();
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(0);
      expect(heard).toEqual([HOLD_SYNC, HOLD_SYNC]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is told apart from the pages’ other messages', () => {
    expect(isHoldForUser(HOLD_SYNC)).toBe(true);
    expect(isHoldForUser({ type: 'sync/turn-on' })).toBe(false);
    expect(isHoldForUser('sync/hold-for-user')).toBe(false);
    expect(isHoldForUser(null)).toBe(false);
  });
});
