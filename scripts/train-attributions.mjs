#!/usr/bin/env node
// Learns the cue-word table of the attributions stage from PolNeAR train (brat standoff):
// for each word form, how often it is part of an annotated cue, over how often it occurs, and on
// which side of the cue the content and the source usually lie. Writes
// src/stages/attributions/cues.learned.json. Not part of `npm test`; run by hand:
//   node scripts/train-attributions.mjs [--train ../shared/data/polnear/train]
import fs from 'node:fs';
import path from 'node:path';

const arg = (n, d) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1] : d; };
const TRAIN = arg('--train', new URL('../../shared/data/polnear/train', import.meta.url).pathname);
const OUT = new URL('../src/stages/attributions/cues.learned.json', import.meta.url).pathname;
const MIN_COUNT = 8, MIN_PRECISION = 0.2;

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const norm = (w) => w.toLowerCase().replace(/’/g, "'");

function parse(ann) {
  const T = new Map(), events = [];
  for (const line of ann.split('\n')) {
    const c = line.split('\t');
    if (/^T\d+$/.test(c[0]) && c[1]) {
      const sp = c[1].indexOf(' ');
      T.set(c[0], c[1].slice(sp + 1).split(';').map((p) => p.trim().split(/\s+/).map(Number)));
    } else if (/^E\d+$/.test(c[0]) && c[1]) {
      const r = {};
      for (const part of c[1].trim().split(/\s+/)) { const [k, v] = part.split(':'); r[k.replace(/\d+$/, '')] = v; }
      events.push(r);
    }
  }
  return events.filter((e) => e.Content && e.Cue && T.get(e.Cue)).map((e) => ({ cue: T.get(e.Cue), content: T.get(e.Content), source: e.Source ? T.get(e.Source) : null }));
}

const stats = new Map();
const stat = (w) => { let s = stats.get(w); if (!s) stats.set(w, (s = { total: 0, cue: 0, after: 0, sourceAfter: 0, withSource: 0 })); return s; };
const textDir = path.join(TRAIN, 'text'), annDir = path.join(TRAIN, 'attributions');
for (const f of fs.readdirSync(textDir)) {
  if (!f.endsWith('.txt')) continue;
  const id = f.slice(0, -4);
  const annFile = fs.readdirSync(annDir).find((a) => a.startsWith(id) && a.endsWith('.ann'));
  if (!annFile) continue;
  const text = fs.readFileSync(path.join(textDir, f), 'utf8');
  const words = [...text.matchAll(WORD)].map((m) => ({ s: m.index, e: m.index + m[0].length, w: norm(m[0]) }));
  for (const w of words) stat(w.w).total++;
  for (const a of parse(fs.readFileSync(path.join(annDir, annFile), 'utf8'))) {
    const seen = new Set();
    for (const [s, e] of a.cue) for (const w of words) if (w.s < e && w.e > s && !seen.has(w.w)) {
      seen.add(w.w);
      const st = stat(w.w);
      st.cue++;
      if (a.content[0][0] >= s) st.after++;
      if (a.source) { st.withSource++; if (a.source[0][0] >= s) st.sourceAfter++; }
    }
  }
}
const table = {};
for (const [w, s] of [...stats].sort((a, b) => b[1].cue - a[1].cue)) {
  if (s.cue < MIN_COUNT) continue;
  const precision = s.cue / s.total;
  if (precision < MIN_PRECISION) continue;
  table[w] = { precision: +precision.toFixed(3), count: s.cue, contentAfter: +(s.after / s.cue).toFixed(3), sourceAfter: s.withSource ? +(s.sourceAfter / s.withSource).toFixed(3) : 0 };
}
fs.writeFileSync(OUT, JSON.stringify({ source: 'PolNeAR train', minCount: MIN_COUNT, minPrecision: MIN_PRECISION, forms: table }, null, 1) + '\n');
console.log(`${Object.keys(table).length} cue forms -> ${OUT}`);
