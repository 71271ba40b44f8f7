/**
 * What training and evaluating the events stage's type model share: the data (PLOVER's development
 * records and the synthetic stories, read from ../shared, never copied), the folds, the labels a
 * candidate gets, and the averaged perceptron itself. Deterministic: no randomness, orders by hash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Analyzer } from '../../src/analyze.js';
import type { Document } from '../../src/core/document.js';
import { LEGACY_TYPES } from '../../src/ontology/plover.js';
import { candidatesOf, type Candidate } from '../../src/stages/events/events.stage.js';
import { Lexicon } from '../../src/stages/events/match.js';
import { ALL_TRIGGERS } from '../../src/stages/events/cameo-triggers.js';
import { NO_EVENT, ownPatternOf, TypeModel, type TypeModelWeights } from '../../src/stages/events/type-model.js';

export const SHARED = new URL('../../../shared/', import.meta.url);
export const GSR = new URL('data/plover/gsr-dev.jsonl', SHARED);
export const STORIES = new URL('data/plover/synthetic-stories.jsonl', SHARED);
export const CLASSES = [NO_EVENT, 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;

export interface GoldEvent { readonly type: string; readonly actor: string[]; readonly recipient: string[]; readonly eventText?: string; readonly optional?: boolean; readonly modality?: string }
export interface Record { readonly id: string; readonly text: string; readonly published: string | null; readonly events: GoldEvent[] }
export interface Story { readonly id: string; readonly title: string; readonly text: string; readonly type: string }

export function available(): boolean {
  return existsSync(GSR) && existsSync(STORIES);
}

const readJsonl = <T>(u: URL): T[] => readFileSync(u, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

export function loadRecords(): Record[] {
  return readJsonl<Record>(GSR);
}

/**
 * The stories, each cut to its first three sentences: the first two are what we score (the main
 * event is told there), the third gives them context; the rest would only cost time.
 */
export function loadStories(): Story[] {
  return readJsonl<Story>(STORIES).map((s) => ({ ...s, type: LEGACY_TYPES[s.type] ?? s.type, text: firstSentences(s.text, 3) }));
}

export function firstSentences(text: string, n: number): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/);
  return parts.slice(0, n).join(' ');
}

/** FNV-1a of a string: the folds and the orders of training, the same on every machine. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

/** The fold (0-4) of a development record. */
export const foldOf = (id: string): number => hash(`fold:${id}`) % 5;
/** Whether a story is in the four fifths we train on (the other fifth is where we report). */
export const storyForTraining = (id: string): boolean => hash(`story:${id}`) % 5 !== 0;

export interface Example { readonly key: string; readonly features: readonly string[]; readonly label: string }

/** The pipeline up to the events stage: tokens and sentences are all the features need. */
export function tokeniser(): Analyzer {
  return new Analyzer({ stages: ['tokens'] });
}

const lexicon = new Lexicon(ALL_TRIGGERS);

export function candidates(doc: Document): Candidate[] {
  return candidatesOf(doc, lexicon);
}

/** Word tokens of a text, lower case (as the scorer reads event text). */
const wordsOf = (s: string): string[] => (s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu) ?? []);

/**
 * Labels for a development record's candidates: a candidate whose type one of the gold events has
 * keeps it; one whose words are among a remaining gold event's words takes that event's type (the
 * pattern found the right place and named the wrong type); every other candidate is no event.
 */
export function recordExamples(r: Record, doc: Document): Example[] {
  const cands = candidates(doc);
  const gold = r.events.filter((e) => !e.optional).map((e) => ({ type: LEGACY_TYPES[e.type] ?? e.type, words: new Set(wordsOf(e.eventText ?? '')), used: false }));
  const labels: (string | null)[] = cands.map(() => null);
  cands.forEach((c, k) => {
    if (c.match.entry.proposal) return;
    const g = gold.find((x) => !x.used && x.type === c.match.entry.type);
    if (g) { g.used = true; labels[k] = g.type; }
  });
  cands.forEach((c, k) => {
    if (labels[k]) return;
    const words = wordsOf(doc.text.slice(c.start, c.end));
    const g = gold.find((x) => !x.used && words.some((w) => x.words.has(w)));
    if (g) { g.used = true; labels[k] = g.type; }
  });
  return cands.map((c, k) => ({ key: `${r.id}#${k}`, features: c.features, label: labels[k] ?? NO_EVENT }));
}

/**
 * Labels for a story's candidates, from its one label (the type of its main event, told in the first
 * two sentences): the first candidate there with that type is a positive; when none has it and the
 * first sentence has one candidate only, that one is the main event under another pattern's type.
 * The other candidates of those sentences that only the dictionary's patterns found, with another
 * type, are taken as no event: noisy (a lead may tell two events), but without them the stories would
 * teach only that patterns are right. The project's own patterns are not taken so: a lead's second
 * event is most often one of theirs ("met", "talks"), and the records teach when they are wrong.
 */
export function storyExamples(s: Story, doc: Document): Example[] {
  const all = candidates(doc).filter((c) => c.sentenceIndex < 2);
  const cands = all.filter((c) => !c.match.entry.proposal);
  const proposals = all.filter((c) => c.match.entry.proposal);
  let main = cands.find((c) => c.match.entry.type === s.type);
  const first = cands.filter((c) => c.sentenceIndex === 0);
  if (!main && first.length === 1) main = first[0];
  const out: Example[] = [];
  if (main) {
    out.push({ key: s.id, features: main.features, label: s.type });
    // the lead tells the main event: other candidates there, of other types, are mostly words that look like events
    for (const [k, c] of cands.entries()) if (c !== main && c.match.entry.type !== s.type && !ownPatternOf(c.match)) out.push({ key: `${s.id}#${k}`, features: c.features, label: NO_EVENT });
    // and the verbs no pattern covers, beside a main event a pattern found, mostly tell none
    for (const [k, c] of proposals.entries()) out.push({ key: `${s.id}#v${k}`, features: c.features, label: NO_EVENT });
    return out;
  }
  // no pattern found the main event: the lead's first verb that is not one of reporting tells it
  const lead = proposals.find((c) => c.sentenceIndex === 0 && !REPORTING.has(doc.text.slice(c.start, c.end).toLowerCase()) && !REPORTING_LEMMAS.has(lemmaAt(doc, c)));
  if (lead) out.push({ key: `${s.id}#lead`, features: lead.features, label: s.type });
  return out;
}

/** Verbs that report what others said or did rather than tell an act (for choosing a lead's main verb). */
const REPORTING_LEMMAS = new Set(['say', 'tell', 'report', 'add', 'quote', 'state', 'note', 'write', 'describe', 'claim', 'confirm', 'according', 'accord']);
const REPORTING = new Set(['according']);

function lemmaAt(doc: Document, c: Candidate): string {
  const t = doc.layer('token').find((x) => x.start === c.start);
  return t ? t.data.lemma.toLowerCase() : '';
}

export interface TrainOptions { readonly epochs?: number; readonly minCount?: number }

/**
 * An averaged multiclass perceptron: for each example in a hashed order, when the best-scoring class
 * is not the label, the label's weights gain the features and the guess's lose them; the weights
 * shipped are the average over all steps (the averaging keeps late examples from swinging them).
 */
export function train(examples: readonly Example[], { epochs = 12, minCount = 2 }: TrainOptions = {}): TypeModelWeights {
  const classIndex = new Map<string, number>(CLASSES.map((c, k) => [c, k]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [f, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n >= minCount) featureIndex.set(f, featureIndex.size);
  const C = CLASSES.length, F = featureIndex.size;
  const w = new Float64Array(F * C), total = new Float64Array(F * C), stamp = new Float64Array(F * C);
  const rows = examples.map((e) => ({ e, fs: [...new Set(e.features)].map((f) => featureIndex.get(f)).filter((x): x is number => x !== undefined), y: classIndex.get(e.label)! }));
  let step = 0;
  const scores = new Float64Array(C);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = [...rows].sort((a, b) => hash(`${epoch}:${a.e.key}`) - hash(`${epoch}:${b.e.key}`) || (a.e.key < b.e.key ? -1 : 1));
    for (const { fs, y } of order) {
      step++;
      scores.fill(0);
      for (const f of fs) for (let c = 0; c < C; c++) scores[c]! += w[f * C + c]!;
      let guess = 0;
      for (let c = 1; c < C; c++) if (scores[c]! > scores[guess]!) guess = c;
      if (guess === y) continue;
      for (const f of fs) {
        for (const [c, d] of [[y, 1], [guess, -1]] as const) {
          const k = f * C + c;
          total[k]! += (step - stamp[k]!) * w[k]!;
          stamp[k] = step;
          w[k]! += d;
        }
      }
    }
  }
  const weights: { [f: string]: number[] } = {};
  for (const [f, i] of featureIndex) {
    const row: number[] = [];
    for (let c = 0; c < C; c++) {
      const k = i * C + c;
      const avg = (total[k]! + (step - stamp[k]!) * w[k]!) / step;
      const rounded = Math.round(avg * 1000) / 1000;
      if (rounded !== 0) row.push(c, rounded);
    }
    if (row.length) weights[f] = row;
  }
  return { classes: [...CLASSES], weights };
}

/**
 * The weights with the margins and the lemmas worth proposing: verbs (`src=verb`) that tell an event
 * in at least PROPOSE_SHARE of their training examples, and that the trained model itself makes an
 * event of, past `proposeMargin`, in at least `minCount` of them. Common verbs ("make", "take") tell
 * an event now and then and would cost a decision in nearly every sentence: the stage reads only
 * the sentences with a proposable verb or a pattern's word, and decides only those verbs.
 */
export function withMargins(w: TypeModelWeights, examples: readonly Example[], margins: { noneMargin: number; ownPrior: number; proposeMargin: number }, minCount = 2): TypeModelWeights {
  const model = new TypeModel({ ...w, ...margins });
  const seen = new Map<string, { n: number; events: number; decided: number }>();
  for (const e of examples) {
    if (!e.features.includes('src=verb')) continue;
    const lemma = e.features.find((f) => f.startsWith('w0='))!.slice(3);
    const c = seen.get(lemma) ?? { n: 0, events: 0, decided: 0 };
    c.n++;
    if (e.label !== NO_EVENT) c.events++;
    if (e.label !== NO_EVENT && model.decide(e.features, undefined, true).type === e.label) c.decided++;
    seen.set(lemma, c);
  }
  const proposable = [...seen].filter(([, c]) => c.decided >= minCount && c.events >= PROPOSE_SHARE * c.n).map(([lemma]) => lemma).sort();
  return { ...w, ...margins, proposable };
}

/** The least share of a verb's training examples that tell an event for the verb to be proposed. */
const PROPOSE_SHARE = 0.25;
