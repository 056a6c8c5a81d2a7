import { registerHandlers } from '../../../main/ipc/guardedIpc';
import { createHandlers } from '../../../main/ipc/handlers';
import { argumentSchemas } from '../../../main/ipc/schemas';
import type { PhraseSearch } from '../../../main/search/phraseSearch';
import type { SearchIndex } from '../../../main/search/searchIndex';
import type { Library } from '../../../main/store/library';

type Services = Parameters<typeof createHandlers>[2];

/** Quoted phrases with no bodies or kept articles to look in: every check complete. */
export const noPhrases: PhraseSearch = async (run) => ({
  answer: await run({ has: () => false, passage: () => undefined }),
  complete: true,
});

/**
 * Main's handlers over this library and index, registered through the guarded door (with
 * electron mocked: see electronBridge.ts). A test gives the services it uses; the others are
 * absent, and a call reaching one fails the test.
 */
export function serveHandlers(library: Library, index: SearchIndex, services: Partial<Services> = {}): void {
  registerHandlers(
    argumentSchemas,
    createHandlers(library, index, { phrases: noPhrases, ...services } as Services),
  );
}
