// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../../../preload/contract';
import { SearchStatusLine } from '../../../../renderer/search/SearchStatusLine';
import { uiI18n } from '../uiI18n';

const READY: IndexStatus = { state: 'ready', progress: 1 };

afterEach(cleanup);

describe('a search whose phrase check was incomplete', () => {
  it('says so under the search box, where screen readers hear it', async () => {
    const i18n = await uiI18n();
    const view = render(
      <I18nextProvider i18n={i18n}>
        <SearchStatusLine
          hints={[{ code: 'phrasesUnchecked', value: '' }]}
          status={READY}
          sort="relevance"
          onSort={() => undefined}
        />
      </I18nextProvider>,
    );
    const status = view.getByRole('status');
    expect(status.textContent).toContain(i18n.t('search.hint.phrasesUnchecked'));
    expect(status.textContent).toContain('a few results may be missing');
  });
});
