import type { Settings } from '@/utils/model';

/** What a feature knows about the page it runs on. */
export interface PageContext {
  url: URL;
  settings: Settings;
}

/**
 * One feature of the LinkedIn script, in one file (after refined-github): the pages it runs on,
 * and an `init` whose every observer, listener and island stops when `signal` aborts.
 */
export interface Feature {
  name: string;
  /** True when it adds anything to LinkedIn's DOM (so it stays off in stealth mode). */
  injects: boolean;
  runsOn(url: URL): boolean;
  init(signal: AbortSignal, page: PageContext): void | Promise<void>;
}
