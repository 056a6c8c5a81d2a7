import { join } from 'node:path';
import { z } from 'zod';
import { durableJsonFile } from '../store/durableJsonFile';
import { rememberedOptionsSchema, type RememberedOptions } from './options';

/**
 * The export dialog's last choices, in a small document of their own
 * (export-settings.json) so they never contend with state.json. A damaged file
 * falls back to its copy; with both unreadable, the defaults again.
 */
const fileSchema = z.object({ schemaVersion: z.literal(1), options: rememberedOptionsSchema });
type SettingsFile = z.infer<typeof fileSchema>;

export interface ExportSettings {
  load(): Promise<RememberedOptions | null>;
  save(options: RememberedOptions): Promise<void>;
}

export function openExportSettings(folder: string): ExportSettings {
  // A copy in backups/ is written before the file: a damaged or lost file falls back to it.
  const adapter = durableJsonFile<SettingsFile>(join(folder, 'export-settings.json'), {
    copy: join(folder, 'backups', 'export-settings.json'),
    valid: (data): data is SettingsFile => fileSchema.safeParse(data).success,
  });
  return {
    async load() {
      try {
        const parsed = fileSchema.safeParse(await adapter.read());
        return parsed.success ? parsed.data.options : null;
      } catch {
        return null;
      }
    },
    save: (options) => adapter.write({ schemaVersion: 1, options }),
  };
}
