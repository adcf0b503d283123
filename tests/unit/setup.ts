// Every unit test gets a fresh in-memory IndexedDB and a fresh fake `browser`, and the
// extension's i18n API speaking English as a browser would from public/_locales/en.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '@/public/_locales/en/messages.json';

const english: Record<string, { message: string } | undefined> = en;
const i18n = {
  getMessage: (key: string) => english[key]?.message ?? '',
  getUILanguage: () => 'en',
};

beforeEach(() => {
  fakeBrowser.reset();
  // The fake has no i18n of its own; where it is not the global (jsdom), the global gets one.
  Object.assign(fakeBrowser.i18n, i18n);
  const scope = globalThis as { chrome?: { i18n?: unknown } };
  if (!scope.chrome?.i18n) scope.chrome = { ...scope.chrome, i18n };
});
