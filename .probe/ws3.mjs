const time = (f) => { const r = []; for (let i = 0; i < 3; i++) { const a = performance.now(); f(); r.push(performance.now() - a); } return Math.min(...r).toFixed(1); };
const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
function collapse(s) {
  // copy runs of non-space as slices, append ' ' per space run; concatenation via +=
  let out = '';
  let start = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) { i++; continue; }
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) { out += s.slice(start, i) + ' '; start = j; }
    i = j;
  }
  return out + s.slice(start);
}
function collapseBuf(s) {
  const buf = new Uint16Array(s.length);
  let w = 0; let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) { if (!prevSpace) buf[w++] = 32; prevSpace = true; }
    else { buf[w++] = c; prevSpace = false; }
  }
  return Buffer.from(buf.buffer, 0, w * 2).toString('utf16le');
}
for (const n of [50000, 200000, 800000]) {
  const s = 'ab  '.repeat(n);
  console.log(n, 'loop+=', time(() => collapse(s)), 'buf', time(() => collapseBuf(s)), collapse(s) === s.replace(/\s{2,}|[^\S ]/g, ' '), collapseBuf(s) === s.replace(/\s+/g, ' '));
}
