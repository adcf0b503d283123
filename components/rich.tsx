import type { ComponentChild } from 'preact';

/**
 * A translated sentence with markup in it: `template` is a message with its `{name}`
 * placeholders left in (`ui.t(key)` without values), and each placeholder becomes the node
 * given for it, so that a translation can move the bold name wherever its grammar wants it.
 */
export function rich(template: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece));
}
