import { startFeedServer } from '../unit/main/sync/feedServer';
import { expect, test } from './fixtures';
import { bulletinList, clickMenu } from './support/ui';

test('subscribe to a feed by address: refused on this computer until its host is allowed in Settings, then its bulletins arrive; a broken address shows its error quietly', async ({
  app,
  window,
}) => {
  // A longer journey than most (refused, allowed in Settings, fetched, renamed, a broken address).
  test.setTimeout(120_000);
  const server = await startFeedServer();
  try {
    const panel = window.getByRole('region', { name: 'Subscriptions' });
    const address = panel.getByLabel('Feed address');
    await address.fill(`${server.base}/feed`);
    await panel.getByRole('button', { name: 'Subscribe' }).click();
    await expect(panel.getByText('127.0.0.1', { exact: true })).toBeVisible();
    // 127.0.0.1 is this computer: refused by the policy, before any connection, saying where to allow it.
    await expect(
      panel.getByText(/^The address is on this computer or the local network, so it was not fetched\./),
    ).toBeVisible();
    expect(server.seen).toEqual([]);

    // The user allows the host in Settings; it applies at once.
    await clickMenu(app, 'file-settings');
    const settings = window.getByRole('dialog', { name: 'Settings' });
    const hosts = settings.getByLabel('Allowed local hosts');
    await expect(hosts).toHaveAccessibleDescription(
      /Nothing is fetched from this computer or the local network/,
    );
    await hosts.fill('http://127.0.0.1/');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(hosts).toHaveAccessibleDescription(
      /Not a host name or IP address.*: http:\/\/127\.0\.0\.1\//,
    );
    await expect(hosts).toBeFocused();
    await hosts.fill('127.0.0.1');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toBeHidden();
    await panel.getByRole('button', { name: 'Refresh 127.0.0.1' }).click();
    await expect(panel.getByText(/^Updated /)).toBeVisible();
    await expect(bulletinList(window).getByRole('row', { name: /Second/ })).toBeVisible();

    await panel.getByRole('button', { name: 'Rename 127.0.0.1' }).click();
    await panel.getByRole('textbox', { name: 'New name for 127.0.0.1' }).fill('Local News');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText('Local News', { exact: true })).toBeVisible();

    await address.fill(`${server.base}/missing`);
    await address.press('Enter');
    await expect(panel.getByText('The server answered with an error (404).')).toBeVisible();
    await panel.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect(panel.getByText('The server answered with an error (404).')).toBeHidden();
  } finally {
    await server.close();
  }
});
