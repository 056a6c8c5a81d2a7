import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DroppedFile, ImportReport } from '../../../preload/contract';
import { importDroppedFiles } from '../../../renderer/import/importDropped';

/** What happened, in order: a file read into memory, or a file sent to main. */
const events: string[] = [];

/** The browser's FileReader, as much of it as readDropped uses; records each file it reads. */
class RecordingReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(file: File) {
    events.push(`read ${file.name}`);
    void file.arrayBuffer().then((bytes) => {
      this.result = `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;
      this.onload?.();
    });
  }
}

afterEach(() => {
  events.length = 0;
  vi.unstubAllGlobals();
});

const reportOf = (file: DroppedFile): ImportReport => ({
  files: [{ name: file.name, added: 1, updated: 0, unchanged: 0, rejected: [] }],
  added: 1,
  updated: 0,
  unchanged: 0,
});

function fakeApi(limitMegabytes = 1) {
  const sent: DroppedFile[] = [];
  return {
    sent,
    api: {
      settings: () =>
        Promise.resolve({
          importCapMegabytes: limitMegabytes,
          refreshMinutes: 30,
          allowedLocalHosts: [],
          language: 'system' as const,
          theme: 'system' as const,
        }),
      importDropped: (files: DroppedFile[]) => {
        for (const file of files) events.push(`send ${file.name}`);
        sent.push(...files);
        return Promise.resolve(reportOf(files[0] as DroppedFile));
      },
    },
  };
}

describe('importDroppedFiles', () => {
  it('reads and sends dropped files one at a time, and never reads one over the limit', async () => {
    vi.stubGlobal('FileReader', RecordingReader);
    const { api, sent } = fakeApi(1);
    const big = new File([new Uint8Array(1024 * 1024 + 1)], 'big.xml');
    const files = [new File(['a'], 'a.xml'), big, new File(['b'], 'b.xml')];
    const progress: number[] = [];
    const report = await importDroppedFiles(files, {
      api,
      onProgress: ({ done }) => progress.push(done),
      cancelled: () => false,
    });
    expect(events).toEqual(['read a.xml', 'send a.xml', 'send big.xml', 'read b.xml', 'send b.xml']);
    expect(sent[1]).toEqual({ name: 'big.xml', size: 1024 * 1024 + 1, base64: '' });
    expect(sent[0]).toEqual({ name: 'a.xml', size: 1, base64: Buffer.from('a').toString('base64') });
    expect(progress).toEqual([0, 1, 2]);
    expect(report.added).toBe(3);
    expect(report.files.map((file) => file.name)).toEqual(['a.xml', 'big.xml', 'b.xml']);
  });

  it('stops before the next file when cancelled, keeping what was imported', async () => {
    vi.stubGlobal('FileReader', RecordingReader);
    const { api } = fakeApi();
    let cancel = false;
    const report = await importDroppedFiles([new File(['a'], 'a.xml'), new File(['b'], 'b.xml')], {
      api: {
        ...api,
        importDropped: async (files) => {
          const one = await api.importDropped(files);
          cancel = true;
          return one;
        },
      },
      onProgress: () => undefined,
      cancelled: () => cancel,
    });
    expect(events).toEqual(['read a.xml', 'send a.xml']);
    expect(report).toMatchObject({ added: 1, cancelled: true });
  });
});
