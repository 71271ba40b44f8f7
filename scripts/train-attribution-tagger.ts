/**
 * Trains the attributions stage's cue tagger (src/stages/attributions/model/cue-tagger.json): a
 * logistic model over hashed features of each verb, noun or adjective (src/stages/attributions/tagger.ts),
 * labelled by whether the word is part of an annotated cue in PolNeAR train. One file in ten (by a
 * hash of its name) is held out to choose the probability threshold; PolNeAR dev is never read.
 * Deterministic: the same data give the same weights (fixed order, no random numbers).
 *
 *   node --import tsx scripts/train-attribution-tagger.ts [--train ../shared/data/polnear/train]
 */
import fs from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../src/analyze.js';
import { buildLexicon } from '../src/stages/attributions/lexicon.js';
import { findQuotes } from '../src/stages/attributions/quotes.js';
import { featuresOf, quoteMarksOf, taggable, TAGGER_BITS } from '../src/stages/attributions/tagger.js';
import type { Tok } from '../src/stages/attributions/frames.js';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const nearest = ['../../shared', '../../../shared'].map((p) => new URL(p, import.meta.url).pathname).find((p) => fs.existsSync(p));
const SHARED = process.env.SHARED ?? nearest ?? new URL('../../shared', import.meta.url).pathname;
const TRAIN = arg('--train', path.join(SHARED, 'data/polnear/train'));
const OUT = new URL('../src/stages/attributions/model/cue-tagger.json', import.meta.url).pathname;
if (!fs.existsSync(path.join(TRAIN, 'text'))) { console.error(`train-attribution-tagger: no PolNeAR train at ${TRAIN}`); process.exit(2); }

/** Cue spans of a brat file (T lines that an E line names as its Cue). */
function cueSpans(ann: string): [number, number][] {
  const T = new Map<string, [number, number][]>(), cues: [number, number][] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const c = line.split('\t');
    if (/^T\d+$/.test(c[0]!) && c[1]) T.set(c[0]!, c[1].slice(c[1].indexOf(' ') + 1).split(';').map((p) => p.trim().split(/\s+/).map(Number) as [number, number]));
    else if (/^E\d+$/.test(c[0]!) && c[1]) for (const part of c[1].trim().split(/\s+/)) { const [k, v] = part.split(':'); if (/^Cue\d*$/.test(k!)) events.push(v!); }
  }
  for (const id of events) cues.push(...(T.get(id) ?? []));
  return cues;
}

const heldOut = (name: string) => { let h = 0; for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0; return h % 10 === 0; };

const analyzer = new Analyzer({ stages: ['tokens'] });
const lexicon = buildLexicon();
interface Example { readonly f: number[]; readonly y: number; readonly held: boolean }
const examples: Example[] = [];
const textDir = path.join(TRAIN, 'text'), annDir = path.join(TRAIN, 'attributions');
const anns = fs.readdirSync(annDir).sort();
for (const file of fs.readdirSync(textDir).sort()) {
  if (!file.endsWith('.txt')) continue;
  const id = file.slice(0, -4);
  const ann = anns.find((a) => a.startsWith(id) && a.endsWith('.ann'));
  if (!ann) continue;
  const text = fs.readFileSync(path.join(textDir, file), 'utf8');
  const cues = cueSpans(fs.readFileSync(path.join(annDir, ann), 'utf8'));
  const doc = analyzer.analyzeDocument({ id, text });
  const quotes = findQuotes(doc.text, doc.layer('paragraph'));
  const all = doc.layer('token');
  const held = heldOut(file);
  for (const s of doc.layer('sentence')) {
    const toks: Tok[] = [];
    for (let i = s.data.firstToken; i < s.data.endToken; i++) {
      const t = all[i]!;
      toks.push({ start: t.start, end: t.end, value: t.data.value, low: t.data.value.toLowerCase().replace(/’/g, "'"), pos: t.data.pos, word: /[\p{L}\p{N}]/u.test(t.data.value) });
    }
    const marks = quoteMarksOf(toks);
    toks.forEach((t, i) => {
      if (!taggable(t)) return;
      const entry = lexicon.get(t.low);
      const quoted = quotes.some((q) => q.start <= t.start && t.end <= q.end);
      const y = cues.some(([a, b]) => a < t.end && b > t.start) ? 1 : 0;
      examples.push({ f: featuresOf(toks, i, entry ? Math.round(entry.precision * 10) : -1, quoted, marks), y, held });
    });
  }
}

const train = examples.filter((e) => !e.held), held = examples.filter((e) => e.held);
const W = new Float64Array(1 << TAGGER_BITS);
const EPOCHS = 6, L2 = 1e-6;
// a fixed interleaving instead of a random shuffle: example k of epoch e in order (k * STRIDE + e) mod n
const STRIDE = 7919;
for (let e = 0; e < EPOCHS; e++) {
  const lr = 0.2 / (1 + e);
  for (let k = 0; k < train.length; k++) {
    const x = train[(k * STRIDE + e) % train.length]!;
    let z = 0;
    for (const i of x.f) z += W[i]!;
    const g = x.y - 1 / (1 + Math.exp(-z));
    for (const i of x.f) W[i] = W[i]! * (1 - lr * L2) + lr * g;
  }
}
// signed bytes: the largest weight maps to 127
let max = 0;
for (const w of W) max = Math.max(max, Math.abs(w));
const scale = max / 127;
const q = new Int8Array(W.length);
for (let i = 0; i < W.length; i++) q[i] = Math.round(W[i]! / scale);

// the threshold that gives the best F1 on the held-out files, among those with precision >= MIN_PRECISION
// (a frame read from a tagged cue is right less often than the cue word itself: the word must be surer)
const MIN_PRECISION = 0.7;
const scored = held.map((x) => { let z = 0; for (const i of x.f) z += q[i]!; return { p: 1 / (1 + Math.exp(-z * scale)), y: x.y }; });
const positives = scored.filter((x) => x.y).length;
let best = { threshold: 0.5, f1: 0, p: 0, r: 0 };
for (let t = 0.2; t <= 0.9; t += 0.05) {
  const tp = scored.filter((x) => x.p >= t && x.y).length, pred = scored.filter((x) => x.p >= t).length;
  const p = tp / (pred || 1), r = tp / (positives || 1), f1 = p + r ? (2 * p * r) / (p + r) : 0;
  if (p >= MIN_PRECISION && f1 > best.f1) best = { threshold: +t.toFixed(2), f1, p, r };
}
fs.writeFileSync(OUT, JSON.stringify({
  trainedOn: 'PolNeAR train (nine files in ten; the tenth chose the threshold)', bits: TAGGER_BITS, scale, threshold: best.threshold,
  heldOut: { precision: +best.p.toFixed(3), recall: +best.r.toFixed(3), f1: +best.f1.toFixed(3) },
  weights: Buffer.from(q.buffer).toString('base64'),
}) + '\n');
console.log(`${train.length} training words, ${held.length} held out (${positives} cue words); threshold ${best.threshold}: P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} F1 ${best.f1.toFixed(3)} -> ${OUT}`);
