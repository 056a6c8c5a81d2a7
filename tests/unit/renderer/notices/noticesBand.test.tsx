// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Notices } from '../../../../renderer/notices/Notices';
import type { Notice } from '../../../../renderer/notices/useNotices';
import { uiI18n } from '../uiI18n';

let i18n: I18n;
beforeAll(async () => {
  i18n = await uiI18n();
});
afterEach(cleanup);

const notices: Notice[] = [
  { id: 1, kind: 'error', message: 'This file is not a backup.', details: ['Nothing was changed.'] },
  {
    id: 2,
    kind: 'info',
    message: 'Marked 9 bulletins read.',
    details: [],
    actions: [{ label: 'Undo', run: () => {} }],
  },
];

describe('the notices band', () => {
  it('shows the newest first, for the eye and for Tab alike', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <Notices notices={notices} onDismiss={() => {}} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: 'Notifications' });
    const messages = [...region.querySelectorAll('.notice-message')].map((message) => message.textContent);
    expect(messages).toEqual(['Marked 9 bulletins read.', 'This file is not a backup.']);
    // The newest notice's Undo comes before its Dismiss, and before anything of the older one.
    const buttons = within(region)
      .getAllByRole('button')
      .map((button) => button.textContent || button.getAttribute('aria-label'));
    expect(buttons).toEqual(['Undo', 'Dismiss', 'Dismiss']);
  });
});
