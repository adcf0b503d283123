import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { completeSettings, loadSettings, settingsItem } from '@/utils/settings';

/** The user's settings, kept current when they change in the options page. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let current = true;
    void loadSettings().then((loaded) => current && setSettings(loaded));
    const unwatch = settingsItem.watch((stored) => setSettings(completeSettings(stored)));
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  return settings;
}
