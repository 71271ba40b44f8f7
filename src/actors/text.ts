/** Small text helpers shared by the actor base and the entities stage. */

/** Lower-cases, unifies apostrophes and dashes, squeezes spaces: the form index keys are kept in. */
export function keyOf(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = computeKey(text);
    keyCache.set(text, key);
  }
  return key;
}

// the same few thousand phrases are keyed again and again across a batch; the key is a pure
// function of the text, so a bounded memo is safe and saves most of the regular-expression work
const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, string>();

function computeKey(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-').replace(/\s+/g, ' ').trim()
    // initials with or without their dots are one key: "George W. Bush" and "George W Bush"
    .replace(/\b(\p{L})\./gu, '$1')
    // a run of single letters is one word: "U.S." and "US", "H. R." and "HR"
    .replace(/\b\p{L}(?: \p{L}\b)+/gu, (run) => run.replace(/ /g, ''))
    // "Jr." and "Sr." do not change who is meant
    .replace(/,? (?:jr|sr)$/, '');
}

/** Words of a description: letters, digits, inner hyphens, apostrophes and dots ("Jong-Un", "U.S."). */
export function wordsOf(text: string): string[] {
  return text.replace(/[’‘]/g, "'").match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}.'-]*/gu)?.map((w) => w.replace(/'s$|\.$/u, (m) => (m === '.' && /\..*\.$/.test(w) ? m : ''))) ?? [];
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** A date as YYYY-MM-DD for comparisons with term bounds given as YYYY, YYYY-MM or YYYY-MM-DD. */
export function dayStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
export function dayEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
