import type { GetManualChunk, ModuleInfo, OutputBundle, OutputOptions } from 'rollup';
import { describe, expect, it } from 'vitest';
import { inlinePageStyles } from '@/build/inline-page-styles';
import { sharedPageChunk } from '@/build/shared-page-chunk';

/** Calls a plugin hook given as a function (as both plugins do). */
function callHook(hook: unknown, context: unknown, ...args: unknown[]): unknown {
  return (hook as (...a: unknown[]) => unknown).call(context, ...args);
}

const failing = {
  error(message: string): never {
    throw new Error(message);
  },
};

const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source });
const chunk = (fileName: string, code: string) => ({ type: 'chunk', fileName, code });

function inline(files: ReturnType<typeof asset | typeof chunk>[]): Record<string, unknown> {
  const bundle = Object.fromEntries(files.map((file) => [file.fileName, file]));
  callHook(
    inlinePageStyles().generateBundle,
    failing,
    {},
    bundle as unknown as OutputBundle,
    false,
  );
  return bundle;
}

const PAGE = (href: string) =>
  `<head><script type="module" crossorigin src="/chunks/popup.js"></script>` +
  `<link rel="stylesheet" crossorigin href="/${href}"></head><body></body>`;

describe('inlinePageStyles', () => {
  it('writes each stylesheet into its pages and drops the file', () => {
    const bundle = inline([
      asset('popup.html', PAGE('assets/theme.css') + PAGE('assets/popup.css')),
      asset('report.html', PAGE('assets/theme.css')),
      asset('assets/theme.css', ':root{--bg:#fff}'),
      asset('assets/popup.css', '.popup{width:360px}'),
      chunk('chunks/popup.js', 'console.log(1)'),
    ]);
    const popup = (bundle['popup.html'] as { source: string }).source;
    expect(popup).toContain('<style>:root{--bg:#fff}</style>');
    expect(popup).toContain('<style>.popup{width:360px}</style>');
    expect(popup).not.toContain('stylesheet');
    expect((bundle['report.html'] as { source: string }).source).toContain(':root{--bg:#fff}');
    expect(Object.keys(bundle).sort()).toEqual(['chunks/popup.js', 'popup.html', 'report.html']);
  });

  it('keeps a stylesheet that a script still loads', () => {
    const bundle = inline([
      asset('popup.html', PAGE('assets/theme.css')),
      asset('assets/theme.css', 'a{}'),
      chunk('chunks/lazy.js', 'load("assets/theme.css")'),
    ]);
    expect(bundle['assets/theme.css']).toBeDefined();
  });

  it('refuses text that would end the style element, and a missing file', () => {
    expect(() =>
      inline([asset('popup.html', PAGE('a.css')), asset('a.css', 'a{content:"</style>"}')]),
    ).toThrow('</style');
    expect(() => inline([asset('popup.html', PAGE('gone.css'))])).toThrow('gone.css');
  });
});

describe('sharedPageChunk', () => {
  const outputOptions = (options: OutputOptions) =>
    callHook(sharedPageChunk().outputOptions, {}, options) as OutputOptions | null;

  it('leaves single-file builds (background, content scripts) alone', () => {
    expect(outputOptions({ format: 'iife' })).toBeNull();
    expect(outputOptions({ format: 'es', inlineDynamicImports: true })).toBeNull();
  });

  it('puts exactly the modules two pages load into one chunk', () => {
    // popup → a → c, popup → d, sidepanel → b → c, and c ↔ e import each other.
    const importers: Record<string, string[]> = {
      popup: [],
      sidepanel: [],
      a: ['popup'],
      b: ['sidepanel'],
      c: ['a', 'b', 'e'],
      d: ['popup'],
      e: ['c'],
    };
    const getModuleInfo = (id: string) =>
      id in importers
        ? ({
            id,
            isEntry: importers[id]!.length === 0,
            importers: importers[id],
          } as unknown as ModuleInfo)
        : null;
    const chunkOf = outputOptions({ format: 'es' })!.manualChunks as GetManualChunk;
    const placed = Object.keys(importers).map((id) => [
      id,
      chunkOf(id, { getModuleInfo, getModuleIds: () => Object.keys(importers).values() }),
    ]);
    expect(Object.fromEntries(placed)).toEqual({
      popup: undefined,
      sidepanel: undefined,
      a: undefined,
      b: undefined,
      c: 'shared',
      d: undefined,
      e: 'shared',
    });
  });
});
