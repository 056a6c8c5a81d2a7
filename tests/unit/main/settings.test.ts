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
import { normaliseHost } from '../../../main/net/hostName';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../main/store/schema';
import { readAllowedHosts } from '../../../renderer/settings/readAllowedHosts';

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
    expect(library.settings()).toEqual({
      importCapMegabytes: 50,
      refreshMinutes: 30,
      allowedLocalHosts: [],
      language: 'system',
      theme: 'system',
    });
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.openingEvents).toEqual([]);
    library.close();
  });

  it('a hand-edited list of allowed hosts that is not a list reads as empty', async () => {
    await writeState({
      schemaVersion: 1,
      bookmarks: {},
      read: {},
      settings: { importCapMegabytes: 10, refreshMinutes: 15, allowedLocalHosts: '127.0.0.1' },
    });
    const library = await openLibrary(folder);
    expect(library.settings()).toEqual({
      importCapMegabytes: 10,
      refreshMinutes: 15,
      allowedLocalHosts: [],
      language: 'system',
      theme: 'system',
    });
    library.close();
  });

  it('a hand-edited value out of range reads as its default, without setting the file aside', async () => {
    await writeState({
      schemaVersion: 1,
      bookmarks: { a: '2020-01-01T00:00:00.000Z' },
      read: {},
      settings: { importCapMegabytes: 100_000, refreshMinutes: 15, language: 'system', theme: 'system' },
    });
    const library = await openLibrary(folder);
    expect(library.settings()).toEqual({
      importCapMegabytes: 50,
      refreshMinutes: 15,
      allowedLocalHosts: [],
      language: 'system',
      theme: 'system',
    });
    expect(library.isBookmarked('a')).toBe(true);
    expect(library.openingEvents).toEqual([]);
    library.close();
  });

  it('saved settings are in state.json and come back after a restart', async () => {
    const library = await openLibrary(folder);
    const saved = {
      importCapMegabytes: 5,
      refreshMinutes: 120,
      allowedLocalHosts: ['news.intranet', '10.0.0.5'],
      language: 'system' as const,
      theme: 'system' as const,
    };
    await library.saveSettings(saved);
    library.close();
    const stored = JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as { settings: unknown };
    expect(stored.settings).toEqual(saved);
    const reopened = await openLibrary(folder);
    expect(reopened.settings()).toEqual(saved);
    reopened.close();
  });
});

describe('saveSettings arguments', () => {
  const accepts = (settings: unknown) => argumentSchemas.saveSettings.safeParse([settings]).success;
  const { importCapMegabytes: cap, refreshMinutes: refresh } = SETTINGS_LIMITS;

  const hosts = { allowedLocalHosts: [], language: 'system', theme: 'system' };

  it('accepts whole numbers from each minimum to each maximum', () => {
    expect(accepts({ importCapMegabytes: cap.min, refreshMinutes: refresh.min, ...hosts })).toBe(true);
    expect(accepts({ importCapMegabytes: cap.max, refreshMinutes: refresh.max, ...hosts })).toBe(true);
    expect(accepts(DEFAULT_SETTINGS)).toBe(true);
  });

  it('refuses values past the limits, fractions, text, missing and unknown fields', () => {
    expect(accepts({ importCapMegabytes: cap.min - 1, refreshMinutes: 30, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: cap.max + 1, refreshMinutes: 30, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: refresh.min - 1, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: refresh.max + 1, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: 2.5, refreshMinutes: 30, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: '50', refreshMinutes: 30, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, ...hosts })).toBe(false);
    expect(accepts({ importCapMegabytes: 50, refreshMinutes: 30 })).toBe(false);
    expect(accepts({ ...DEFAULT_SETTINGS, language: 'xx' })).toBe(false);
    expect(accepts({ ...DEFAULT_SETTINGS, colour: 'blue' })).toBe(false);
  });

  it('the dialog writes allowed hosts exactly as main normalises them, and refuses what main refuses', () => {
    for (const typed of [
      'News.Intranet',
      '0x7f.1',
      '2130706433',
      '[::1]',
      '::FFFF:127.0.0.1',
      'bücher.example',
      'a:80',
      'http://x',
      'u@h',
      '-',
    ]) {
      const reading = readAllowedHosts(typed, 50);
      expect(reading.kind === 'hosts' ? reading.hosts[0] : null, typed).toBe(normaliseHost(typed));
      if (reading.kind === 'hosts')
        expect(accepts({ ...DEFAULT_SETTINGS, allowedLocalHosts: reading.hosts })).toBe(true);
    }
  });

  it('accepts allowed local hosts as normalised hosts only, at most 50', () => {
    const withHosts = (allowedLocalHosts: unknown) => accepts({ ...DEFAULT_SETTINGS, allowedLocalHosts });
    expect(withHosts(['127.0.0.1', 'news.intranet', '::1', 'xn--bcher-kva.example'])).toBe(true);
    expect(withHosts(Array.from({ length: 50 }, (_, i) => `h${i}.intranet`))).toBe(true);
    expect(withHosts(Array.from({ length: 51 }, (_, i) => `h${i}.intranet`))).toBe(false);
    // Not as normaliseHost writes them: the window sends normalised entries, anything else is refused.
    for (const entry of [
      'http://news.intranet',
      'news.intranet:8080',
      'News.Intranet',
      '0x7f.1',
      'a/b',
      '',
      'u@h',
    ])
      expect(withHosts([entry]), entry).toBe(false);
    expect(withHosts('127.0.0.1')).toBe(false);
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
    await library.saveSettings({ ...DEFAULT_SETTINGS, importCapMegabytes: 1 });
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
    await library.saveSettings({ ...DEFAULT_SETTINGS, importCapMegabytes: 2 });
    const again = await runner.run([bytesSource('big.xml', feedOfSize(1024 * 1024 + 1))]);
    expect(again.files[0]?.error).toBeUndefined();
    library.close();
  });
});
