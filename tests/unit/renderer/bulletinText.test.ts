import { describe, expect, it } from 'vitest';
import { MAILTO_TEXT_LIMIT, bulletinAsText, mailtoDraft } from '../../../renderer/share/bulletinText';
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
