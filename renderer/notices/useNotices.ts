import { useCallback, useEffect, useRef, useState } from 'react';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  /** Lines under the message, e.g. one per file an import refused. */
  details: string[];
  /** Buttons under the message, e.g. "Open" for a finished export. */
  actions?: NoticeAction[];
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export type NoticeInput = Omit<Notice, 'id' | 'details'> & { details?: string[] };

/** Good news goes away by itself; warnings and errors stay until dismissed. */
const INFO_LIFETIME_MS = 8000;

/** The notices shown in the corner: import reports and failed calls. */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  /** Shows a notice; returns its id (to dismiss it once it no longer applies). */
  const notify = useCallback(
    (input: NoticeInput): number => {
      const id = nextId.current++;
      const notice: Notice = { id, details: [], ...input };
      // The same failure twice (say, every keystroke of a search) is one notice, not a pile.
      setNotices((current) => [
        ...current.filter((other) => !(other.kind === notice.kind && other.message === notice.message)),
        notice,
      ]);
      // A notice with buttons waits for the user: it must not vanish under the pointer.
      if (notice.kind === 'info' && !notice.actions?.length) {
        timers.current.set(
          id,
          window.setTimeout(() => dismiss(id), INFO_LIFETIME_MS),
        );
      }
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  return { notices, notify, dismiss };
}
