/**
 * "No innerHTML, dangerouslySetInnerHTML or eval with user data anywhere; the linter enforces
 * it": each way of turning text into markup or code is written once here, in a file that
 * would be product code, and the project's own ESLint configuration must refuse every one.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const AS_PRODUCT_FILE = resolve(ROOT, 'components/SecurityLintProbe.tsx');

const FORBIDDEN: Record<string, string> = {
  'innerHTML write': 'export function f(el: HTMLElement, note: string) { el.innerHTML = note; }',
  'innerHTML append': 'export function f(el: HTMLElement, note: string) { el.innerHTML += note; }',
  'outerHTML write': 'export function f(el: HTMLElement, note: string) { el.outerHTML = note; }',
  insertAdjacentHTML:
    "export function f(el: HTMLElement, note: string) { el.insertAdjacentHTML('beforeend', note); }",
  'document.write': 'export function f(note: string) { document.write(note); }',
  'Range.createContextualFragment':
    'export function f(note: string) { return new Range().createContextualFragment(note); }',
  dangerouslySetInnerHTML:
    'export const F = ({ note }: { note: string }) => <div dangerouslySetInnerHTML={{ __html: note }} />;',
  eval: 'export function f(note: string) { return eval(note); }',
  'new Function': 'export function f(note: string) { return new Function(note); }',
  // A string timer with a variable needs type-aware linting; the policy (no eval) stops it at run time.
  'string timer': "export function f() { setTimeout('run(' + location.hash + ')', 1); }",
};

describe('the linter refuses user text becoming markup or code', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it.each(Object.entries(FORBIDDEN))('%s', { timeout: 60_000 }, async (_name, code) => {
    const [result] = await eslint.lintText(code, { filePath: AS_PRODUCT_FILE });
    const errors = (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(
      errors.filter((rule) => rule !== null && !rule.startsWith('@typescript-eslint/no-unused')),
    ).not.toEqual([]);
  });

  it(
    'accepts the safe way: text through textContent and Preact children',
    { timeout: 60_000 },
    async () => {
      const code = `export function f(el: HTMLElement, note: string) { el.textContent = note; }
export const F = ({ note }: { note: string }) => <p title={note}>{note}</p>;`;
      const [result] = await eslint.lintText(code, { filePath: AS_PRODUCT_FILE });
      expect((result?.messages ?? []).filter((m) => m.severity === 2)).toEqual([]);
    },
  );
});
