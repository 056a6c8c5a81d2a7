import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { allowLocalHosts, makeBulletin, writeShards } from './support/archive';
import { bulletinRows, readingPane } from './support/ui';

// A 1×1 PNG, served by a server of our own on 127.0.0.1 that counts who asks.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);
/** A server of our own on 127.0.0.1 that serves one image and records every request. */
async function imageServer(): Promise<{ origin: string; hits: string[]; close: () => Promise<unknown> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/station.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('web images stay off until the user loads them, and then come through main, not the page', async ({
  launch,
  userDataDir,
}) => {
  const web = await imageServer();
  try {
    await writeShards(userDataDir, [
      makeBulletin({
        id: 'pictures',
        title: 'A bulletin with pictures',
        bodyHtml: `<p>Before.</p><p><img src="${web.origin}/station.png" alt="The reception station"></p><p><img src="${web.origin}/gone.png" alt="A lost picture"></p>`,
      }),
    ]);
    await allowLocalHosts(userDataDir, ['127.0.0.1']);
    const app = await launch();
    const page = await app.firstWindow();
    await bulletinRows(page).first().click();
    const pane = readingPane(page);

    // Off by default: a placeholder says what the image was, and nothing was fetched.
    await expect(pane.getByRole('img', { name: 'The reception station' })).toHaveText(
      '[The reception station]',
    );
    await expect(pane.locator('img')).toHaveCount(0);
    await expect(pane.getByText(/Loading them tells their server/)).toBeVisible();
    expect(web.hits).toEqual([]);

    await pane.getByRole('button', { name: 'Load 2 images' }).click();
    const image = pane.getByRole('img', { name: 'The reception station' });
    await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(pane.getByRole('status').filter({ hasText: /One image could not be loaded/ })).toBeVisible();
    await expect(pane.getByRole('img', { name: 'A lost picture' })).toHaveText('[A lost picture]');
    expect(web.hits.sort()).toEqual(['/gone.png', '/station.png']);
    // The page itself still never reached the network.
    if (app.host) expect(await app.host.blockedRequests()).toEqual([]);
  } finally {
    await web.close();
  }
});
