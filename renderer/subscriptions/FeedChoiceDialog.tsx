import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedFeed } from '../../preload/contract';
import { useModalDialog } from '../dialogs/useModalDialog';
import './feedChoice.css';

interface FeedChoiceDialogProps {
  /** The files the feeds come from, for the sentence that introduces them. */
  files: string[];
  feeds: ListedFeed[];
  refreshMinutes: number;
  /** Follows the chosen feeds; rejects with the sentence to show when that fails. */
  onFollow: (feeds: ListedFeed[]) => Promise<void>;
  onClose: () => void;
}

/**
 * The feeds of an imported subscription list (OPML), for the user to choose from: nothing is
 * followed, nothing fetched, until they say which. A modal dialog: a checklist (Tab reaches it,
 * Space ticks), Select all / Select none, the list scrolls within a window of 1024×640, Esc or
 * Follow none closes it without following anything.
 */
export function FeedChoiceDialog({ files, feeds, refreshMinutes, onFollow, onClose }: FeedChoiceDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const introId = useId();
  const listId = useId();
  const followNone = useRef<HTMLButtonElement>(null);
  // After showModal (the hook's effect, declared before): a stray Enter follows nothing.
  useEffect(() => followNone.current?.focus(), []);

  const toggle = (url: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(url);
      else next.delete(url);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    onFollow(feeds.filter((feed) => chosen.has(feed.url))).catch((failure: unknown) => {
      setError(failure instanceof Error && failure.message ? failure.message : t('feedChoice.failed'));
      setSaving(false);
    });
  };

  return (
    <dialog
      {...dialog}
      className="modal-dialog feed-choice-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
    >
      <form onSubmit={submit} className="feed-choice-form">
        <h2 id={titleId} className="feed-choice-title">
          {t('feedChoice.title')}
        </h2>
        <p id={introId}>
          {t('feedChoice.intro', { files: files.join(', '), count: feeds.length, minutes: refreshMinutes })}
        </p>
        <div className="feed-choice-bulk">
          <button
            type="button"
            className="button"
            onClick={() => setChosen(new Set(feeds.map((feed) => feed.url)))}
          >
            {t('feedChoice.selectAll')}
          </button>
          <button type="button" className="button" onClick={() => setChosen(new Set())}>
            {t('feedChoice.selectNone')}
          </button>
          <span role="status" className="feed-choice-count">
            {t('feedChoice.chosen', { chosen: chosen.size, count: feeds.length })}
          </span>
        </div>
        <fieldset className="feed-choice-list" aria-labelledby={listId}>
          <legend id={listId} className="visually-hidden">
            {t('feedChoice.list')}
          </legend>
          {feeds.map((feed) => (
            <label key={feed.url} className="feed-choice-item">
              <input
                type="checkbox"
                checked={chosen.has(feed.url)}
                onChange={(event) => toggle(feed.url, event.target.checked)}
              />
              <span className="feed-choice-text">
                <span className="feed-choice-name">{feed.title ?? feed.url}</span>
                <span className="feed-choice-url">{feed.url}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="feed-choice-error">
            {error}
          </p>
        )}
        <div className="feed-choice-actions modal-actions">
          <button ref={followNone} type="button" className="button" onClick={onClose}>
            {t('feedChoice.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving || chosen.size === 0}>
            {t('feedChoice.follow', { count: chosen.size })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
