import type { Range } from '../../core/span.js';
import { firstEndingAfter } from '../../text/lookup.js';
import type { Tok } from './frames.js';
import type { Quote } from './quotes.js';

/**
 * Spans as PolNeAR draws them (guidelines.txt, "Closeup on punctuation" and the cue examples), so
 * exact comparisons with the field's taggers are fair. Applied once a frame is final: the frame
 * rules keep reading the bare words.
 */

// only marks and the punctuation that sits inside them ("anything,” she said") lie between a content's edge and its quotation's mark
const MARK_GAP = /^[\s.,;:!?…—–'-]*$/;
const CLOSING_MARK = /[”"’»›']/;

/**
 * PolNeAR's boundaries: the quotation marks around quoted words are part of the content
 * (guidelines, "Closeup on punctuation": include everything within the quotes, the marks with it).
 * A content edge that meets a quotation's inner edge, or only the punctuation inside it, takes the mark.
 */
export function withMarks(text: string, content: Range, quotes: readonly Quote[]): Range {
  let { start, end } = content;
  for (const q of quotes) {
    if (q.start > end) break;
    if (q.end < start) continue;
    if (q.open < start && q.start <= start && MARK_GAP.test(text.slice(q.start, start))) start = text.startsWith("''", q.open - 1) ? q.open - 1 : q.open;
    // the closing mark goes with a content that holds the quotation's opening, not with words inside it ("said | he is ready.”")
    if (start <= q.open && q.end >= end && q.close < text.length && CLOSING_MARK.test(text[q.close]!) && MARK_GAP.test(text.slice(end, q.close))) end = q.close + 1;
  }
  return start === content.start && end === content.end ? content : { start, end };
}

// in PolNeAR train a word like these before a cue is part of it 90-99% of the time ("has said", "also said", "did not respond")
const CUE_LEFT = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'not', "n't", 'also', 'publicly', 'repeatedly', 'previously', 'once', 'further', 'actually', 'recently', 'reportedly', 'never', 'already', 'often', 'again', 'still', 'even', 'flatly', 'openly', 'explicitly', 'specifically', 'privately', 'separately', 'initially', 'immediately', 'generally', 'largely', 'effectively', 'ca', 'wo']);
// and these after it, when they are not the start of its content: "called for", "spoke of", "asked about", "pointed out", "said:"
const CUE_RIGHT = new Set(['for', 'of', 'about', 'on', 'with', 'out', 'up', ':']);
// verbs of saying take "on", "of" and "with" as adjuncts ("said on Monday", "spoke with reporters"), not as part of the cue
const SAYING = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'spoke', 'speaks', 'speaking', 'wrote', 'writes', 'added', 'adds']);
const ADJUNCT_AFTER_SAYING = new Set(['on', 'with', 'for', 'up', 'out', 'of']);

/**
 * The cue with the auxiliaries and adverbs just before it and a particle or colon just after it,
 * none of which may lie in the source; a particle that opens the content ("called for | an end")
 * moves from the content to the cue. `toks` are the document's tokens.
 */
export function cueBounds(toks: readonly Tok[], cue: Range, content: Range, others: readonly (Range | null)[]): { cue: Range; content: Range } {
  let a = firstEndingAfter(toks, cue.start);
  let b = firstEndingAfter(toks, cue.end - 1);
  if (a >= toks.length || b >= toks.length || toks[a]!.start !== cue.start || toks[b]!.end !== cue.end) return { cue, content };
  const free = (t: Tok) => !(t.start < content.end && t.end > content.start) && !others.some((r) => r && t.start < r.end && t.end > r.start);
  const head = toks[b]!.low;
  while (a > 0 && CUE_LEFT.has(toks[a - 1]!.low) && free(toks[a - 1]!)) a--;
  const next = toks[b + 1];
  let from = content.start;
  if (next && CUE_RIGHT.has(next.low) && !(SAYING.has(head) && ADJUNCT_AFTER_SAYING.has(next.low)) && !others.some((r) => r && next.start < r.end && next.end > r.start)) {
    const opens = next.start === content.start && next.low !== ':' && toks[b + 2] && toks[b + 2]!.end <= content.end;
    if (opens) { from = toks[b + 2]!.start; b++; } else if (free(next)) b++;
  }
  const c = toks[a]!.start === cue.start && toks[b]!.end === cue.end ? cue : { start: toks[a]!.start, end: toks[b]!.end };
  return { cue: c, content: from === content.start ? content : { start: from, end: content.end } };
}

/**
 * A source before its cue keeps the closing comma of a parenthetical pair ("Flynn, a top surrogate, |said")
 * and a party label in brackets right after the name ("Rep. John Mica (R-Fla.) |said").
 */
export function sourceBounds(text: string, source: Range | null, cue: Range): Range | null {
  if (!source || source.end > cue.start) return source;
  const gap = text.slice(source.end, cue.start);
  if (/^,\s*$/.test(gap) && text.slice(source.start, source.end).includes(',')) return { start: source.start, end: source.end + 1 };
  const label = /^\s*\([^()\n]{1,20}\)/.exec(gap);
  if (label && /^\s*$/.test(gap.slice(label[0].length))) return { start: source.start, end: source.end + label[0].length };
  return source;
}

/**
 * Where a content outside quotation marks ends before the end of its clause. PolNeAR's guidelines
 * ("Closeup on Content": be conservative) leave out what the author may have added: a non-restrictive
 * relative clause (", which will likely be located in Europe"), a participle adjunct (", drawing
 * criticism"), a clause after a dash. Each cut is a mark outside any quotation followed by the words
 * below, and the content ends before the mark. What follows the mark must run to the content's end
 * with no comma after it and no other dash: a second comma or dash closes an aside inside the content ("the
 * announcement, which some criticised, was an insult"; "a rift -- mainly ... -- and the police").
 * Quoted words are the source's, never cut.
 */
export interface ContentCut {
  readonly id: string;
  /** the marks the cut follows */
  readonly marks: ReadonlySet<string>;
  /** whether the token after the mark opens what the author added; `cue` when the lexicon has it as a cue */
  readonly opens: (t: Tok, cue: boolean) => boolean;
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose']);
// a dash between spaces: one inside a word ("run-up", "18-year-old") is a hyphen
const DASHES = new Set(['—', '--', '–', '-']);
const COMMA: ReadonlySet<string> = new Set([',']);
export const CONTENT_CUTS: readonly ContentCut[] = [
  { id: 'content.cut.relative', marks: COMMA, opens: (t) => RELATIVE.has(t.low) },
  // "including" opens a part of the content; a participle of saying (", stating that ...", "according to")
  // goes on reporting the source's words, not the author's
  { id: 'content.cut.participle', marks: COMMA, opens: (t, cue) => t.pos === 'VERB' && /ing$/.test(t.low) && !cue && t.low !== 'including' && t.low !== 'according' },
  // "— and/or ..." goes on with the content
  { id: 'content.cut.dash', marks: DASHES, opens: (t) => t.word && t.pos !== 'CCONJ' },
];

/**
 * The words a cut must leave in the content. After a shorter head ("that CNN, a fellow ...") the tail is
 * as often the source's as the author's: with 2 or 4 words the cuts lost contents on one held-out tenth of
 * PolNeAR train, with 6 they lost none on either.
 */
const MIN_KEPT_WORDS = 6;

/**
 * A content's end at the first cut (CONTENT_CUTS) that lies outside every quotation, with the cut's id;
 * the content as it is when none applies. `toks` are the document's tokens, `isCue(i)` whether the
 * lexicon has token i as a cue.
 */
export function contentEnd(text: string, toks: readonly Tok[], content: Range, quotes: readonly Quote[], isCue: (i: number) => boolean): { content: Range; cut: string | null } {
  const quoted = (t: Tok) => quotes.some((q) => q.open <= t.start && t.end <= q.close + 1);
  const first = firstEndingAfter(toks, content.start);
  let last = first;
  while (last + 1 < toks.length && toks[last + 1]!.end <= content.end) last++;
  let words = 0;
  for (let i = first; i < last; i++) {
    const t = toks[i]!;
    if (t.word) { words++; continue; }
    if (words < MIN_KEPT_WORDS || quoted(t)) continue;
    const cut = CONTENT_CUTS.find((c) => c.marks.has(t.value) && c.opens(toks[i + 1]!, isCue(i + 1)));
    if (!cut || (DASHES.has(t.value) && !/\s/.test(text[t.start - 1] ?? ''))) continue;
    // a mark of the same kind before or after it pairs with it: an aside the content holds
    let closed = false;
    for (let j = first; j <= last; j++) if (j !== i && cut.marks.has(toks[j]!.value) && (j > i || cut.marks !== COMMA)) closed = true;
    if (!closed) return { content: { start: content.start, end: toks[i - 1]!.end }, cut: cut.id };
  }
  return { content, cut: null };
}
