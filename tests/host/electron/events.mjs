// Electron's event objects: a plain object whose preventDefault() is read back by the emitter.

/**
 * @template {object} T
 * @param {T} [fields]
 * @returns {T & { defaultPrevented: boolean; preventDefault(): void }}
 */
export function preventable(fields) {
  const event = {
    .../** @type {T} */ (fields ?? {}),
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
