import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { externalUrl } from '../../../preload/linkRule';

const shown: { detail: string; defaultId: number; cancelId: number }[] = [];
const opened: string[] = [];
let answer = 0;
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: (options: { detail: string; defaultId: number; cancelId: number }) => {
      shown.push(options);
      return Promise.resolve({ response: answer });
    },
  },
  shell: { openExternal: (url: string) => Promise.resolve(void opened.push(url)) },
}));

const { initI18n } = await import('../../../main/i18n');
const { openExternalLink } = await import('../../../main/windows/externalLinks');

beforeAll(() => initI18n('en'));
beforeEach(() => {
  shown.length = 0;
  opened.length = 0;
  answer = 0;
});

describe('the link rule', () => {
  it('refuses other schemes, relative links and addresses with user-info', () => {
    for (const href of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ms-msdt:/id PCWDiagnostic',
      '/relative',
      'https://trusted.org&x@127.0.0.1/',
      'https://user:pass@example.org/',
    ])
      expect(externalUrl(href), href).toBeNull();
  });

  it('keeps only to, cc, subject and body in a mailto, as written', () => {
    expect(externalUrl('mailto:a@b.org?subject=Hi%20there&attach=/etc/passwd&Body=x&bcc=c@d.org')?.href).toBe(
      'mailto:a@b.org?subject=Hi%20there&Body=x',
    );
    expect(externalUrl('mailto:a@b.org?attach=C:/x')?.href).toBe('mailto:a@b.org');
  });
});

describe('openExternalLink', () => {
  it('shows scheme and host on their own line (punycode for an international name), then the full address', async () => {
    await openExternalLink('https://bücher.example/path?q=1', null);
    expect(shown[0]?.detail).toBe(
      'Goes to: xn--bcher-kva.example (https)\n\nhttps://xn--bcher-kva.example/path?q=1',
    );
    expect(opened).toEqual(['https://xn--bcher-kva.example/path?q=1']);
  });

  it('makes Cancel the default, so Enter never opens a link', async () => {
    await openExternalLink('https://example.org/', null);
    expect(shown[0]?.defaultId).toBe(shown[0]?.cancelId);
    answer = 1;
    expect(await openExternalLink('https://example.org/', null)).toBe(false);
    expect(opened).toEqual(['https://example.org/']);
  });

  it('refuses a URL with user-info before asking, and opens a mailto without attach=', async () => {
    await expect(openExternalLink('https://trusted.org&x@127.0.0.1/', null)).rejects.toThrow(
      'Only web and e-mail links can be opened.',
    );
    expect(shown).toEqual([]);
    await openExternalLink('mailto:desk@example.org?subject=Report&attach=/home/me/.ssh/id_rsa', null);
    expect(shown[0]?.detail).toBe(
      'Writes an e-mail to: desk@example.org\n\nmailto:desk@example.org?subject=Report',
    );
    expect(opened).toEqual(['mailto:desk@example.org?subject=Report']);
  });
});
