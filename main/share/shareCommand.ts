import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { ExportScope, ShareOutcome, ShareScope } from '../../preload/contract';
import { safeFileName } from '../export/fileName';
import { t } from '../i18n';
import { allWithBodies, type StoredBulletin } from '../store/bodies';
import type { Library } from '../store/library';
import { writeAtomically } from '../store/durableJsonFile';
import { buildShare } from './buildShare';
import { SHARE_EXTENSION, shareFileText } from './shareFormat';

/** The name a share file carries when none is set in Settings: the computer's user name. */
export function defaultSenderName(): string {
  try {
    return userInfo().username.trim() || t('share.someone');
  } catch {
    // No user entry (some containers): the file still goes, from "a colleague".
    return t('share.someone');
  }
}

/**
 * Share…: writes a selection, a collection, a search's results or the bookmarks, with the user's
 * notes and bookmarks on them, as one share file where the user chooses (a USB stick, a shared
 * drive). Resolves to null when the save dialog is cancelled.
 */
export async function shareBulletins(
  scope: ShareScope,
  sender: WebContents,
  deps: {
    library: Library;
    resolve: (scope: ExportScope) => Promise<readonly StoredBulletin[]>;
    senderName: () => string;
  },
): Promise<ShareOutcome | null> {
  const { library } = deps;
  let bulletins: readonly StoredBulletin[];
  let title: string;
  let collection: string | undefined;
  if (scope.kind === 'collection') {
    const info = library.collections().find((other) => other.id === scope.id);
    if (!info) throw new Error(t('collections.unknown'));
    bulletins = library.bulletins(`collection:${info.id}`);
    title = collection = info.name;
  } else {
    bulletins = await deps.resolve(scope);
    title = scope.kind === 'ids' && scope.label.trim() !== '' ? scope.label : t('share.defaultTitle');
  }
  if (bulletins.length === 0) return { status: 'empty' };

  const owner = BrowserWindow.fromWebContents(sender);
  const options = {
    title: t('share.saveTitle'),
    defaultPath: `${safeFileName(title)}${SHARE_EXTENSION}`,
    filters: [{ name: t('share.files'), extensions: ['json'] }],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const path = choice.filePath.toLowerCase().endsWith('.json')
    ? choice.filePath
    : `${choice.filePath}${SHARE_EXTENSION}`;
  const contents = buildShare(await allWithBodies(library.bodies, bulletins), library, {
    name: deps.senderName(),
    at: new Date(),
    ...(collection !== undefined ? { collection } : {}),
  });
  await writeAtomically(path, shareFileText(contents, title));
  return { status: 'done', fileName: basename(path), count: bulletins.length };
}
