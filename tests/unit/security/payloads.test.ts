/** The hostile-text list of the e2e isolation test covers what the issue names, and can fail. */
import { describe, expect, it } from 'vitest';
import { HUGE_MARKUP, HUGE_WORD, MARKED, MARKER, PAYLOADS } from '../../e2e/payloads';

describe('the XSS and markup payloads', () => {
  it('hold at least 50 payloads, all different', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
  });

  it.each([
    ['script tags', /<script/i],
    ['event handlers', /\son[a-z]+=/i],
    ['javascript: URLs', /javascript:/i],
    ['SVG', /<svg/i],
    ['CSS injection', /<style|style=|expression\(/i],
    ['RTL override', /\u202E/],
    ['zero-width characters', /\u200B|\u200C|\u200D|\uFEFF/],
  ])('include %s', (_kind, pattern) => {
    expect(PAYLOADS.some((p) => pattern.test(p))).toBe(true);
  });

  it('include 1 MiB strings, one without any break opportunity', () => {
    expect(HUGE_WORD.length).toBeGreaterThanOrEqual(1 << 20);
    expect(HUGE_WORD).not.toMatch(/\s/);
    expect(HUGE_MARKUP.length).toBeGreaterThanOrEqual(1 << 20);
  });

  it('make every runnable payload call a distinct canary, and mark what could become an element', () => {
    const canaries = PAYLOADS.flatMap((p) =>
      [...p.matchAll(/__canary\((\d+)\)/g)].map((m) => m[1]),
    );
    expect(new Set(canaries).size).toBe(canaries.length);
    for (const payload of PAYLOADS.filter(
      (p) => /<[a-z]/i.test(p) && !/<script|<!--|CDATA/i.test(p),
    )) {
      expect(
        payload.includes('data-pwn') ||
          !/<(img|svg|iframe|a|div|input|details|body|style|object|embed|form|meta|base|link|math|template|video)\b/i.test(
            payload,
          ),
        payload,
      ).toBe(true);
    }
    expect(MARKED.every((p) => p.includes(MARKER))).toBe(true);
    expect(MARKED.length).toBeGreaterThan(PAYLOADS.length - 3);
  });
});
