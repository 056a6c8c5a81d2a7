import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { corporaFolder, xssPayloads } from './support/corpora';
import { bulletinList } from './support/ui';

const corpora = corporaFolder();
const payloads = xssPayloads();

test('no payload of the DOMPurify XSS corpus runs, navigates or reaches the network when read', async ({
  launch,
  userDataDir,
}) => {
  test.skip(!corpora, 'the XSS corpus (../shared/corpora or $BULLETIN_CORPORA) is absent');
  test.setTimeout(180_000);
  const bulletins = payloads.map(({ payload }, index) =>
    makeBulletin({ id: `xss-${index}`, title: `Payload ${index + 1}`, bodyHtml: payload, summary: payload }),
  );
  await writeShards(userDataDir, bulletins);

  const app = await launch();
  const window = await app.firstWindow();
  const dialogs: string[] = [];
  window.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const startUrl = window.url();
  const globalsBefore = await window.evaluate(() => Object.keys(window));

  const list = bulletinList(window);
  await expect(list.getByRole('row').first()).toBeVisible();
  await list.focus();
  const heading = window.getByRole('region', { name: 'Reading pane' }).getByRole('heading', { level: 2 });
  for (let index = 0; index < bulletins.length; index++) {
    await window.keyboard.press('j');
    await expect(heading).toHaveText(`Payload ${index + 1}`);
  }
  // Give event handlers, timers and lazy loads a moment to fire if any survived.
  await window.waitForTimeout(500);

  expect(dialogs).toEqual([]);
  expect(window.url()).toBe(startUrl);
  const globalsAfter = await window.evaluate(() => Object.keys(window));
  expect(globalsAfter.filter((name) => !globalsBefore.includes(name))).toEqual([]);
  if (app.host) {
    expect(await app.host.dialogsShown()).toEqual([]);
    expect(await app.host.openedExternally()).toEqual([]);
    expect(await app.host.blockedRequests()).toEqual([]);
  }
});
