import { describe, expect, it } from 'vitest';
import type { Counts, LibraryChange } from '../../../preload/contract';
import { createChangeEvents } from '../../../main/ipc/changeEvents';

const COUNTS: Counts = { all: 3, unread: 2, bookmarks: 1, collections: [] };

function record() {
  const sent: LibraryChange[] = [];
  const changes = createChangeEvents(
    () => COUNTS,
    (change) => sent.push(change),
  );
  return { sent, changes };
}

describe('change events', () => {
  it('a mark names its bulletins, its new value, the counts, and the one view it decides', () => {
    const { sent, changes } = record();
    changes.marks(['a'], { bookmarked: true });
    changes.marks(['a', 'b'], { read: true });
    changes.marks(['a'], { noted: true });
    expect(sent).toEqual([
      { ids: ['a'], marks: { bookmarked: true }, counts: COUNTS, membership: ['bookmarks'] },
      { ids: ['a', 'b'], marks: { read: true }, counts: COUNTS, membership: ['unread'] },
      // A note changes no view's list (a search with is:noted follows marks anyway).
      { ids: ['a'], marks: { noted: true }, counts: COUNTS, membership: [] },
    ]);
  });

  it("a collection's members change that collection's view only", () => {
    const { sent, changes } = record();
    changes.collection('c1', ['a'], false);
    expect(sent[0]).toMatchObject({
      ids: ['a'],
      collection: { id: 'c1', member: false },
      membership: ['collection:c1'],
    });
  });

  it('an import, delete or restore can change every list, and says how many came in', () => {
    const { sent, changes } = record();
    changes.archive({ added: 1000, updated: 2 });
    changes.archive();
    expect(sent).toEqual([
      { ids: [], marks: {}, counts: COUNTS, membership: 'every', archive: { added: 1000, updated: 2 } },
      { ids: [], marks: {}, counts: COUNTS, membership: 'every' },
    ]);
  });

  it('a single mark at 100,000 bulletins stays small on the wire', () => {
    const { sent, changes } = record();
    changes.marks(['tag:iom.int,2020:bulletin/123456'], { read: true });
    expect(JSON.stringify(sent[0]).length).toBeLessThan(1024);
  });
});
