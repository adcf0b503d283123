/**
 * `npm run zip`: builds both browsers afresh and writes, in .output/, the Chrome Web Store zip,
 * the addons.mozilla.org zip and the sources zip AMO asks for (scripts/store-packages.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deterministicZip, filesUnder, sourceFiles } from './store-packages';

const ROOT = join(import.meta.dirname, '..');
const OUT = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');
const BUILDS = [
  { name: 'chrome', dir: 'chrome-mv3', args: ['build'] },
  { name: 'firefox', dir: 'firefox-mv3', args: ['build', '-b', 'firefox', '--mv3'] },
] as const;

function main(): void {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const written: string[] = [];
  for (const build of BUILDS) {
    // Afresh: a file left from an earlier build would end up in the package.
    rmSync(join(OUT, build.dir), { recursive: true, force: true });
    // A production build whatever the caller's NODE_ENV (Vite would build for it).
    execFileSync('npx', ['wxt', ...build.args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const zip = join(OUT, `alliance-map-${version}-${build.name}.zip`);
    writeFileSync(zip, deterministicZip(filesUnder(join(OUT, build.dir))));
    written.push(zip);
  }
  const sources = join(OUT, `alliance-map-${version}-sources.zip`);
  writeFileSync(sources, deterministicZip(sourceFiles(ROOT)));
  written.push(sources);
  console.log(`\nStore packages:\n${written.map((path) => `  ${path}`).join('\n')}`);
}

main();
