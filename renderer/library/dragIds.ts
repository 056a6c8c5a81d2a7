/**
 * Bulletins dragged within the window (a row, or a selection, onto a collection): a JSON array
 * of ids under a type of our own, so the file drop of the whole window ignores it.
 */
export const BULLETIN_IDS_TYPE = 'application/x-bulletin-ids';

export function carriesBulletinIds(transfer: DataTransfer): boolean {
  return transfer.types.includes(BULLETIN_IDS_TYPE);
}

export function writeBulletinIds(transfer: DataTransfer, ids: readonly string[], label: string): void {
  transfer.setData(BULLETIN_IDS_TYPE, JSON.stringify(ids));
  // Dropped outside the app (a text editor), the titles are what makes sense.
  transfer.setData('text/plain', label);
  transfer.effectAllowed = 'copy';
}

/** The ids a drop carries; an empty list for anything malformed (a drag from another program). */
export function readBulletinIds(transfer: DataTransfer): string[] {
  try {
    const parsed: unknown = JSON.parse(transfer.getData(BULLETIN_IDS_TYPE));
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
