/**
 * wink-nlp's tokenizer remembers words across documents: once it has read a possessive before a
 * full stop, comma, colon or hyphen ("... than Obama's."), which it keeps whole, it keeps "Obama's"
 * whole in every later document too, where it would otherwise give "Obama" + "'s", and tags the
 * words around it differently. An article's analysis would then depend on what the same process read
 * before it. Two guards keep it the same whatever came before, in one process, a batch or a worker:
 * wink never sees such a possessive (guardPossessives swaps the mark after it for one of the same
 * length that wink splits before), and any possessive it still keeps whole is split here.
 */

// the marks after which wink keeps a possessive whole, and same-length marks after which it does not
const GUARDED = /(\p{L}['’]s)([.,:-])/gu;
const SWAP: Readonly<Record<string, string>> = { '.': '!', ',': ';', ':': ';', '-': ';' };

/** The text wink reads: the same length, with the mark after each possessive swapped (see above). */
export function guardPossessives(text: string): string {
  return text.includes("'s") || text.includes('’s') ? text.replace(GUARDED, (_, word: string, mark: string) => word + SWAP[mark]!) : text;
}

/** The columns wink gives for one stretch of text, one entry a token. */
export interface TokenColumns {
  values: string[];
  pos: string[];
  lemma: string[];
  normal: string[];
  type: string[];
}

const POSSESSIVE = /^(.*\p{L})(['’]s)$/u;
// a cheap test first: this runs on every token of every article
const mayBePossessive = (v: string) => v.length > 2 && v.charCodeAt(v.length - 1) === 115 /* s */ && (v[v.length - 2] === "'" || v[v.length - 2] === '’') && POSSESSIVE.test(v);

/**
 * Splits whole possessives ("Obama's" -> "Obama", "'s") as wink does for words it has not met yet.
 * Returns the new columns and, for each old token index, its new index (for sentence bounds), or
 * null when nothing was split and every index stays (nearly always: see guardPossessives).
 */
export function splitPossessives(cols: TokenColumns): { columns: TokenColumns; newIndex: Int32Array | null } {
  if (!cols.values.some(mayBePossessive)) return { columns: cols, newIndex: null };
  const newIndex = new Int32Array(cols.values.length + 1);
  const out: TokenColumns = { values: [], pos: [], lemma: [], normal: [], type: [] };
  const push = (value: string, pos: string, lemma: string, normal: string, type: string) => {
    out.values.push(value); out.pos.push(pos); out.lemma.push(lemma); out.normal.push(normal); out.type.push(type);
  };
  for (let i = 0; i < cols.values.length; i++) {
    newIndex[i] = out.values.length;
    const value = cols.values[i]!, m = mayBePossessive(value) ? POSSESSIVE.exec(value) : null;
    const pos = cols.pos[i] ?? 'X', type = cols.type[i] ?? 'word';
    if (!m) { push(value, pos, cols.lemma[i] ?? '', cols.normal[i] ?? '', type); continue; }
    const [, base, mark] = m as unknown as [string, string, string];
    const strip = (s: string | undefined) => (s && s.length > 2 && /['’]s$/u.test(s) ? s.slice(0, -2) : base.toLowerCase());
    // a lower-case word tagged as a proper noun only because wink met it whole ("party's") is a noun
    push(base, pos === 'PROPN' && /^\p{Ll}/u.test(base) ? 'NOUN' : pos, strip(cols.lemma[i]), strip(cols.normal[i]), type);
    push(mark, 'PART', mark, mark, 'word');
  }
  newIndex[cols.values.length] = out.values.length;
  return { columns: out, newIndex };
}
