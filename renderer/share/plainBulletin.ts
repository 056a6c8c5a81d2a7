import type { Bulletin } from '../../preload/contract';
import { formatPublished } from '../i18n/formatDate';
import { plainText, type PlainBulletin } from './bulletinText';

/** A bulletin as a person passes it on: its text plain, its date worded in the UI's language. */
export function plainBulletin(bulletin: Bulletin, language: string): PlainBulletin {
  return {
    title: bulletin.title,
    date: formatPublished(bulletin.published, language),
    source: bulletin.source,
    text: plainText(bulletin),
    ...(bulletin.link ? { link: bulletin.link } : {}),
  };
}
