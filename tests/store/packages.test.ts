/**
 * `npm run zip` from this checkout, then the sources zip built by its own instructions: the
 * Firefox build made from the sources is the AMO zip, file for file and byte for byte, and so is
 * the Chromium build the Chrome Web Store zip. Needs npm's registry (or its cache) for `npm ci`.
 */
import { exec, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SOURCES_README_IN_ZIP,
  deterministicZip,
  filesUnder,
  shellCommands,
} from '../../scripts/store-packages';

const ROOT = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

// Asynchronous: a build blocking the test worker for minutes stops it answering Vitest.
const run = promisify(exec);
const runFile = promisify(execFile);

/**
 * The environment of the commands run in the sources: a reviewer's shell, without what Vitest
 * sets (NODE_ENV=test would change the build), with WXT's default output and npm's cache first.
 */
function sourcesEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_prefer_offline: 'true' };
  for (const name of Object.keys(env)) {
    if (/^(NODE_ENV|TEST|MODE|VITEST.*|WXT_OUT_DIR)$/.test(name)) delete env[name];
  }
  return env;
}

/** The files that are in only one of the two, or differ between them. */
function differences(
  built: ReadonlyMap<string, Uint8Array>,
  packaged: ReadonlyMap<string, Uint8Array>,
): string[] {
  const names = [...new Set([...built.keys(), ...packaged.keys()])].sort();
  return names.filter((name) => {
    const [a, b] = [built.get(name), packaged.get(name)];
    return !a || !b || !Buffer.from(a).equals(b);
  });
}

describe('the store packages', () => {
  const work = mkdtempSync(join(tmpdir(), 'alliance-map-store-'));
  const out = join(work, 'out');
  const sources = join(work, 'sources');
  const zip = (name: string) => readFileSync(join(out, `alliance-map-${version}-${name}.zip`));
  const entries = (name: string) => new Map(Object.entries(unzipSync(zip(name))));

  beforeAll(async () => {
    await runFile(process.execPath, ['--import', 'tsx', 'scripts/zip.ts'], {
      cwd: ROOT,
      env: { ...process.env, WXT_OUT_DIR: out },
    });
    for (const [path, content] of entries('sources')) {
      mkdirSync(dirname(join(sources, path)), { recursive: true });
      writeFileSync(join(sources, path), content);
    }
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the sources a reviewer needs and nothing of the tests', () => {
    const files = [...entries('sources').keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        SOURCES_README_IN_ZIP,
        'package.json',
        'package-lock.json',
        'wxt.config.ts',
      ]),
    );
    expect(files.filter((f) => /^(tests|bench)\//.test(f))).toEqual([]);
  });

  it('declares the add-on id and the data collection AMO requires, and only in Firefox', () => {
    const manifest = (name: string) =>
      JSON.parse(new TextDecoder().decode(entries(name).get('manifest.json'))) as {
        version: string;
        browser_specific_settings?: {
          gecko: { id: string; data_collection_permissions: unknown };
        };
      };
    const gecko = manifest('firefox').browser_specific_settings!.gecko;
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['personallyIdentifyingInfo', 'authenticationInfo'],
    });
    expect(manifest('chrome').browser_specific_settings).toBeUndefined();
    expect([manifest('chrome').version, manifest('firefox').version]).toEqual([version, version]);
  });

  it('builds, by its own instructions, the very files of the AMO zip', async () => {
    const readme = readFileSync(join(sources, SOURCES_README_IN_ZIP), 'utf8');
    for (const command of shellCommands(readme)) {
      await run(command, { cwd: sources, env: sourcesEnv() });
    }
    const built = filesUnder(join(sources, '.output/firefox-mv3'));
    expect(differences(built, entries('firefox'))).toEqual([]);
    expect(Buffer.from(deterministicZip(built)).equals(zip('firefox'))).toBe(true);
  });

  it('builds the Chrome Web Store zip from the same sources', async () => {
    await run('npm run build:chrome', { cwd: sources, env: sourcesEnv() });
    const built = filesUnder(join(sources, '.output/chrome-mv3'));
    expect(differences(built, entries('chrome'))).toEqual([]);
    expect(Buffer.from(deterministicZip(built)).equals(zip('chrome'))).toBe(true);
  });
});
