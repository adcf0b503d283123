/**
 * The store packages, byte for byte the same from the same sources: the Chrome Web Store zip and
 * the addons.mozilla.org zip of each build, and the sources zip AMO asks for. Entries are sorted
 * and dated 1980-01-01 (the earliest a zip can say), so that nothing but the files themselves
 * decides the bytes. docs/store/README.md says how each is used.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Every entry's date. Built from local fields because a zip stores local time. */
const ZIP_DATE = new Date(1980, 0, 1);

/** Tracked files that building does not need and a reviewer would only have to wade through. */
const NOT_IN_SOURCES = [/^tests\//, /^bench\//, /^docs\/store\/screenshots\//];

/** The build-from-source instructions, also put at the root of the sources zip. */
export const SOURCES_README = 'docs/store/build-from-source.md';
export const SOURCES_README_IN_ZIP = 'SOURCES-README.md';

/** A zip of `files` (path in the zip → content), deterministic for the same files. */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) entries[path] = files.get(path)!;
  return zipSync(entries, { level: 9, mtime: ZIP_DATE });
}

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes. */
export function filesUnder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/**
 * The sources for AMO: the files git tracks in `root` (so a clean checkout's, whatever else lies
 * in the working tree), without tests and benchmarks, plus the instructions at the root.
 */
export function sourceFiles(root: string): Map<string, Uint8Array> {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path && !NOT_IN_SOURCES.some((pattern) => pattern.test(path)));
  const files = new Map(tracked.map((path) => [path, readFileSync(join(root, path))]));
  files.set(SOURCES_README_IN_ZIP, readFileSync(join(root, SOURCES_README)));
  return files;
}

/** The shell commands of the first ```sh block of a Markdown text: how the README says to build. */
export function shellCommands(markdown: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('The instructions hold no ```sh block.');
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
