import { errorCode } from './durableJsonFile';
import type { ReportStoreEvent } from './events';

/** A disk that is full, read-only or denies us: the change is kept in memory and written later. */
const DISK_TROUBLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EBUSY', 'EIO']);
const RETRY_MS = 30_000;

/** A lowdb database, or state.json's journal: each write carries every change not yet on disk. */
export interface Writable {
  write(): Promise<void>;
}

export interface WriteGuard {
  /** Writes `db`; a disk problem is reported once and retried, never thrown: the change lives on in memory. */
  persist(file: string, db: Writable): Promise<void>;
  /** Files whose latest change is not on disk yet. */
  unsaved(): string[];
  /** Stops the retry timer (the app is quitting, or a test is done). */
  dispose(): void;
}

export function createWriteGuard(report: ReportStoreEvent, retryMs = RETRY_MS): WriteGuard {
  const failing = new Map<string, Writable>();
  let timer: NodeJS.Timeout | undefined;

  async function persist(file: string, db: Writable): Promise<void> {
    try {
      await db.write();
      if (failing.delete(file)) report({ type: 'write-resumed', file });
    } catch (error) {
      const code = errorCode(error) ?? '';
      // A newer app's file: the user was told at start that changes to it are not saved.
      if (code === 'READ_ONLY') return;
      if (!DISK_TROUBLE.has(code)) throw error;
      if (!failing.has(file)) report({ type: 'write-failed', file, code });
      failing.set(file, db);
      scheduleRetry();
    }
  }

  function scheduleRetry() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      // Each write carries the whole file, so retrying writes every change made meanwhile too.
      for (const [file, db] of [...failing]) void persist(file, db);
    }, retryMs);
    timer.unref();
  }

  return {
    persist,
    unsaved: () => [...failing.keys()],
    dispose: () => clearTimeout(timer),
  };
}
