import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openLibrary } from '../../main/store/library';
import { JOURNAL_FILE } from '../../main/store/stateJournal';
import { expect, test, type App } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinRows, killAndRestart, readingPane } from './support/ui';

// state.json's journal: a bookmark or a note is a line appended to it, not a rewrite of
// state.json; it survives a kill -9, is folded into state.json at quit, and a damaged line is
// set aside with a word to the user, the changes before it kept.

const DARIEN = makeBulletin({
  id: 'darien',
  title: 'Reception station opens in the Darién',
  published: '2021-04-10',
});
const LIMA = makeBulletin({ id: 'lima', title: 'Job fair for Venezuelans in Lima', published: '2021-01-20' });
const CUCUTA = makeBulletin({ id: 'cucuta', title: 'Vaccination drive in Cúcuta', published: '2021-02-15' });
const ARCHIVE = [DARIEN, LIMA, CUCUTA];

const sidebar = (window: Page) => window.getByRole('navigation', { name: 'Library' });
const bookmarksView = (window: Page, count: number) =>
  sidebar(window).getByRole('button', { name: new RegExp(`^Bookmarks, ${count} bulletins?`) });
const notices = (window: Page) => window.getByRole('region', { name: 'Notifications' });
const row = (window: Page, title: string) => bulletinRows(window).filter({ hasText: title });
const noteBox = (window: Page) => readingPane(window).getByRole('textbox', { name: 'Your note' });

interface StateOnDisk {
  bookmarks: Record<string, string>;
  notes: Record<string, { text: string }>;
}

test('a bookmark and a note go to the journal, survive kill -9, and are folded into state.json at quit', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, ARCHIVE);
  // A library used before: its state.json is whole (compacted at the last quit).
  const before = await openLibrary(userDataDir);
  await before.toggleBookmark(LIMA.id);
  await before.flush();
  before.close();
  const statePath = join(userDataDir, 'state.json');
  const stateBefore = await readFile(statePath, 'utf8');

  const app = await launch();
  const window = await app.firstWindow();
  await row(window, DARIEN.title).click();
  await window.keyboard.press('b');
  await expect(bookmarksView(window, 2)).toBeVisible();
  await noteBox(window).click();
  await window.keyboard.type('Two buses a day from Necoclí');
  await expect(readingPane(window).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  // Appended, not rewritten: state.json is as it was.
  await expect.poll(() => readFile(join(userDataDir, JOURNAL_FILE), 'utf8')).toContain('Necocl');
  expect(await readFile(statePath, 'utf8')).toBe(stateBefore);

  let second: App | undefined;
  const restarted = await killAndRestart(app, async () => (second = await launch()));
  await bookmarksView(restarted, 2).click();
  await expect(bulletinRows(restarted)).toHaveCount(2);
  await row(restarted, DARIEN.title).click();
  await expect(noteBox(restarted)).toHaveValue('Two buses a day from Necoclí');
  // A kill during an append leaves at most a torn line, never acknowledged: nothing to tell.
  await expect(notices(restarted)).not.toContainText('damaged');

  // A quit folds the journal into state.json.
  await second?.close();
  const state = JSON.parse(await readFile(statePath, 'utf8')) as StateOnDisk;
  expect(Object.keys(state.bookmarks).sort()).toEqual([DARIEN.id, LIMA.id]);
  expect(state.notes[DARIEN.id]?.text).toBe('Two buses a day from Necoclí');
});

test('a damaged journal line: the app says so, keeps the changes before it and the damaged journal', async ({
  launch,
  userDataDir,
}) => {
  await writeShards(userDataDir, ARCHIVE);
  const library = await openLibrary(userDataDir);
  await library.toggleBookmark(LIMA.id);
  await library.setNote(LIMA.id, 'Ask for the stand number');
  library.close();
  // Damage in the middle: a valid change after it cannot be trusted to follow what came before.
  await appendFile(
    join(userDataDir, JOURNAL_FILE),
    '{"patches":[{"map":"bookm\u0000\u0000\n{"patches":[{"map":"bookmarks","id":"cucuta","value":"2026-01-01T00:00:00.000Z"}]}\n',
  );

  const window = await (await launch()).firstWindow();
  await expect(notices(window)).toContainText('were damaged on disk');
  await expect(notices(window)).toContainText('The 2 changes saved before the damage were kept');
  await expect(notices(window)).toContainText(/kept in your library folder as state\.journal\.jsonl\.bad-/);
  await bookmarksView(window, 1).click();
  await expect(bulletinRows(window)).toHaveText([new RegExp(LIMA.title)]);
  await bulletinRows(window).first().click();
  await expect(noteBox(window)).toHaveValue('Ask for the stand number');
  expect((await readdir(userDataDir)).filter((name) => name.startsWith(`${JOURNAL_FILE}.bad-`))).toHaveLength(
    1,
  );
});
