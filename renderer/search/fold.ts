/**
 * Case and accent folding, the renderer's twin of main's `foldTerm`: the search
 * index folds words this way, so highlighting must fold the displayed text the
 * same way to find them again ("darien" in "Darién", "DARIEN").
 *
 * NFKD (not only NFD) also splits compatibility characters such as the "ﬁ"
 * ligature, which makes highlighting a little more forgiving than the index and
 * never less: folding a term that is already folded changes nothing.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Folded text plus, for each of its UTF-16 units, the span of the original text it came from. */
export interface FoldedText {
  folded: string;
  /** `starts[i]`: index in the original text where the character behind folded unit i starts. */
  starts: number[];
  /** `ends[i]`: index in the original text just past that character (and any marks after it). */
  ends: number[];
}

/**
 * Folds text one character at a time, remembering where each folded unit came
 * from, so a match found in the folded text maps back onto the text as shown.
 */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const end = index + char.length;
    const piece = foldText(char);
    if (piece === '') {
      // A lone combining mark (text stored decomposed, "e" + U+0301): it belongs
      // to the character before it, so a highlight of that character covers it.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      for (let unit = 0; unit < piece.length; unit++) {
        starts.push(index);
        ends.push(end);
      }
      folded += piece;
    }
    index = end;
  }
  return { folded, starts, ends };
}
