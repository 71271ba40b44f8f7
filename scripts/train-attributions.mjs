#!/usr/bin/env node
// Learns the cue-word table of the attributions stage from PolNeAR train (brat standoff):
// for each word form, how often it is part of an annotated cue, over how often it occurs, and on
// which side of the cue the content and the source usually lie. Writes
// src/stages/attributions/cues.learned.json. Not part of `npm test`; run by hand:
//   node scripts/train-attributions.mjs [--train ../shared/data/polnear/train]   (or SHARED=/path/to/shared)
import fs from 'node:fs';
import path from 'node:path';

const arg = (n, d) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1] : d; };
const nearest = ['../../shared', '../../../shared'].map((p) => new URL(p, import.meta.url).pathname).find((p) => fs.existsSync(p));
const SHARED = process.env.SHARED ?? nearest ?? new URL('../../shared', import.meta.url).pathname;
const TRAIN = arg('--train', path.join(SHARED, 'data/polnear/train'));
const OUT = new URL('../src/stages/attributions/cues.learned.json', import.meta.url).pathname;
const MIN_COUNT = 8, MIN_PRECISION = 0.08;

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
const stat = (w) => { let s = stats.get(w); if (!s) stats.set(w, (s = { total: 0, cue: 0, after: 0, sourceAfter: 0, withSource: 0, lengths: [] })); return s; };
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
      // how many words the content has: a cue that takes a noun phrase ("backed Bush") has short ones
      st.lengths.push(a.content.reduce((n, [cs, ce]) => n + words.filter((x) => x.s >= cs && x.e <= ce).length, 0));
      if (a.source) { st.withSource++; if (a.source[0][0] >= s) st.sourceAfter++; }
    }
  }
}
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length ? v[v.length >> 1] : 0; };
const table = {};
for (const [w, s] of [...stats].sort((a, b) => b[1].cue - a[1].cue)) {
  if (s.cue < MIN_COUNT) continue;
  const precision = s.cue / s.total;
  if (precision < MIN_PRECISION) continue;
  table[w] = { precision: +precision.toFixed(3), count: s.cue, contentAfter: +(s.after / s.cue).toFixed(3), sourceAfter: s.withSource ? +(s.sourceAfter / s.withSource).toFixed(3) : 0, contentWords: median(s.lengths) };
}
fs.writeFileSync(OUT, JSON.stringify({ source: 'PolNeAR train', minCount: MIN_COUNT, minPrecision: MIN_PRECISION, forms: table }, null, 1) + '\n');
console.log(`${Object.keys(table).length} cue forms -> ${OUT}`);

// ---------------------------------------------------------------------------------------------
// The frame filter (src/stages/attributions/model/frame-filter.json): a logistic model over the
// features of filter.ts that says whether a candidate the rules found is a real attribution. It is
// trained on the stage's own unfiltered output on PolNeAR train (needs `npm run build` first): a
// candidate is positive when its content matches a gold content as the scorer matches them
// (token Dice >= 0.5, best pairs first). The threshold is chosen on a held-out fifth of train,
// then the weights are trained again on all of it. Run with --filter. To measure the whole stage
// on the held-out tenth (eval-attribution-heldout.ts --filter FILE), train without it: --exclude LIST
// --filter-out FILE. --cache FILE keeps the candidates for trying --min-feature-count N on them again.
if (process.argv.includes('--filter')) await trainFilter();

async function trainFilter() {
  const dist = new URL('../dist/', import.meta.url);
  const { Analyzer } = await import(new URL('analyze.js', dist).href);
  const { Resources } = await import(new URL('core/resources.js', dist).href);
  const { frameFeatures } = await import(new URL('stages/attributions/filter.js', dist).href);
  const FILTER_OUT = arg('--filter-out', new URL('../src/stages/attributions/model/frame-filter.json', import.meta.url).pathname);
  // --exclude LIST leaves out the files it names (the held-out tenth of eval-attribution-heldout.ts), to measure the stage there
  const excluded = new Set(arg('--exclude', '') ? fs.readFileSync(arg('--exclude', ''), 'utf8').split('\n').filter(Boolean) : []);
  const resources = new Resources();
  resources.once('attributions.frameFilter', () => null);
  const analyzer = new Analyzer({ resources });
  const TOK = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
  const tokSet = (toks, spans, dropThat) => {
    const set = new Set();
    for (const [s, e] of spans) toks.forEach(([ts, te], i) => { if (ts < e && te > s) set.add(i); });
    if (dropThat && set.size > 1) { const f = Math.min(...set); if (toks[f][2] === 'that') set.delete(f); }
    return set;
  };
  const dice = (a, b) => { let n = 0; for (const x of a) if (b.has(x)) n++; return a.size + b.size ? (2 * n) / (a.size + b.size) : 1; };
  // --cache FILE keeps the candidates of a run (they depend only on the rules), to try the training's settings on them again
  const CACHE = arg('--cache', '');
  const docs = CACHE && fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, 'utf8')) : [];
  const files = docs.length ? [] : fs.readdirSync(textDir).filter((f) => f.endsWith('.txt') && !excluded.has(f.slice(0, -4))).sort();
  for (const f of files) {
    const id = f.slice(0, -4);
    const annFile = fs.readdirSync(annDir).find((a) => a.startsWith(id) && a.endsWith('.ann'));
    if (!annFile) continue;
    const text = fs.readFileSync(path.join(textDir, f), 'utf8');
    const gold = parse(fs.readFileSync(path.join(annDir, annFile), 'utf8'));
    const result = analyzer.analyze({ id, text });
    const toks = [...text.matchAll(TOK)].map((m) => [m.index, m.index + m[0].length, m[0].toLowerCase()]);
    const preds = result.attributions.map((a) => tokSet(toks, [[a.content.start, a.content.end]], true));
    const golds = gold.map((g) => tokSet(toks, g.content, true));
    const pairs = [];
    preds.forEach((p, i) => golds.forEach((g, j) => { const d = dice(p, g); if (d >= 0.5) pairs.push([d, i, j]); }));
    pairs.sort((a, b) => b[0] - a[0]);
    const usedP = new Set(), usedG = new Set();
    for (const [, i, j] of pairs) if (!usedP.has(i) && !usedG.has(j)) { usedP.add(i); usedG.add(j); }
    const examples = result.attributions.map((a, i) => ({
      feats: frameFeatures(text, { rule: a.provenance.rule, cue: a.cue, content: a.content, source: a.source, kind: a.kind }),
      y: usedP.has(i) ? 1 : 0,
    }));
    docs.push({ examples, gold: gold.length });
  }
  if (CACHE && files.length) fs.writeFileSync(CACHE, JSON.stringify(docs));
  // a feature seen in fewer training candidates than this gets no weight: rare words and names are remembered, not learned
  const MIN_FEATURE_COUNT = Number(arg('--min-feature-count', '1'));
  const countsOf = (set) => { const n = new Map(); for (const d of set) for (const e of d.examples) for (const f of e.feats) n.set(f, (n.get(f) ?? 0) + 1); return n; };
  const train = (set, epochs = 12, rate = 0.1, l2 = 1e-5) => {
    const w = new Map(); let bias = 0;
    const counts = MIN_FEATURE_COUNT > 1 ? countsOf(set) : null;
    const examples = set.flatMap((d) => d.examples).map((e) => (counts ? { ...e, feats: e.feats.filter((f) => counts.get(f) >= MIN_FEATURE_COUNT) } : e));
    for (let ep = 0; ep < epochs; ep++) {
      const lr = rate / (1 + ep * 0.5);
      for (let k = 0; k < examples.length; k++) {
        const e = examples[(k * 7919 + ep * 104729) % examples.length];
        let z = bias;
        for (const f of e.feats) z += w.get(f) ?? 0;
        const g = e.y - 1 / (1 + Math.exp(-z));
        bias += lr * g;
        for (const f of e.feats) { const v = w.get(f) ?? 0; w.set(f, v + lr * (g - l2 * v)); }
      }
    }
    return { w, bias };
  };
  const prob = (m, feats) => { let z = m.bias; for (const f of feats) z += m.w.get(f) ?? 0; return 1 / (1 + Math.exp(-z)); };
  // threshold: the best F1 on the held-out fifth, given the candidates that were right there
  const held = docs.filter((_, i) => i % 5 === 0), rest = docs.filter((_, i) => i % 5 !== 0);
  const m0 = train(rest);
  const scored = held.flatMap((d) => d.examples.map((e) => ({ p: prob(m0, e.feats), y: e.y })));
  const nGold = held.reduce((n, d) => n + d.gold, 0);
  let best = { f1: 0, t: 0 };
  for (let t = 0; t <= 0.8; t += 0.02) {
    const kept = scored.filter((s) => s.p >= t), tp = kept.filter((s) => s.y).length;
    const f1 = (2 * tp) / (kept.length + nGold);
    if (f1 > best.f1) best = { f1, t: +t.toFixed(2) };
  }
  const all = scored.filter((s) => s.p >= 0), tp0 = all.filter((s) => s.y).length;
  console.log(`held-out content F1 ${((2 * tp0) / (all.length + nGold)).toFixed(4)} unfiltered, ${best.f1.toFixed(4)} filtered at ${best.t}`);
  const m = train(docs);
  const kept = Object.fromEntries([...m.w].filter(([, v]) => Math.abs(v) >= 0.1).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, +v.toFixed(2)]));
  fs.writeFileSync(FILTER_OUT, JSON.stringify({ source: 'PolNeAR train', threshold: best.t, bias: +m.bias.toFixed(3), weights: kept }) + '\n');
  console.log(`${Object.keys(kept).length} weights -> ${FILTER_OUT}`);
}
