import { writeFile } from 'node:fs/promises';
import { opmlOf } from '../../main/sync/opml';
import { startFeedServer } from '../unit/main/sync/feedServer';
import { expect, test } from './fixtures';
import { allowLocalHosts } from './support/archive';
import { bulletinRows, clickMenu, sidebarButton } from './support/ui';

test('an imported subscription list follows nothing until the user chooses; the chosen feeds, and only they, are followed and fetched', async ({
  launch,
  userDataDir,
}, testInfo) => {
  const server = await startFeedServer();
  try {
    // The feeds' server is allowed (as an office's would be), so only the user's choice holds it back.
    await allowLocalHosts(userDataDir, ['127.0.0.1']);
    const names = [
      'Border News',
      'Relief',
      'Weather',
      ...Array.from({ length: 57 }, (_, i) => `Extra ${i + 1}`),
    ];
    const feeds = names.map((title, i) => ({ url: `${server.base}/feed?list=${i + 1}`, title }));
    // A subscription list whose name does not say so: recognised by its content.
    const list = testInfo.outputPath('office-feeds.xml');
    await writeFile(list, opmlOf(feeds, 'Office'));

    const app = await launch({ dialogs: { open: [[list]] } });
    const window = await app.firstWindow();
    await window.setViewportSize({ width: 1024, height: 640 });
    const panel = window.getByRole('region', { name: 'Subscriptions' });
    // The first run's sample digest is in: the app is ready for the menu.
    await expect(bulletinRows(window)).toHaveCount(10);
    await clickMenu(app, 'file-import');

    const dialog = window.getByRole('dialog', { name: 'Follow feeds from a subscription list' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(
      /office-feeds\.xml names 60 feeds\. Nothing has been fetched\./,
    );
    await expect(
      window.getByText('Subscription lists name 60 feeds: nothing is followed until you choose.'),
    ).toBeVisible();
    // Nothing followed, nothing fetched: not at import, not while the dialog is open.
    await expect(panel.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    expect(server.seen).toEqual([]);

    // Fits 1024×640: the dialog and its buttons are on screen, the long list scrolls inside.
    const box = await dialog.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 640 && box.x + box.width <= 1024).toBe(true);
    const follow = dialog.getByRole('button', { name: /^Follow \d+ feeds?$/ });
    await expect(dialog.getByRole('button', { name: 'Follow none' })).toBeInViewport();
    await expect(dialog.getByRole('checkbox', { name: /Extra 57/ })).not.toBeInViewport();

    // Keyboard: Follow none has the focus; Select all, then untick all but two with the keyboard.
    await expect(dialog.getByRole('button', { name: 'Follow none' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Select all' }).click();
    await expect(follow).toHaveAccessibleName('Follow 60 feeds');
    await dialog.getByRole('button', { name: 'Select none' }).click();
    await expect(follow).toBeDisabled();
    await dialog.getByRole('checkbox', { name: /Border News/ }).focus();
    await window.keyboard.press('Space');
    await dialog.getByRole('checkbox', { name: /Weather/ }).check();
    await expect(dialog.getByText('2 of 60 chosen')).toBeVisible();
    await follow.click();

    await expect(dialog).toBeHidden();
    await expect(window.getByText('Now following 2 chosen feeds.')).toBeVisible();
    // At 1024 px the sidebar, where subscriptions are, is folded into its button.
    await sidebarButton(window).click();
    await expect(panel.getByRole('button', { name: /^Remove / })).toHaveCount(2);
    await expect(panel.getByRole('button', { name: 'Remove Border News' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Remove Weather' })).toBeVisible();
    // Fetched: exactly the two chosen addresses.
    await expect.poll(() => server.seen.length).toBe(2);
    expect(server.seen.map((hit) => hit.path).sort()).toEqual(['/feed?list=1', '/feed?list=3']);
  } finally {
    await server.close();
  }
});
