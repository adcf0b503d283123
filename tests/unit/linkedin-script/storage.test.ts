/**
 * The LinkedIn script reads the settings and the data-change notice straight from extension
 * storage; everything else writes them through utils/settings.ts's @wxt-dev/storage items. Both
 * sides must agree on the keys and on how a partial value is completed.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, onDataChange, onSettingsChange } from '@/entrypoints/linkedin/storage';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { dataChangedItem, saveSettings, settingsItem } from '@/utils/settings';

/** Lets the fake storage's change events reach their listeners. */
const eventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the LinkedIn script storage', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the settings page saved', async () => {
    await saveSettings({
      stealth: true,
      cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole, ally: 7 },
    });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      stealth: true,
      cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole, ally: 7 },
    });
  });

  it('completes a value an older version stored', async () => {
    await fakeBrowser.storage.local.set({
      settings: { debug: true, cadenceByRole: { mentor: 9 } },
    });
    const settings = await loadSettings();
    expect(settings.debug).toBe(true);
    expect(settings.cadenceByRole).toEqual({ ...DEFAULT_SETTINGS.cadenceByRole, mentor: 9 });
  });

  it('hears each key change, and nothing after its signal aborts', async () => {
    const controller = new AbortController();
    const data = vi.fn();
    const settings = vi.fn();
    onDataChange(controller.signal, data);
    onSettingsChange(controller.signal, settings);

    await dataChangedItem.setValue(1);
    await eventsDelivered();
    expect([data.mock.calls.length, settings.mock.calls.length]).toEqual([1, 0]);

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, stealth: true });
    await eventsDelivered();
    expect([data.mock.calls.length, settings.mock.calls.length]).toEqual([1, 1]);

    controller.abort();
    await dataChangedItem.setValue(2);
    await saveSettings({ stealth: false });
    await eventsDelivered();
    expect([data.mock.calls.length, settings.mock.calls.length]).toEqual([1, 1]);
  });
});
