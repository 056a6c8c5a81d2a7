import type { Bulletin, RejectedItem } from '../../preload/contract';
import { t } from '../i18n';
import { validateBulletin } from '../importers/validateImport';
import type { ColleagueLibrary } from './colleagueBackup';

/**
 * The colleague's bulletins through the import boundary, as any import's (ids bounded, fields
 * capped, dates checked; an id repeated is kept once), pausing every few milliseconds: in one piece
 * this held main's thread ≈ 2 s at 100,000 bulletins on a loaded 2-core machine
 * (`npx tsx tests/bench/mergePlan.ts`). What the merge brings is new to this user: it arrives now,
 * so saved searches count it as new from here.
 */
export async function checkedInSlices(colleague: ColleagueLibrary, now: string) {
  const checked = {
    bulletins: [] as Bulletin[],
    bodyTexts: new Map<string, string>(),
    rejected: [] as RejectedItem[],
    repeated: 0,
  };
  const seen = new Set<string>();
  let sliceStart = performance.now();
  for (const [at, item] of colleague.bulletins.entries()) {
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const outcome = validateBulletin({ ...item, importedAt: now }, now);
    if ('reason' in outcome) {
      const title = item.title.trim();
      const position = colleague.positions[at] ?? at + 1;
      const name = title === '' ? t('rejected.item', { position }) : title.slice(0, 120);
      checked.rejected.push({ item: name, reason: outcome.reason });
    } else if (seen.has(outcome.id)) {
      checked.repeated++;
    } else {
      seen.add(outcome.id);
      checked.bulletins.push(outcome);
      const bodyText = colleague.bodyTexts[at];
      if (typeof bodyText === 'string') checked.bodyTexts.set(outcome.id, bodyText);
    }
  }
  return checked;
}
