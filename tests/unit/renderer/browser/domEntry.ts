// What sanitize.test.ts loads into Chromium: the renderer's DOM-touching modules, bundled as one script.
export { sanitizeBody } from '../../../../renderer/reader/sanitize';
export { highlightTextNodes } from '../../../../renderer/search/highlightDom';
