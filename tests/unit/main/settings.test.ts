import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../main/i18n';
import { bytesSource } from '../../../main/importers/importFiles';
import { createImportRunner } from '../../../main/importers/importRunner';
import { argumentSchemas } from '../../../main/ipc/schemas';
import { createSearchIndex } from '../../../main/search/searchIndex';
import { openLibrary } from '../../../main/store/library';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../main/store/schema';

let folder: string;
beforeAll(() => initI18n('en-US'));
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bulletin-settings-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const writeState = async (state: object) => {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'state.json'), JSON.stringify(state));
};

describe('settings in state.json', () => {
  it('a state.json from before settings loads with the defaults and keeps its bookmarks', async () => {
    await writeState({ schemaVersion: 1, bookmarks: { a: '2020-01-01T00:00:00.000Z' }, read: {} });
    const library = await openLibrary(folder);
    expect(library.settings()).toEqual({ importCapMegabytes: 50, refreshMinutes: 30, language: 'system' });
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.openingEvents).toEqual([]);
    library.close();
  });

  it('a hand-edited value out of range reads as its default, without setting the file aside', async () => {
    await writeState({
      schemaVersion: 1,
      bookmarks: { a: '2020-01-01T00:00:00.000Z' },
      read: {},
      settings: { importCapMegabytes: 100_000, refreshMinutes: 15, language: 'system' },
    });
    const library = await openLibrary(folder);
    expect(library.settings()).toEqual({ importCapMegabytes: 50, refreshMinutes: 15, language: 'system' });
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.openingEvents).toEqual([]);
    library.close();
  });

  it('saved settings are in state.json and come back after a restart', async () => {
    const library = await openLibrary(folder);
    await library.saveSettings({ importCapMegabytes: 5, refreshMinutes: 120, language: 'system' });
    library.close();
    const stored = JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as { settings: unknown };
    expect(stored.settings).toEqual({ importCapMegabytes: 5, refreshMinutes: 120, language: 'system' });
    const reopened = await openLibrary(folder);
    expect(reopened.settings()).toEqual({ importCapMegabytes: 5, refreshMinutes: 120, language: 'system' });
    reopened.close();
  });
});

describe('saveSettings arguments', () => {
  const accepts = (settings: unknown) => argumentSchemas.saveSettings.safeParse([settings]).success;
  const { importCapMegabytes: cap, refreshMinutes: refresh } = SETTINGS_LIMITS;

  it('accepts whole numbers from each minimum to each maximum', () => {
    expect(accepts({ importCapMegabytes: cap.min, refreshMinutes: refresh.min, language: 'system' })).toBe(
      true,
    );
    expect(accepts({ importCapMegabytes: cap.max, refreshMinutes: refresh.max, language: 'ar' })).toBe(true);
    expect(accepts(DEFAULT_SETTINGS)).toBe(true);
  });

  it('refuses values past the limits, fractions, text, missing and unknown fields', () => {
    expect(accepts({ importCapMegabytes: cap.min - 1, refreshMinutes: 30, language: 'system' })).toBe(false);
    expect(accepts({ importCapMegabytes: cap.max + 1, refreshMinutes: 30, language: 'system' })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: refresh.min - 1 })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: refresh.max + 1 })).toBe(false);
    expect(accepts({ importCapMegabytes: 2.5, refreshMinutes: 30, language: 'system' })).toBe(false);
    expect(accepts({ importCapMegabytes: '50', refreshMinutes: 30, language: 'system' })).toBe(false);
    expect(accepts({ importCapMegabytes: 50 })).toBe(false);
    expect(accepts({ ...DEFAULT_SETTINGS, theme: 'dark' })).toBe(false);
    // Only the languages the app is translated into (or the system's).
    expect(accepts({ ...DEFAULT_SETTINGS, language: 'de' })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: 30 })).toBe(false);
  });
});

describe('the import size cap', () => {
  const feedOfSize = (bytes: number) => {
    const head =
      '<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>Big item</title><description>';
    const tail = '</description></item></channel></rss>';
    return new TextEncoder().encode(head + 'x'.repeat(bytes - head.length - tail.length) + tail);
  };

  it('refuses a file over the cap set in settings, naming the cap and Settings; a smaller one comes in', async () => {
    const library = await openLibrary(folder);
    await library.saveSettings({ importCapMegabytes: 1, refreshMinutes: 30, language: 'system' });
    const runner = createImportRunner(library, createSearchIndex(), {
      progress: () => {},
      changed: () => {},
    });

    const report = await runner.run([
      bytesSource('big.xml', feedOfSize(1024 * 1024 + 1)),
      bytesSource('small.xml', feedOfSize(1024 * 1024 - 100)),
    ]);
    expect(report.files[0]).toMatchObject({ name: 'big.xml', added: 0 });
    expect(report.files[0]?.error).toMatch(/larger than 1 MB.*Settings/);
    expect(report.files[1]).toMatchObject({ name: 'small.xml', added: 1 });
    expect(report.files[1]?.error).toBeUndefined();

    // A raised cap applies to the next import.
    await library.saveSettings({ importCapMegabytes: 2, refreshMinutes: 30, language: 'system' });
    const again = await runner.run([bytesSource('big.xml', feedOfSize(1024 * 1024 + 1))]);
    expect(again.files[0]?.error).toBeUndefined();
    library.close();
  });
});
