import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../host/find-chromium.mjs';
import type * as DomEntry from './browser/domEntry';

/**
 * The sanitiser runs in Chromium, the engine that renders the app, rather than
 * in a DOM imitation: DOMPurify is only as safe as the HTML parser it runs on,
 * and the classic mutation-XSS payloads depend on that parser's exact quirks.
 * The renderer's sanitize.ts and highlightDom.ts are bundled as one script and
 * loaded into a blank page.
 */
const chromiumPath = await findChromium();

declare global {
  interface Window {
    Dom: typeof DomEntry;
    pwned: boolean;
  }
}

let browser: Browser;
let page: Page;
const requests: string[] = [];

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./browser/domEntry.ts', import.meta.url)),
        formats: ['iife'],
        name: 'Dom',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = results[0]?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('the bundle has no script');
  return chunk.code;
}

/** Sanitises in the page and returns the markup it would insert. */
const sanitize = (html: string) =>
  page.evaluate((dirty) => {
    const holder = document.createElement('div');
    holder.append(window.Dom.sanitizeBody(dirty));
    // Inserted into the live page, as the reader does: anything that could run gets its chance.
    document.body.append(holder);
    return holder.innerHTML;
  }, html);

describe.skipIf(!chromiumPath)('in Chromium', () => {
  beforeAll(async () => {
    const code = await bundle();
    browser = await chromium.launch({
      executablePath: chromiumPath ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    page = await browser.newPage();
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: `window.pwned = false;\n${code}` });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('sanitizeBody', () => {
    it('keeps the structure of news text', async () => {
      const html =
        '<h2>Update</h2><p>On <b>Monday</b>, <strong>IOM</strong> <i>said</i> <em>this</em>.<br>Next line</p>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quote</blockquote>' +
        '<figure><figcaption>caption</figcaption></figure>' +
        '<table><caption>c</caption><thead><tr><th scope="col">A</th></tr></thead>' +
        '<tbody><tr><td colspan="2">1</td></tr></tbody></table>';
      expect(await sanitize(html)).toBe(html);
    });

    it('drops scripts, styles, frames, forms and embedded documents with their content', async () => {
      const out = await sanitize(
        '<p>a</p><script>window.pwned = true</script><style>body{display:none}</style>' +
          '<iframe src="https://example.org">frame</iframe><object data="x.swf">obj</object><embed src="x">' +
          '<form action="https://evil.example"><input name="q"><button>Go</button></form>' +
          '<svg><script>window.pwned = true</script></svg><math><mi>x</mi></math><template><p>t</p></template>' +
          '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
          '<link rel="stylesheet" href="https://evil.example/x.css">',
      );
      // An <object>'s fallback text is meant to be shown when the object is not.
      expect(out).toBe('<p>a</p>obj');
    });

    it('removes event handlers, styles, classes, ids and names', async () => {
      expect(
        await sanitize(
          '<p onclick="window.pwned = true" style="color:red" class="x" id="location" name="cookie">t</p>',
        ),
      ).toBe('<p>t</p>');
    });

    it('keeps http(s) and mailto links, without target or rel', async () => {
      expect(await sanitize('<a href="https://www.iom.int/news" target="_blank" rel="opener">news</a>')).toBe(
        '<a href="https://www.iom.int/news">news</a>',
      );
      expect(await sanitize('<a href="mailto:press@iom.int">mail</a>')).toBe(
        '<a href="mailto:press@iom.int">mail</a>',
      );
    });

    it('takes the address off every other link, keeping its text', async () => {
      for (const href of [
        'javascript:window.pwned=true',
        ' javascript:window.pwned=true',
        'java&#x09;script:window.pwned=true',
        'data:text/html,<script>window.pwned=true</script>',
        'file:///etc/passwd',
        'app://bulletin/index.html',
        '/relative/page',
        '#fragment',
      ]) {
        expect(await sanitize(`<a href="${href}">x</a>`), href).toBe('<a>x</a>');
      }
    });

    it('keeps embedded raster images and nothing remote', async () => {
      const png =
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
      expect(await sanitize(`<img src="${png}" alt="map">`)).toBe(`<img src="${png}" alt="map">`);
      expect(
        await sanitize('<p><img src="https://tracker.example/p.gif" alt="Photo of the station"></p>'),
      ).toBe(
        '<p><span class="remote-image" data-remote-src="https://tracker.example/p.gif" role="img" aria-label="Photo of the station">[Photo of the station]</span></p>',
      );
      expect(await sanitize('<p>a<img src="https://tracker.example/p.gif">b</p>')).toBe(
        '<p>a<span class="remote-image" data-remote-src="https://tracker.example/p.gif" aria-hidden="true"></span>b</p>',
      );
      expect(await sanitize('<p><img src="ftp://x.example/p.gif" alt="Map"></p>')).toBe('<p>[Map]</p>');
      // A body cannot forge a placeholder: only the sanitiser's own keep their attributes.
      expect(
        await sanitize('<span class="remote-image" data-remote-src="https://tracker.example/p.gif">t</span>'),
      ).toBe('<span>t</span>');
      expect(await sanitize('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">')).toBe('');
      expect(await sanitize('<img src="x" onerror="window.pwned = true">')).toBe('');
    });

    it('gives an empty body for a frameset document rather than nothing', async () => {
      expect(await sanitize('<div><frameset onload=alert(31)>text</div>')).toBe('');
    });

    it('demotes a body <h1> to its text (the bulletin title is the heading)', async () => {
      expect(await sanitize('<h1>Big</h1><p>x</p>')).toBe('Big<p>x</p>');
    });

    it('survives mutation-XSS payloads', async () => {
      const payloads = [
        '<noscript><p title="</noscript><img src=x onerror=window.pwned=true>">',
        '<svg><p><style><img src=x onerror=window.pwned=true></style></p></svg>',
        '<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=true>',
        '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.pwned=true>',
        '<a href="&#106;avascript:window.pwned=true">x</a>',
        '<xmp><img src=x onerror=window.pwned=true></xmp>',
      ];
      for (const payload of payloads) {
        const out = await sanitize(payload);
        expect(out, payload).not.toMatch(/onerror|javascript:|<script|<style|<svg|<math/i);
      }
    });

    it('never ran anything or fetched anything', async () => {
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => window.pwned)).toBe(false);
      expect(requests).toEqual([]);
    });
  });

  describe('highlightTextNodes', () => {
    it('marks terms in text nodes, accent- and case-insensitively, without touching markup', async () => {
      const result = await page.evaluate(() => {
        const fragment = window.Dom.sanitizeBody(
          '<p>Darién and <b>DARIEN</b>: <a href="https://x.org/darien">migration</a> (immigration)</p>',
        );
        const marks = window.Dom.highlightTextNodes(fragment, ['darien', 'migra']);
        const holder = document.createElement('div');
        holder.append(fragment);
        return { marks, html: holder.innerHTML };
      });
      expect(result.marks).toBe(3);
      expect(result.html).toBe(
        '<p><mark>Darién</mark> and <b><mark>DARIEN</mark></b>: ' +
          '<a href="https://x.org/darien"><mark>migra</mark>tion</a> (immigration)</p>',
      );
    });
  });
});
