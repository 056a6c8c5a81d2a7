/**
 * Which request of a kind is each window's newest. A window's list asks for one search at a time
 * and drops the answer to any it has replaced (renderer/list/useBulletinList.ts): a search that a
 * newer one from the same window replaced is stopped at its next pause, so main's thread spends
 * nothing more on an answer nobody will read.
 */
export interface NewestRequest {
  /** Marks a request from this window as its newest of the kind. */
  begin(windowId: number): {
    /** Whether a newer request from the same window has begun since. */
    replaced(): boolean;
    /** The request has its answer (or failed): a window's entry lasts no longer than its requests. */
    end(): void;
  };
}

export function createNewestRequest(): NewestRequest {
  const newest = new Map<number, number>();
  let count = 0;
  return {
    begin(windowId) {
      const mine = ++count;
      newest.set(windowId, mine);
      return {
        replaced: () => newest.get(windowId) !== mine,
        end() {
          if (newest.get(windowId) === mine) newest.delete(windowId);
        },
      };
    },
  };
}
