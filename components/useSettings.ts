import { useLayoutEffect, useState } from 'preact/hooks';
import { completeSettings, type Settings } from '@/utils/model';
import { loadSettings, settingsItem } from '@/utils/settings';

/**
 * The saved settings, kept current when they change anywhere (this page, a restored backup,
 * another window); undefined until first read.
 */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  // Read as soon as the page has rendered, not a frame later: the views drawn from the settings
  // (the popup's summary) wait for them.
  useLayoutEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const unwatch = settingsItem.watch((next) => setSettings(completeSettings(next)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}
