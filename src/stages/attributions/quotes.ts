import type { Range } from '../../core/span.js';

/** A stretch of quoted words: `start`/`end` are inside the marks; `open`/`close` are the marks' offsets. */
export interface Quote extends Range {
  readonly open: number;
  /** offset of the closing mark, or the end of the last paragraph when the quote is never closed */
  readonly close: number;
  /** the quote runs over more than one paragraph */
  readonly multiParagraph: boolean;
}

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’', '"': '"', '‹': '›', "'": "'" };
const OPENING_MARK = /[“«„‘"‹']/g;
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
// an apostrophe that opens a word is an elision, not a quotation mark: '90s, '08, 'em, 'til, 'cause, rock 'n' roll
const ELISION = /^'(?:\d\d(?:s\b|\b)|(?:em|til|tis|twas|cause|n|s)\b)/i;

/**
 * Quotations in a text, from its paragraphs. Double marks of every kind pair up within a paragraph;
 * single marks only when they are not apostrophes (’ between letters, or after an s); a straight
 * one ('like this') only when it opens a word that is no elision and a closing one follows in the paragraph. A paragraph
 * that opens a quote without closing it, followed by one that opens again, continues the same
 * quote (the newspaper convention for multi-paragraph quotes).
 */
export function findQuotes(original: string, paragraphs: readonly Range[]): Quote[] {
  // two apostrophes are a double mark in some archives (''like this''): read them as one, keeping offsets
  const text = original.replace(/''/g, '\u0001"');
  const quotes: Quote[] = [];
  let carried: { open: number } | null = null;
  paragraphs.forEach((p, pi) => {
    let open: { at: number; closer: string } | null = null;
    // ”Like this.” — a paragraph that opens with a closing curly mark before a word opens a quotation with it
    let first = p.start;
    while (first < p.end && (text[first] === ' ' || text[first] === '\t')) first++;
    if (text[first] === '”' && isLetter(text[first + 1]) && !carried) open = { at: first, closer: '”' };
    // jump from mark to mark: the closing mark of the open quote, or the next opening mark
    for (let i = open ? first + 1 : p.start; i < p.end; i++) {
      if (open) {
        i = closerAt(text, open, i, p.end);
        if (i < 0 || i >= p.end) break;
        const c = open.closer;
        if (!(c === '’' && isLetter(text[i - 1]) && isLetter(text[i + 1]))) {
          if (c === '’' && /s/i.test(text[i - 1] ?? '') && isLetter(text[i + 1])) continue;
          const from: number = carried ? carried.open : open.at;
          quotes.push({ start: from + 1, end: i, open: from, close: i, multiParagraph: carried !== null });
          carried = null;
          open = null;
        }
        continue;
      }
      OPENING_MARK.lastIndex = i;
      const m = OPENING_MARK.exec(text);
      if (!m || m.index >= p.end) break;
      i = m.index;
      const c = m[0];
      const closer = OPENERS[c]!;
      if (c === '‘' || c === '"' || c === "'") {
        // an opening mark starts a word: nothing but space or an opening bracket before it
        if (i > p.start && /[\p{L}\p{N}.,]/u.test(text[i - 1]!)) continue;
        if (!/[\p{L}\p{N}.…‘([$-]/u.test(text[i + 1] ?? '')) continue;
      }
      // a straight apostrophe quotes only where it is no elision and a closing one follows in its paragraph
      if (c === "'" && (ELISION.test(text.slice(i, i + 7)) || straightCloser(text, i + 1, p.end) < 0)) continue;
      open = { at: i, closer };
    }
    if (open) {
      const next = paragraphs[pi + 1];
      const continues = next && OPENERS[text[next.start] ?? ''] !== undefined && text[next.start] !== '‘' && text[next.start] !== "'";
      if (continues) carried ??= { open: open.at };
      else {
        // an unclosed quote stops at the paragraph end
        const from: number = carried ? carried.open : open.at;
        quotes.push({ start: from + 1, end: trimEnd(text, p.end), open: from, close: p.end, multiParagraph: carried !== null });
        carried = null;
      }
    } else if (carried) carried = null;
  });
  return quotes.filter((q) => q.end > q.start).sort((a, b) => a.start - b.start);
}

/**
 * The next closing mark of an open quotation from `from`. Inside “curly” marks, a quotation quoted
 * in turn with the same marks (“... what he calls “hell” than ...”) is skipped whole.
 */
function closerAt(text: string, open: { closer: string }, from: number, end: number): number {
  if (open.closer === "'") return straightCloser(text, from, end);
  if (open.closer !== '”') return text.indexOf(open.closer, from);
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '“') depth++;
    else if (c === '”') {
      if (depth === 0) return i;
      depth--;
    }
  }
  // unbalanced inner marks: the first closing mark after all
  return text.indexOf('”', from);
}

/**
 * The straight apostrophe that closes a quotation opened at `from` - 1: one that ends a word (no space
 * before it) and is followed by no letter ("Iran's", "don't" are apostrophes), within the paragraph; -1 when none.
 */
function straightCloser(text: string, from: number, end: number): number {
  for (let i = text.indexOf("'", from); i >= 0 && i < end; i = text.indexOf("'", i + 1)) {
    if (!/\s/.test(text[i - 1] ?? ' ') && !isLetter(text[i + 1])) return i;
  }
  return -1;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
