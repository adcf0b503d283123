/** The LinkedIn import's worker (see ./import-channel.ts). */
import { serveImports, type ImportWorkerScope } from './import-channel';

serveImports(self as unknown as ImportWorkerScope);
