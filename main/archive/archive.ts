import type { Bulletin } from '../../preload/contract';
import type { ChangeEvents } from '../ipc/changeEvents';
import type { MergeMarks, MergeRecord } from '../share/mergeRecord';
import type { SearchIndex } from '../search/searchIndex';
import { withBodies, type StoredBulletin } from '../store/bodies';
import type { Library, LibrarySnapshot } from '../store/library';
import type { AddResult } from '../store/monthShards';

/**
 * Where the archive and its search index change together. A search answers from the index's
 * columns without asking the store, so every change to which bulletins the archive holds goes
 * through here: the store first (durable), then the index, then the one change event the windows
 * act on. IPC handlers, the import runner and File › Restore call these and nothing else.
 */
export interface Archive {
  /**
   * Takes an import's bulletins into the store (written at the batch's commit) and into the index
   * at once, so the progress bar moves with the work.
   */
  stage(bulletins: Bulletin[], bodyTexts?: ReadonlyMap<string, string>): Promise<AddResult>;
  /** Hides bulletins from the archive and the index; resolves to how many, and the token undo takes. */
  deleteBulletins(ids: string[]): Promise<{ count: number; undoToken: string }>;
  /**
   * Brings a delete's bulletins back into the archive and the index. The token is the store's batch,
   * kept with its tombstones in state.json: an undo after a restart brings them back to both.
   */
  undoDelete(token: string): Promise<number>;
  /** Replaces the whole library with a backup's (File › Restore); the index follows. */
  restore(snapshot: LibrarySnapshot): Promise<void>;
  /**
   * A colleague's library merged in (main/share/mergeLibraryCommand.ts): its new bulletins staged
   * into the store and the index and written, then its marks, with one write of state.json (after
   * the months: marks never point at bulletins a crash could lose).
   */
  mergeLibrary(
    bulletins: Bulletin[],
    bodyTexts: ReadonlyMap<string, string>,
    marks: MergeMarks,
  ): Promise<AddResult>;
  /** Takes a merge back: its bulletins out of the store and the index, its marks out of state.json. */
  undoMerge(record: MergeRecord): Promise<{ removed: number; kept: number }>;
}

/** The store's part of an import, and the index's, in step (see `Archive.stage`). */
export async function stageInArchive(
  library: Pick<Library, 'stage'>,
  index: Pick<SearchIndex, 'add' | 'update'>,
  bulletins: Bulletin[],
  /** Each body's index text by id, as the parse worker made it (so main does not parse HTML). */
  bodyTexts?: ReadonlyMap<string, string>,
): Promise<AddResult> {
  const result = await library.stage(bulletins);
  // The store keeps no body; the index reads each from the import's own (or `bodyTexts`).
  const given = new Map(bulletins.map((bulletin) => [bulletin.id, bulletin.bodyHtml]));
  const withBody = (stored: StoredBulletin): Bulletin => ({ ...stored, bodyHtml: given.get(stored.id) });
  await Promise.all([
    index.add(result.added.map(withBody), bodyTexts),
    index.update(result.updated.map(withBody), bodyTexts),
  ]);
  return result;
}

export function createArchive(
  library: Library,
  index: SearchIndex,
  changes: Pick<ChangeEvents, 'archive'>,
): Archive {
  return {
    stage: (bulletins, bodyTexts) => stageInArchive(library, index, bulletins, bodyTexts),
    async deleteBulletins(ids) {
      const { batch, count } = await library.deleteBulletins(ids);
      await index.remove(library.deletedIn(batch));
      if (count > 0) changes.archive();
      return { count, undoToken: batch };
    },
    async undoDelete(token) {
      const ids = library.deletedIn(token);
      const count = await library.undoDelete(token);
      // Indexed again a batch of bodies at a time (an undo can bring back a whole search's results).
      for await (const back of withBodies(
        library.bodies,
        ids.flatMap((id) => library.get(id) ?? []),
      ))
        await index.add(back);
      if (count > 0) changes.archive();
      return count;
    },
    async mergeLibrary(bulletins, bodyTexts, marks) {
      const result = await stageInArchive(library, index, bulletins, bodyTexts);
      await library.commit();
      await library.mergeMarks(marks);
      changes.archive({ added: result.added.length, updated: result.updated.length });
      return result;
    },
    async undoMerge(record) {
      const removed = await library.unstage(record.bulletins);
      await library.commit();
      await index.remove(removed.map((bulletin) => bulletin.id));
      const { kept } = await library.revertMerge(record);
      changes.archive();
      return { removed: removed.length, kept };
    },
    async restore(snapshot) {
      const before = library.bulletins().map((bulletin) => bulletin.id);
      await library.restore(snapshot);
      // What left the archive goes; everything else is indexed anew (a backup's version of a bulletin
      // can differ from the one the index holds).
      const kept = new Set(snapshot.bulletins.map((bulletin) => bulletin.id));
      await index.remove(before.filter((id) => !kept.has(id)));
      const restored = new Map(snapshot.bulletins.map((bulletin) => [bulletin.id, bulletin]));
      await index.update(library.bulletins().map((bulletin) => restored.get(bulletin.id) ?? bulletin));
      changes.archive();
    },
  };
}
