import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeText } from '../../../../main/importers/feeds/decodeText';

const TEXT = '<?xml version="1.0"?><t>“Niño” – déjà</t>';

describe('decodeText', () => {
  it('follows a byte-order mark, UTF-16 in either order', () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      expect(decodeText(Buffer.concat([Buffer.from(bom), iconv.encode(TEXT, encoding)]))).toBe(TEXT);
    }
  });

  it('reads windows-1252 curly quotes and dashes, declared or not', () => {
    const declared = TEXT.replace('?>', ' encoding="windows-1252"?>');
    expect(decodeText(iconv.encode(declared, 'windows-1252'))).toBe(declared);
    // Undeclared bytes that are not UTF-8 are windows-1252, not replacement characters.
    expect(decodeText(iconv.encode(TEXT, 'windows-1252'))).toBe(TEXT);
  });

  it('lets an HTTP charset override the declaration, and reads ISO-8859-x', () => {
    const greek = '<?xml version="1.0" encoding="utf-8"?><t>Ελλάδα</t>';
    expect(decodeText(iconv.encode(greek, 'iso-8859-7'), 'ISO-8859-7')).toBe(greek);
    expect(charsetOf('text/xml; charset="iso-8859-7"')).toBe('iso-8859-7');
  });
});
