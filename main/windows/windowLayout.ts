import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_WINDOW_LAYOUT, WINDOW_LAYOUT_LIMITS, type WindowLayout } from '../../preload/windowLayout';
import { durableJsonFile } from '../store/durableJsonFile';

const bounded = (key: keyof typeof WINDOW_LAYOUT_LIMITS) =>
  z.number().int().min(WINDOW_LAYOUT_LIMITS[key].min).max(WINDOW_LAYOUT_LIMITS[key].max);

/** The layout as the window sends it: whole numbers within their bounds. */
export const windowLayoutSchema = z.strictObject({
  textSize: bounded('textSize'),
  listWidth: bounded('listWidth').optional(),
  sidebarWidth: bounded('sidebarWidth').optional(),
}) satisfies z.ZodType<WindowLayout>;

const fileSchema = z.object({ schemaVersion: z.literal(1), layout: windowLayoutSchema });
type LayoutFile = z.infer<typeof fileSchema>;

export interface WindowLayoutFile {
  /** The layout last saved; the defaults when there is none or it cannot be read. */
  load(): Promise<WindowLayout>;
  save(layout: WindowLayout): Promise<WindowLayout>;
}

/**
 * The window's layout in a small document of its own (window-layout.json), not in state.json:
 * it changes with every Ctrl/Cmd+Plus and every splitter drag, and each state.json write is the
 * whole library's marks (over 4 MB at 100,000 read marks) and rotates one of its five backups
 * out. A damaged file falls back to its copy; with both unreadable, the defaults again.
 */
export function openWindowLayout(folder: string): WindowLayoutFile {
  // A copy in backups/ is written before the file: a damaged or lost file falls back to it.
  const adapter = durableJsonFile<LayoutFile>(join(folder, 'window-layout.json'), {
    copy: join(folder, 'backups', 'window-layout.json'),
    valid: (data): data is LayoutFile => fileSchema.safeParse(data).success,
  });
  let last: Promise<WindowLayout> | null = null;
  return {
    load() {
      last ??= adapter.read().then(
        (data) => data?.layout ?? DEFAULT_WINDOW_LAYOUT,
        () => DEFAULT_WINDOW_LAYOUT,
      );
      return last;
    },
    async save(layout) {
      last = Promise.resolve(layout);
      await adapter.write({ schemaVersion: 1, layout });
      return layout;
    },
  };
}
