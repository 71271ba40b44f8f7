/**
 * Measures the whole attributions stage on the held-out tenth of PolNeAR train, with the sequence
 * tagger trained on the other nine (`train-attribution-sequence.ts --fold --out FOLD.json
 * --heldout-list LIST`): the figures the stage's combination of rules and tagger is chosen by, so that
 * PolNeAR dev stays a development measure and is never fitted.
 *
 * Prints exact spans per paragraph and role (CofeNet's rows of PolNeAR are its paragraphs, nearly all:
 * its scorer cofenet.mjs clips a result's spans to a row the same way) and writes the results as JSON
 * lines (--pred) with a gold folder of the held-out files (--gold-dir) for score.mjs attributions.
 *
 *   node --import tsx scripts/eval-attribution-heldout.ts --model FOLD.json --list LIST [--pred OUT.jsonl] [--gold-dir DIR] [--none] [--filter FILTER.json]
 *
 * --none runs the stage without the sequence tagger (the rules alone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../src/analyze.js';
import { Resources } from '../src/core/resources.js';
import type { Range } from '../src/core/span.js';
import { frameFilterFrom } from '../src/stages/attributions/filter.js';
import { sequenceTaggerFrom, type Role } from '../src/stages/attributions/sequence.js';
import { goldSpans } from './polnear-gold.js';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const nearest = ['../../shared', '../../../shared'].map((p) => new URL(p, import.meta.url).pathname).find((p) => fs.existsSync(p));
const SHARED = process.env.SHARED ?? nearest ?? new URL('../../shared', import.meta.url).pathname;
const TRAIN = path.join(SHARED, 'data/polnear/train');
const MODEL = arg('--model', ''), LIST = arg('--list', ''), PRED = arg('--pred', ''), GOLD_DIR = arg('--gold-dir', '');
if (!fs.existsSync(path.join(TRAIN, 'text')) || !LIST || (!MODEL && !process.argv.includes('--none'))) {
  console.error('eval-attribution-heldout: needs PolNeAR train, --list and --model (or --none)');
  process.exit(2);
}

const resources = new Resources();
// --filter FILE: a frame filter trained without the held-out tenth (train-attributions.mjs --filter --exclude LIST --filter-out FILE)
const FILTER = arg('--filter', '');
if (FILTER) resources.once('attributions.frameFilter', () => frameFilterFrom(JSON.parse(fs.readFileSync(FILTER, 'utf8'))));
const model = process.argv.includes('--none') ? null : sequenceTaggerFrom(JSON.parse(fs.readFileSync(MODEL, 'utf8')));
resources.once('attributions.sequenceTagger', () => model);
const analyzer = new Analyzer({ resources });
const ids = fs.readFileSync(LIST, 'utf8').split('\n').filter(Boolean);
const anns = fs.readdirSync(path.join(TRAIN, 'attributions'));
const ROLES: Role[] = ['source', 'cue', 'content'];
const stat = Object.fromEntries(ROLES.map((r) => [r, [0, 0, 0]])) as Record<Role, [number, number, number]>;
const lines: string[] = [];
if (GOLD_DIR) for (const d of ['text', 'attributions']) fs.mkdirSync(path.join(GOLD_DIR, d), { recursive: true });

/** The spans of one role clipped to a paragraph, as `start:end` of the characters of their first and last words inside it. */
function clipped(spans: readonly Range[], para: Range, words: readonly Range[]): Set<string> {
  const out = new Set<string>();
  for (const sp of spans) {
    let s = -1, e = -1;
    for (const w of words) if (w.start >= para.start && w.end <= para.end && w.start >= sp.start && w.end <= sp.end) { if (s < 0) s = w.start; e = w.end; }
    if (s >= 0) out.add(`${s}:${e}`);
  }
  return out;
}

for (const id of ids) {
  const text = fs.readFileSync(path.join(TRAIN, 'text', id + '.txt'), 'utf8');
  const ann = anns.find((a) => a.startsWith(id) && a.endsWith('.ann'))!;
  const annText = fs.readFileSync(path.join(TRAIN, 'attributions', ann), 'utf8');
  if (GOLD_DIR) { fs.copyFileSync(path.join(TRAIN, 'text', id + '.txt'), path.join(GOLD_DIR, 'text', id + '.txt')); fs.writeFileSync(path.join(GOLD_DIR, 'attributions', ann), annText); }
  const result = analyzer.analyze({ id, text });
  if (PRED) lines.push(JSON.stringify(result));
  const gold = goldSpans(annText);
  // the tokens cofenet.mjs would align: runs of word characters and single marks
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const paras: Range[] = [];
  for (let at = 0; at < text.length;) { let end = text.indexOf('\n', at); if (end < 0) end = text.length; if (text.slice(at, end).trim()) paras.push({ start: at, end }); at = end + 1; }
  for (const role of ROLES) {
    const predicted = result.attributions.flatMap((a) => {
      const x = role === 'content' ? (a.contentParts?.length ? a.contentParts : [a.content]) : role === 'cue' ? [a.cue] : a.source ? [a.source] : [];
      return x.filter((r): r is NonNullable<typeof r> => !!r).map((r) => ({ start: r.start, end: r.end }));
    });
    const golds = gold.filter((g) => g.role === role).map((g) => g.range);
    for (const para of paras) {
      const p = clipped(predicted, para, words), g = clipped(golds, para, words);
      for (const k of p) if (g.has(k)) stat[role][0]++;
      stat[role][1] += p.size; stat[role][2] += g.size;
    }
  }
}
if (PRED) fs.writeFileSync(PRED, lines.join('\n') + '\n');
const f1 = ([tp, p, g]: [number, number, number]) => { const P = tp / (p || 1), R = tp / (g || 1); return `P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${(P + R ? (2 * P * R) / (P + R) : 0).toFixed(3)}`; };
console.log(`held-out tenth of PolNeAR train (${ids.length} files), exact spans per paragraph:`);
for (const role of ROLES) console.log(`  ${role}: ${f1(stat[role])}`);
