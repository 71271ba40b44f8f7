/** A half-open range [start, end) in UTF-16 code units of a document's text (JavaScript string indices). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A range together with the text it covers, as it appears in results. */
export interface Span extends Range {
  readonly text: string;
}

export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a range so that it neither starts nor ends with white space. */
export function trimRange(text: string, start: number, end: number): Range {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
