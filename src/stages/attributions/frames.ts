import type { Range } from '../../core/span.js';
import type { WordToken } from '../../text/lookup.js';
import { FRAME_SHAPES, type CueEntry, type FrameShape } from './lexicon.js';

/** A token as the frame rules see it: the shared word view of the text kit, under the name this stage's modules use. */
export type Tok = WordToken;

/** One attribution found in a sentence, before speakers and via are resolved. */
export interface Frame {
  readonly rule: string;
  /** the frame shape of the rule that read it (a cue entry's rule for that shape), null for rules of their own */
  readonly shape: FrameShape | null;
  /** the id of the cue lexicon's entry whose word the frame rules read ("cue.according-to"), null for frames found otherwise */
  readonly cueEntry: string | null;
  readonly confidence: number;
  readonly cue: Range;
  /** token indices (into the sentence) of the cue, for nested look-ups */
  readonly cueTokens: readonly number[];
  readonly content: Range;
  readonly contentParts?: readonly Range[];
  readonly source: Range | null;
  /** the source is the subject of an earlier cue in the sentence ("..., adding that") */
  readonly sharesSourceWith?: number;
  /** for "X quoted him as saying": the relaying subject */
  readonly relay?: Range | null;
  /** for a relative source ("Jane Doe, who said ..."): the phrase "who" stands for, which names the speaker */
  readonly antecedent?: Range | null;
  readonly belief: boolean;
}

const AUX = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'also', 'not', "n't", 'never', 'later', 'previously', 'earlier', 'then', 'repeatedly', 'publicly', 'privately', 'recently', 'again', 'once', 'still', 'reportedly', 'first', 'already', 'often', 'just', 'even', 'only', 'further', 'initially', 'separately', 'simply', 'flatly', 'openly', 'specifically', 'explicitly', 'quickly']);
// a capitalised preposition, conjunction or article opens a sentence; it is no part of a name ("After the vote")
const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'CCONJ', 'DET']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const NP_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PRON']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
const PARTICIPLE = /ing$/;
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const DAY_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|january|february|march|april|may|june|july|august|september|october|november|december|last|late|early|earlier|\d{1,4})$/;
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'late', 'early', 'earlier', 'last', 'this', 'after', 'before']);
// words that open a subordinate clause: a quotation before them is not what the cue after them reports
const CLAUSE_OPENERS = new Set(['as', 'because', 'when', 'while', 'and', 'but', 'if', 'after', 'before', 'since', 'which', 'that', 'so', 'though', 'although', 'where', 'than', 'for', 'to', 'of', 'in']);
const CLOSE_QUOTE = /^[”"’»›']+$/;
const OPEN_QUOTE = /^[“"‘«‹']+$/;
const isPunct = (t: Tok | undefined) => !t || t.pos === 'PUNCT' || !t.word;
const isWord = (t: Tok | undefined) => !!t && t.word;
/** How many word tokens lie in [a, b), counting no further than `max`. */
function wordCount(toks: readonly Tok[], a: number, b: number, max = Infinity): number {
  let n = 0;
  for (let i = a; i < b && n < max; i++) if (toks[i]!.word) n++;
  return n;
}
/** The first word token at or after `a`. */
function firstWordFrom(toks: readonly Tok[], a: number): Tok | undefined {
  for (let i = a; i < toks.length; i++) if (toks[i]!.word) return toks[i];
  return undefined;
}
const range = (toks: readonly Tok[], a: number, b: number): Range => ({ start: toks[a]!.start, end: toks[b - 1]!.end });

/** What the frames of one cue share. */
interface CueBase { readonly cue: Range; readonly cueTokens: readonly number[]; readonly belief: boolean }
/** The rarer parts of a frame. */
interface FrameExtras { readonly shape?: FrameShape | null; readonly cueEntry?: string | null; readonly contentParts?: readonly Range[]; readonly sharesSourceWith?: number; readonly relay?: Range | null; readonly antecedent?: Range | null }

/** The same frame, read from the cue entry `cueEntry` by a rule of the given shape (or of its own). */
function withOrigin(f: Frame, shape: FrameShape | null, cueEntry: string): Frame {
  return makeFrame(f, f.rule, f.confidence, f.content, f.source, { shape, cueEntry, contentParts: f.contentParts, sharesSourceWith: f.sharesSourceWith, relay: f.relay, antecedent: f.antecedent });
}

/** The same frame with another content. */
export function withContent(f: Frame, content: Range, contentParts: readonly Range[] | undefined): Frame {
  return makeFrame(f, f.rule, f.confidence, content, f.source, { shape: f.shape, cueEntry: f.cueEntry, contentParts, sharesSourceWith: f.sharesSourceWith, relay: f.relay, antecedent: f.antecedent });
}

/**
 * A frame with every field written out, in one order: all frames share one object shape, which
 * keeps V8 on its fast paths (spreading `base` into literals of varying shapes cost half this
 * module's time).
 */
function makeFrame(base: CueBase, rule: string, confidence: number, content: Range, source: Range | null, extras?: FrameExtras): Frame {
  return {
    rule, shape: extras?.shape ?? null, cueEntry: extras?.cueEntry ?? null, confidence, cue: base.cue, cueTokens: base.cueTokens, content, contentParts: extras?.contentParts,
    source, sharesSourceWith: extras?.sharesSourceWith, relay: extras?.relay, antecedent: extras?.antecedent, belief: base.belief,
  };
}

/** Tokens [a, b) with punctuation trimmed from both ends, or null when no word is left. */
function trimmed(toks: readonly Tok[], a: number, b: number): [number, number] | null {
  while (a < b && !isWord(toks[a])) a++;
  while (b > a && !isWord(toks[b - 1])) b--;
  return b > a ? [a, b] : null;
}

/** Whether token `i` is a hyphen with no space on either side ("Geun-hye" read as three tokens). */
function joinedHyphen(toks: readonly Tok[], i: number): boolean {
  const t = toks[i]!, before = toks[i - 1], after = toks[i + 1];
  return t.value === '-' && !!before && !!after && before.end === t.start && t.end === after.start && before.word && after.word;
}

/**
 * The noun phrase that ends just before token `end` (its subject, for a cue at `end`): walks back
 * over noun-phrase tokens, through "of" and possessives, and stops at punctuation or a verb.
 */
export function npBefore(toks: readonly Tok[], end: number): [number, number] | null {
  let a = end;
  while (a > 0) {
    const t = toks[a - 1]!;
    if (t.value === ')') {
      // "(R-IN)", "(D-S.C.)": a party label inside the name
      let o = a - 2;
      while (o >= 0 && a - o < 8 && toks[o]!.value !== '(') o--;
      if (o >= 1 && toks[o]!.value === '(' && (['PROPN', 'NOUN'].includes(toks[o - 1]!.pos) || /^\p{Lu}/u.test(toks[o - 1]!.value))) { a = o; continue; }
      break;
    }
    // "Park Geun-hye", "Holtz-Eakin": a hyphen joined to the words on both sides is inside the name
    if (joinedHyphen(toks, a - 1) && a < end) { a--; continue; }
    const inner = (t.low === 'and' && a < end && ['NOUN', 'PROPN'].includes(toks[a - 2]?.pos ?? '') && ['NOUN', 'PROPN', 'ADJ'].includes(toks[a]?.pos ?? ''))
      || (t.low === 'past' && toks[a - 2]?.pos === 'DET');
    // a capitalised word the tagger took for a verb ("Lynch said") is still a name
    // ("Then the president said": a capitalised adverb opens its sentence, it is no name)
    const name = /^\p{Lu}/u.test(t.value) && /\p{L}/u.test(t.value) && t.pos !== 'PUNCT' && t.pos !== 'ADV' && t.low !== 'i' && !FUNCTION_POS.has(t.pos);
    if (NP_POS.has(t.pos) || t.low === "'s" || t.low === 'of' || t.low === '&' || inner || name) {
      // a pronoun is a whole subject by itself; a possessive one opens the phrase ("his office")
      if (t.pos === 'PRON' && a < end && !POSSESSIVE.has(t.low)) break;
      if (POSSESSIVE.has(t.low)) { a--; break; }
      a--;
      if (t.pos === 'PRON' && PRONOUN_SUBJECTS.has(t.low)) break;
      continue;
    }
    break;
  }
  // "an ad in 2008": a time phrase after the noun belongs to the subject
  if (a < end && a >= 2 && toks.slice(a, end).every((t) => DAY_WORD.test(t.low)) && ['in', 'on', 'during', 'from'].includes(toks[a - 1]!.low)) {
    const more = npBefore(toks, a - 1);
    if (more) a = more[0];
  }
  // "reports from X regarding Y suggest": a noun's prepositional phrases belong to the subject
  if (a < end && a >= 2 && ['regarding', 'from', 'about', 'concerning'].includes(toks[a - 1]!.low) && toks[a - 2]!.pos === 'NOUN' && end - a <= 10) {
    const more = npBefore(toks, a - 1);
    if (more && more[1] - more[0] <= 6) a = more[0];
  }
  // "France, Germany and Britain said": names listed before a coordinated pair are one subject with it
  if (a < end && toks.slice(a, end).some((t) => t.low === 'and')) {
    while (a >= 2 && toks[a - 1]!.low === ',' && toks[a - 2]!.pos === 'PROPN' && !DAY_WORD.test(toks[a - 2]!.low)) {
      let s = a - 2;
      while (s > 0 && toks[s - 1]!.pos === 'PROPN' && a - 1 - s < 3) s--;
      const before = toks[s - 1];
      if (before && before.low !== ',' && before.low !== 'that' && before.low !== ':') break;
      a = s;
    }
  }
  while (a < end && (toks[a]!.low === 'of' || toks[a]!.low === "'s" || toks[a]!.low === 'that')) a++;
  return a < end ? [a, end] : null;
}

/** The noun phrase that starts at token `a`: up to punctuation, a verb, or a clause word. */
export function npAfter(toks: readonly Tok[], a: number, limit = toks.length): [number, number] | null {
  let b = a;
  while (b < limit) {
    const t = toks[b]!;
    if (b > a && joinedHyphen(toks, b) && b + 1 < limit) { b++; continue; }
    if (NP_POS.has(t.pos) || t.low === "'s" || (t.low === 'of' && b > a) || t.low === '&' || (t.pos === 'ADP' && ['for', 'at', 'of'].includes(t.low) && b > a && toks[b + 1]?.pos === 'PROPN')) {
      if (t.low === 'that' && b > a) break;
      b++;
      continue;
    }
    break;
  }
  return b > a ? [a, b] : null;
}

/** Whether a token can open a descriptive noun phrase ("the", "a", "director", "81-year-old"). */
function isDescription(t: Tok | undefined): boolean {
  return !!t && (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos) || t.low === 'who');
}

/**
 * "Richard Revesz, director of the institute, said": a name, a comma, a description, and the comma
 * before the cue at `comma`. The subject runs from the name to that comma.
 */
function appositiveSubject(toks: readonly Tok[], comma: number): [number, number] | null {
  for (let c = comma - 1; c > 0 && c > comma - 30; c--) {
    if (OPEN_QUOTE.test(toks[c]!.value) || CLOSE_QUOTE.test(toks[c]!.value)) return null;
    if (toks[c]!.low !== ',') continue;
    const head = npBefore(toks, c);
    if (!head || !toks.slice(head[0], head[1]).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN')) return null;
    // a description is part of the source; "Trump, speaking to veterans, said" leaves just the name
    return isDescription(toks[c + 1]) ? [head[0], comma] : head;
  }
  return null;
}

/**
 * "Developers and supporters in Congress say", "the spokesman for the ministry said": a noun phrase
 * that a preposition or a participle hangs on the subject belongs to it. The longer subject is
 * taken only when it starts its clause (the sentence's start, or after a comma, "that", "but",
 * "and", a colon or an opening quotation mark), so adverbials before a subject stay out.
 */
function wholeSubject(toks: readonly Tok[], np: [number, number] | null): [number, number] | null {
  if (!np) return np;
  let a = np[0];
  for (let hops = 0; hops < 4 && a > 1; hops++) {
    const link = toks[a - 1]!;
    const hangs = (link.pos === 'ADP' && link.low !== 'that') || (link.pos === 'VERB' && /(?:ing|ed)$/.test(link.low));
    if (!hangs) break;
    const more = npBefore(toks, a - 1);
    if (!more) break;
    a = more[0];
  }
  if (a === np[0]) return np;
  const before = toks[a - 1];
  const opens = !before || [',', 'that', 'but', 'and', ':', ';'].includes(before.low) || OPEN_QUOTE.test(before.value);
  return opens ? [a, np[1]] : np;
}

/** ", stating that ...": the subject of the clause a participle at `at` hangs on, before that clause's verb. */
function participleSubject(toks: readonly Tok[], at: number): [number, number] | null {
  // "The governor met the senator, who wrote the bill, warning that ...": the clause is the one the relative clause hangs on
  const relative = relativeClauseBefore(toks, at);
  let v = relative > 0 ? relative - 1 : at - 2;
  // "persons with this view are skeptical of it, dismissing it as ...": the clause's verb may be a copula
  while (v >= 0 && toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX') v--;
  return v > 0 ? wholeSubject(toks, npBefore(toks, skipAuxBack(toks, v))) : null;
}

/**
 * ", who wrote the bill, warning that ...": the index of the comma that opens a relative clause ("who",
 * "which") closed just before the participle at `at`, with nothing but adjuncts after its closing
 * comma ("..., who runs the port, on Monday, warning"); -1 when the participle follows no such clause.
 */
function relativeClauseBefore(toks: readonly Tok[], at: number): number {
  if (toks[at - 1]?.low !== ',') return -1;
  for (let i = at - 2; i > 1 && at - i <= 25; i--) {
    const t = toks[i]!;
    if (OPEN_QUOTE.test(t.value) || CLOSE_QUOTE.test(t.value)) return -1;
    if ((t.low !== 'who' && t.low !== 'which') || toks[i - 1]!.low !== ',') continue;
    let close = i + 1;
    while (close < at - 1 && toks[close]!.low !== ',') close++;
    for (let j = close; j < at - 1; j++) if (toks[j]!.pos === 'VERB' || toks[j]!.pos === 'AUX') return -1;
    return i - 1;
  }
  return -1;
}

/** Skips the auxiliaries and adverbs between a subject and its verb, walking back from `i`. */
function skipAuxBack(toks: readonly Tok[], i: number): number {
  while (i > 0 && (AUX.has(toks[i - 1]!.low) || (toks[i - 1]!.pos === 'ADV' && toks[i - 1]!.low.endsWith('ly')))) i--;
  return i;
}

/** Where the words after a cue begin its content: past a hearer ("told reporters"), a date, "that". */
function contentStart(toks: readonly Tok[], i: number, entry: CueEntry): number {
  const look = Math.min(toks.length, i + 9);
  for (let j = i; j < look; j++) {
    const t = toks[j]!;
    if (t.low === 'that' || t.low === ':' ) return t.low === ':' ? j + 1 : j;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.low === ',' || OPEN_QUOTE.test(t.value)) break;
  }
  if (entry.takesObject) {
    const np = npAfter(toks, i);
    if (np) {
      let j = np[1];
      // "told Reuters on Monday", "told reporters in Tehran"
      while (j < toks.length && (toks[j]!.pos === 'ADP' && toks[j]!.low !== 'that') ) {
        const more = npAfter(toks, j + 1);
        if (!more) break;
        j = more[1];
      }
      if (toks[j]?.low === 'to' && toks[j + 1]?.pos === 'VERB') return j;
      return j;
    }
  }
  // "said on Monday (that)"
  if (toks[i]?.pos === 'ADP' && ['on', 'in', 'at', 'during', 'late', 'earlier'].includes(toks[i]!.low)) {
    const np = npAfter(toks, i + 1);
    if (np && toks[np[1]]?.low === 'that') return np[1];
  }
  if (toks[i]?.low === ',' && toks[i + 1] && OPEN_QUOTE.test(toks[i + 1]!.value)) return i + 1;
  return i;
}

/**
 * Attribution frames of one sentence. `cues` are the sentence-relative indices of cue tokens with
 * their lexicon entries; `quotes` the quotations overlapping the sentence.
 */
export function framesOf(toks: readonly Tok[], cues: readonly CueAt[]): Frame[] {
  const frames: Frame[] = [];
  for (const cueAt of cues) {
    // a quotation before two cues ("...," the mayor said, adding that ...) is the nearer one's content
    const c = cueAt.quoteBefore && cues.some((d) => d !== cueAt && d.at >= cueAt.quoteBefore!.after && d.at < cueAt.at) ? { at: cueAt.at, entry: cueAt.entry, quoteBefore: null, quoteAfter: cueAt.quoteAfter } : cueAt;
    const f = readCue(toks, c, frames)?.frame;
    if (f) frames.push(f);
  }
  // "X reported that officials had rejected the offer, stating that ...": the participle hangs on
  // the nearer cue (rejected), so the outer content runs on over it
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    const next = frames.find((p) => p.shape === 'participle' && p.cue.start > f.content.end && p.cue.start - f.content.end <= 3);
    if (!next || !frames.some((g) => g !== f && g.cue.start > f.cue.end && g.cue.end <= f.content.end)) continue;
    const last = trimmed(toks, 0, toks.length);
    if (last) frames[i] = makeFrame(f, f.rule, f.confidence, { start: f.content.start, end: toks[last[1] - 1]!.end }, f.source, f);
  }
  return frames;
}

/** A cue token, with the quotation that closes just before it or opens just after it, if any. */
export interface CueAt {
  readonly at: number;
  readonly entry: CueEntry;
  /** a quotation that ends just before the cue's clause: its range and the sentence-relative token after its closing mark */
  readonly quoteBefore?: { readonly range: Range; readonly after: number } | null;
  /** a quotation that opens soon after the cue, nothing but adjuncts between */
  readonly quoteAfter?: { readonly range: Range } | null;
}

/**
 * A quotation that a clause of the sentence leads into (Mills “got an immunity agreement,” Jordan
 * said): the reported words run from that clause's first word. A quotation that opens the sentence,
 * or follows a colon or a comma, stands alone.
 */
function withLeadIn(toks: readonly Tok[], quote: Range): Range {
  let open = -1;
  for (let i = 0; i < toks.length && toks[i]!.start < quote.start; i++) if (OPEN_QUOTE.test(toks[i]!.value)) open = i;
  // two apostrophes read as two tokens open one quotation
  while (open > 0 && toks[open - 1]!.value === "'" && toks[open - 1]!.end === toks[open]!.start) open--;
  if (open < 1 || !toks[open - 1]!.word) return quote;
  const first = trimmed(toks, 0, open);
  return first ? { start: toks[first[0]]!.start, end: quote.end } : quote;
}

/**
 * The one range that stands for a quotation in parts: the whole stretch when the words between the
 * parts are few beside the quoted words ("A," he said, "B"), else the longest part (a long source
 * between: "A," said Jane Doe, a professor of surgery at ..., "B").
 */
export function mainPart(parts: readonly Range[]): Range {
  const first = parts[0]!, last = parts[parts.length - 1]!;
  let quoted = 0, longest = first;
  for (const p of parts) {
    quoted += p.end - p.start;
    if (p.end - p.start > longest.end - longest.start) longest = p;
  }
  const between = (last.end - first.start) - quoted;
  return between * 3 <= quoted ? { start: first.start, end: last.end } : longest;
}

type Span = [number, number];
const spanRange = (toks: readonly Tok[], s: Span | null): Range | null => (s ? range(toks, s[0], s[1]) : null);
const SAYING_AFTER_AS = ['saying', 'telling', 'stating'];

/** The words before a cue read as reported words ("..., X said" / "..., said X"), and what follows the cue. */
interface ContentBefore {
  /** the cue comes before its source: "..., said Jane Doe" */
  readonly inverted: boolean;
  readonly front: Span;
  readonly source: Span;
  /** where the words after the cue and its source begin */
  readonly tailStart: number;
  /** where the quotation resumes after the cue (“Sanctions,” he said, “are ...”), or null */
  readonly resume: number | null;
}

/** The words after the cue and its source: a hearer ("tells N. Korea") and whether the rest is only adjuncts. */
interface TailAfterCue { readonly hearer: number | null; readonly adjunctsOnly: boolean }

/** The subject of the cue's clause once a relative pronoun is read ("Jane Doe, who said"). */
interface ClauseSubject {
  readonly subject: Span | null;
  /** the relative pronoun written as the subject ("who"), and the phrase that names its speaker */
  readonly relative: Span | null;
  readonly named: Span | null;
}

const NOT_YET = Symbol('not yet');
type Lazy<T> = T | typeof NOT_YET;

/**
 * What the frame rules read about one cue in its sentence. Each part is worked out once, when the
 * first rule asks for it: the rules are tried in order, and most cues are decided by the first few.
 */
export class CueView {
  readonly at: number;
  readonly entry: CueEntry;
  readonly n: number;
  private cueEndOf: Lazy<number | null> = NOT_YET;
  private subjEndOf: Lazy<number> = NOT_YET;
  private subjectOf: Lazy<Span | null> = NOT_YET;
  private clauseOf: Lazy<ClauseSubject> = NOT_YET;
  private quoteSourceOf: Lazy<{ readonly source: Span | null } | null> = NOT_YET;
  private accordingOf: Lazy<{ readonly source: Span; readonly end: number } | null> = NOT_YET;
  private beforeOf: Lazy<ContentBefore | null> = NOT_YET;
  private tailOf: Lazy<TailAfterCue | null> = NOT_YET;
  private afterOf: Lazy<Span | null> = NOT_YET;
  private sharerOf: Lazy<Frame | undefined> = NOT_YET;

  constructor(readonly toks: readonly Tok[], readonly c: CueAt, readonly earlier: readonly Frame[]) {
    this.at = c.at;
    this.entry = c.entry;
    this.n = toks.length;
  }

  get low(): string { return this.toks[this.at]!.low; }
  /** the word before the cue, lower case ('' at the sentence's start) */
  get prev(): string { return this.toks[this.at - 1]?.low ?? ''; }

  /** The token after the cue and its particle ("pointed out"); null when the entry's particle does not follow. */
  get cueEnd(): number | null {
    if (this.cueEndOf === NOT_YET) {
      const particle = this.entry.particle;
      this.cueEndOf = !particle ? this.at + 1 : particle.includes(this.toks[this.at + 1]?.low ?? '') ? this.at + 2 : null;
    }
    return this.cueEndOf;
  }

  /** The cue with its particle: what most frames share. */
  get base(): CueBase {
    const end = this.cueEnd ?? this.at + 1;
    return { cue: range(this.toks, this.at, end), cueTokens: end === this.at + 1 ? [this.at] : [this.at, this.at + 1], belief: this.entry.belief };
  }

  /** The cue word alone, for the quotation rules. */
  get wordBase(): CueBase {
    return { cue: range(this.toks, this.at, this.at + 1), cueTokens: [this.at], belief: this.entry.belief };
  }

  /** Where the subject before the cue ends, past auxiliaries ("has also said") and days ("Cook on Monday said"). */
  get subjEnd(): number {
    if (this.subjEndOf === NOT_YET) {
      const toks = this.toks;
      let subjEnd = skipAuxBack(toks, this.at);
      while (subjEnd > 1 && DAY_WORD.test(toks[subjEnd - 1]!.low)) subjEnd = skipAuxBack(toks, subjEnd - 1 - (toks[subjEnd - 2]?.low === 'on' ? 1 : 0));
      this.subjEndOf = subjEnd;
    }
    return this.subjEndOf;
  }

  /** The subject before the cue, as written ("who" for a relative clause). */
  get subject(): Span | null {
    if (this.subjectOf === NOT_YET) {
      const toks = this.toks, subjEnd = this.subjEnd;
      let subject = subjEnd > 0 ? wholeSubject(toks, npBefore(toks, subjEnd)) : null;
      if (!subject && subjEnd > 2 && toks[subjEnd - 1]!.low === ',') subject = appositiveSubject(toks, subjEnd - 1);
      this.subjectOf = subject;
    }
    return this.subjectOf;
  }

  /**
   * "Megan Hester, a senior associate at the institute, said ...": the comma before the cue closes the
   * subject's description, so the cue is not inverted ("..., said X").
   */
  get appositive(): boolean {
    const subject = this.subject;
    return !!subject && subject[1] === this.subjEnd - 1 && this.toks[this.subjEnd - 1]!.low === ',';
  }

  /**
   * "X, who said ...": the relative pronoun stands for the noun phrase before the comma (the subject
   * from here on); a content after the cue keeps "who" as its source, as written, and X names the speaker.
   */
  get clause(): ClauseSubject {
    if (this.clauseOf === NOT_YET) {
      const toks = this.toks;
      let subject = this.subject, relative: Span | null = null, named: Span | null = null;
      if (subject && subject[1] - subject[0] === 1 && ['who', 'which'].includes(toks[subject[0]]!.low) && toks[subject[0] - 1]?.low === ',') {
        const antecedent = npBefore(toks, subject[0] - 1);
        // "Marcia Okafor, the city treasurer, who said": the name before the description names the speaker
        if (antecedent) { relative = subject; named = appositiveSubject(toks, subject[0] - 1) ?? antecedent; subject = antecedent; }
      }
      this.clauseOf = { subject, relative, named };
    }
    return this.clauseOf;
  }

  /** ", saying ...", "and adding ...": a participle that opens a clause. */
  get participle(): boolean {
    return PARTICIPLE.test(this.low) && (this.prev === ',' || this.prev === 'and' || this.at === 0);
  }

  /** "X spoke highly of Kim and boasted ...": a coordinated verb with no subject of its own. */
  get coordinated(): boolean {
    return this.subjEnd > 0 && this.toks[this.subjEnd - 1]!.low === 'and' && !this.subject;
  }

  /** The last earlier frame of the sentence with a source, before the cue: the subject a participle or a second verb shares. */
  get sharer(): Frame | undefined {
    if (this.sharerOf === NOT_YET) {
      const start = this.toks[this.at]!.start;
      this.sharerOf = [...this.earlier].reverse().find((f) => f.source && f.cue.start < start);
    }
    return this.sharerOf;
  }

  /** The earlier frame a participle shares its source with: not one inside a relative clause just before it ("the senator, who said ..., warning"). */
  get participleSharer(): Frame | undefined {
    const relative = relativeClauseBefore(this.toks, this.at);
    if (relative < 0) return this.sharer;
    const start = this.toks[this.at]!.start, clause = this.toks[relative]!.start;
    return [...this.earlier].reverse().find((f) => f.source && f.cue.start < clause && f.cue.start < start);
  }

  /**
   * The source beside a quotation that closes before the cue, when the words between are the cue's
   * clause (no clause opener, no other quotation mark); null when they are not.
   */
  get quoteSource(): { readonly source: Span | null } | null {
    if (this.quoteSourceOf === NOT_YET) this.quoteSourceOf = this.c.quoteBefore ? sourceBesideQuote(this.toks, this.at, this.c.quoteBefore.after) : null;
    return this.quoteSourceOf;
  }

  /** The source of "according to": to the comma or the end, on through "from", "by", "with", "in". */
  get according(): { readonly source: Span; readonly end: number } | null {
    if (this.accordingOf === NOT_YET) this.accordingOf = accordingSource(this.toks, this.cueEnd ?? this.at + 1);
    return this.accordingOf;
  }

  /** The words before the cue as its content, with its source; null when they are no content. */
  get before(): ContentBefore | null {
    if (this.beforeOf === NOT_YET) this.beforeOf = this.participle ? null : contentBefore(this);
    return this.beforeOf;
  }

  /** What follows a content-before frame's cue and source; null when there is no such frame. */
  get tail(): TailAfterCue | null {
    if (this.tailOf === NOT_YET) {
      const b = this.before;
      this.tailOf = b ? tailAfterCue(this, b) : null;
    }
    return this.tailOf;
  }

  /** The words after the cue as its content (at least two words, or a noun-phrase cue's lone name), or null. */
  get after(): Span | null {
    if (this.afterOf === NOT_YET) this.afterOf = contentAfter(this);
    return this.afterOf;
  }
}

/** "Kenneth Baer, a former official who runs a firm, said" / "said Rep. Jim Clyburn (D-S.C.), the assistant leader": the source beside a quotation's cue. */
function sourceBesideQuote(toks: readonly Tok[], at: number, from: number): { readonly source: Span | null } | null {
  const between = toks.slice(from, at);
  const firstWord = between.find(isWord);
  if (between.length > 30 || (firstWord && CLAUSE_OPENERS.has(firstWord.low)) || between.some((t) => OPEN_QUOTE.test(t.value) || CLOSE_QUOTE.test(t.value))) return null;
  let source: Span | null;
  const subjEnd = skipAuxBack(toks, at);
  if (subjEnd > from) {
    // "Kenneth Baer, a former official who runs a firm, said": all of it is the source, but
    // "O'Neill, on his first day, said" is O'Neill
    let a = from;
    while (a < subjEnd && isPunct(toks[a])) a++;
    const head = npAfter(toks, a, subjEnd);
    if (head && head[1] < subjEnd && toks[head[1]]!.low === ',' && isDescription(toks[head[1] + 1])) source = trimmed(toks, head[0], subjEnd);
    else source = head ?? npBefore(toks, subjEnd);
  } else {
    source = npAfter(toks, at + 1);
    // "said Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus."
    if (source) {
      let b = source[1];
      while (b < toks.length && !OPEN_QUOTE.test(toks[b]!.value) && toks[b]!.pos !== 'VERB' && toks[b]!.low !== ';') b++;
      // "said Jane Doe, an economist who served as ...": the relative clause describes her too
      const relative = b < toks.length && toks[b]!.pos === 'VERB' && ['who', 'which'].includes(toks[b - 1]?.low ?? '');
      if (relative) while (b < toks.length && !OPEN_QUOTE.test(toks[b]!.value) && toks[b]!.low !== ';') b++;
      const whole = trimmed(toks, source[0], b);
      if (whole && whole[1] - whole[0] <= (relative ? 45 : 25) && b - source[1] > 0) source = whole;
    }
  }
  return { source };
}

/** The source after "according to", and the token after it; null when no phrase follows. */
function accordingSource(toks: readonly Tok[], cueEnd: number): { readonly source: Span; readonly end: number } | null {
  const n = toks.length;
  let np = npAfter(toks, cueEnd);
  // the source runs to the comma or the end however the tagger read it ("according to exit polls,")
  let j = cueEnd;
  while (j < n && j - cueEnd < 10 && !/^[,;:.!?]$/.test(toks[j]!.low) && !OPEN_QUOTE.test(toks[j]!.value) && toks[j]!.low !== 'that') j++;
  if (j > cueEnd && (j === n || /^[,;:.!?]$/.test(toks[j]!.low)) && (!np || np[1] < j)) np = [cueEnd, j];
  if (!np) return null;
  // "according to a Reuters report", "according to reports from X": the source runs on through "from"
  let b = np[1];
  while (toks[b]?.low === 'from' || toks[b]?.low === 'by' || toks[b]?.low === 'with' || toks[b]?.low === 'in') { const more = npAfter(toks, b + 1); if (!more) break; b = more[1]; }
  return { source: [np[0], b], end: b };
}

/** CONTENT before the cue: "..., X said." / "..., said X." / "“...,” he said, “...”". */
function contentBefore(v: CueView): ContentBefore | null {
  const { toks, at, n } = v;
  const cueEnd = v.cueEnd!;
  const subject = v.clause.subject;
  const boundary = subject ? subject[0] - 1 : v.subjEnd - 1;
  const inverted = !v.appositive && (boundary === at - 1 || (v.subjEnd === at && !!toks[at - 1] && (toks[at - 1]!.low === ',' || CLOSE_QUOTE.test(toks[at - 1]!.value))));
  if (!(boundary >= 1 && (toks[boundary]!.low === ',' || CLOSE_QUOTE.test(toks[boundary]!.value) || toks[boundary]!.low === '—')) && !inverted) return null;
  const front = trimmed(toks, 0, inverted ? at : boundary + 1);
  // the tail after the cue: a source for inverted cues ("said Smith, the spokesman"), then adjuncts
  let tailStart = cueEnd;
  let source = subject && !inverted ? subject : null;
  if (inverted) {
    const np = npAfter(toks, cueEnd);
    if (np) { source = np; tailStart = np[1]; }
    else if (subject) source = subject;
    // "..., said Jane Doe, a senior official with the board that oversees them.": the description
    // after the name runs to the end of the sentence and belongs to the source
    if (np && toks[np[1]]?.low === ',' && isDescription(toks[np[1] + 1])) {
      const whole = trimmed(toks, np[0], n);
      if (whole && whole[1] - whole[0] <= 40 && !toks.slice(np[1], whole[1]).some((t) => OPEN_QUOTE.test(t.value))) { source = whole; tailStart = whole[1]; }
    }
  }
  // the quote goes on after the cue: “Sanctions,” he said, “are ...”
  const resume = findResume(toks, tailStart);
  // the words before must be a clause or a quotation ("In July, she called for ..." is no content)
  const clause = front && toks.slice(front[0], front[1]).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || OPEN_QUOTE.test(t.value) || CLOSE_QUOTE.test(t.value));
  if (!front || front[1] - front[0] < 2 || !source || !clause) return null;
  return { inverted, front, source, tailStart, resume };
}

/**
 * After a content-before frame's cue: "..., Trump tells N. Korea" / "..., she told reporters on Friday"
 * (a verb that takes a hearer has it after the cue; what follows the hearer is the tail), and whether
 * that tail is short or only where and when it was said.
 */
function tailAfterCue(v: CueView, b: ContentBefore): TailAfterCue {
  const toks = v.toks;
  // the lexicon's verbs only: the tagger's cues take an object by guess, not by knowledge
  const hearer = !b.inverted && v.entry.takesObject && !v.entry.id.startsWith('cue.tagged') ? hearerAfter(toks, v.cueEnd!) : null;
  const tailStart = hearer ?? b.tailStart;
  const tailWords = wordCount(toks, tailStart, toks.length, 9);
  const tailFirst = firstWordFrom(toks, tailStart);
  const adjunct = !tailFirst || ['ADP', 'ADV', 'SCONJ'].includes(tailFirst.pos) || DAY_WORD.test(tailFirst.low) || isPunct(toks[tailStart]);
  // "..., lawmakers said Friday afternoon, as they bristled at ...": a long tail is fine when it opens with an adjunct
  // "..., an official said on Tuesday, a day after ...": a time phrase opens a tail of any length
  const second = tailFirst ? firstWordFrom(toks, toks.indexOf(tailFirst) + 1) : undefined;
  const timeLead = !!tailFirst && (DAY_WORD.test(tailFirst.low) || (TIME_PREPOSITIONS.has(tailFirst.low) && !!second && DAY_WORD.test(second.low)));
  const adjunctsOnly = (tailWords <= 8 || (adjunct && timeLead)) && adjunct && !toks.slice(tailStart).some((t) => t.low === 'that');
  return { hearer, adjunctsOnly };
}

/** CONTENT after the cue, to the end of its clause; null when it has fewer than two words (but a noun-phrase cue's lone name). */
function contentAfter(v: CueView): Span | null {
  const { toks, at, entry } = v;
  const cueEnd = v.cueEnd!;
  // "called her vote a mistake": what is named and what it is called are the content together
  const naming = isNaming(toks, at);
  const from = naming ? cueEnd : contentStart(toks, cueEnd, entry);
  let to = endOfContent(toks, from);
  // "backed Jeb Bush for president last year": a cue that takes a noun phrase reports just that phrase
  if (takesNounPhrase(entry) && !naming) to = nounPhraseContentEnd(toks, from, to);
  // "said as much in an interview": the pro-form is the whole content
  if (toks[from]?.low === 'as' && toks[from + 1]?.low === 'much') to = from + 2;
  const after = trimmed(toks, from, to);
  if (!after) return null;
  // "endorsed Clinton", "backed him": a noun-phrase cue's object may be one name or pronoun
  const oneName = takesNounPhrase(entry) && !naming && after[1] - after[0] === 1 && ONE_WORD_OBJECT.has(toks[after[0]]!.pos);
  return oneName || wordCount(toks, after[0], after[1], 2) >= 2 ? after : null;
}
const ONE_WORD_OBJECT: ReadonlySet<string> = new Set(['PROPN', 'PRON']);

/** "X clarified it by saying ..." / "X spoke highly of Kim and boasted ...": the subject is the clause's, before its verb. */
function fromClauseSubject(v: CueView, rule: string, bySaying: boolean): Frame | null {
  const { toks, at, entry } = v;
  const cueEnd = v.cueEnd!;
  let verb = bySaying ? at - 2 : v.subjEnd - 2;
  while (verb >= 0 && toks[verb]!.pos !== 'VERB') verb--;
  const subj = verb > 0 ? npBefore(toks, skipAuxBack(toks, verb)) : null;
  const from = contentStart(toks, cueEnd, entry);
  const after = trimmed(toks, from, endOfContent(toks, from));
  // "who decried the deal long before taking office and promised that ...": the earlier cue's source
  const sharer = v.coordinated && !subj ? v.sharer : undefined;
  if (!after || (!subj && !sharer)) return null;
  const base = v.base;
  return makeFrame(bySaying ? { cue: range(toks, verb, at + 1), cueTokens: base.cueTokens, belief: entry.belief } : base, rule, entry.precision * 0.8,
    range(toks, after[0], after[1]), subj ? range(toks, subj[0], subj[1]) : sharer!.source, subj ? undefined : { antecedent: sharer!.antecedent });
}

/**
 * How a frame's parts lie in its sentence, in reading order: the quotation or the reported words
 * (content), the cue, the source (subject), a relaying outlet (relay).
 */
export type FrameLayout =
  /** “...,” Smith said / “...,” said Smith, 83, of Sarasota */
  | 'quote-cue-subject'
  /** “Sanctions,” the minister said, “are ...” */
  | 'quote-cue-quote'
  /** he said Tuesday at the rally: “...” */
  | 'subject-cue-quote'
  /** According to X, CONTENT */
  | 'according-content'
  /** CONTENT, according to X */
  | 'content-according'
  /** CONTENT, X was quoted as saying by RELAY */
  | 'passive-relay'
  /** RELAY quoted X as saying CONTENT */
  | 'relay-cue-subject-content'
  /** CONTENT-as-subject is expected to ... / was expressed by X */
  | 'passive'
  /** X clarified it by saying CONTENT / X spoke of Kim and boasted CONTENT: the subject before another verb */
  | 'subject-verb-cue-content'
  /** CONTENT, he said, CONTENT */
  | 'content-cue-content'
  /** CONTENT, X said (told HEARER) */
  | 'content-subject-cue'
  /** CONTENT, said X */
  | 'content-cue-subject'
  /** X said CONTENT / X, saying CONTENT */
  | 'subject-cue-content'
  /** the cue reports nothing here */
  | 'no-frame';

/** Rule ids written as they are, not made from the cue's id and a frame shape. */
type FixedRule = 'cue.quoted-as-saying' | 'cue.quoted-as-saying.passive';

/**
 * One way of reading a cue's frame. `emits` is the rule id its frames carry: a frame shape joined to
 * the cue entry's id ("cue.say" + "content-after"), a fixed id, or null for a rule that says the cue
 * has no frame. `when` says whether the rule reads this cue; `build` makes the frame, or null when the
 * cue has none (no later rule is tried).
 */
export interface FrameRule {
  readonly id: string;
  readonly layout: FrameLayout;
  readonly emits: FrameShape | FixedRule | null;
  readonly when: (v: CueView) => boolean;
  readonly build: (v: CueView, rule: string) => Frame | null;
}

const BE = (t: Tok | undefined) => !!t && BE_FORMS.has(t.low);
const noFrame = () => null;

/** The frame rules, in the order they are tried: the first whose `when` holds decides. */
export const FRAME_RULES: readonly FrameRule[] = [
  // direct speech: a quotation beside the cue is the content; the source is the noun phrase beside the cue
  {
    id: 'quote.split', layout: 'quote-cue-quote', emits: 'split-quote',
    when: (v) => !!v.c.quoteAfter && v.quoteSource !== null,
    build: (v, rule) => {
      const first = v.c.quoteBefore!.range, second = v.c.quoteAfter!.range;
      return makeFrame(v.wordBase, rule, 0.9, mainPart([first, second]), spanRange(v.toks, v.quoteSource!.source), { contentParts: [first, second] });
    },
  },
  {
    id: 'quote.before', layout: 'quote-cue-subject', emits: 'quote-before',
    when: (v) => v.quoteSource !== null,
    build: (v, rule) => makeFrame(v.wordBase, rule, 0.9, withLeadIn(v.toks, v.c.quoteBefore!.range), spanRange(v.toks, v.quoteSource!.source)),
  },
  {
    id: 'quote.after', layout: 'subject-cue-quote', emits: 'quote-after',
    // ("what some have called an “Arab NATO” comprised of ...": a naming verb's quotation is the name, whatever follows)
    when: (v) => !!v.c.quoteAfter && (NAMING_VERB.test(v.low) || !quotedInClause(v.toks, v.c.quoteAfter.range)),
    build: (v, rule) => {
      const { toks, at } = v;
      const subjEnd = skipAuxBack(toks, at);
      let subject = subjEnd > 0 ? npBefore(toks, subjEnd) : null;
      if (!subject && subjEnd > 2 && toks[subjEnd - 1]!.low === ',') subject = appositiveSubject(toks, subjEnd - 1);
      // "Trump wrote on Monday, saying: “...”": the participle's subject is the clause's
      if (!subject && at > 1 && PARTICIPLE.test(v.low) && (v.prev === ',' || v.prev === 'and')) subject = participleSubject(toks, at);
      return makeFrame(v.wordBase, rule, 0.85, v.c.quoteAfter!.range, spanRange(toks, subject));
    },
  },
  // "pointed" without "out" or "to" is no cue
  { id: 'particle.missing', layout: 'no-frame', emits: null, when: (v) => v.cueEnd === null, build: noFrame },
  {
    id: 'according.content-first', layout: 'content-according', emits: 'after-content',
    when: (v) => { if (v.low !== 'according' || !v.according) return false; const before = trimmed(v.toks, 0, v.at); return !!before && before[1] - before[0] >= 3; },
    build: (v, rule) => { const before = trimmed(v.toks, 0, v.at)!; return makeFrame(v.base, rule, 0.85, range(v.toks, before[0], before[1]), spanRange(v.toks, v.according!.source)); },
  },
  {
    id: 'according.source-first', layout: 'according-content', emits: 'before-content',
    when: (v) => v.low === 'according',
    build: (v, rule) => {
      const src = v.according;
      const after = src ? trimmed(v.toks, src.end, v.n) : null;
      return src && after ? makeFrame(v.base, rule, 0.85, range(v.toks, after[0], after[1]), spanRange(v.toks, src.source)) : null;
    },
  },
  // "..., Vaezi was quoted as saying by Fars": the passive, the quoted person before it, the outlet after "by"
  {
    id: 'quoted-as-saying.passive', layout: 'passive-relay', emits: 'cue.quoted-as-saying.passive',
    when: (v) => v.low === 'quoted' && BE(v.toks[v.at - 1]) && v.toks[v.at + 1]?.low === 'as' && SAYING_AFTER_AS.includes(v.toks[v.at + 2]?.low ?? ''),
    build: (v, rule) => {
      const { toks, at, n } = v;
      const subject = npBefore(toks, at - 1);
      const by = toks[at + 3]?.low === 'by' ? npAfter(toks, at + 4) : null;
      const cue = { cue: range(toks, at - 1, at + 3), cueTokens: [at - 1, at, at + 1, at + 2], belief: false };
      const relay = spanRange(toks, by);
      if (subject && subject[0] >= 2 && toks[subject[0] - 1]!.low === ',') {
        const front = trimmed(toks, 0, subject[0] - 1);
        if (front) return makeFrame(cue, rule, 0.85, range(toks, front[0], front[1]), range(toks, subject[0], subject[1]), { relay });
      }
      const after = trimmed(toks, by ? by[1] : at + 3, n);
      return subject && after && !by ? makeFrame(cue, rule, 0.85, range(toks, after[0], after[1]), range(toks, subject[0], subject[1]), { relay }) : null;
    },
  },
  // "X quoted him as saying CONTENT": X relays, "him" speaks
  {
    id: 'quoted-as-saying', layout: 'relay-cue-subject-content', emits: 'cue.quoted-as-saying',
    when: (v) => v.low === 'quoted',
    build: (v, rule) => {
      const { toks, at, n } = v;
      const obj = npAfter(toks, at + 1);
      if (!obj || toks[obj[1]]?.low !== 'as' || !SAYING_AFTER_AS.includes(toks[obj[1] + 1]?.low ?? '')) return null;
      const relay = npBefore(toks, skipAuxBack(toks, at));
      const after = trimmed(toks, obj[1] + 2, n);
      if (!after) return null;
      return makeFrame({ cue: range(toks, at, obj[1] + 2), cueTokens: [at, obj[1], obj[1] + 1], belief: v.entry.belief }, rule, 0.9,
        range(toks, after[0], after[1]), range(toks, obj[0], obj[1]), { relay: spanRange(toks, relay) });
    },
  },
  // the "saying" of "quoted him as saying" is part of that cue
  { id: 'quoted-as-saying.saying', layout: 'no-frame', emits: null, when: (v) => v.low === 'saying' && v.prev === 'as' && v.earlier.some((f) => f.rule === 'cue.quoted-as-saying'), build: noFrame },
  // "About one voter in nine is expected to be Latino": a belief in the passive with no one holding it;
  // what is believed is the subject and the infinitive together, from the start of the subject's clause
  {
    id: 'passive.belief', layout: 'passive', emits: 'passive',
    when: (v) => {
      const { toks, at } = v, cueEnd = v.cueEnd!;
      return v.entry.belief && toks[cueEnd]?.low === 'to' && !!v.subject && v.subjEnd < at && BE(toks[v.subjEnd]) && !toks.slice(cueEnd).some((t) => t.low === 'by')
        && trimmed(toks, cueEnd, endOfContent(toks, cueEnd)) !== null;
    },
    build: (v, rule) => {
      const toks = v.toks, cueEnd = v.cueEnd!;
      const after = trimmed(toks, cueEnd, endOfContent(toks, cueEnd))!;
      let from = v.subject![0];
      while (from > 0 && ![',', ';', ':', 'that'].includes(toks[from - 1]!.low)) from--;
      return makeFrame(v.base, rule, v.entry.precision * 0.8, { start: toks[from]!.start, end: toks[after[1] - 1]!.end }, null);
    },
  },
  // "X was expressed by Y": the content is the subject, the source follows "by"
  {
    id: 'passive.by', layout: 'passive', emits: 'passive',
    when: (v) => v.toks[v.cueEnd!]?.low === 'by' && v.subjEnd < v.at && ['was', 'were', 'is', 'are', 'been', 'being'].includes(v.toks[v.subjEnd]!.low) && !!v.subject && !!npAfter(v.toks, v.cueEnd! + 1),
    build: (v, rule) => makeFrame(v.base, rule, 0.6, spanRange(v.toks, v.subject)!, spanRange(v.toks, npAfter(v.toks, v.cueEnd! + 1))),
  },
  {
    id: 'by-saying', layout: 'subject-verb-cue-content', emits: 'by-saying',
    when: (v) => (v.prev === 'by' && PARTICIPLE.test(v.low)) || v.prev === 'to',
    build: (v, rule) => fromClauseSubject(v, rule, true),
  },
  { id: 'coordinated', layout: 'subject-verb-cue-content', emits: 'coordinated', when: (v) => v.coordinated, build: (v, rule) => fromClauseSubject(v, rule, false) },
  // "Reporting on that, ..." and "in its reporting on" are adverbials, not cues
  {
    id: 'participle.adverbial', layout: 'no-frame', emits: null,
    when: (v) => PARTICIPLE.test(v.low) && (v.at === 0 || POSSESSIVE.has(v.prev) || v.prev === 'the') && ['on', 'about', 'to', 'from'].includes(v.toks[v.at + 1]?.low ?? ''),
    build: noFrame,
  },
  // the words before the cue are its content
  {
    id: 'before.split', layout: 'content-cue-content', emits: 'split-quote',
    when: (v) => { const b = v.before; return !!b && b.resume !== null && trimmed(v.toks, b.resume, v.n) !== null; },
    build: (v, rule) => {
      const b = v.before!, rest = trimmed(v.toks, b.resume!, v.n)!;
      const first = range(v.toks, b.front[0], b.front[1]), second = range(v.toks, rest[0], rest[1]);
      const main = second.end - second.start > first.end - first.start ? second : first;
      return makeFrame(v.base, rule, 0.85, main, spanRange(v.toks, b.source), { contentParts: [first, second] });
    },
  },
  {
    id: 'before.hearer', layout: 'content-subject-cue', emits: 'content-before-hearer',
    when: (v) => !!v.tail && v.tail.hearer !== null && v.tail.adjunctsOnly,
    build: (v, rule) => contentBeforeFrame(v, rule),
  },
  { id: 'before.inverted', layout: 'content-cue-subject', emits: 'content-before', when: (v) => !!v.before?.inverted && !!v.tail?.adjunctsOnly, build: (v, rule) => contentBeforeFrame(v, rule) },
  { id: 'before.subject', layout: 'content-subject-cue', emits: 'content-before', when: (v) => !v.before?.inverted && v.tail?.hearer === null && v.tail.adjunctsOnly, build: (v, rule) => contentBeforeFrame(v, rule) },
  // the words after the cue are its content; a participle's source is the clause's subject
  {
    id: 'after.participle-shared', layout: 'subject-cue-content', emits: 'participle',
    when: (v) => v.participle && !!v.after && !!v.participleSharer,
    build: (v, rule) => makeFrame(v.base, rule, v.entry.precision * 0.85, spanRange(v.toks, v.after)!, v.participleSharer!.source, { antecedent: v.participleSharer!.antecedent }),
  },
  {
    id: 'after.participle-clause', layout: 'subject-cue-content', emits: 'participle',
    when: (v) => v.participle && !!v.after && v.at > 1 && participleSubject(v.toks, v.at) !== null,
    build: (v, rule) => makeFrame(v.base, rule, v.entry.precision * 0.85, spanRange(v.toks, v.after)!, spanRange(v.toks, participleSubject(v.toks, v.at))),
  },
  {
    id: 'after.subject', layout: 'subject-cue-content', emits: 'content-after',
    when: (v) => !!v.after,
    build: (v, rule) => {
      const { toks, at, earlier } = v;
      const { subject, relative, named } = v.clause;
      let source = subject;
      let sharesSourceWith: number | undefined;
      // a participle or a verb with no subject before it shares the earlier cue's source
      if (v.participle || !subject) {
        const prev = earlier.length - 1;
        if (prev >= 0) { sharesSourceWith = prev; source = null; }
        else if (!subject) { const s = npAfter(toks, 0); source = s && s[1] < at ? s : null; }
      }
      const written = relative && source === subject ? relative : source;
      return makeFrame(v.base, rule, v.entry.precision * 0.9, spanRange(toks, v.after)!, spanRange(toks, written),
        { sharesSourceWith, antecedent: relative && named && source === subject ? range(toks, named[0], named[1]) : null });
    },
  },
];

/**
 * "says Trump 'absolutely right' in saying ...": a quotation with no punctuation of its own before its
 * closing mark, and words of the sentence right after it, is a phrase quoted inside a clause, not what
 * the cue reports as a whole.
 */
function quotedInClause(toks: readonly Tok[], quote: Range): boolean {
  let k = 0;
  while (k < toks.length && toks[k]!.start < quote.end) k++;
  const inside = toks[k - 1], close = toks[k], next = toks[k + 1];
  return !!inside?.word && !!close && CLOSE_QUOTE.test(close.value) && isWord(next);
}

/** A content-before frame: the words before the cue, the source beside it. */
function contentBeforeFrame(v: CueView, rule: string): Frame {
  const b = v.before!;
  return makeFrame(v.base, rule, 0.8, range(v.toks, b.front[0], b.front[1]), spanRange(v.toks, b.source));
}

const SHAPES: ReadonlySet<string> = new Set(FRAME_SHAPES);

/** The frame of one cue and the rule that read it (null when no rule did, or the rule found no frame). */
export function readCue(toks: readonly Tok[], c: CueAt, earlier: readonly Frame[]): { readonly rule: FrameRule; readonly frame: Frame | null } | null {
  const v = new CueView(toks, c, earlier);
  for (const rule of FRAME_RULES) {
    if (!rule.when(v)) continue;
    const shape = rule.emits !== null && SHAPES.has(rule.emits) ? (rule.emits as FrameShape) : null;
    const id = rule.emits === null ? '' : shape ? v.entry.rules[shape] : rule.emits;
    const frame = rule.build(v, id);
    // the builders name the rule id; the shape that id stands for, and the entry read, are the table's to say
    return { rule, frame: frame && withOrigin(frame, shape, v.entry.id) };
  }
  return null;
}

/**
 * Nouns of speech that report the clause after them when a "with" phrase hangs them on a clause
 * ("ended the talks with a warning: ...", "left with the promise that ..."): their speaker is that
 * clause's subject. One entry a rule id.
 */
export const WITH_NOUN_CUES: readonly { readonly id: string; readonly nouns: ReadonlySet<string> }[] = [
  { id: 'cue.with-noun', nouns: new Set(['warning', 'warnings', 'message', 'threat', 'promise', 'pledge', 'vow', 'reminder', 'claim', 'plea', 'assurance', 'assurances', 'statement', 'declaration', 'demand', 'appeal', 'admission', 'insistence']) },
];

/**
 * "The president ended the meeting with a warning: the talks ...": a speech noun after "with" and at
 * most three determiners or adjectives, then a colon or a complement "that" (not a relative one,
 * "with a statement that angered ..."). One pass over the sentence.
 */
export function withNounFrames(toks: readonly Tok[]): Frame[] {
  const out: Frame[] = [];
  for (let i = 1; i < toks.length - 3; i++) {
    if (toks[i]!.low !== 'with') continue;
    let j = i + 1;
    while (j < i + 4 && j < toks.length && (toks[j]!.pos === 'DET' || toks[j]!.pos === 'ADJ')) j++;
    const noun = toks[j], next = toks[j + 1];
    const rule = noun && WITH_NOUN_CUES.find((e) => e.nouns.has(noun.low));
    if (!rule || !next) continue;
    const from = next.low === ':' ? j + 2 : next.low === 'that' && toks[j + 2]?.word && toks[j + 2]!.pos !== 'VERB' && toks[j + 2]!.pos !== 'AUX' ? j + 1 : -1;
    if (from < 0) continue;
    const content = trimmed(toks, from, endOfContent(toks, from));
    const subject = participleSubject(toks, i + 1);
    if (!content || !subject || wordCount(toks, content[0], content[1], 3) < 3) continue;
    out.push(makeFrame({ cue: range(toks, j, j + 1), cueTokens: [j], belief: false }, rule.id, 0.7, range(toks, content[0], content[1]), range(toks, subject[0], subject[1])));
  }
  return out;
}

const NAMING_VERB = /^call(?:s|ed|ing)?$/;
const NOT_NAMING = new Set(['for', 'on', 'upon', 'off', 'out', 'in', 'up', 'back', 'to', 'it', 'that']);
/**
 * "called X a Y" / "called X “Y”" (not "called for", "called on", and not "what some called an
 * “Arab NATO”", where "what" is the thing named): the verb names something after it.
 */
export function isNaming(toks: readonly Tok[], at: number): boolean {
  const next = toks[at + 1];
  if (!NAMING_VERB.test(toks[at]!.low) || !next || !next.word || NOT_NAMING.has(next.low) || toks[at]!.pos !== 'VERB') return false;
  for (let i = Math.max(0, at - 4); i < at; i++) if (toks[i]!.low === 'what') return false;
  return true;
}

/** Cue forms whose contents in PolNeAR train are short noun phrases ("endorsed Trump", "criticizing police tactics"). */
export const NP_CUE_MAX_WORDS = 7;
const takesNounPhrase = (entry: CueEntry) => entry.contentWords !== null && entry.contentWords <= NP_CUE_MAX_WORDS;

/**
 * Where the object of a noun-phrase cue ends: after the phrase and its "of"/"for" complements and
 * coordinated nouns, before an adjunct ("last week", "at a rally", ", the former governor").
 * A phrase followed by a verb is the subject of a clause ("said the plan would fail"): the clause runs on.
 */
function nounPhraseContentEnd(toks: readonly Tok[], from: number, to: number): number {
  if (from >= to || toks[from]!.low === 'that' || OPEN_QUOTE.test(toks[from]!.value)) return to;
  let np = npAfter(toks, from, to);
  if (!np) return to;
  for (;;) {
    const next: Tok | undefined = toks[np[1]];
    const joins: boolean = !!next && (next.low === 'of' || next.low === 'for' || (next.low === 'and' && toks[np[1] + 1]?.pos !== 'VERB'));
    const more: [number, number] | null = joins ? npAfter(toks, np[1] + 1, to) : null;
    if (!more) break;
    np = [np[0], more[1]];
  }
  const next = toks[np[1]];
  if (!next || np[1] >= to) return to;
  if (next.pos === 'VERB' || next.pos === 'AUX' || next.low === 'to' || next.low === 'as' || OPEN_QUOTE.test(next.value) || CLOSE_QUOTE.test(next.value)) return to;
  // a time word after the noun stops the phrase too ("Trump last week")
  let end = np[1];
  while (end - 1 > np[0] && DAY_WORD.test(toks[end - 1]!.low)) end--;
  return end;
}

const IRREGULAR_PAST = new Set(['said', 'told', 'wrote', 'made', 'took', 'gave', 'went', 'came', 'left', 'sent', 'got', 'thought', 'felt', 'met', 'led', 'spoke']);
/** A verb form that heads a clause of its own: "has", "calls", "called", "said" (not "raise", "raising"). */
function isFiniteVerb(t: Tok): boolean {
  if (t.pos === 'AUX') return !['be', 'been', 'being', 'to'].includes(t.low);
  return t.pos === 'VERB' && (/[^s]s$|ed$/.test(t.low) || IRREGULAR_PAST.has(t.low));
}

// verbs of a trailing relay that reports the whole sentence before it: "..., the magazine reported on Monday."
const TRAILING_RELAY_VERBS = new Set(['said', 'says', 'reported', 'reports', 'wrote', 'writes', 'added']);
const TRAILING_RELAY_SUBJECT = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON']);
const TRAILING_RELAY_ADJUNCT = new Set(['ADP', 'PROPN', 'NOUN', 'DET', 'NUM', 'ADJ', 'PUNCT']);

/**
 * "Zarif told Der Spiegel that ..., the magazine reported on Monday.": a comma, a short subject and a
 * reporting verb with nothing but adjuncts after it to the end of the sentence relay the whole
 * sentence; the content before it stops at the comma.
 */
function trailingRelayAt(toks: readonly Tok[], comma: number): boolean {
  let k = comma + 1;
  while (k < toks.length && k - comma <= 6 && TRAILING_RELAY_SUBJECT.has(toks[k]!.pos) && !TRAILING_RELAY_VERBS.has(toks[k]!.low)) k++;
  if (k === comma + 1 || k >= toks.length || !TRAILING_RELAY_VERBS.has(toks[k]!.low)) return false;
  for (let i = k + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.low === '.' || t.low === '!' || t.low === '?') return true;
    if (!TRAILING_RELAY_ADJUNCT.has(t.pos) || t.low === 'that' || t.low === ',' || CLOSE_QUOTE.test(t.value) || OPEN_QUOTE.test(t.value)) return false;
  }
  return true;
}

/** The content after a cue runs to the end of the sentence, or to ", adding/saying" that starts the next. */
function endOfContent(toks: readonly Tok[], from: number): number {
  for (let j = from + 1; j < toks.length - 1; j++) {
    if (toks[j]!.low === ',' && trailingRelayAt(toks, j)) return j;
    // a semicolon, or a comma before a contrast, ends what the cue reports
    if (toks[j]!.low === ';') return j;
    if (toks[j]!.low === ',' && ['but', 'while', 'although', 'though', 'whereas', 'especially'].includes(toks[j + 1]!.low)) return j;
    // "he respects Clinton and calls her ...": a second finite verb with no subject of its own
    // belongs to the cue's subject, not to what the cue reports
    if ((toks[j]!.low === 'and' || toks[j]!.low === 'but') && isFiniteVerb(toks[j + 1]!) && j - from >= 3) return j;
    // ... "without preconditions," saying ...: the comma may stand inside the closing mark
    const closesAfterComma = CLOSE_QUOTE.test(toks[j]!.value) && toks[j - 1]!.low === ',';
    if ((toks[j]!.low === ',' || toks[j]!.low === 'and' || closesAfterComma) && PARTICIPLE.test(toks[j + 1]!.low) && ['adding', 'saying', 'noting', 'arguing', 'insisting', 'stressing', 'warning', 'explaining', 'citing', 'calling', 'claiming', 'stating', 'telling', 'asserting', 'declaring', 'urging', 'promising', 'acknowledging', 'describing', 'accusing', 'suggesting', 'writing', 'asking'].includes(toks[j + 1]!.low)) return j;
  }
  return toks.length;
}

/**
 * The hearer a cue names right after it ("tells N. Korea", "told reporters", "warned the council"):
 * the token after that noun phrase, or null when what follows is no hearer (a verb after the phrase
 * makes it the subject of a clause, "told Kim the talks were over").
 */
function hearerAfter(toks: readonly Tok[], i: number): number | null {
  const t = toks[i];
  if (!t || !t.word || (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'DET' && t.pos !== 'PRON') || t.low === 'that' || DAY_WORD.test(t.low)) return null;
  const np = npAfter(toks, i);
  if (!np || np[1] - np[0] > 6) return null;
  const next = toks[np[1]];
  return next && (next.pos === 'VERB' || next.pos === 'AUX' || next.low === 'that') ? null : np[1];
}

/** After "he said": a comma and an opening quote mark where the quotation resumes. */
function findResume(toks: readonly Tok[], i: number): number | null {
  for (let j = i; j < Math.min(toks.length, i + 8); j++) {
    if (OPEN_QUOTE.test(toks[j]!.value) && toks[j - 1]?.low === ',') return j + 1;
    if (toks[j]!.pos === 'VERB') return null;
  }
  return null;
}
