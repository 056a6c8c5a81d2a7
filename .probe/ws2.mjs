const time = (f) => { const r = []; for (let i = 0; i < 3; i++) { const a = performance.now(); f(); r.push(performance.now() - a); } return Math.min(...r).toFixed(1); };
for (const n of [50000, 200000, 800000]) {
  const s = 'ab  '.repeat(n);
  console.log(n,
    'collapse', time(() => s.replace(/\s{2,}|[^\S ]/g, ' ')),
    'plus', time(() => s.replace(/\s+/g, ' ')),
    'fnrepl', time(() => s.replace(/\s+/g, () => ' ')),
    'splitjoin', time(() => s.split(/\s+/).join(' ')),
    'matchAll', time(() => { const out = []; let last = 0; for (const m of s.matchAll(/\s+/g)) { out.push(s.slice(last, m.index), ' '); last = m.index + m[0].length; } out.push(s.slice(last)); return out.join(''); }),
    'lt', time(() => s.replace(/</g, ' ')),
  );
}
