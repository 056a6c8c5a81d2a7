import { highlight } from './highlight';

/**
 * Wraps the search terms found in the text nodes under `root` in <mark>
 * elements, for the reading pane. It only ever splits text nodes into text and
 * <mark>: it never parses HTML, so it is safe on a sanitised fragment.
 * A match spanning two elements ("Dar<b>ién</b>") is not marked.
 *
 * Returns the number of marks added.
 */
export function highlightTextNodes(root: Node, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);

  let marks = 0;
  // Collected first, changed after: replacing nodes while walking would confuse the walker.
  for (const node of textNodes) {
    const segments = highlight(node.data, terms);
    if (!segments.some((segment) => segment.match)) continue;
    const replacement = document.createDocumentFragment();
    for (const segment of segments) {
      if (segment.match) {
        const mark = document.createElement('mark');
        mark.textContent = segment.text;
        replacement.append(mark);
        marks++;
      } else {
        replacement.append(segment.text);
      }
    }
    node.replaceWith(replacement);
  }
  return marks;
}
