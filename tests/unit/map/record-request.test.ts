import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  REQUEST_FRESH_MS,
  openRecord,
  recordRequestItem,
  watchRecordRequests,
} from '@/utils/record-request';

describe('asking the side panel for a record', () => {
  it('shows a request made just before the panel started, then every new one', async () => {
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open: vi.fn(async () => {}) };
    expect(await openRecord('dana-lee', { tabId: 4 })).toBe(true);
    const shown: string[] = [];
    const stop = watchRecordRequests((slug) => shown.push(slug));
    await vi.waitFor(() => expect(shown).toEqual(['dana-lee']));
    await openRecord('sam-okafor', { tabId: 4 });
    await vi.waitFor(() => expect(shown).toEqual(['dana-lee', 'sam-okafor']));
    stop();
    await openRecord('priya-novak', { tabId: 4 });
    expect(shown).toEqual(['dana-lee', 'sam-okafor']);
  });

  it('ignores a request older than a panel that opened for it would be', async () => {
    await recordRequestItem.setValue({ slug: 'old', at: Date.now() - REQUEST_FRESH_MS - 1 });
    const shown: string[] = [];
    const stop = watchRecordRequests((slug) => shown.push(slug));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown).toEqual([]);
    stop();
  });
});
