import { isPloverType, type PloverType } from '../../ontology/plover.js';
import type { PatternMatch } from './match.js';
import type { TriggerEntry } from './triggers.js';
import shipped from './type-model.json' with { type: 'json' };

import type { Token } from '../../text/lookup.js';

/** The answer for "this candidate is no event" (the model's seventeenth class). */
export const NO_EVENT = 'NONE';
export type TypeClass = PloverType | typeof NO_EVENT;

/** How many words either side of the trigger the context features read. */
const CONTEXT = 4;

/**
 * The features of a trigger candidate: what the pattern says (its type, its id, which lexicon it
 * came from), the trigger's own words and part of speech, the words right before and after it,
 * the words around it, and a few facts of the sentence (quotation, modal, negation). Not the
 * sentence's place in the article: the training data are leads, the articles it reads are not. Strings, one a feature; the model gives each a weight per class.
 */
/** Whether a pattern is the project's own (not converted from the CAMEO dictionary, not a verb put to the model). */
export function isOwnPattern(e: TriggerEntry): boolean {
  return !e.id.startsWith('trigger.cameo.') && !e.proposal;
}

/**
 * The candidate a verb no pattern covers makes: the model alone decides whether it tells an event and
 * of which type (its features say `src=verb` and nothing of a pattern). The type here is never read
 * as the event's: the model's decision replaces it, and "no event" is the answer it mostly gets.
 */
export const VERB_PROPOSAL: TriggerEntry = Object.freeze({ id: 'trigger.model.verb', pattern: '', type: 'CONSULT', cameo: '', proposal: true });

/** Lemmas no verb proposal is made for: the auxiliaries and copula, which tell no act by themselves. */
const NOT_PROPOSED = new Set(['be', 'have', 'do']);

/**
 * The verbs of a sentence that no trigger covers, as candidates for the model (VERB_PROPOSAL), in
 * token order; `accept` says which lemmas to propose (the shipped model's `proposable` ones, or all
 * of them when training).
 */
export function verbProposals(tokens: readonly Token[], matches: readonly PatternMatch<TriggerEntry>[], accept: (lemma: string) => boolean): PatternMatch<TriggerEntry>[] {
  let out: PatternMatch<TriggerEntry>[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.data.pos !== 'VERB') continue;
    const lemma = lemmaOf(t);
    if (NOT_PROPOSED.has(lemma) || !accept(lemma) || covered(matches, i)) continue;
    (out ??= []).push({ entry: VERB_PROPOSAL, tokens: [i] });
  }
  return out ?? NO_PROPOSALS;
}

const NO_PROPOSALS: PatternMatch<TriggerEntry>[] = [];

function covered(matches: readonly PatternMatch<TriggerEntry>[], i: number): boolean {
  for (const m of matches) if (m.tokens.includes(i)) return true;
  return false;
}

/** Matches and proposals together in the order of their first tokens (both lists are in that order). */
export function merged(matches: readonly PatternMatch<TriggerEntry>[], proposals: readonly PatternMatch<TriggerEntry>[]): PatternMatch<TriggerEntry>[] {
  if (!proposals.length) return matches as PatternMatch<TriggerEntry>[];
  const out: PatternMatch<TriggerEntry>[] = [];
  let a = 0, b = 0;
  while (a < matches.length || b < proposals.length) {
    if (b >= proposals.length || (a < matches.length && matches[a]!.tokens[0]! < proposals[b]!.tokens[0]!)) out.push(matches[a++]!);
    else out.push(proposals[b++]!);
  }
  return out;
}

/** The project's own pattern among a match and those it shadowed (the first), or undefined. */
export function ownPatternOf(m: PatternMatch<TriggerEntry>): TriggerEntry | undefined {
  if (isOwnPattern(m.entry)) return m.entry;
  for (const o of m.shadowed ?? []) if (isOwnPattern(o)) return o;
  return undefined;
}

/**
 * The features whose value is one token's lemma (lower case): their prefixes, and what stands for a
 * token past the sentence's edge. A model keeps their weights by lemma (TypeModel.rowOf), so that a
 * token's lemma is looked up once for all of them.
 */
const LEMMA_PREFIX = ['w0', 'wN', 'ws', 'p1', 'p2', 'n1', 'n2', 'b', 'a'] as const;
const LEMMA_EDGE = ['', '', '', '<s>', '<s>', '</s>', '</s>', '', ''] as const;
const W0 = 0, WN = 1, WS = 2, P1 = 3, P2 = 4, N1 = 5, N2 = 6, B = 7, A = 8;
type LemmaSlot = typeof W0 | typeof WN | typeof WS | typeof P1 | typeof P2 | typeof N1 | typeof N2 | typeof B | typeof A;
/** The features whose value is two tokens' lemmas joined by `_` (the word before or after the trigger's first), with their edges. */
const PAIR_PREFIX = ['p1w0', 'w0n1'] as const;
const PAIR_EDGE = [['<s>', ''], ['', '</s>']] as const;
const P1W0 = 0, W0N1 = 1;
type PairSlot = typeof P1W0 | typeof W0N1;

/**
 * Where a candidate's features go, each as a prefix and a value (the feature is `prefix=value`, or the
 * prefix alone when the value is null): a list of strings for training, or a model's scores, which look
 * the weights up by the token's lemma or the value without building the joined string (see TypeModel.decideFor).
 */
export interface FeatureSink {
  add(prefix: string, value: string | null): void;
  /** `prefix=lemma` of token `t` (the slot's prefix), or the slot's edge when there is no such token */
  lemma(slot: LemmaSlot, t: Token | undefined): void;
  /** `w0pos=lemma/pos` of token `t` */
  lemmaPos(t: Token): void;
  /** `prefix=left_right` of two tokens' lemmas (the slot's edges when there is no such token) */
  pair(slot: PairSlot, left: Token | undefined, right: Token | undefined): void;
}

/** The features as strings, `prefix=value` (what the training script and the shipped weights use). */
export function candidateFeatures(tokens: readonly Token[], m: PatternMatch<TriggerEntry>): string[] {
  const sink = new FeatureList();
  emitFeatures(tokens, m, sink);
  return sink.features;
}

class FeatureList implements FeatureSink {
  readonly features: string[] = [];
  add(prefix: string, value: string | null): void {
    this.features.push(value === null ? prefix : `${prefix}=${value}`);
  }
  lemma(slot: LemmaSlot, t: Token | undefined): void {
    this.add(LEMMA_PREFIX[slot], t ? lemmaOf(t) : LEMMA_EDGE[slot]);
  }
  lemmaPos(t: Token): void {
    this.add('w0pos', `${lemmaOf(t)}/${t.data.pos}`);
  }
  pair(slot: PairSlot, left: Token | undefined, right: Token | undefined): void {
    const [l, r] = PAIR_EDGE[slot];
    this.add(PAIR_PREFIX[slot], `${left ? lemmaOf(left) : l}_${right ? lemmaOf(right) : r}`);
  }
}

/** The candidate's features, in a fixed order, into `f`. */
function emitFeatures(tokens: readonly Token[], m: PatternMatch<TriggerEntry>, f: FeatureSink): void {
  emitTriggerFeatures(tokens, m, f);
  emitContextFeatures(tokens, m, f);
}

/**
 * The features of the candidate's pattern and its own words, which come first: a pure function of the
 * match's entry, the entries it shadowed, its tokens' lemmas and its first token's part of speech
 * (TypeModel.triggerScores keeps their sum by these).
 */
function emitTriggerFeatures(tokens: readonly Token[], m: PatternMatch<TriggerEntry>, f: FeatureSink): void {
  const e = m.entry;
  const first = m.tokens[0]!, last = m.tokens[m.tokens.length - 1]!;
  const head = tokens[first]!;
  f.add('bias', null);
  // a proposed verb has no pattern to speak for it: its own words and context are all the model reads
  if (e.proposal) f.add('src', 'verb');
  else { f.add('lex', e.type); f.add('id', e.id); f.add('src', isOwnPattern(e) ? 'own' : 'cameo'); f.add('cameo', e.cameo.slice(0, 2)); }
  f.add('pos', head.data.pos); f.add('len', LENGTHS[Math.min(m.tokens.length, 3)]!);
  for (const o of m.shadowed ?? []) { f.add('alt', o.type); f.add('altid', o.id); }
  f.lemma(W0, head); f.lemma(WN, tokens[last]!);
  // the trigger's words joined (one word: its lemma, as w0)
  if (m.tokens.length === 1) f.lemma(WS, head);
  else {
    let ws = lemmaOf(head);
    for (let k = 1; k < m.tokens.length; k++) ws += `_${lemmaOf(tokens[m.tokens[k]!]!)}`;
    f.add('ws', ws);
  }
  f.lemmaPos(head);
}

/** The features of the words around the candidate and of its sentence, after emitTriggerFeatures. */
function emitContextFeatures(tokens: readonly Token[], m: PatternMatch<TriggerEntry>, f: FeatureSink): void {
  const first = m.tokens[0]!, last = m.tokens[m.tokens.length - 1]!;
  const head = tokens[first]!;
  const p1 = tokens[first - 1], p2 = tokens[first - 2], n1 = tokens[last + 1], n2 = tokens[last + 2];
  f.lemma(P1, p1); f.add('p1pos', p1?.data.pos ?? '<s>'); f.lemma(P2, p2);
  f.lemma(N1, n1); f.add('n1pos', n1?.data.pos ?? '</s>'); f.lemma(N2, n2);
  f.pair(P1W0, p1, head); f.pair(W0N1, head, n1);
  // an adjective of nationality or a name right before a noun trigger ("Israeli strikes") is its actor
  if (p1 && (p1.data.pos === 'ADJ' || p1.data.pos === 'PROPN') && startsCapital(p1.data.value)) f.add(capitalBefore(head.data.pos), null);
  for (let i = Math.max(0, first - CONTEXT); i < first; i++) f.lemma(B, tokens[i]!);
  for (let i = last + 1; i < Math.min(tokens.length, last + 1 + CONTEXT); i++) f.lemma(A, tokens[i]!);
  // negation is modality's business, not the type's (the records leave negated events out: a
  // negation feature would learn to drop them)
  let quotes = 0, modal = false;
  for (let i = 0; i < first; i++) {
    const v = tokens[i]!.data.value;
    if (v === '"' || v === '“' || v === '”') quotes++;
    if (i >= first - CONTEXT) {
      const n = tokens[i]!.data.normal;
      if (MODALS.has(n)) modal = true;
    }
  }
  if (quotes % 2 === 1) f.add('quoted', null);
  if (modal) f.add('modal', null);
}

const LENGTHS = ['0', '1', '2', '3'];

/** Whether a word starts with a capital A to Z (asked of a word before each candidate: no regular expression). */
function startsCapital(value: string): boolean {
  const c = value.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The feature `p1cap/POS` for each of wink's parts of speech, made once (a new string each time would be hashed each time). */
const CAPITAL_BEFORE = new Map(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE']
  .map((pos) => [pos, `p1cap/${pos}`]));
const capitalBefore = (pos: string): string => CAPITAL_BEFORE.get(pos) ?? `p1cap/${pos}`;

const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'should', 'must', 'shall', "'ll"]);

function lemmaOf(t: Token): string {
  return t.data.lemma.toLowerCase();
}

/** The weights a trained model ships as: its classes, and for each feature its weight for some of them. */
export interface TypeModelWeights {
  readonly classes: readonly string[];
  /** feature -> [class index, weight, class index, weight, ...] (zero weights left out) */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  /** how far "no event" must outscore the best type to win (0: plain argmax) */
  readonly noneMargin?: number;
  /** what a pattern of the project's own lexicon adds to its type's score (see decide) */
  readonly ownPrior?: number;
  /** how far the best type must outscore "no event" for a proposed verb (VERB_PROPOSAL) to be an event */
  readonly proposeMargin?: number;
  /** the lemmas of verbs that training saw tell an event: only these are proposed (others would be "no event") */
  readonly proposable?: readonly string[];
  readonly trainedOn?: string;
}

export interface TypeDecision {
  readonly type: TypeClass;
  /** the winning class's score minus the runner-up's: how sure the model is */
  readonly margin: number;
}

/** The weights a model holds for one lemma (or a sentence's edge), made when the lemma is first met. */
interface LemmaRow {
  /** the lemma in lower case, or the edge: the value of its features */
  readonly word: string;
  /** the weights of `prefix=word` by lemma slot (LEMMA_PREFIX), null for those the model never saw */
  readonly slots: readonly Dense[];
  /** `w0pos=word/pos` by part of speech, as asked */
  byPos: Map<string, Dense> | null;
  /** the pair features with this word on the left, by pair slot, then by the right word's row, as asked */
  readonly pairs: (Map<LemmaRow, Dense> | null)[];
}

/**
 * A feature's weights as a model adds them up: where they start in the model's pool (TypeModel.pool),
 * one for each class (zero for those the shipped form leaves out, which adds nothing), or UNSEEN for
 * a feature the model never saw. One pool, not an array for each feature: the weights a candidate
 * adds lie close together, and each is read without reaching through an object first.
 */
type Dense = number;
const UNSEEN = -1;

/** One step of the key of a trigger's summed features (TypeModel.triggerScores), with the sums of the key that ends here. */
class PrefixNode {
  private readonly next = new Map<object | string, PrefixNode>();
  scores: Float64Array | null = null;

  child(key: object | string): PrefixNode {
    let node = this.next.get(key);
    if (!node) this.next.set(key, (node = new PrefixNode()));
    return node;
  }
}

/** Past this many remembered lemmas, pairs and values, the model forgets them and starts again (a long batch's vocabulary). */
const MEMORY = 200_000;

/**
 * A linear model (an averaged perceptron, trained by scripts/train-event-types.ts) that decides a
 * trigger candidate's PLOVER type, or that it is no event. Inference is a sum of the features' weights
 * per class; the features the model never saw weigh nothing.
 */
export class TypeModel implements FeatureSink {
  private readonly classes: readonly TypeClass[];
  /** the weights as shipped, looked up by feature string (own keys only): no map is built at start-up */
  private readonly weights: Readonly<Record<string, readonly number[]>>;
  /**
   * What the model has looked up, by what the stage has at hand: the rows of lemmas by the token's own
   * lemma string (wink's, whose hash V8 keeps), the edges' rows, the other features by prefix, then
   * value, and those without a value whole. A pure function of its key: it only saves building and hashing the joined strings.
   */
  private readonly rows = new Map<string, LemmaRow>();
  private readonly edges = new Map<string, LemmaRow>();
  private readonly values = new Map<string, Map<string, Dense>>();
  private readonly whole = new Map<string, Dense>();
  /** the sums of trigger features by what they are made of (triggerScores) */
  private prefixes = new PrefixNode();
  private remembered = 0;
  private readonly none: number;
  /** the scores of the candidate being decided (decideFor); reset for each, so no answer depends on the one before */
  private readonly scores: Float64Array;
  /** the weights looked up so far (Dense), one row of `classes.length` after another; emptied with the rest (remember) */
  private pool = new Float64Array(4096);
  private pooled = 0;
  readonly noneMargin: number;
  readonly ownPrior: number;
  readonly proposeMargin: number;
  private readonly proposableLemmas: ReadonlySet<string>;
  /** whether a verb of this lemma (lower case) is put to the model when no pattern covers it */
  readonly proposable = (lemma: string): boolean => this.proposableLemmas.has(lemma);

  constructor(w: TypeModelWeights) {
    for (const c of w.classes) if (c !== NO_EVENT && !isPloverType(c)) throw new Error(`type model: unknown class ${c}`);
    this.classes = w.classes as TypeClass[];
    this.weights = w.weights;
    this.none = w.classes.indexOf(NO_EVENT);
    this.scores = new Float64Array(this.classes.length);
    this.noneMargin = w.noneMargin ?? 0;
    this.ownPrior = w.ownPrior ?? 0;
    this.proposeMargin = w.proposeMargin ?? 0;
    this.proposableLemmas = new Set(w.proposable ?? []);
  }

  /** A feature's weights, or undefined when the model never saw it. */
  private weightsOf(feature: string): readonly number[] | undefined {
    return Object.hasOwn(this.weights, feature) ? this.weights[feature] : undefined;
  }

  /** A feature's weights, one for each class (each class comes once in the shipped form: the sums are those of decide). */
  private dense(feature: string): Dense {
    const w = this.weightsOf(feature);
    if (!w) return UNSEEN;
    const n = this.classes.length, at = this.pooled;
    if (at + n > this.pool.length) {
      const grown = new Float64Array(2 * this.pool.length);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pooled += n;
    const pool = this.pool;
    pool.fill(0, at, at + n);
    for (let k = 0; k < w.length; k += 2) pool[at + w[k]!] = w[k + 1]!;
    return at;
  }

  /** Adds a feature's weights to the scores of the candidate being decided. */
  private score(w: Dense): void {
    if (w === UNSEEN) return;
    const scores = this.scores, pool = this.pool;
    for (let c = 0; c < scores.length; c++) scores[c]! += pool[w + c]!;
  }

  /** Remembers one more thing looked up; past MEMORY, everything is forgotten first. */
  private remember(): void {
    if (++this.remembered <= MEMORY) return;
    this.rows.clear(); this.edges.clear(); this.values.clear(); this.whole.clear(); this.prefixes = new PrefixNode();
    this.pooled = 0;
    this.remembered = 1;
  }

  private rowOf(t: Token): LemmaRow {
    const lemma = t.data.lemma;
    return this.rows.get(lemma) ?? this.newRow(this.rows, lemma, lemma.toLowerCase());
  }

  private edgeRow(edge: string): LemmaRow {
    return this.edges.get(edge) ?? this.newRow(this.edges, edge, edge);
  }

  private newRow(into: Map<string, LemmaRow>, key: string, word: string): LemmaRow {
    this.remember();
    const row: LemmaRow = { word, slots: LEMMA_PREFIX.map((p) => this.dense(`${p}=${word}`)), byPos: null, pairs: [null, null] };
    into.set(key, row);
    return row;
  }

  /** FeatureSink: one feature's weights added to the scores of the candidate being decided. */
  add(prefix: string, value: string | null): void {
    if (value === null) {
      let w = this.whole.get(prefix);
      if (w === undefined) { this.remember(); this.whole.set(prefix, (w = this.dense(prefix))); }
      this.score(w);
      return;
    }
    let values = this.values.get(prefix);
    if (!values) this.values.set(prefix, (values = new Map()));
    let w = values.get(value);
    if (w === undefined) {
      this.remember();
      values.set(value, (w = this.dense(`${prefix}=${value}`)));
    }
    this.score(w);
  }

  lemma(slot: LemmaSlot, t: Token | undefined): void {
    this.score((t ? this.rowOf(t) : this.edgeRow(LEMMA_EDGE[slot])).slots[slot]!);
  }

  lemmaPos(t: Token): void {
    const row = this.rowOf(t), pos = t.data.pos;
    const byPos = (row.byPos ??= new Map());
    let w = byPos.get(pos);
    if (w === undefined) {
      this.remember();
      byPos.set(pos, (w = this.dense(`w0pos=${row.word}/${pos}`)));
    }
    this.score(w);
  }

  pair(slot: PairSlot, left: Token | undefined, right: Token | undefined): void {
    const [l, r] = PAIR_EDGE[slot];
    const a = left ? this.rowOf(left) : this.edgeRow(l), b = right ? this.rowOf(right) : this.edgeRow(r);
    const pairs = (a.pairs[slot] ??= new Map());
    let w = pairs.get(b);
    if (w === undefined) {
      this.remember();
      pairs.set(b, (w = this.dense(`${PAIR_PREFIX[slot]}=${a.word}_${b.word}`)));
    }
    this.score(w);
  }

  /**
   * decide(candidateFeatures(tokens, m), own), without making the feature strings: the features go
   * straight to the scores (the same features in the same order, so the same sums).
   */
  decideFor(tokens: readonly Token[], m: PatternMatch<TriggerEntry>, own?: PloverType): TypeDecision {
    this.scores.set(this.triggerScores(tokens, m));
    emitContextFeatures(tokens, m, this);
    return this.verdict(this.scores, own, !!m.entry.proposal);
  }

  /**
   * The sums of the trigger's features (emitTriggerFeatures), made from zero in their order when its
   * key is first met: the same additions in the same order, so the same sums as adding them each time.
   * A candidate's pattern words recur (a lexicon's trigger is a handful of words), so most are remembered.
   */
  private triggerScores(tokens: readonly Token[], m: PatternMatch<TriggerEntry>): Float64Array {
    // the key: the entry, the entries it shadowed, the first word's part of speech, each word's row
    let node = this.prefixes.child(m.entry);
    if (m.shadowed) for (const o of m.shadowed) node = node.child(o);
    node = node.child(tokens[m.tokens[0]!]!.data.pos);
    for (const k of m.tokens) node = node.child(this.rowOf(tokens[k]!));
    if (node.scores) return node.scores;
    this.remember();
    this.scores.fill(0);
    emitTriggerFeatures(tokens, m, this);
    return (node.scores = this.scores.slice());
  }

  /**
   * The type of a candidate, or no event. `own` is the type the project's own lexicon gives the words
   * (ownPatternOf), when it has a pattern for them: it carries the ontology's choices and gets
   * `ownPrior` on that type, so the model overrules it only when its evidence is that much stronger.
   */
  decide(features: readonly string[], own?: PloverType, proposal = false): TypeDecision {
    const scores = new Float64Array(this.classes.length);
    for (const f of features) {
      const w = this.weightsOf(f);
      if (!w) continue;
      for (let k = 0; k < w.length; k += 2) scores[w[k]!]! += w[k + 1]!;
    }
    return this.verdict(scores, own, proposal);
  }

  /** The decision from a candidate's summed scores: `own`'s prior added, then the best type or no event. */
  private verdict(scores: Float64Array, own: PloverType | undefined, proposal: boolean): TypeDecision {
    if (own) {
      const k = this.classes.indexOf(own);
      if (k >= 0) scores[k]! += this.ownPrior;
    }
    // the best event type, and the runner-up among the types
    let best = -1, second = -1;
    for (let c = 0; c < scores.length; c++) {
      if (c === this.none) continue;
      if (best < 0 || scores[c]! > scores[best]!) { second = best; best = c; } else if (second < 0 || scores[c]! > scores[second]!) second = c;
    }
    // "no event" must win by the margin chosen on held-out folds (scripts/eval-event-types.ts)
    // a proposed verb, with no pattern behind it, is an event only when its type wins by proposeMargin
    const noEvent = this.none >= 0 ? scores[this.none]! - scores[best]! : -Infinity;
    const margin = proposal ? -this.proposeMargin : this.noneMargin;
    if (noEvent > margin) return { type: NO_EVENT, margin: noEvent - margin };
    return { type: this.classes[best]!, margin: Math.min(second < 0 ? Infinity : scores[best]! - scores[second]!, margin - noEvent) };
  }
}

/** The model trained on the development records and four fifths of the synthetic stories (type-model.json). */
export function shippedTypeModel(): TypeModel {
  return new TypeModel(shipped as TypeModelWeights);
}
