import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../main/i18n';
import type { PhraseSearch } from '../../../main/search/phraseSearch';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { serveHandlers } from '../support/bridgeHandlers';
import { callBridge } from '../support/electronBridge';
import { generateBulletins } from '../../bench/generateArchive';

/** Through the bridge: a search whose phrase check ran out of time says so in its answer. */
vi.mock('electron', () => import('../support/electronBridge').then(({ electron }) => electron));

let folder: string;
beforeAll(async () => {
  await initI18n('en');
  folder = await mkdtemp(join(tmpdir(), 'bulletin-phrases-unchecked-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a search whose phrase check was cut short', () => {
  it('answers with what it found and the hint phrasesUnchecked; a complete one has no such hint', async () => {
    const library = await openLibrary(folder);
    const archive = generateBulletins(200, 3);
    await library.add(archive);
    const index = createSearchIndex();
    await index.add(archive);
    let complete = false;
    const phrases: PhraseSearch = async (run) => ({
      answer: await run({ has: () => false, passage: () => undefined }),
      complete,
    });
    serveHandlers(library, index, { recent: { list: () => [] } as never, phrases });
    const search = async () =>
      (await callBridge('bulletins:search', [{ view: 'all', text: '"migration border"' }])) as {
        ok: boolean;
        value: { hints?: Array<{ code: string }> };
      };
    const cut = await search();
    expect(cut.ok).toBe(true);
    expect(cut.value.hints).toContainEqual({ code: 'phrasesUnchecked', value: '' });
    complete = true;
    expect((await search()).value.hints ?? []).not.toContainEqual(
      expect.objectContaining({ code: 'phrasesUnchecked' }),
    );
    library.close();
  });
});
