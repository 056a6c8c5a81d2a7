// Module resolution hook (registered by register.mjs): 'electron' is the stand-in, nothing else changes.
const standIn = new URL('./electron/index.mjs', import.meta.url).href;

/**
 * @param {string} specifier
 * @param {object} context
 * @param {(specifier: string, context: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main' || specifier === 'electron/common') {
    return { url: standIn, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
