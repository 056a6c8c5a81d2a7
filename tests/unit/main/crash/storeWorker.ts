/**
 * The process the crash test kills: it opens the store in `folder` and makes
 * changes as fast as it can, forever, printing `start <op>` before each and
 * `ack <op>` once its promise resolved (the store's promise that it is on
 * disk). Its journal of state.json is kept short, so that appends, compactions past the limit and
 * compactions at `flush` (as at quit) all happen, and kills land in each. stdout to a pipe is synchronous on Linux and macOS, so an ack printed
 * is an ack the test receives, however soon the kill comes.
 */
import { openLibrary } from '../../../../main/store/library';
import { random } from '../../../support/random';

export type Operation =
  | { op: 'bookmark'; id: string; now?: boolean }
  | { op: 'read'; id: string; read: boolean }
  /** An empty text removes the note. */
  | { op: 'note'; id: string; text: string }
  /** A compaction of state.json's journal, as at quit. */
  | { op: 'flush' }
  | { op: 'import'; ids: string[] };

export const MONTHS = ['2020-01', '2020-02', '2020-03', '2021-07'];
export const IDS = Array.from({ length: 24 }, (_, n) => `pool-${n}`);

const [folder = '', seed = '1', life = '0'] = process.argv.slice(2);
const next = random(Number(seed) * 1000 + Number(life));
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const say = (word: string, operation: Operation) =>
  process.stdout.write(`${word} ${JSON.stringify(operation)}\n`);

const library = await openLibrary(folder, {
  journalLimits: { lines: 6, bytes: 1 << 20, patchesPerLine: 1000 },
});
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const roll = next();
  if (roll < 0.4) {
    const operation: Operation = { op: 'bookmark', id: pick(IDS) };
    say('start', operation);
    say('ack', { ...operation, now: await library.toggleBookmark(operation.id) });
  } else if (roll < 0.6) {
    const operation: Operation = { op: 'read', id: pick(IDS), read: next() < 0.5 };
    say('start', operation);
    await library.setRead(operation.id, operation.read);
    say('ack', operation);
  } else if (roll < 0.72) {
    const operation: Operation = {
      op: 'note',
      id: pick(IDS),
      text: next() < 0.25 ? '' : `note ${life}-${n}`,
    };
    say('start', operation);
    await library.setNote(operation.id, operation.text);
    say('ack', operation);
  } else if (roll < 0.85) {
    const operation: Operation = { op: 'flush' };
    say('start', operation);
    await library.flush();
    say('ack', operation);
  } else {
    const ids = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => `life-${life}-${n}-${k}`);
    const operation: Operation = { op: 'import', ids };
    say('start', operation);
    await library.add(
      ids.map((id) => ({
        id,
        source: 'Crash test',
        title: `Bulletin ${id}`,
        summary: 'x'.repeat(200 + Math.floor(next() * 2000)),
        published: `${pick(MONTHS)}-1${Math.floor(next() * 9)}`,
        language: 'en',
        countries: [],
        tags: [],
        importedAt: '2026-01-01T00:00:00.000Z',
        contentHash: id,
      })),
    );
    say('ack', operation);
  }
}
