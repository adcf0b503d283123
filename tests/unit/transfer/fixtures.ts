import { readFileSync } from 'node:fs';

/** A saved export file from tests/fixtures/transfer/, as text. */
export function transferFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/transfer/${name}`, import.meta.url), 'utf8');
}
