/**
 * A rough, honest estimate of how hard a passphrase is to guess, for the meter beside the field
 * (docs/sync.md, "The passphrase"). It errs low: a few common words count as words from a list,
 * not as letters; repeats and runs count once; a well-known password counts as nothing.
 */
import type { MessageKey } from '@/utils/i18n/messages';

export type StrengthLevel = 'tooWeak' | 'weak' | 'fair' | 'strong' | 'veryStrong';

export interface Strength {
  /** Estimated bits of entropy. */
  bits: number;
  level: StrengthLevel;
  /** Strong enough to start a new sync space with. */
  enough: boolean;
}

/** The shortest passphrase that can start a sync space. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** The estimate a new sync space needs: with PBKDF2's 600,000 rounds, years of guessing. */
export const MIN_PASSPHRASE_BITS = 45;

/** Passwords and words every guesser tries first. */
const COMMON = new Set([
  'password',
  'passphrase',
  'password123',
  'qwertyuiop',
  'letmein',
  'iloveyou',
  'alliancemap',
  'alliance map',
  'linkedin',
  'correct horse battery staple',
  'trustno1',
  'welcome',
  'admin',
]);

/** Bits a word from a list of a few thousand common words is worth. */
const BITS_PER_WORD = 11;

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[^a-zA-Z0-9\s]/.test(text)) pool += 33;
  if (/\s/.test(text)) pool += 1;
  if (/\P{ASCII}/u.test(text)) pool += 100;
  return Math.max(pool, 1);
}

/** Characters that add something: a repeat of the last one or the next in a run adds nothing. */
function effectiveLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const previous = text.charCodeAt(i - 1);
    if (i > 0 && (code === previous || code === previous + 1 || code === previous - 1)) continue;
    length += 1;
  }
  return length;
}

function characterBits(text: string): number {
  return effectiveLength(text) * Math.log2(poolSize(text));
}

function level(bits: number): StrengthLevel {
  if (bits < 30) return 'tooWeak';
  if (bits < MIN_PASSPHRASE_BITS) return 'weak';
  if (bits < 60) return 'fair';
  if (bits < 80) return 'strong';
  return 'veryStrong';
}

/** The word for a level, in the user's language. */
export function strengthKey(level: StrengthLevel): MessageKey {
  return `sync_level_${level}`;
}

export function passphraseStrength(passphrase: string): Strength {
  const text = passphrase.normalize('NFC');
  const lowered = text.toLowerCase().trim();
  let bits = characterBits(text);
  const words = lowered.split(/[\s\-_.,]+/).filter(Boolean);
  if (words.length >= 2) {
    // Words of letters only are counted as words from a list, whatever their length.
    const wordBits = words.reduce(
      (sum, word) =>
        sum +
        (/^\p{L}+$/u.test(word)
          ? Math.min(BITS_PER_WORD, characterBits(word))
          : characterBits(word)),
      0,
    );
    bits = Math.min(bits, wordBits);
  }
  if (COMMON.has(lowered) || COMMON.has(lowered.replace(/[\s\d!.]+$/, ''))) bits = 0;
  const rounded = Math.round(bits);
  return {
    bits: rounded,
    level: level(rounded),
    enough: rounded >= MIN_PASSPHRASE_BITS && text.length >= MIN_PASSPHRASE_LENGTH,
  };
}
