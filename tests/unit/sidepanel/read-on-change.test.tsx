// @vitest-environment jsdom
/**
 * `useReadOnChange`, the re-read of the people list and the weekly report after a change: a storm
 * of change notices (another device joining writes batch after batch) must not keep the view
 * reading, while a change made when nothing is read shows at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mount, settle, type Mounted } from './render';
import { useReadOnChange } from '@/components/useLiveQuery';
import { dataChangedItem } from '@/utils/settings';

const READ_MS = 40;
let view: Mounted | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** A view whose every read takes READ_MS and says how many reads there were. */
async function countingView(options: { waitForQuietInput?: boolean } = {}) {
  const reads: { start: number; end: number }[] = [];
  const read = async () => {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, READ_MS));
    reads.push({ start, end: performance.now() });
    return reads.length;
  };
  function View() {
    const live = useReadOnChange(read, [], options);
    return <p>{live.status === 'ready' ? `read ${live.value}` : 'loading'}</p>;
  }
  view = await mount(<View />);
  const shown = () => view!.root.textContent;
  await settle(() => shown() === 'read 1');
  return { reads, shown };
}

let version = 0;
const announce = () => dataChangedItem.setValue(++version);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a view read again on the change notice', () => {
  it('reads at once after a change that finds no read running', async () => {
    const { reads, shown } = await countingView();
    const at = performance.now();
    await announce();
    await settle(() => shown() === 'read 2');
    // Started at once, not after a rest.
    expect(reads[1]!.start - at).toBeLessThan(READ_MS);
  });

  it('answers a storm of changes with one read at a time, each after a rest', async () => {
    const { reads, shown } = await countingView();
    // Eighty notices, one every READ_MS / 4.
    const stormStart = performance.now();
    let lastNotice = 0;
    for (let i = 0; i < 80; i++) {
      await announce();
      lastNotice = performance.now();
      await sleep(READ_MS / 4);
    }
    // The last change is read once the rest after the read it found running is over.
    await settle(() => reads.some((r) => r.start > lastNotice), 10 * READ_MS);
    await sleep(5 * READ_MS);
    expect(shown()).toBe(`read ${reads.length}`);
    // Each read rested three times its length: a read (at least READ_MS) every four, and the last.
    const storm = lastNotice - stormStart;
    expect(reads.length).toBeLessThanOrEqual(1 + Math.ceil(storm / (4 * READ_MS)) + 1);
    for (let i = 2; i < reads.length; i++) {
      const took = reads[i - 1]!.end - reads[i - 1]!.start;
      expect(reads[i]!.start - reads[i - 1]!.end).toBeGreaterThanOrEqual(3 * took - 2);
    }
  });

  it('with waitForQuietInput, reads after a change only once the user has stopped typing', async () => {
    const { reads, shown } = await countingView({ waitForQuietInput: true });
    const typing = performance.now();
    let lastKey = 0;
    for (let i = 0; i < 8; i++) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      lastKey = performance.now();
      await announce();
      await sleep(150);
    }
    expect(reads).toHaveLength(1);
    await settle(() => shown() === 'read 2', 3000);
    expect(reads[1]!.start - lastKey).toBeGreaterThanOrEqual(1000 - 2);
    expect(reads[1]!.start - typing).toBeLessThan(3000);
  });
});
