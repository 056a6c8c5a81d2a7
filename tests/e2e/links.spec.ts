import { expect, test } from './fixtures';
import { makeBulletin, writeShards } from './support/archive';
import { bulletinRows } from './support/ui';

const REPORT = 'https://example.org/report?id=7';

test.beforeEach(async ({ userDataDir }) => {
  await writeShards(userDataDir, [
    makeBulletin({
      id: 'links',
      title: 'A bulletin with links',
      link: 'https://example.org/original',
      bodyHtml: `<p><a href="${REPORT}">Read the report</a> or <a href="javascript:alert(1)">this</a>.</p>`,
    }),
  ]);
});

test('a link opens in the browser only after the user confirms its real address', async ({ launch }) => {
  // First click: the user cancels; second click: the user opens.
  const app = await launch({ dialogs: { message: [1, 0] } });
  test.skip(!app.host, 'the confirmation and the browser hand-off are recorded by tests/host only');
  const page = await app.firstWindow();
  await bulletinRows(page).first().click();
  const link = page
    .getByRole('region', { name: 'Reading pane' })
    .getByRole('link', { name: 'Read the report' });

  await link.click();
  await expect.poll(async () => (await app.host?.dialogsShown())?.length).toBe(1);
  expect(await app.host?.openedExternally()).toEqual([]);

  await link.click();
  await expect.poll(() => app.host?.openedExternally()).toEqual([REPORT]);
  const shown = (await app.host?.dialogsShown()) ?? [];
  expect(JSON.stringify(shown.map((dialog) => dialog.options))).toContain(REPORT);
  expect(page.url()).not.toContain('example.org');
});

test('Enter (the dialog’s default) cancels; the dialog shows where the link goes on its own line', async ({
  launch,
}) => {
  // No scripted answer: the host answers with the dialog's default button, as Enter would.
  const app = await launch();
  test.skip(!app.host, 'the confirmation and the browser hand-off are recorded by tests/host only');
  const page = await app.firstWindow();
  await bulletinRows(page).first().click();
  await page
    .getByRole('region', { name: 'Reading pane' })
    .getByRole('link', { name: 'Read the report' })
    .click();
  await expect.poll(async () => (await app.host?.dialogsShown())?.length).toBe(1);
  const [dialog] = (await app.host?.dialogsShown()) ?? [];
  expect(dialog?.options).toMatchObject({ detail: `Goes to: example.org (https)\n\n${REPORT}` });
  expect(await app.host?.openedExternally()).toEqual([]);
});

test('a URL with user-info is refused unasked; a mailto opens without attach=', async ({ launch }) => {
  const app = await launch({ dialogs: { message: [0] } });
  test.skip(!app.host, 'the confirmation and the browser hand-off are recorded by tests/host only');
  const page = await app.firstWindow();
  const open = (url: string) =>
    page.evaluate(
      (address) =>
        window.bulletins.openExternal(address).then(
          (opened) => String(opened),
          (error: Error) => error.message,
        ),
      url,
    );
  expect(await open('https://trusted.org&x@127.0.0.1/')).toContain(
    'Only web and e-mail links can be opened.',
  );
  expect(await app.host?.dialogsShown()).toEqual([]);
  expect(await open('mailto:desk@example.org?subject=Report&attach=/etc/passwd')).toBe('true');
  expect(await app.host?.openedExternally()).toEqual(['mailto:desk@example.org?subject=Report']);
});

test('a javascript: link is inert and other schemes are refused with a message', async ({ launch }) => {
  const app = await launch();
  const page = await app.firstWindow();
  await bulletinRows(page).first().click();
  const pane = page.getByRole('region', { name: 'Reading pane' });
  await expect(pane.getByText('this', { exact: true })).toBeVisible();
  await expect(pane.getByRole('link', { name: 'this', exact: true })).toHaveCount(0);

  const refusal = await page.evaluate(() =>
    window.bulletins.openExternal('file:///etc/passwd').then(
      () => 'opened',
      (error: Error) => error.message,
    ),
  );
  expect(refusal).toContain('Only web and e-mail links can be opened.');
  if (app.host) expect(await app.host.openedExternally()).toEqual([]);
});

test('the page can neither navigate away nor open windows', async ({ app, window: page }) => {
  const start = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(start);
  await page.evaluate(() => void window.open('https://evil.example/'));
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
  expect(
    page
      .context()
      .pages()
      .map((other) => other.url()),
  ).not.toContainEqual(expect.stringContaining('evil.example'));
});
