// What the app did that a test may want to check but Electron would show to the user or the OS.

/** @type {import('../types').HostRecords} */
export const records = { dialogs: [], shell: [], blocked: [], ipc: {} };

/**
 * Counts one message on the bridge (a call with its reply, or an event): a tally per channel, so a
 * long session holds a few numbers, not a log.
 * @param {string} channel
 * @param {number} bytes
 */
export function countIpc(channel, bytes) {
  const tally = (records.ipc[channel] ??= { messages: 0, bytes: 0 });
  tally.messages += 1;
  tally.bytes += bytes;
}

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
