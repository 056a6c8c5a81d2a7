import type { Bulletin } from '../../preload/contract';
import { htmlToText } from '../search/htmlText';

/** The languages search knows (stop words, `lang:`): detection picks one of these or says "und". */
const DETECTABLE = ['en', 'es', 'fr'];
/** Below this, a guess is a coin toss: a title "Costa Rica" reads as Spanish in any feed. */
const MIN_WORDS = 3;
/** Plenty to decide on; reading a long body further only costs time. */
const MAX_CHARACTERS = 2000;
const UNDETERMINED = 'und';

type Detector = (text: string) => string;
let detector: Promise<Detector> | undefined;

// eld's smallest n-gram table is ≈1 MB of JavaScript (≈0.5 s to load on a slow laptop):
// loaded by the first item that needs it, never at start (digests and most feeds declare theirs).
function loadDetector(): Promise<Detector> {
  // Among all of eld's languages, not only ours: restricted to en/es/fr, eld calls Portuguese
  // and Italian Spanish. Anything else, or an answer eld itself doubts, is "und".
  detector ??= import('eld/extrasmall').then(({ eld }) => (text: string) => {
    const found = eld.detect(text);
    return DETECTABLE.includes(found.language) && found.isReliable() ? found.language : UNDETERMINED;
  });
  return detector;
}

/** The language of a text: "en", "es" or "fr", or "und" when it is too short or too mixed to tell. */
export async function detectLanguage(text: string): Promise<string> {
  const sample = text.slice(0, MAX_CHARACTERS);
  if ((sample.match(/\p{L}+/gu)?.length ?? 0) < MIN_WORDS) return UNDETERMINED;
  return (await loadDetector())(sample);
}

/**
 * Bulletins whose source declared no language get one detected from their title, summary and
 * text. A declared language always wins, even one search does not know.
 */
export async function withDetectedLanguages(bulletins: Bulletin[]): Promise<Bulletin[]> {
  if (bulletins.every((bulletin) => bulletin.language !== UNDETERMINED)) return bulletins;
  return Promise.all(
    bulletins.map(async (bulletin) => {
      if (bulletin.language !== UNDETERMINED) return bulletin;
      const text = [bulletin.title, bulletin.summary, htmlToText(bulletin.bodyHtml ?? '')].join('\n');
      const language = await detectLanguage(text);
      return language === UNDETERMINED ? bulletin : { ...bulletin, language };
    }),
  );
}
