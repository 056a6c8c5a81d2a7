import { describe, expect, it } from 'vitest';
import { hostOf, isExternalUrl } from '../../../renderer/reader/links';

describe('isExternalUrl', () => {
  it('accepts absolute http, https and mailto addresses', () => {
    expect(isExternalUrl('https://www.iom.int/news')).toBe(true);
    expect(isExternalUrl('HTTP://example.org')).toBe(true);
    expect(isExternalUrl('mailto:press@iom.int')).toBe(true);
  });

  it('refuses every other scheme and relative links', () => {
    for (const href of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'app://bulletin/index.html',
      '/news',
      '#top',
      '',
    ]) {
      expect(isExternalUrl(href), href).toBe(false);
    }
  });
});

describe('hostOf', () => {
  it('gives the host to show next to a link', () => {
    expect(hostOf('https://rosanjose.iom.int/en/news?x=1')).toBe('rosanjose.iom.int');
    expect(hostOf('not a url')).toBe('');
  });
});
