/**
 * Host access granted in a Chromium profile, as the user's "Allow" in the browser's permission
 * prompt grants it. Headless Chromium shows that prompt where no test can click it, so the test
 * writes the grant into the profile's preferences while the browser is closed; the extension's
 * own `permissions.request` then finds it granted, exactly as after the user's click.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function grantHosts(userDataDir: string, extensionId: string, origins: string[]): void {
  const path = join(userDataDir, 'Default/Preferences');
  const preferences = JSON.parse(readFileSync(path, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { explicit_host: string[] }>> };
  };
  const settings = preferences.extensions.settings[extensionId];
  if (!settings) throw new Error(`The profile has no extension ${extensionId}.`);
  for (const key of ['granted_permissions', 'active_permissions'])
    settings[key]!.explicit_host = [...new Set([...settings[key]!.explicit_host, ...origins])];
  writeFileSync(path, JSON.stringify(preferences));
}
