// dialog: answers from the launcher's script (LaunchOptions.dialogs), in order, and records every
// dialog shown. Tests may also replace these functions with app.evaluate, as on real Electron.
import { config } from './config.mjs';
import { asData, records } from './records.mjs';

const script = {
  open: [...(config.dialogs.open ?? [])],
  save: [...(config.dialogs.save ?? [])],
  message: [...(config.dialogs.message ?? [])],
};

/**
 * Electron's dialogs take an optional window first.
 * @param {unknown[]} args
 * @returns {{ window: number | null, options: Record<string, unknown> }}
 */
function split(args) {
  const [first, second] = args;
  const hasWindow =
    args.length > 1 || (first !== null && typeof first === 'object' && 'webContents' in first);
  const win = hasWindow ? /** @type {{ id?: number } | null} */ (first) : null;
  const options = /** @type {Record<string, unknown>} */ ((hasWindow ? second : first) ?? {});
  return { window: win?.id ?? null, options };
}

/** @param {unknown[]} args */
function openAnswer(args) {
  const { window, options } = split(args);
  const next = script.open.shift();
  const answer = next ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
  records.dialogs.push({ kind: 'open', window, options: asData(options), answer });
  return answer;
}

/** @param {unknown[]} args */
function saveAnswer(args) {
  const { window, options } = split(args);
  const next = script.save.shift();
  const answer = next ? { canceled: false, filePath: next } : { canceled: true, filePath: '' };
  records.dialogs.push({ kind: 'save', window, options: asData(options), answer });
  return answer;
}

/** @param {unknown[]} args */
function messageAnswer(args) {
  const { window, options } = split(args);
  const scripted = script.message.shift();
  const response = scripted ?? (typeof options.defaultId === 'number' ? options.defaultId : 0);
  const answer = { response, checkboxChecked: Boolean(options.checkboxChecked) };
  records.dialogs.push({ kind: 'message', window, options: asData(options), answer });
  return answer;
}

// Plain functions on a plain object: replaceable with app.evaluate, like Electron's.
export const dialog = {
  /** @param {...unknown} args */
  showOpenDialog: async (...args) => openAnswer(args),
  /** @param {...unknown} args */
  showOpenDialogSync: (...args) => {
    const answer = openAnswer(args);
    return answer.canceled ? undefined : answer.filePaths;
  },
  /** @param {...unknown} args */
  showSaveDialog: async (...args) => saveAnswer(args),
  /** @param {...unknown} args */
  showSaveDialogSync: (...args) => {
    const answer = saveAnswer(args);
    return answer.canceled ? undefined : answer.filePath;
  },
  /** @param {...unknown} args */
  showMessageBox: async (...args) => messageAnswer(args),
  /** @param {...unknown} args */
  showMessageBoxSync: (...args) => messageAnswer(args).response,
  /** @param {string} title @param {string} content */
  showErrorBox: (title, content) => {
    records.dialogs.push({ kind: 'error', window: null, options: { title, content }, answer: null });
  },
  showCertificateTrustDialog: async () => {},
};
