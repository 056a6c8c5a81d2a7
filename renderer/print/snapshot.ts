/**
 * The laid-out print page as one self-contained HTML file (the HTML export):
 * the template's own styles inlined, no script, and a policy that lets the
 * file load nothing at all when opened, wherever it is opened. Font files are
 * left out (the fonts are named, and used where installed): embedding them
 * would add megabytes to every export.
 */
const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function snapshot(root: HTMLElement): string {
  const css = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule) => !(rule instanceof CSSFontFaceRule))
    .map((rule) => rule.cssText)
    .join('\n');
  const head = document.createElement('head');
  const charset = document.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = FILE_POLICY;
  const viewport = document.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  const title = document.createElement('title');
  title.textContent = document.title;
  const style = document.createElement('style');
  style.textContent = css;
  head.append(charset, policy, viewport, title, style);

  const html = document.createElement('html');
  html.lang = document.documentElement.lang;
  html.dir = document.documentElement.dir;
  const body = document.createElement('body');
  body.append(root.cloneNode(true));
  html.append(head, body);
  return `<!doctype html>\n${html.outerHTML}\n`;
}
