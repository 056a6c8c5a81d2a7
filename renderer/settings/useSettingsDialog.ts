import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsLimits } from '../../preload/contract';
import { bridge, userMessage } from '../bridge/bridge';
import { applyLanguageSetting, i18n } from '../i18n/i18n';
import type { NoticeInput } from '../notices/useNotices';

/** File › Settings… (Ctrl/Cmd+,): the dialog opens with what main has stored. */
export function useSettingsDialog(notify: (notice: NoticeInput) => void, onError: (error: unknown) => void) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ initial: Settings; limits: SettingsLimits } | null>(null);
  return {
    shown,
    open: () => {
      Promise.all([bridge().settings(), bridge().settingsLimits()]).then(
        ([initial, limits]) => setShown({ initial, limits }),
        onError,
      );
    },
    save: async (next: Settings) => {
      try {
        await bridge().saveSettings(next);
      } catch (error) {
        throw new Error(userMessage(error, t('settings.saveFailed')), { cause: error });
      }
      setShown(null);
      applyLanguageSetting(next.language);
      // i18n's t, not the render's: the notice is in the language just chosen.
      notify({ kind: 'info', message: i18n.t('settings.saved') });
    },
    close: () => setShown(null),
  };
}
