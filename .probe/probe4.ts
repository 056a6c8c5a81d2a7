import { decodeHTML } from 'entities';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function growth(name: string, fn: (s: string) => unknown, make: (n: number) => string, n: number, runs = 7) {
  const small = make(n), large = make(8 * n);
  fn(small); fn(large);
  const ts: number[] = [], tl: number[] = [];
  for (let i = 0; i < runs; i++) {
    let a = performance.now(); fn(small); ts.push(performance.now() - a);
    a = performance.now(); fn(large); tl.push(performance.now() - a);
  }
  console.log(name, median(ts).toFixed(1), 'x' + (median(tl) / median(ts)).toFixed(1));
}
const doctype = (n: number) => '<!DOCTYPE x ['.repeat(n) + ']'.repeat(n);
const P = [/^\s*(\d{1,2})\s+de\s+(\p{L}+)\s+de\s+(\d{4})\s*$/iu, /^\s*(\d{1,2})(?:er)?\s+(\p{L}+),?\s+(\d{4})\s*$/iu, /^\s*(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})\s*$/iu];
P.forEach((p, i) => growth('pat' + i, (s) => p.exec(s), doctype, 50000));
growth('ws', (s) => s.replace(/\s+/g, ' '), doctype, 50000);
growth('split', (s) => s.split(/\r\n|\r|\n/), doctype, 50000);
growth('trim', (s) => s.trim(), doctype, 50000);
growth('decode', (s) => decodeHTML(s), doctype, 50000);
growth('decodeAmp', (s) => decodeHTML(s), (n) => '&'.repeat(n * 10), 50000);
