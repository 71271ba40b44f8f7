/**
 * The events stage measured where its type model was not trained:
 *   - five-fold on PLOVER's development records: for each fold, a model trained on the other four
 *     and on the training four fifths of the synthetic stories decides the fold's events; the
 *     five folds' results are scored together by ../shared/eval/score.mjs;
 *   - the other fifth of the synthetic stories (by a hash of their id), with the shipped model: how
 *     often the story's labelled type is among the events of its first two sentences, and a sample
 *     of all the events found there, for reading (precision by type is read, not computed).
 *
 *   node --import tsx scripts/eval-event-types.ts [--sample FILE] [--margins 0:0,10:20] [--propose 5,10] [--folds-only] [--stories-only] [--baseline]
 *
 * `--propose` scores the folds and the stories at each margin a verb no pattern covers must win by
 * (the shipped model's otherwise).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analyze.js';
import { Resources } from '../src/core/resources.js';
import { Lexicon } from '../src/stages/events/match.js';
import { TRIGGERS } from '../src/stages/events/triggers.js';
import { TypeModel, shippedTypeModel, type TypeModelWeights } from '../src/stages/events/type-model.js';
import shippedWeights from '../src/stages/events/type-model.json' with { type: 'json' };
import {
  available, CLASSES, foldOf, hash, loadRecords, loadStories, recordExamples, SHARED, storyExamples, storyForTraining, tokeniser, train, withMargins, type Example,
} from './event-types/data.js';

const { values } = parseArgs({ options: { sample: { type: 'string' }, margins: { type: 'string' }, baseline: { type: 'boolean', default: false }, 'folds-only': { type: 'boolean', default: false }, 'stories-only': { type: 'boolean', default: false }, propose: { type: 'string' } } });
/** The (no-event margin, own-pattern prior) pairs to score the folds at, "m:p,m:p": the shipped model's alone unless asked for more. */
const MARGINS = values.margins ? values.margins.split(',').map((x) => x.split(':').map(Number) as [number, number])
  : [[shippedTypeModel().noneMargin, shippedTypeModel().ownPrior] as [number, number]];
/** The margins a proposed verb must win by, to score at. */
const PROPOSE = values.propose ? values.propose.split(',').map(Number) : [shippedTypeModel().proposeMargin];
if (!available()) {
  console.log('eval-event-types: skipped (needs ../shared/data/plover)');
  process.exit(0);
}
/** This run's own temp dir (two runs at once must not write each other's files): the folds' predictions, and the sample unless --sample says where. */
const RUN_DIR = mkdtempSync(join(tmpdir(), 'eval-event-types-'));
const SAMPLE = values.sample ?? join(RUN_DIR, 'story-events.tsv');

/**
 * An analyzer whose events stage decides with `model`; with `--baseline`, the stage as it was before
 * the dictionary and the model: the project's own lexicon, every candidate taken with its pattern's type.
 */
function analyzerWith(model: TypeModel): Analyzer {
  const resources = new Resources();
  if (values.baseline) {
    resources.once('events.lexicon', () => new Lexicon(TRIGGERS));
    resources.once('events.type-model', () => new TypeModel({ classes: [...CLASSES], weights: Object.fromEntries(CLASSES.map((c, k) => [`lex=${c}`, [k, 1]])) }));
  } else {
    resources.once('events.type-model', () => model);
  }
  return new Analyzer({ resources });
}

const records = loadRecords();
const stories = loadStories();
const tok = tokeniser();
const recordEx = new Map<string, Example[]>();
for (const r of records) recordEx.set(r.id, recordExamples(r, tok.analyzeDocument({ id: r.id, text: r.text, published: r.published })));
const storyEx: Example[] = [];
for (const s of stories) if (storyForTraining(s.id)) storyEx.push(...storyExamples(s, tok.analyzeDocument({ id: s.id, text: s.text })));

// five-fold on the records, at each margin "no event" must win by
const score = (pred: string) => JSON.parse(execFileSync('node', [new URL('eval/score.mjs', SHARED).pathname, 'events', '--gold', new URL('data/plover/gsr-dev.jsonl', SHARED).pathname, '--pred', pred, '--json'], { encoding: 'utf8' }));
const folds = values['stories-only'] ? [] : [0, 1, 2, 3, 4].map((k) => {
  const examples = [...storyEx];
  for (const r of records) if (foldOf(r.id) !== k) examples.push(...recordEx.get(r.id)!);
  return { weights: train(examples), examples };
});
for (const [noneMargin, ownPrior] of values['stories-only'] ? [] : MARGINS) for (const proposeMargin of PROPOSE) {
  const predictions: string[] = [];
  for (let k = 0; k < 5; k++) {
    const analyzer = analyzerWith(new TypeModel(withMargins(folds[k]!.weights, folds[k]!.examples, { noneMargin, ownPrior, proposeMargin })));
    for (const r of records) {
      if (foldOf(r.id) !== k) continue;
      predictions.push(JSON.stringify(analyzer.analyze({ id: r.id, text: r.text, published: r.published })));
    }
  }
  const cvFile = join(RUN_DIR, 'events-cv.jsonl');
  writeFileSync(cvFile, predictions.join('\n') + '\n');
  const cv = score(cvFile);
  rmSync(cvFile);
  console.log(`== GSR dev, five-fold, no-event margin ${noneMargin}, own-pattern prior ${ownPrior}, proposed-verb margin ${proposeMargin}: type P ${cv.type.p} R ${cv.type.r} F1 ${cv.type.f1}; typeAndActors P ${cv.typeAndActors.p} R ${cv.typeAndActors.r} F1 ${cv.typeAndActors.f1}`);
}

// the stories' fifth we report on, with the shipped model
if (values['folds-only']) process.exit(0);
for (const proposeMargin of PROPOSE) {
  const analyzer = analyzerWith(new TypeModel({ ...(shippedWeights as TypeModelWeights), proposeMargin }));
  let n = 0, hit = 0;
  const byType = new Map<string, { n: number; hit: number }>();
  const sample: string[] = [];
  for (const s of stories) {
    if (storyForTraining(s.id)) continue;
    const doc = analyzer.analyzeDocument({ id: s.id, text: s.text });
    const sentences = doc.layer('sentence');
    const end = sentences[Math.min(1, sentences.length - 1)]?.end ?? 0;
    const events = doc.layer('event').filter((e) => e.start < end && e.data.modality !== 'negated');
    const ok = events.some((e) => e.data.type === s.type);
    n++; if (ok) hit++;
    const t = byType.get(s.type) ?? { n: 0, hit: 0 };
    t.n++; if (ok) t.hit++;
    byType.set(s.type, t);
    for (const e of events) {
      const sentence = doc.text.slice(e.data.sentence.start, e.data.sentence.end).replace(/\s+/g, ' ');
      sample.push([hash(`sample:${s.id}:${e.start}`), e.data.type, s.id, s.type, doc.text.slice(e.start, e.end), sentence].join('\t'));
    }
  }
  console.log(`== synthetic stories, held-out fifth (${n}), proposed-verb margin ${proposeMargin}: labelled type among the first two sentences' events: ${(hit / n).toFixed(4)}`);
  console.log([...byType].sort().map(([t, v]) => `${t} ${v.hit}/${v.n}`).join(', '));
  // a sample in hashed order, so that reading the first rows of each type is reading a random sample
  sample.sort();
  writeFileSync(SAMPLE, 'hash\ttype\tstory\tstory type\ttrigger\tsentence\n' + sample.join('\n') + '\n');
  console.log(`${sample.length} events found; sample for reading in ${SAMPLE}`);
}
