import { describe, expect, it } from 'vitest';
import { snippet } from '../../../main/search/snippet';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('snippet', () => {
  it('shows the window with the most distinct matched terms, cut at words, with ellipses', () => {
    const text = `${filler(60)} Darién alone. ${filler(40)} the Darién reception station opened. ${filler(60)}`;
    const passage = snippet([text], ['darien', 'station']);
    expect(passage).toMatch(/^…/);
    expect(passage).toMatch(/…$/);
    expect(passage).toContain('Darién reception station');
    expect(passage.length).toBeLessThan(240);
  });

  it('matches at word starts only, ignoring case and accents, also where folding changes lengths', () => {
    expect(snippet([`${filler(80)} ﬁnal MIGRACIÓN report`], ['migracion'])).toContain('MIGRACIÓN');
    expect(snippet([`${filler(80)} immigration`], ['migration'])).toMatch(/^word0/);
  });

  it('reads a later text only when the earlier ones lack a term, and falls back to the start', () => {
    let bodyRead = false;
    const body = () => {
      bodyRead = true;
      return 'a body about rougeole';
    };
    expect(snippet(['Summary about measles', body], ['measles'])).toBe('Summary about measles');
    expect(bodyRead).toBe(false);
    expect(snippet(['Summary about measles', body], ['rougeole'])).toBe('a body about rougeole');
    expect(snippet(['', 'Only the title matched here'], ['zzz'])).toBe('Only the title matched here');
  });
});
