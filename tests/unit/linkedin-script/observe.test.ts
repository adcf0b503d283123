// @vitest-environment jsdom
/**
 * The shared throttled observer: the first change is handled in the observer's own callback
 * (a timer would wait behind the HTML parser's tasks on a loading page), later ones at most
 * once per delay, and nothing after the signal aborts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeDebounced } from '@/entrypoints/linkedin/observe';

/** Lets the MutationObserver's callback (a microtask) run; no timer fires meanwhile. */
const mutationsDelivered = () => Promise.resolve().then(() => undefined);

describe('observeDebounced', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  /** A change to the page, and its delivery to the observer. */
  const change = async () => {
    document.body.append(document.createElement('div'));
    await mutationsDelivered();
  };
  const observed = (delayMs?: number) => {
    const onMutations = vi.fn();
    observeDebounced(document.body, controller.signal, onMutations, delayMs);
    return onMutations;
  };

  it('handles the first change without waiting for a timer', async () => {
    const onMutations = observed();
    await change();
    expect(onMutations).toHaveBeenCalledTimes(1);
  });

  it('handles a burst of later changes once, when the delay has passed', async () => {
    const onMutations = observed(40);
    await change();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(5);
      await change();
    }
    expect(onMutations).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15);
    expect(onMutations).toHaveBeenCalledTimes(2);
    // Past the delay already: the next change is handled in its callback again.
    vi.advanceTimersByTime(40);
    await change();
    expect(onMutations).toHaveBeenCalledTimes(3);
  });

  it('stops when its signal aborts', async () => {
    const onMutations = observed(40);
    await change();
    await change();
    controller.abort();
    vi.advanceTimersByTime(100);
    await change();
    expect(onMutations).toHaveBeenCalledTimes(1);
  });
});
