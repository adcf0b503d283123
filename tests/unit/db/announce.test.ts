/**
 * The change notice every context listens for: the first commit of a burst is announced at
 * once (a page may close right after its write), the rest of the burst once, 20 ms later.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceDataChange } from '@/utils/db';
import { dataChangedItem } from '@/utils/settings';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('announceDataChange', () => {
  it('announces the first commit at once and the rest of its burst once, after it', async () => {
    vi.useFakeTimers();
    const announced = vi.spyOn(dataChangedItem, 'setValue').mockResolvedValue();
    announceDataChange();
    expect(announced).toHaveBeenCalledTimes(1);
    announceDataChange();
    announceDataChange();
    expect(announced).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(announced).toHaveBeenCalledTimes(2);
    // Nothing more committed: nothing more said.
    await vi.advanceTimersByTimeAsync(100);
    expect(announced).toHaveBeenCalledTimes(2);
    announceDataChange();
    expect(announced).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(announced).toHaveBeenCalledTimes(3);
  });
});
