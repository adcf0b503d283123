/**
 * English from the message file itself, for code that runs where there is no browser to ask (the
 * insight engine's default, Node tests): the same words the extension shows in English.
 */
import en from '@/public/_locales/en/messages.json';
import { createTranslator } from './translator';

const messages: Record<string, { message: string } | undefined> = en;

export const english = createTranslator(
  (key) => messages[key]?.message,
  () => 'en',
);
