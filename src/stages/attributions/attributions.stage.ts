import type { Document } from '../../core/document.js';
import type { ActorRefData, AttributionKind } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import type { StageFactory } from '../../core/stage.js';
import { hasWordCharacter, lowerForm, sentenceAt, wordToken } from '../../text/lookup.js';
import { framesOf, isNaming, withNounFrames, mainPart, withContent, type CueAt, type Frame, type Tok } from './frames.js';
import { actorBaseOf } from '../../actors/index.js';
import { buildLexicon, FRAME_SHAPES, type CueEntry, type FrameShape } from './lexicon.js';
import { findQuotes, type Quote } from './quotes.js';
import { SpeakerResolver, type Describe } from './speakers.js';
import { viaOf } from './via.js';
import { loadFrameFilter } from './filter.js';
import { contentEnd, cueBounds, sourceBounds, withMarks } from './boundaries.js';
import { isNonSpeech } from './nonspeech.js';
import { sourceEdges, sourcelessCue } from './source-edges.js';
import { featuresOf, loadCueTagger, quoteMarksOf, type QuoteMarks } from './tagger.js';
import { confidenceOf, loadSequenceTagger, QUOTE_MARK, quotedTokens, rangeOf, rolesOfSpans, worthTaggingIn, type Role, type SequenceTagger, type TaggedAttribution } from './sequence.js';

// 1.2.6: source edges as PolNeAR draws them (source-edges.ts); speakers: pronoun gender in subject continuity, descriptions and "they" to the speaker introduced before
// 1.2.5: frames of the learned cue tagger stand only where the sequence tagger reads a report at their cue too (UNSUPPORTED_DROPPED)
// 1.2.4: the sequence tagger draws both edges of a content after its cue outside quotation marks (CONTENT_EDGE_POLICIES) and a source the rules lack
// 1.2.3: a noun-phrase cue's lone name is its content ("endorsed Clinton"); a poll's share is a subject ("six in 10 say")
// 1.2.2: speakers are the head of their source (appositives, labels, affiliations), people described by whom they serve, lists as written; re-read from a source the tagger grew
// 1.2.1: contents outside quotation marks end before a relative clause, participle adjunct or lone dash (boundaries.ts CONTENT_CUTS)
// 1.2: contents take their quotation marks (PolNeAR's boundaries)
// 1.1: titles, lead-in clauses, relative sources ("who"), naming verbs ("called X a Y"), passive beliefs; filter without names
export const ATTRIBUTIONS_VERSION = '1.2.6';

const TAGGED_RULES = Object.fromEntries(FRAME_SHAPES.map((shape) => [shape, `cue.tagged.${shape}`])) as Record<FrameShape, string>;
/** The lexicon entry of a cue the tagger found: its probability stands for the form's precision. */
/** The cue entry the learned cue tagger's proposals are read as. */
const TAGGED_ENTRY = 'cue.tagged';
const taggedEntry = (p: number): CueEntry => ({ id: TAGGED_ENTRY, precision: p, takesObject: true, belief: false, particle: null, needs: null, contentWords: null, rules: TAGGED_RULES });

/**
 * The confidence a tagged frame whose content has no verb and no quotation needs: a cue probability of
 * 0.9 (a tagged frame's confidence is 0.9 of it). On PolNeAR dev such frames were right half the time.
 */
const TAGGED_NP_MIN = 0.81;

const CLAUSE_WORDS = new Set(['to', 'whether', 'if', 'how', 'why', 'what']);
/** Whether the words at `start` open a clause: "to ...", "whether ...", "that" before a subject ("that the agency ...", not "that pressure"). */
function opensClause(toks: readonly Tok[], start: number): boolean {
  const i = toks.findIndex((t) => t.start === start);
  if (i < 0) return false;
  if (CLAUSE_WORDS.has(toks[i]!.low)) return true;
  return toks[i]!.low === 'that' && ['DET', 'PRON', 'PROPN', 'NUM'].includes(toks[i + 1]?.pos ?? '');
}

const QUOTED_PRONOUN = /^(i|you|we|he|she|they|it|who|that|which|people|everyone|everybody|nobody|someone|somebody)$/i;

/** Whether [start, end) lies inside one of the quotations (sorted by start; few overlap). */
function insideQuote(quotes: readonly Quote[], start: number, end: number): boolean {
  let lo = 0, hi = quotes.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (quotes[mid]!.start <= start) lo = mid + 1; else hi = mid; }
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) if (quotes[i]!.start <= start && end <= quotes[i]!.end) return true;
  return false;
}

const CLAUSE_START_POS = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ']);
/**
 * "Polls show that ...", "... , new filings show.", "six in 10 say ...", "52 percent say ...": a plain
 * form after a plural noun or a poll's share, before a clause or a full stop, is the verb of that
 * subject even when the tagger read it as a noun.
 */
function afterPluralSubject(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1], next = toks[i + 1];
  if (!prev || !next || /s$/.test(toks[i]!.low)) return false;
  const share = prev.pos === 'NUM' || prev.low === 'percent';
  if (!share && ((prev.pos !== 'NOUN' && prev.pos !== 'PROPN') || !/[^s]s$/.test(prev.low))) return false;
  return next.low === 'that' || next.low === '.' || CLAUSE_START_POS.has(next.pos);
}

const POSSESSIVE_DET = new Set(['this', 'that', 'these', 'those', 'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Word forms that are cues only as verbs ("reports" the noun is not a cue). */
const VERB_POS = new Set(['VERB', 'AUX']);

/** A frame placed in the document, with what the later passes work out. */
interface Placed extends Frame {
  readonly sentence: Range;
  id: number;
  speaker: ActorRefData | null;
  via: ActorRefData[];
  parent: Placed | null;
  /** the cue lies inside quotation marks: someone else's words report this one */
  inQuote: boolean;
}

/** What the stage knows of a word form: its lower case, and its cue entry if it has one. */
interface WordInfo { readonly low: string; readonly entry: CueEntry | undefined; readonly word: boolean }

/**
 * Word forms seen so far, by their exact spelling: one look-up per token gives both its lower case
 * and its cue entry (the same few thousand forms recur in every article).
 */
function wordInfoOf(lexicon: ReadonlyMap<string, CueEntry>): (value: string) => WordInfo {
  const known = new Map<string, WordInfo>();
  return (value) => {
    let info = known.get(value);
    if (info === undefined) {
      const low = lowerForm(value);
      info = { low, entry: lexicon.get(low), word: hasWordCharacter(value) };
      if (known.size > 50000) known.clear();
      known.set(value, info);
    }
    return info;
  };
}

/** The document's tokens as the frame rules see them, made once per document, with their cue entries. */
function toksOfDocument(doc: Document, infoOf: (value: string) => WordInfo): { toks: Tok[]; entries: (CueEntry | undefined)[] } {
  const all = doc.layer('token');
  const toks: Tok[] = new Array(all.length);
  const entries: (CueEntry | undefined)[] = new Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const info = infoOf(t.data.value);
    toks[i] = wordToken(t, info.low, info.word);
    entries[i] = info.entry;
  }
  return { toks, entries };
}

/** A frame placed in its sentence, every field written out: one object shape for all frames keeps this fast. */
function place(f: Frame, sentence: Range, inQuote: boolean): Placed {
  return {
    rule: f.rule, shape: f.shape, cueEntry: f.cueEntry, confidence: f.confidence, cue: f.cue, cueTokens: f.cueTokens, content: f.content, contentParts: f.contentParts,
    source: f.source, sharesSourceWith: f.sharesSourceWith, relay: f.relay, antecedent: f.antecedent, belief: f.belief,
    sentence, id: 0, speaker: null, via: [], parent: null, inQuote,
  };
}

/** A frame's spans as PolNeAR draws them (boundaries.ts): what the stage writes, and what the sequence tagger reads of the rules. */
interface FinalSpans { readonly cue: Range; readonly content: Range; readonly contentParts: readonly Range[] | undefined; readonly source: Range | null }

/** With the id of the cut (boundaries.ts CONTENT_CUTS) that ended the content, if any. */
function finalSpans(text: string, docToks: readonly Tok[], entries: readonly (CueEntry | undefined)[], f: Placed, quotes: readonly Quote[]): { spans: FinalSpans; cut: string | null } {
  const bounds = cueBounds(docToks, f.cue, f.content, [f.source, ...(f.contentParts ?? []).filter((p) => p !== f.content)]);
  // a content the rules assembled from parts keeps its ends; a content before its cue ends at the cue
  const ended = f.contentParts || f.content.end <= f.cue.start ? { content: bounds.content, cut: null } : contentEnd(text, docToks, bounds.content, quotes, (i) => entries[i] !== undefined);
  const spans = {
    cue: bounds.cue, content: withMarks(text, ended.content, quotes),
    contentParts: f.contentParts ? f.contentParts.map((p) => withMarks(text, p, quotes)) : f.contentParts,
    source: sourceBounds(text, f.source, bounds.cue),
  };
  return { spans, cut: ended.cut };
}

/**
 * Whether a content (nearly) repeats one of the rules' (sorted by start): a dice of 0.5 or more, as
 * score.mjs pairs them. Only contents starting within three lengths before it can reach that.
 */
function reported(contents: readonly Range[], r: Range): boolean {
  const len = r.end - r.start;
  let lo = 0, hi = contents.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (contents[mid]!.start < r.start - 3 * len) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < contents.length && contents[i]!.start < r.end; i++) {
    const c = contents[i]!;
    const common = Math.max(0, Math.min(c.end, r.end) - Math.max(c.start, r.start));
    if (2 * common >= 0.5 * (len + c.end - c.start)) return true;
  }
  return false;
}

/**
 * What the sequence tagger adds to the rule frames (whose final spans are its features), sentence by
 * sentence: the boundaries it draws for a rule frame's cue (withTaggedSpans, written into `finals`),
 * and attributions where the rules found none: a tagged cue none of whose words is a rule's cue or
 * source, with the margin the held-out fold of PolNeAR train found right often enough, and a content
 * the rules do not already report. Only sentences with a cue word, a quotation mark or a rule span
 * are tagged (sequence.ts worthTagging). `unsupported` are the rule frames whose cue the tagger reads no report at.
 */
function taggedFrames(doc: Document, docToks: readonly Tok[], entries: readonly (CueEntry | undefined)[], quotes: readonly Quote[], finals: Map<Placed, FinalSpans>, tagger: SequenceTagger): { added: Placed[]; corrected: Map<Placed, readonly string[]>; unsupported: Set<Placed> } {
  const bySentence = new Map<Range, Placed[]>();
  for (const f of finals.keys()) pushTo(bySentence, f.sentence, f);
  const corrected = new Map<Placed, readonly string[]>();
  const unsupported = new Set<Placed>();
  const spans: { role: Role; range: Range }[] = [];
  for (const b of finals.values()) {
    if (b.source) spans.push({ role: 'source', range: b.source });
    spans.push({ role: 'cue', range: b.cue });
    for (const range of b.contentParts?.length ? b.contentParts : [b.content]) spans.push({ role: 'content', range });
  }
  const rule = rolesOfSpans(docToks, spans);
  const contents = spans.filter((x) => x.role === 'content').map((x) => x.range).sort((a, b) => a.start - b.start);
  const quoted = quotedTokens(docToks, quotes);
  const lexicon = new Int8Array(entries.length);
  for (let i = 0; i < entries.length; i++) { const e = entries[i]; lexicon[i] = e ? Math.round(e.precision * 10) : -1; }
  const out: Placed[] = [];
  for (const s of doc.layer('sentence')) {
    const a = s.data.firstToken, b = s.data.endToken;
    if (!worthTaggingIn(docToks, lexicon, rule, a, b)) continue;
    const view = { toks: docToks.slice(a, b), lexicon: lexicon.subarray(a, b), quoted: quoted.subarray(a, b), rule: rule.subarray(a, b) };
    const reading = tagger.tag(view);
    for (const f of bySentence.get(s) ?? []) {
      const b = finals.get(f)!;
      const t = reading.attributions.find((x) => overlaps(rangeOf(view.toks, x.cue), b.cue));
      if (!t) { unsupported.add(f); continue; }
      const fixed = withTaggedSpans(b, t, view.toks, view.rule, s, kindOf(b.content, quotes));
      if (fixed.changed.length) { finals.set(f, fixed.spans); corrected.set(f, fixed.changed); }
    }
    for (const t of reading.proposals) {
      // a cue inside a rule's content is a report nested in it, which the rules may have missed
      let ruled = false;
      for (let i = t.cue.a; i < t.cue.b; i++) if ((view.rule[i]! & 3) === 1 || (view.rule[i]! & 3) === 2) ruled = true;
      let words = 0;
      for (let i = t.content.a; i < t.content.b; i++) if (view.toks[i]!.word) words++;
      if (ruled || words < MIN_ADDED_WORDS) continue;
      // a content that opens with a preposition is an adjunct of the cue ("are skeptical of | with this view"), as for the cue tagger's frames
      if (view.toks[t.content.a]!.pos === 'ADP') continue;
      const content = rangeOf(view.toks, t.content);
      if (reported(contents, content)) continue;
      const margin = t.margin;
      if (margin < tagger.minMargin || confidenceOf(tagger, margin) < MIN_ADDED_CONFIDENCE) continue;
      const cue = rangeOf(view.toks, t.cue);
      const cueTokens = Array.from({ length: t.cue.b - t.cue.a }, (_, k) => t.cue.a + k);
      const frame: Frame = { rule: 'sequence.tagged', shape: null, cueEntry: null, confidence: confidenceOf(tagger, margin), cue, cueTokens, content, source: t.source ? rangeOf(view.toks, t.source) : null, belief: false };
      out.push(place(frame, s, quoted[a + t.cue.a] === 1));
    }
  }
  return { added: out, corrected, unsupported };
}

/**
 * The frames of the learned cue tagger (verbs outside the lexicon) stand only where the sequence tagger reads
 * a report at their cue too: on the held-out tenths of PolNeAR train (folds 0 and 1, each with the tagger of
 * the other nine) dropping the others raised exact content F1 (per paragraph) by 0.004 and 0.003, score.mjs
 * content F1 by 0.0022 and 0.0010 and all3 by 0.0042 and 0.0035 (with a richer tagger, 2^18 slots, the
 * lexicon's learned forms dropped the same way gained nothing, score.mjs content F1 -0.003 and 0.000, and
 * dropping every rule frame the tagger does not read lost more recall than it gained precision).
 */
const UNSUPPORTED_DROPPED = 'cue.tagged.';

const CUE_GROWTH_POS = new Set(['AUX', 'ADV', 'PART', 'ADP']);
/**
 * What an attribution the tagger adds must have. On the held-out tenth of PolNeAR train (the model of
 * the other nine) its additions were right 60% of the time at confidence >= 0.7 with three words of
 * content or more, 42% with one or two words ("that", "this view") and 47% below 0.7.
 */
const MIN_ADDED_CONFIDENCE = 0.7;
const MIN_ADDED_WORDS = 3;

const overlaps = (x: Range, y: Range) => x.start < y.end && y.start < x.end;
const same = (x: Range | null, y: Range | null) => x === y || (!!x && !!y && x.start === y.start && x.end === y.end);

/** Tokens [a, b) of `toks` that a range covers (a === b when none). */
function tokenSpan(toks: readonly Tok[], r: Range): { a: number; b: number } {
  let a = 0;
  while (a < toks.length && toks[a]!.end <= r.start) a++;
  let b = a;
  while (b < toks.length && toks[b]!.start < r.end) b++;
  return { a, b };
}

/**
 * How far the tagger may move the edges of a rule frame's content in its sentence, by where the content
 * lies: the first entry that applies decides, and its id is the evidence of the change. On the held-out
 * tenth of PolNeAR train (the model of the other nine), letting it draw both edges of contents after
 * their cue and outside quotation marks made 112 of them exact and 49 inexact (appositives, ", and ..."
 * and adjuncts after the clause, which the rules take in; nouns and particles before it); within
 * quotations its edges lost more than they won (8 exact, 11 inexact), and so did its starts of contents
 * before their cue. The guards in withTaggedSpans keep the rules' edges where the tagger's labels cannot
 * say more than they do (a report inside the content, a quotation mark, a cut inside a clause).
 */
interface ContentEdgePolicy {
  readonly id: string;
  readonly applies: (kind: AttributionKind, beforeCue: boolean) => boolean;
  /** the most tokens either edge may move */
  readonly maxShift: number;
  /**
   * whether the tagger's start stands when another frame's cue or source lies in the rules' content (its
   * end before such a report is never taken: its labels cannot nest). Outside quotations its edges there
   * made 25 contents exact and 7 inexact on the held-out tenth, most of them rules' contents run into the
   * next report; with their ends kept, its starts still gain, and the seed's nested reports stay whole.
   */
  readonly overReports: boolean;
}
const CONTENT_EDGE_POLICIES: readonly ContentEdgePolicy[] = [
  { id: 'sequence.content.unquoted', applies: (kind, before) => kind !== 'direct' && !before, maxShift: Infinity, overReports: true },
  // a quotation's edges are its marks, and a content before its cue opens its sentence or its clause where the
  // rules start it (the tagger's starts there lost 8 of 9): the tagger only trims or extends by a word or a mark
  { id: 'sequence.content.near', applies: () => true, maxShift: 2, overReports: false },
];
/** The evidence of a rule frame whose source the tagger placed: its speaker is read again off that source. */
const TAGGED_SOURCE = 'sequence.source.tagged';
// a content cut before the words a conjunction, determiner, preposition, comma or relative word leads
// into ("said that | most voters ...", "Fanning, who | ...") ends in the middle of a phrase
const MID_PHRASE_POS = new Set(['SCONJ', 'CCONJ', 'DET', 'ADP']);
const MID_PHRASE_WORDS = new Set([',', 'who', 'which', 'that', 'whom', 'whose']);
const endsMidPhrase = (t: Tok | undefined): boolean => !!t && (MID_PHRASE_POS.has(t.pos) || MID_PHRASE_WORDS.has(t.low));
const edgeShift = (x: { a: number; b: number }, y: { a: number; b: number }) => Math.max(Math.abs(x.a - y.a), Math.abs(x.b - y.b));

/**
 * A rule frame's spans with the boundaries the tagger drew for the same cue in its sentence (PolNeAR's,
 * which it learned and the rules approximate): the rules keep the structure. The cue and the source may
 * grow ("had warmly praised", "Flynn, a top surrogate,"), not shrink, and a frame without a source takes
 * the tagger's; the content's part in the sentence moves as CONTENT_EDGE_POLICIES allow, its ends outside
 * the sentence kept. A content in several parts the rules assembled stays as it is.
 */
function withTaggedSpans(b: FinalSpans, t: TaggedAttribution, toks: readonly Tok[], rule: Uint8Array, sentence: Range, kind: AttributionKind): { spans: FinalSpans; changed: string[] } {
  const changed: string[] = [];
  const contains = (x: Range, y: Range) => x.start <= y.start && y.end <= x.end;
  let cue = b.cue;
  const taggedCue = rangeOf(toks, t.cue);
  // the words the cue takes on must be no part of the frame's content or source
  // and only auxiliaries, adverbs, particles and a colon ("has also said", "called for", "said:"), as cueBounds takes them
  const grown = [{ start: taggedCue.start, end: b.cue.start }, { start: b.cue.end, end: taggedCue.end }].filter((r) => r.end > r.start);
  const free = (r: Range) => !overlaps(r, b.content) && !(b.source && overlaps(r, b.source)) && !(b.contentParts ?? []).some((p) => overlaps(r, p))
    && toks.every((t) => !overlaps(t, r) || CUE_GROWTH_POS.has(t.pos) || t.value === ':');
  if (contains(taggedCue, b.cue) && grown.length && grown.every(free)) { cue = taggedCue; changed.push('cue'); }
  let source = b.source;
  const taggedSource = t.source ? rangeOf(toks, t.source) : null;
  if (source && taggedSource && contains(taggedSource, source) && !same(source, taggedSource) && !overlaps(taggedSource, cue)) { source = taggedSource; changed.push('source'); }
  // where the rules found no source the tagger's stands (on the held-out tenth 12 became exact, none inexact);
  // a source the rules found is theirs to keep, with the speaker and the via chain read off it
  else if (taggedSource && !source
    && !overlaps(taggedSource, cue) && ![b.content, ...(b.contentParts ?? [])].some((p) => overlaps(taggedSource, p))) { source = taggedSource; changed.push(TAGGED_SOURCE); }
  let content = b.content;
  const taggedContent = rangeOf(toks, t.content);
  if (!b.contentParts && overlaps(content, taggedContent)) {
    let nested = false;
    const was = tokenSpan(toks, content);
    for (let i = was.a; i < was.b; i++) if ((rule[i]! & 3) === 1 || (rule[i]! & 3) === 2) nested = true;
    // one label a token cannot show a report inside a content: the tagger's end before one is where it had to
    // stop, not where the content does ("that the White House | had clarified ... by saying ..."), so the rules' end stands
    const keepEnd = content.end > sentence.end || (nested && taggedContent.end < content.end);
    const q = { start: content.start >= sentence.start ? taggedContent.start : content.start, end: keepEnd ? content.end : taggedContent.end };
    const now = tokenSpan(toks, q);
    const policy = CONTENT_EDGE_POLICIES.find((x) => x.applies(kind, content.end <= b.cue.start))!;
    // a passive belief's content holds its cue ("X is expected to ..."): the rules' structure, which one label a token cannot show
    const holdsCue = content.start <= b.cue.start && b.cue.end <= content.end;
    // a content the tagger ends earlier ends before a mark (", however ...", " -- but ..."), not inside its clause
    const cutInClause = now.b < was.b && !!toks[now.b]?.word;
    // an edge the rules put at a quotation mark is the quotation's: the tagger moves it by a word or a mark at most
    const markEdge = (i: number) => !toks[i]!.word && QUOTE_MARK.test(toks[i]!.value);
    const marksHeld = (markEdge(was.a) && Math.abs(now.a - was.a) > 2) || (markEdge(was.b - 1) && Math.abs(now.b - was.b) > 2);
    if (!same(content, q) && !holdsCue && !marksHeld && !cutInClause && !endsMidPhrase(toks[now.b - 1]) && (!nested || policy.overReports) && edgeShift(was, now) <= policy.maxShift && !overlaps(q, cue) && !(source && overlaps(q, source))) { content = q; changed.push(policy.id); }
  }
  return { spans: { cue, content, contentParts: b.contentParts, source }, changed };
}

const SECTION_LABELS = new Set(['latest', 'correction', 'corrections', 'update', 'updated', 'clarification', 'analysis', 'opinion', 'editorial', 'watch', 'breaking', 'exclusive', 'live', 'video', 'photos', 'review', 'note', 'editor']);

/** Headline style "Pompeo: Iran must change": a short name, a colon, and the words. */
function headlineColon(toks: readonly Tok[]): Frame | null {
  const colon = toks.findIndex((t) => t.value === ':');
  if (colon < 1 || colon > 5 || toks.length - colon < 4) return null;
  // the speaker is a name of a few proper nouns before the colon, opening the headline or after
  // "from" or "by" ("A lesson from Loretta Lynch: ..."); a section label ("The Latest:",
  // "Correction:", "Veto Power Impedes Peace Efforts:") is no speaker
  let name = colon;
  const namePart = (t: Tok) => (t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.value) && (t.pos === 'NOUN' || t.pos === 'VERB'))) && !SECTION_LABELS.has(t.low);
  while (name > 0 && colon - name < 3 && namePart(toks[name - 1]!)) name--;
  if (name === colon || (name > 0 && !['from', 'by'].includes(toks[name - 1]!.low))) return null;
  const last = toks.length - (/[\p{L}\p{N}]/u.test(toks[toks.length - 1]!.value) ? 0 : 1);
  return {
    rule: 'cue.headline-colon', shape: null, cueEntry: null, confidence: 0.6, cue: { start: toks[colon]!.start, end: toks[colon]!.end }, cueTokens: [colon],
    content: { start: toks[colon + 1]!.start, end: toks[last - 1]!.end }, source: { start: toks[name]!.start, end: toks[colon - 1]!.end }, belief: false,
  };
}

// what "In the latest poll, ..." names as the source of the clause after it
const IN_SOURCE_HEAD = /^(?:polls?|surveys?|study|studies|analysis|analyses|words|view|opinion|estimation|estimate|estimates|findings|tally|count|projections?|forecasts?)$/;

/**
 * "In a Des Moines Register poll last month, Mr. Cruz had a 10-point lead": a sentence that opens
 * with "In" and a poll, study or someone's words, then a comma, reports the clause after it.
 * Sentences whose clause has a cue of its own are left to that cue.
 */
function inSourceFrame(toks: readonly Tok[]): Frame | null {
  let comma = 1;
  while (comma < toks.length && comma < 16 && toks[comma]!.low !== ',') comma++;
  if (toks[comma]?.low !== ',' || comma < 3) return null;
  const source = toks.slice(1, comma);
  if (!source.some((t) => IN_SOURCE_HEAD.test(t.low))) return null;
  const first = comma + 1, last = toks.length - (toks[toks.length - 1]!.word ? 0 : 1);
  if (last - first < 3 || !toks.slice(first, last).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  return {
    rule: 'cue.in-source', shape: null, cueEntry: null, confidence: 0.6, cue: { start: toks[0]!.start, end: toks[0]!.end }, cueTokens: [0],
    content: { start: toks[first]!.start, end: toks[last - 1]!.end }, source: { start: toks[1]!.start, end: toks[comma - 1]!.end }, belief: false,
  };
}

// a full stop that ends a sentence: not one after a title or an initial ("Mr. Obama", "Charles B. Rangel")
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Hon|Pres|Sec|Atty|Supt|Jr|Sr|St|Mt|No|Inc|Corp|Co|Ltd|Bros|[A-Z]))[.!?]\s/;

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'or']);
/** Two to eight words, every one capitalised but the small ones: the name of a show, a book, a song. */
function isTitle(quoted: string): boolean {
  const words = quoted.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  return words.length >= 2 && words.length <= 8 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

const EMBEDDING_WORD = /\b(?:of|on|in|at|the|a|an|titled|called|dubbed|named|from|by|with|for|about)\s*$/;

/** The quotation that closes shortly before a cue token, with no other quotation mark between. */
function quoteBefore(text: string, quotes: readonly Quote[], toks: readonly Tok[], at: number): { range: Range; after: number } | null {
  const cueStart = toks[at]!.start;
  let best: Quote | null = null;
  for (const q of quotes) if (q.close < cueStart && cueStart - q.close < 220 && (!best || q.close > best.close)) best = q;
  if (!best) return null;
  // "..., adding that ...": a cue followed by "that" reports the clause after it
  if (toks[at + 1]?.low === 'that') return null;
  // 'rejected the offer "without preconditions," saying Washington must ...': a participle right
  // after the quotation's comma hangs on the clause that holds the quotation, and reports what follows
  if (/ing$/.test(toks[at]!.low) && at > 0 && /^[,”"’']$/.test(toks[at - 1]!.value) && toks[at + 1]?.word && best.close >= toks[at - 1]!.start - 2) return null;
  // a title in capitals ("A Change Is Gonna Come," "Keepin' It Real") is a name, not someone's words
  if (isTitle(text.slice(best.start, best.end))) return null;
  // a title or a phrase quoted inside a clause ("the broadcast of “Fox News Sunday,” Pence said his ...") is not what the cue reports
  if (EMBEDDING_WORD.test(text.slice(Math.max(0, best.open - 12), best.open))) return null;
  // “... the question is the timing.” Gov. Pat McCrory said it would ...: a quotation that ends its
  // own sentence before the cue's sentence begins was someone else's words
  if (best.close < toks[0]!.start && /[.]\s*$/.test(text.slice(Math.max(best.start, best.end - 3), best.end))) return null;
  const between = text.slice(best.close + 1, cueStart);
  if (/[“”"«»\n]/.test(between) || SENTENCE_END.test(between)) return null;
  let after = 0;
  while (after < toks.length && toks[after]!.start <= best.close) after++;
  if (after > at) return null;
  return { range: { start: best.start, end: best.end }, after };
}

/** The quotation that opens soon after a cue ("he said on Tuesday at a rally: “...”"), with no verb between. */
function quoteAfter(text: string, quotes: readonly Quote[], toks: readonly Tok[], at: number, sentenceEnd: number): { range: Range } | null {
  const cueEnd = toks[at]!.end;
  const q = quotes.find((x) => x.open >= cueEnd && x.open - cueEnd < 150 && x.open < sentenceEnd);
  if (!q) return null;
  // "called her plan “reckless”": the quotation is what the thing is called, part of a longer content
  if (q.open > toks[at + 1]!.start && isNaming(toks, at)) return null;
  // "said he won “every single debate”": a verb between makes the quotation part of a clause
  for (let j = at + 1; j < toks.length && toks[j]!.start < q.open; j++) if (toks[j]!.pos === 'VERB' || toks[j]!.pos === 'AUX') return null;
  const between = text.slice(cueEnd, q.open);
  // no other quotation and no sentence end between ("during a rally in Kenansville, N.C., “...” is fine)
  if (/[“”"«»!?;]/.test(between) || SENTENCE_END.test(between) || /\.\s*$/.test(between)) return null;
  // only adjuncts between: no clause words ("that", a finite verb) that would make it indirect speech
  if (/\b(that|who|which|if|whether|because|is|are|was|were|has|have|will|would)\b/i.test(between)) return null;
  if (between.trim() && !/[,:—]\s*$/.test(between) && between.trim().split(/\s+/).length > 2) return null;
  // a quoted title before the clause ("told MSNBC's "Morning Joe" that ...") is not the words spoken
  if (/^\s*(?:that|to)\b/i.test(text.slice(q.close + 1, q.close + 8))) return null;
  return { range: { start: q.start, end: q.end } };
}

/** Direct, indirect or mixed: how much of the content lies inside quotation marks. */
function kindOf(content: Range, quotes: readonly Quote[]): AttributionKind {
  let covered = 0, any = false;
  // quotes are sorted by start: none after the content's end can overlap it
  for (const q of quotes) {
    if (q.start >= content.end) break;
    if (q.end <= content.start) continue;
    any = true;
    covered += Math.min(q.end, content.end) - Math.max(q.start, content.start);
  }
  if (!any) return 'indirect';
  return covered >= (content.end - content.start) * 0.85 ? 'direct' : 'mixed';
}

/** Stretches the content of a frame to the ends of a quotation that runs past its sentence. */
function stretchToQuote(f: Frame, quotes: readonly Quote[]): Frame {
  let { start, end } = f.content;
  for (const q of quotes) {
    if (q.open >= start - 3 && q.open < end && q.end > end) end = q.end;
    if (q.close <= end + 2 && q.close >= start && q.start < start && q.start >= f.content.start - 2000 && f.shape === 'content-before') start = q.start;
  }
  return start === f.content.start && end === f.content.end ? f : withContent(f, { start, end }, f.contentParts);
}

const TURN = /^["“]?(\p{Lu}[\p{Lu}.'’ -]{1,40}):[ \t]+/u;

/** Transcripts: a paragraph that opens with a speaker's name in capitals and a colon ("PENCE: Well, ..."). */
function transcriptTurns(doc: Document): Placed[] {
  const out: Placed[] = [];
  for (const p of doc.layer('paragraph')) {
    const text = doc.text.slice(p.start, p.end);
    const m = TURN.exec(text);
    if (!m || !/\p{Lu}{2}/u.test(m[1]!)) continue;
    const nameStart = p.start + m.index + m[0].indexOf(m[1]!);
    const colon = nameStart + m[1]!.length;
    let end = p.end;
    while (end > colon && /[\s"”]/.test(doc.text[end - 1]!)) end--;
    const start = p.start + m[0].length;
    const sentence = sentenceAt(doc, colon);
    if (!sentence || end - start < 3) continue;
    out.push({
      rule: 'cue.transcript-turn', shape: null, cueEntry: null, confidence: 0.8, cue: { start: colon, end: colon + 1 }, cueTokens: [], content: { start, end },
      source: { start: nameStart, end: colon }, belief: false, sentence, id: 0, speaker: null, via: [], parent: null, inQuote: false,
    });
  }
  return out;
}

const DASH_CREDIT = /^[ \t]*([―—–])[ \t]*([^\n―—–]{2,80}?)[ \t]*$/m;

/** “...” ― Sonya Herridge: a quotation credited with a dash and a name at the end of its line. */
function dashCredits(doc: Document, quotes: readonly Quote[]): Placed[] {
  const out: Placed[] = [];
  for (const q of quotes) {
    const lineEnd = doc.text.indexOf('\n', q.close);
    const rest = doc.text.slice(q.close + 1, lineEnd < 0 ? doc.text.length : lineEnd);
    const m = DASH_CREDIT.exec(rest);
    if (!m || m.index !== 0 || m[2]!.split(/\s+/).length > 8) continue;
    const dash = q.close + 1 + rest.indexOf(m[1]!);
    const nameStart = q.close + 1 + rest.indexOf(m[2]!, dash - q.close - 1);
    const sentence = sentenceAt(doc, dash) ?? sentenceAt(doc, q.start);
    if (!sentence) continue;
    out.push({
      rule: 'cue.dash-credit', shape: null, cueEntry: null, confidence: 0.8, cue: { start: dash, end: dash + 1 }, cueTokens: [], content: { start: q.start, end: q.end },
      source: { start: nameStart, end: nameStart + m[2]!.length }, belief: false, sentence, id: 0, speaker: null, via: [], parent: null, inQuote: false,
    });
  }
  return out;
}

/** A cue inside quotation marks speaks only for the quoted words: its content stays inside them. */
function clipToQuote(f: Frame, quotes: readonly Quote[]): Frame | null {
  const q = quotes.find((x) => x.start <= f.cue.start && f.cue.end <= x.end);
  if (!q) return f;
  const start = Math.max(f.content.start, q.start), end = Math.min(f.content.end, q.end);
  if (end - start < 8) return null;
  return start === f.content.start && end === f.content.end ? f : withContent(f, { start, end }, undefined);
}

// an opening mark; for two apostrophes (''like this'') a quotation's open is the second of them
const OPENING = /^[“"‘«„]|^''/;
const opensQuote = (text: string, open: number) => OPENING.test(text.slice(open, open + 2)) || text.slice(open - 1, open + 1) === "''";
// "... said on Thursday during a speech at ...": a tail of time and place after a cue
const ADJUNCT_TAIL = /^[\s,]*(?:on|in|at|during|after|before|while|from|ahead|late|early|earlier|last|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)\b/i;
const CREDIT_AFTER = /^[\s,]*(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Ll}+[.!?]?\s*$/u;

/**
 * “Sanctions are no dialogue,” he said. “How can he prove it?” — quotations that follow a quoted
 * frame, with no attribution of their own, carry on the same speaker's words: the content grows to
 * cover them, and contentParts lists each piece.
 */
function continueQuotes(doc: Document, frames: Placed[], quotes: readonly Quote[]): void {
  const sentences = doc.layer('sentence');
  const indexOf = new Map(sentences.map((s, i) => [s.start, i]));
  const cueOutside = (from: number, to: number, q: Quote) => frames.some((g) => g.cue.start >= from && g.cue.start < to && (g.cue.start < q.open || g.cue.start > q.close));
  for (const f of frames) {
    if (f.rule === 'cue.dash-credit' || quotes.some((q) => q.start <= f.cue.start && f.cue.end <= q.end)) continue;
    if (!quotes.some((q) => q.start < f.content.end && q.end > f.content.start)) continue;
    const at = indexOf.get(f.sentence.start);
    if (at === undefined) continue;
    let i: number = at;
    const covered = Math.max(f.content.end, f.cue.end, f.source?.end ?? 0);
    // a long tail after the cue is a clause of its own, unless it is only where and when it was said
    const tail = doc.text.slice(covered, f.sentence.end);
    const tailWords = tail.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (tailWords > (ADJUNCT_TAIL.test(tail) && !/\bthat\b/i.test(tail) ? 30 : 14)) continue;
    const parts: Range[] = [...(f.contentParts ?? [f.content])];
    for (let hops = 0; hops < 12; hops++) {
      const next = sentences[i + 1];
      if (!next) break;
      const q = quotes.find((x) => x.open >= next.start && x.open < next.start + 2);
      if (!q || !opensQuote(doc.text, q.open)) break;
      let last: number = i + 1;
      while (sentences[last] && sentences[last]!.end < q.close) last++;
      const lastSentence = sentences[last] ?? next;
      if (cueOutside(next.start, lastSentence.end, q)) break;
      // a quotation credited to someone with a dash is theirs
      const line = doc.text.slice(q.close + 1, (doc.text.indexOf('\n', q.close) + 1 || doc.text.length + 1) - 1);
      if (DASH_CREDIT.test(line)) break;
      // “...,” Viguerie notes. — words after the closing mark credit the quotation to someone, even
      // when their cue is not one the lexicon knows
      if (CREDIT_AFTER.test(line)) break;
      parts.push({ start: q.start, end: q.end });
      i = last;
    }
    if (parts.length > (f.contentParts?.length ?? 1)) {
      (f as { content: Range }).content = mainPart(parts);
      (f as { contentParts?: readonly Range[] }).contentParts = parts;
    }
  }
}

/**
 * Attributions: who said, wrote, reported or believed what. Cue words come from a lexicon that is
 * data (cues.json, and cue forms learned from PolNeAR train in cues.learned.json); each cue's frame
 * (content after it, content before it, "according to", split quotes) is read from the tokens of
 * its sentence; sources are resolved to speakers and the outlets that relayed the words to via.
 */
export const attributionsStage: StageFactory = (resources) => {
  const lexicon = resources.once('attributions.lexicon', buildLexicon);
  const infoOf = wordInfoOf(lexicon);
  // the trained filter that drops unlikely candidates (null when untrained, or for training itself)
  const filter = resources.once('attributions.frameFilter', loadFrameFilter);
  const tagger = resources.once('attributions.cueTagger', loadCueTagger);
  const sequence = resources.once('attributions.sequenceTagger', loadSequenceTagger);
  const actors = actorBaseOf(resources);
  // the actor base composes descriptions word by word: the same few group names recur in every article
  const described = new Map<string, ReturnType<Describe>>();
  const describe: Describe = (text) => {
    let d = described.get(text);
    if (d === undefined && !described.has(text)) {
      try { d = actors.resolve(text) ?? null; } catch { d = null; }
      if (described.size > 20000) described.clear();
      described.set(text, d);
    }
    return d ?? null;
  };
  return {
    name: 'attributions',
    version: ATTRIBUTIONS_VERSION,
    requires: ['paragraph', 'sentence', 'token'],
    uses: ['entity', 'mention', 'date'],
    assigns: ['attribution'],
    run(doc, out) {
      const quotes = findQuotes(doc.text, doc.layer('paragraph'));
      const frames: Placed[] = [];
      const { toks: docToks, entries } = toksOfDocument(doc, infoOf);
      for (const s of doc.layer('sentence')) {
        const first = s.data.firstToken;
        const toks = docToks.slice(first, s.data.endToken);
        const cues: CueAt[] = [];
        // the lexicon's cues; a word it does not take is the tagger's to judge
        const fromLexicon = (t: Tok, i: number): boolean => {
          const entry = entries[first + i];
          if (!entry) return false;
          // "the minister fears that ...": a verb the tagger took for a plural noun
          // ", warning that ...", "and adding: ...": a participle opening a clause is the verb, whatever its tag
          const participleClause = t.pos === 'NOUN' && t.low.endsWith('ing') && (toks[i - 1]?.low === ',' || toks[i - 1]?.low === 'and') && (toks[i + 1]?.low === 'that' || toks[i + 1]?.low === ':');
          const verbBeforeThat = participleClause || (t.pos === 'NOUN' && ((/s$/.test(t.low) && toks[i + 1]?.low === 'that' && toks[i - 1]?.pos !== 'DET') || afterPluralSubject(toks, i)));
          // "some regard X as Y": any tag will do when the "as" follows (but not "with regard to")
          const completed = entry.needs !== null && toks.slice(i + 1, i + 14).some((x) => x.low === entry.needs) && toks[i - 1]?.low !== 'with';
          if (entry.needs !== null && !completed) return false;
          // "persons with this view are ...": after a determiner the form is a noun, not the verb of belief
          if (entry.needs !== null && POSSESSIVE_DET.has(toks[i - 1]?.low ?? '')) return false;
          // a learned form that is an auxiliary or a preposition here ("has", "is", "about") is part of a longer cue, not one
          if (entry.id.startsWith('cue.learned.') && entry.precision < 0.3 && t.pos !== 'VERB' && !verbBeforeThat) return false;
          if (!entry.particle && t.low !== 'quoted' && !VERB_POS.has(t.pos) && !verbBeforeThat && !completed) return false;
          const quoted = insideQuote(quotes, t.start, t.end);
          // "I think" inside someone's quotation is part of their words, not a belief of its own
          if (entry.belief && quoted && !completed) return false;
          if (entry.particle || entry.belief || t.low === 'quoted' || quoted) { cues.push({ at: i, entry, quoteBefore: null, quoteAfter: null }); return true; }
          cues.push({ at: i, entry, quoteBefore: quoteBefore(doc.text, quotes, toks, i), quoteAfter: quoteAfter(doc.text, quotes, toks, i, s.end) });
          return true;
        };
        let marks: QuoteMarks | null = null;
        toks.forEach((t, i) => {
          if (fromLexicon(t, i) || !tagger || t.pos !== 'VERB' || !t.word) return;
          // inside a quotation a verb is the quoted speaker's words: the tagger proposes none there
          if (insideQuote(quotes, t.start, t.end)) return;
          marks ??= quoteMarksOf(toks);
          const known = entries[first + i];
          const p = tagger.probability(featuresOf(toks, i, known ? Math.round(known.precision * 10) : -1, false, marks));
          if (p < tagger.threshold) return;
          // a word the lexicon does not know takes a quotation after it only right after it ("warned: “...”");
          // "striving to “foment unrest”" quotes a phrase inside its clause
          const after = quoteAfter(doc.text, quotes, toks, i, s.end);
          const close = after && !/[\p{L}\p{N}]/u.test(doc.text.slice(t.end, after.range.start));
          cues.push({ at: i, entry: taggedEntry(p), quoteBefore: quoteBefore(doc.text, quotes, toks, i), quoteAfter: close ? after : null });
        });
        const found = framesOf(toks, cues);
        if (toks.length > 4) { const h = headlineColon(toks); if (h) found.push(h); }
        if (toks.length > 6) found.push(...withNounFrames(toks));
        if (toks.length > 6 && toks[0]!.low === 'in') { const p = inSourceFrame(toks); if (p && !found.some((f) => f.cue.start > p.cue.start)) found.push(p); }
        for (const found1 of found) {
          const f = clipToQuote(stretchToQuote(found1, quotes), quotes);
          const inQuote = !!f && quotes.some((q) => q.start <= f.cue.start && f.cue.end <= q.end);
          // inside a quotation, "I said", "you say", "he said" are the quoted speaker's own words; a
          // named or described third party ("the president said ...") is a report worth keeping
          if (f && inQuote && (!f.source || QUOTED_PRONOUN.test(doc.text.slice(f.source.start, f.source.end)))) continue;
          if (f && isNonSpeech(doc.text.slice(f.cue.start, f.cue.end), doc.text.slice(f.content.start, f.content.end), kindOf(f.content, quotes) === 'direct')) continue;
          // a tagged cue's content that opens with a preposition ("outlining | for dealing with ...") is an adjunct, not what was said
          // and one that is a bare noun phrase ("is feeling | that pressure") must come from a surer cue
          if (f && f.cueEntry === TAGGED_ENTRY && f.confidence < TAGGED_NP_MIN && !opensClause(toks, f.content.start) && !toks.some((t) => t.start >= f.content.start && t.end <= f.content.end && (t.pos === 'VERB' || t.pos === 'AUX' || !t.word && /["“”]/.test(t.value)))) continue;
          if (f && f.cueEntry === TAGGED_ENTRY && /^(?:for|with|in|on|at|by|from|of|into|over|under|through|after|before|during)\b/i.test(doc.text.slice(f.content.start, f.content.start + 8))) continue;
          if (f) frames.push(place(f, s, inQuote));
        }
      }
      frames.push(...dashCredits(doc, quotes), ...transcriptTurns(doc));
      // a quotation split around its cue ("“Sanctions,” the minister said, “are ...”") is an attribution
      // by its shape: the filter, which weighs words and lengths, does not overrule it
      const likely = filter ? frames.filter((f) => (f.shape === 'split-quote' && !f.inQuote) || filter.probability(doc.text, { rule: f.rule, cue: f.cue, content: f.content, source: f.source, kind: kindOf(f.content, quotes) }) >= filter.threshold) : frames;
      const kept = dedupe(likely);
      continueQuotes(doc, kept, quotes);
      const resolver = new SpeakerResolver(doc, describe);
      kept.sort((a, b) => a.cue.start - b.cue.start);
      const sourceless = new Map<Placed, string>();
      for (const f of kept) {
        // "Tom Baker was accused of ...", "voters seemed to ...": the subject is no source (source-edges.ts SOURCELESS_CUES)
        const none = f.source ? sourcelessCue(doc.text, f.source, f.cue) : null;
        if (none) { Object.assign(f, { source: null, antecedent: null, sharesSourceWith: undefined }); sourceless.set(f, none); }
        const sharer = f.sharesSourceWith !== undefined ? kept.findLast((g) => g !== f && g.sentence === f.sentence && g.cue.start < f.cue.start && g.source) : undefined;
        const source = f.source ?? sharer?.source ?? null;
        if (!f.source && sharer?.source) Object.assign(f, { source: sharer.source, antecedent: sharer.antecedent });
        f.speaker = source ? resolver.resolve(f.source === source && f.antecedent ? f.antecedent : source, f.cue.start, !f.inQuote) : null;
      }
      const finals = new Map<Placed, FinalSpans>();
      // the rule frames whose boundaries the tagger redrew, and which
      const evidenceOf = new Map<Placed, string>();
      for (const f of kept) {
        const { spans, cut } = finalSpans(doc.text, docToks, entries, f, quotes);
        finals.set(f, spans);
        if (cut) evidenceOf.set(f, cut);
      }
      if (sequence) {
        const { added, corrected, unsupported } = taggedFrames(doc, docToks, entries, quotes, finals, sequence);
        // in place, one pass (kept is the list the rest of the stage reads)
        let stays = 0;
        for (const f of kept) { if (unsupported.has(f) && f.rule.startsWith(UNSUPPORTED_DROPPED)) finals.delete(f); else kept[stays++] = f; }
        kept.length = stays;
        for (const [f, roles] of corrected) {
          evidenceOf.set(f, [evidenceOf.get(f), `sequence.bounds: ${roles.join(' ')}`].filter(Boolean).join('; '));
          const source = finals.get(f)!.source;
          // a source the tagger found where the rules had none is read like a rule's, and may anchor pronouns
          if (source && roles.includes(TAGGED_SOURCE)) f.speaker = resolver.resolve(source, f.cue.start, !f.inQuote);
          // a source the tagger grew around the rules' ("Mr." to "Mr. Hedge", "Responsive Politics" to "the Center
          // for Responsive Politics") names its speaker better; it anchors no pronoun anew (the rules' speaker did)
          else if (roles.includes('source') && source && f.source && !f.antecedent && source.start <= f.source.start && source.end >= f.source.end) f.speaker = resolver.resolve(source, f.cue.start, false);
        }
        for (const f of added) {
          // the tagger's spans are PolNeAR's already; its speakers are read off the rules' (they anchor no pronoun: their cues come out of order)
          finals.set(f, { cue: f.cue, content: f.content, contentParts: undefined, source: f.source });
          f.speaker = f.source ? resolver.resolve(f.source, f.cue.start, false) : null;
          kept.push(f);
        }
        if (added.length) kept.sort((a, b) => a.cue.start - b.cue.start);
      }
      // nesting: the smallest other content that holds a frame's cue is its parent
      const contents = new ContentIndex(kept);
      for (const f of kept) {
        let best: Placed | null = null, bestOrder = -1;
        contents.holding(f.cue, (g, order) => {
          if (g === f) return;
          // two frames that hold each other's cue are siblings, not nested; a parent is also longer
          if (f.content.start <= g.cue.start && f.content.end >= g.cue.end) return;
          if (g.content.end - g.content.start <= f.content.end - f.content.start) return;
          const length = g.content.end - g.content.start;
          const bestLength = best ? best.content.end - best.content.start : Infinity;
          // the smallest; between equals, the first in cue order
          if (length < bestLength || (length === bestLength && order < bestOrder)) { best = g; bestOrder = order; }
        });
        f.parent = best;
      }
      const depth = (f: Placed): number => (f.parent ? 1 + depth(f.parent) : 0);
      for (const f of [...kept].sort((a, b) => depth(a) - depth(b))) {
        const own = viaOf(doc, f, resolver);
        const outer = (f.parent ? [...f.parent.via, ...(f.parent.speaker ? [f.parent.speaker] : [])] : []).filter((v) => v.name !== f.speaker?.name);
        f.via = [...outer, ...own.filter((v) => !outer.some((o) => o.name === v.name) && v.name !== f.speaker?.name)];
      }
      for (const f of kept) f.id = out.reserve('attribution');
      for (const f of kept) {
        Object.assign(f, finals.get(f)!);
        // the tagger reads the subject of such a cue as its source too: it stays none
        if (sourceless.has(f) && f.source && f.source.end <= f.cue.start) { Object.assign(f, { source: null }); f.speaker = null; }
        // the source's edges as PolNeAR draws them (source-edges.ts), once the tagger has read the rules' spans
        const edged = f.source ? sourceEdges(doc.text, f.source) : null;
        if (edged) {
          if (f.speaker && edged.rules.length && same(f.speaker.span ?? null, f.source)) f.speaker = { ...f.speaker, span: edged.source };
          Object.assign(f, { source: edged.source });
        }
        const notes = [evidenceOf.get(f), sourceless.get(f) ?? null, ...(edged?.rules ?? [])].filter(Boolean);
        if (notes.length) evidenceOf.set(f, notes.join('; '));
        out.fill('attribution', f.id, {
          start: Math.min(f.content.start, f.cue.start), end: Math.max(f.content.end, f.cue.end),
          rule: f.rule, confidence: +f.confidence.toFixed(3), evidence: evidenceOf.get(f),
          data: {
            // contentParts is written even when undefined: one object shape for every attribution
            kind: kindOf(f.content, quotes), content: f.content, contentParts: f.contentParts,
            cue: f.cue, source: f.source, speaker: f.speaker, via: f.via, parent: f.parent ? f.parent.id : null,
          },
        });
      }
    },
  };
};

/**
 * Frames' contents sorted by start, with the furthest end reached so far at each place, so that the
 * contents holding a range are found without reading them all (a long article has thousands).
 */
class ContentIndex {
  private readonly byStart: { readonly f: Placed; readonly order: number }[];
  private readonly reach: Int32Array;

  constructor(frames: readonly Placed[]) {
    this.byStart = frames.map((f, order) => ({ f, order })).sort((a, b) => a.f.content.start - b.f.content.start || a.order - b.order);
    this.reach = new Int32Array(this.byStart.length);
    let furthest = -1;
    this.byStart.forEach((e, i) => { furthest = Math.max(furthest, e.f.content.end); this.reach[i] = furthest; });
  }

  /** Calls `visit` with every frame whose content holds the range, and the frame's place in the list given. */
  holding(range: Range, visit: (f: Placed, order: number) => void): void {
    let lo = 0, hi = this.byStart.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (this.byStart[mid]!.f.content.start <= range.start) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && this.reach[i]! >= range.end; i--) {
      const { f, order } = this.byStart[i]!;
      if (f.content.end >= range.end) visit(f, order);
    }
  }
}

/**
 * When a frame nested in another's content (its cue inside the other's content) is kept beside it
 * though their contents nearly coincide: one entry a case, each saying why.
 */
const NESTED_KEPT: readonly { readonly id: string; readonly keeps: (inner: Placed, outer: Placed) => boolean }[] = [
  // "... then the president said he's prepared": a report inside someone's quotation
  { id: 'in-quote', keeps: (inner) => inner.inQuote },
  // "clarified it by saying ...", "..., stating that ...": the words of the clause's own subject
  { id: 'by-saying', keeps: (inner) => inner.shape === 'by-saying' },
  { id: 'participle', keeps: (inner) => inner.shape === 'participle' },
  // "CNN pointed out that some regard X as Y": the belief of those inside the report
  { id: 'regard-as', keeps: (inner) => inner.cueEntry === 'belief.regard-as' },
  // "According to Reuters, Pompeo said ...": Pompeo speaks, Reuters relays (the outer frame makes it via)
  { id: 'according-to', keeps: (inner, outer) => outer.cueEntry === 'cue.according-to' && inner.source !== null },
  // "Zarif told Der Spiegel that ..., the magazine reported": a speaker's words an outlet relays after them
  { id: 'trailing-report', keeps: (inner, outer) => outer.cueEntry === 'cue.report' && outer.shape === 'content-before' && inner.source !== null && outer.source !== null && outer.source.start >= inner.content.end },
];

/** Frames with (nearly) the same content keep the most confident one. */
function dedupe(frames: Placed[]): Placed[] {
  // frames nested in another are kept only when their own words mark them: a cue inside the
  // quotation ("... then the president said he's prepared"), "by saying", ", stating that" 
  const sorted = [...frames].sort((a, b) => b.confidence - a.confidence);
  const kept: Placed[] = [];
  // a frame can only repeat a kept one of its own sentence or with its cue: look only at those
  // (a long article has thousands of frames)
  const keptInSentence = new Map<Range, Placed[]>();
  const keptAtCue = new Map<number, Placed[]>();
  const nested = (a: Placed, b: Placed) => a.cue.start >= b.content.start && a.cue.end <= b.content.end;
  const len = (x: Placed) => x.content.end - x.content.start;
  const repeats = (f: Placed) => (k: Placed) => overlap(k.content, f.content) >= 0.8
    && !(nested(k, f) && len(k) < 0.9 * len(f))
    && !(nested(f, k) && NESTED_KEPT.some((r) => r.keeps(f, k)));
  for (const f of sorted) {
    // a frame whose cue lies in the other's content is nested in it, not a duplicate
    const same = repeats(f);
    if (keptInSentence.get(f.sentence)?.some(same) || keptAtCue.get(f.cue.start)?.some(same)) continue;
    kept.push(f);
    pushTo(keptInSentence, f.sentence, f);
    pushTo(keptAtCue, f.cue.start, f);
  }
  return kept;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

function overlap(a: Range, b: Range): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / Math.max(1, Math.min(a.end - a.start, b.end - b.start));
}
