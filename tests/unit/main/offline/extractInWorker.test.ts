import { describe, expect, it } from 'vitest';
import { offlineInWorker } from '../../../../main/offline/extractInWorker';

const hanging = new URL('./hangingWorker.mjs', import.meta.url);
const page = new TextEncoder().encode('<p>page</p>');

describe('finding articles in a worker thread, within a time budget', () => {
  it('fails a page that never ends, and the pages behind it still come through', async () => {
    const { extract } = offlineInWorker(hanging, {}, { extractMs: 300 });
    const stuck = extract(page, 'text/html', 'hang');
    const behind = extract(page, 'text/html', 'https://news.example/next');
    await expect(stuck).rejects.toThrow('extractTimeout');
    await expect(behind).resolves.toMatchObject({ title: 'https://news.example/next' });
    // The thread that replaced the stuck one keeps working.
    await expect(extract(page, 'text/html', 'https://news.example/after')).resolves.toMatchObject({
      title: 'https://news.example/after',
    });
  });
});
