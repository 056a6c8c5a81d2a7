for (const n of [50000, 100000, 200000, 400000, 800000]) {
  const s = 'ab '.repeat(n);
  const runs = [];
  for (let i = 0; i < 5; i++) { const a = performance.now(); s.replace(/\s+/g, ' '); runs.push(performance.now() - a); }
  const r2 = [];
  for (let i = 0; i < 5; i++) { const a = performance.now(); s.replace(/\s{2,}|[^\S ]/g, ' '); r2.push(performance.now() - a); }
  const r3 = [];
  for (let i = 0; i < 5; i++) { const a = performance.now(); s.split(/\n/); r3.push(performance.now() - a); }
  console.log(n, Math.min(...runs).toFixed(1), Math.min(...r2).toFixed(1), Math.min(...r3).toFixed(1));
}
