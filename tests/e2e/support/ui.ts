import type { Page } from '@playwright/test';

// Locators for the main window, by role and accessible name as a screen reader finds them.
// Named, because the search box's suggestions and recent searches are listboxes too.

export const bulletinList = (page: Page) => page.getByRole('listbox', { name: /list of bulletins/ });
export const bulletinRows = (page: Page) => bulletinList(page).getByRole('option');
export const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search bulletins' });
export const readingPane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });
