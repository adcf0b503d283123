/**
 * Before the browser tests: derive the broken LinkedIn pages from the saved ones. They are
 * generated rather than committed (12 MB of copies of the saved pages); the script is
 * deterministic.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const script = join(import.meta.dirname, '../fixtures/linkedin-broken/make-broken-fixtures.mjs');
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
