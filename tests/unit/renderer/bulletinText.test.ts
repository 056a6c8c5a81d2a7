import { describe, expect, it } from 'vitest';
import {
  MAILTO_TEXT_LIMIT,
  bulletinAsText,
  bulletinsAsText,
  linksAsText,
  mailtoDraft,
  mailtoDraftOfMany,
} from '../../../renderer/share/bulletinText';
import { externalUrl } from '../../../preload/linkRule';

const bulletin = {
  title: 'Crossing reopened & queues',
  date: '2 November 2026',
  source: 'Field office',
  text: 'The crossing reopened.\n\nQueues of 300.',
  link: 'https://example.org/b?id=1&x=2',
};

describe('Copy as text and the e-mail draft', () => {
  it('puts title, date, source, text and link in that order', () => {
    expect(bulletinAsText(bulletin)).toBe(
      'Crossing reopened & queues\n2 November 2026 · Field office\n\nThe crossing reopened.\n\nQueues of 300.\n\nhttps://example.org/b?id=1&x=2',
    );
    expect(bulletinAsText({ ...bulletin, link: undefined })).not.toContain('https://');
  });

  it('a mailto draft keeps subject and body whole through encoding and passes the link rule', () => {
    const draft = mailtoDraft(bulletin);
    const url = externalUrl(draft);
    expect(url?.protocol).toBe('mailto:');
    const params = new URLSearchParams(draft.slice('mailto:?'.length));
    expect(params.get('subject')).toBe(bulletin.title);
    expect(params.get('body')).toBe(bulletinAsText(bulletin));
  });

  it('a long text is cut in the draft but the link stays, so the colleague can read the rest', () => {
    const draft = mailtoDraft({ ...bulletin, text: 'x'.repeat(50_000) });
    const body = new URLSearchParams(draft.slice('mailto:?'.length)).get('body') ?? '';
    expect(body).toContain('x'.repeat(MAILTO_TEXT_LIMIT - 1) + '…');
    expect(body.endsWith(bulletin.link)).toBe(true);
    expect(draft.length).toBeLessThan(8192);
  });
});

describe('Send… of several bulletins (the selection bar)', () => {
  const second = { ...bulletin, title: 'Shelter capacity', link: 'https://example.org/b?id=2' };
  const noLink = { ...bulletin, title: 'No link', link: undefined };
  const more = (count: number) => `…and ${count} more`;
  const bodyOf = (draft: string) => new URLSearchParams(draft.slice('mailto:?'.length)).get('body') ?? '';

  it('Copy as text puts each bulletin whole, in order, apart by a rule', () => {
    expect(bulletinsAsText([bulletin, second])).toBe(
      `${bulletinAsText(bulletin)}\n\n———\n\n${bulletinAsText(second)}`,
    );
  });

  it('Copy links puts one link a line, leaving out bulletins without one', () => {
    expect(linksAsText([bulletin, noLink, second])).toBe(
      'https://example.org/b?id=1&x=2\nhttps://example.org/b?id=2',
    );
    expect(linksAsText([noLink])).toBe('');
  });

  it('one draft names every bulletin by title, date, source and link, within the mailto limit', () => {
    const draft = mailtoDraftOfMany([bulletin, second], '2 bulletins', more);
    expect(new URLSearchParams(draft.slice('mailto:?'.length)).get('subject')).toBe('2 bulletins');
    expect(bodyOf(draft)).toBe(
      'Crossing reopened & queues\n2 November 2026 · Field office\nhttps://example.org/b?id=1&x=2\n\n' +
        'Shelter capacity\n2 November 2026 · Field office\nhttps://example.org/b?id=2',
    );
    expect(externalUrl(draft)?.protocol).toBe('mailto:');
  });

  it('many bulletins: as many as fit, then how many more', () => {
    const many = Array.from({ length: 100 }, (_, n) => ({ ...second, title: `Bulletin ${n}` }));
    const body = bodyOf(mailtoDraftOfMany(many, '100 bulletins', more));
    expect(body.length).toBeLessThanOrEqual(MAILTO_TEXT_LIMIT + 40);
    const shown = body.split('\n\n').length - 1;
    expect(body.endsWith(`…and ${100 - shown} more`)).toBe(true);
    expect(shown).toBeGreaterThan(5);
  });

  it('one bulletin selected is the reader’s draft, text and all', () => {
    expect(mailtoDraftOfMany([bulletin], 'ignored', more)).toBe(mailtoDraft(bulletin));
  });
});
