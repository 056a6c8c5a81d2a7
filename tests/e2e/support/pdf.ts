import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFHexString, type PDFString } from 'pdf-lib';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Reading exported PDFs back: poppler-utils for text and pictures, pdf-lib for structure. */
const run = promisify(execFile);

export async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

export async function pdfInfo(file: string): Promise<string> {
  return (await run('pdfinfo', [file])).stdout;
}

/** The text of the whole file, or of one page (1-based), in reading order. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** Chromium drops the space where a heading wraps when it titles an outline entry: compare without spaces. */
export const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

type Text = PDFString | PDFHexString;

/** The document outline (the PDF's bookmarks pane), depth first, with the 1-based page each entry opens. */
export async function outline(bytes: Uint8Array): Promise<{ title: string; depth: number; page: number }[]> {
  const document = await PDFDocument.load(bytes);
  const pageOf = pageNumbers(document);
  const entries: { title: string; depth: number; page: number }[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    while (item) {
      const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      entries.push({
        title: (item.lookup(PDFName.of('Title')) as Text).decodeText(),
        depth,
        page: pageOf(destination?.get(0)),
      });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  const root = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}

/** Links inside the document: the page they sit on, the named destination and the page it opens. */
export async function internalLinks(
  bytes: Uint8Array,
): Promise<{ onPage: number; name: string; toPage: number }[]> {
  const document = await PDFDocument.load(bytes);
  const pageOf = pageNumbers(document);
  const destinations = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const links: { onPage: number; name: string; toPage: number }[] = [];
  document.getPages().forEach((page, index) => {
    const annotations = page.node.Annots();
    for (let k = 0; k < (annotations?.size() ?? 0); k++) {
      const annotation = annotations?.lookup(k, PDFDict);
      const destination = annotation?.get(PDFName.of('Dest'));
      if (!(destination instanceof PDFName)) continue;
      const name = destination.decodeText();
      const target = destinations?.lookupMaybe(destination, PDFArray);
      links.push({ onPage: index + 1, name, toPage: pageOf(target?.get(0)) });
    }
  });
  return links;
}

function pageNumbers(document: PDFDocument): (ref: unknown) => number {
  const refs = document.getPages().map((page) => page.ref.toString());
  return (ref) => (ref instanceof PDFRef ? refs.indexOf(ref.toString()) + 1 : 0);
}

/** Page `page` as a PNG at `dpi`, rendered by poppler. */
export async function renderPage(file: string, page: number, dpi = 50): Promise<PNG> {
  const folder = await mkdtemp(join(tmpdir(), 'pdf-page-'));
  try {
    const prefix = join(folder, 'page');
    await run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
    return PNG.sync.read(await readFile(`${prefix}.png`));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The share of pixels that differ visibly (pixelmatch's default colour threshold); 1 when the sizes differ. */
export function differingShare(actual: PNG, expected: PNG): number {
  if (actual.width !== expected.width || actual.height !== expected.height) return 1;
  const differing = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, {
    threshold: 0.1,
  });
  return differing / (actual.width * actual.height);
}
