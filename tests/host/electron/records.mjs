// What the app did that a test may want to check but Electron would show to the user or the OS.

/** @type {import('../types').HostRecords} */
export const records = { dialogs: [], shell: [], blocked: [] };

/**
 * Options as data: functions and windows dropped, so the record can cross to the test process.
 * @param {unknown} options
 * @returns {Record<string, unknown>}
 */
export function asData(options) {
  if (!options || typeof options !== 'object') return {};
  try {
    return JSON.parse(JSON.stringify(options));
  } catch {
    return {};
  }
}
