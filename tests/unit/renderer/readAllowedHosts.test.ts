import { describe, expect, it } from 'vitest';
import { readAllowedHosts } from '../../../renderer/settings/readAllowedHosts';

describe('the allowed local hosts the user typed', () => {
  it('reads one host per line (commas and spaces too), normalised and without repeats', () => {
    expect(
      readAllowedHosts('News.Intranet\n 10.0.0.5 , 0x7f.1\n\n127.0.0.1  [::1]\nBÜCHER.example', 50),
    ).toEqual({
      kind: 'hosts',
      hosts: ['news.intranet', '10.0.0.5', '127.0.0.1', '::1', 'xn--bcher-kva.example'],
    });
    expect(readAllowedHosts('  \n ', 50)).toEqual({ kind: 'hosts', hosts: [] });
  });

  it('names what is not a bare host: an address, a port, user-info', () => {
    expect(
      readAllowedHosts('ok.intranet\nhttp://news.intranet/feed\nnews.intranet:8080\nuser@host', 50),
    ).toEqual({
      kind: 'notHosts',
      entries: ['http://news.intranet/feed', 'news.intranet:8080', 'user@host'],
    });
  });

  it('refuses more than 50 hosts', () => {
    const many = Array.from({ length: 51 }, (_, i) => `h${i}.intranet`).join('\n');
    expect(readAllowedHosts(many, 50)).toEqual({ kind: 'tooMany', max: 50 });
  });
});
