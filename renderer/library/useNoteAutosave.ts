import { useCallback, useEffect, useRef, useState } from 'react';

/** Long enough to skip the keystrokes of a word, short enough that little is at risk on a crash. */
const NOTE_SAVE_DELAY_MS = 500;

export type NoteStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * A note saved as it is typed: after a pause, and at once when the field loses focus, when
 * another bulletin opens (the editor unmounts) and when the window goes away (pagehide).
 * A failed save keeps the text on screen and is tried again with the next change or flush.
 */
export function useNoteAutosave(
  id: string,
  initial: string,
  save: (id: string, text: string) => Promise<void>,
) {
  const [text, setTextState] = useState(initial);
  const [status, setStatus] = useState<NoteStatus>('idle');
  const latest = useRef(initial);
  /** The text last handed to `save`; null after a failure, so the next flush tries again. */
  const saved = useRef<string | null>(initial);
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);
  const persist = useRef(save);
  useEffect(() => {
    persist.current = save;
  }, [save]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === saved.current) return;
    saved.current = value;
    if (mounted.current) setStatus('saving');
    persist.current(id, value).then(
      () => mounted.current && latest.current === value && setStatus('saved'),
      () => {
        if (saved.current === value) saved.current = null;
        if (mounted.current) setStatus('failed');
      },
    );
  }, [id]);

  const setText = useCallback(
    (value: string) => {
      latest.current = value;
      setTextState(value);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, NOTE_SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    mounted.current = true;
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      mounted.current = false;
      flush();
    };
  }, [flush]);

  return { text, setText, status, flush };
}
