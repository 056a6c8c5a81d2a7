import { imageSources } from '../images/remoteImages';
import { readColleagueBackup, type ColleagueBackupReading } from '../share/colleagueBackup';
import { checkLibraryBackup, type BackupReading } from '../store/libraryBackup';
import { parseFile, type ParseRequest, type ParsedFile } from './parseFile';

/**
 * The work main hands the parse worker: everything that reads bytes or text someone else made
 * (an imported file or a feed's response, a backup chosen to restore or to merge, a body's HTML
 * scanned for images). Plain data in and out: it crosses to the worker and back.
 */
export type UntrustedTask =
  | { kind: 'file'; request: ParseRequest }
  | { kind: 'backup'; bytes: Uint8Array }
  | { kind: 'colleagueBackup'; bytes: Uint8Array }
  | { kind: 'imageSources'; html: string };

export type TaskOutcome =
  | { kind: 'file'; parsed: ParsedFile }
  | { kind: 'backup'; reading: BackupReading }
  | { kind: 'colleagueBackup'; reading: ColleagueBackupReading }
  | { kind: 'imageSources'; sources: string[] };

/** The size a task's time budget is reckoned from: its bytes, or its text's length. */
export function taskSize(task: UntrustedTask): number {
  if (task.kind === 'imageSources') return task.html.length;
  return task.kind === 'file' ? task.request.bytes.byteLength : task.bytes.byteLength;
}

export async function runTask(task: UntrustedTask): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'file':
      return { kind: 'file', parsed: await parseFile(task.request) };
    case 'backup':
      return { kind: 'backup', reading: checkLibraryBackup(task.bytes) };
    case 'colleagueBackup':
      return { kind: 'colleagueBackup', reading: readColleagueBackup(task.bytes) };
    case 'imageSources':
      return { kind: 'imageSources', sources: imageSources(task.html) };
  }
}
