import { startFeedServer } from '../unit/main/sync/feedServer';
import { expect, test } from './fixtures';
import { bulletinList } from './support/ui';

test('subscribe to a feed by address: its bulletins arrive; a broken address shows its error quietly', async ({
  window,
}) => {
  const server = await startFeedServer();
  try {
    const panel = window.getByRole('region', { name: 'Subscriptions' });
    const address = panel.getByLabel('Feed address');
    await address.fill(`${server.base}/feed`);
    await panel.getByRole('button', { name: 'Subscribe' }).click();
    await expect(panel.getByText('127.0.0.1', { exact: true })).toBeVisible();
    await expect(panel.getByText(/^Updated /)).toBeVisible();
    await expect(bulletinList(window).getByRole('option', { name: /Second/ })).toBeVisible();

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
