/**
 * Host access granted in a Chromium profile, as the user's "Allow" in the browser's permission
 * prompt grants it. Headless Chromium shows that prompt where no test can click it, so the test
 * writes the grant into the profile's preferences while the browser is closed; the extension's
 * own `permissions.request` then finds it granted, exactly as after the user's click.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Harness } from './harness';

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

/** A Chromium profile with the extension, host access to `origin` granted and it reachable. */
export async function launchGranted(
  origin: string,
  extensionDir?: string,
): Promise<{ h: Harness; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-map-sync-'));
  const first = await launch({ userDataDir: dir, extensionDir });
  const id = first.extensionId;
  await first.close();
  // As the extension asks for it: the host, any port (utils/sync/server-url.ts).
  const { protocol, hostname } = new URL(origin);
  grantHosts(dir, id, [`${protocol}//${hostname}/*`]);
  return { h: await launch({ userDataDir: dir, extensionDir, allow: [origin] }), dir };
}
