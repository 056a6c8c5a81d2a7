export interface Announcement {
  message: string;
  /** Changes with every announcement, so the same words said twice are read twice. */
  id: number;
}

/**
 * The screen reader's last announcement, held outside React's state: features announce after
 * nearly every action (a bookmark, a read mark), and as the window's state each one rendered the
 * whole window again; here only the live region (Announcer) renders.
 */
export interface Announcements {
  current(): Announcement | null;
  say(message: string): void;
  subscribe(listener: () => void): () => void;
}

export function createAnnouncements(): Announcements {
  let current: Announcement | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    say(message) {
      current = { message, id: (current?.id ?? 0) + 1 };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
