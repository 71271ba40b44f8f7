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

// letters that do not decompose into a base letter and a mark
const FOLD: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ß: 'ss', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * The key of a text with its diacritics folded ("Erdoğan" and "Erdogan", "Khürelsükh" and
 * "Khurelsukh" are one key): for matching only; names are shown as written.
 */
function foldDiacritics(text: string): string {
  // ASCII text (nearly all of it) has nothing to fold
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[øłđðßıæœþ]/g, (c) => FOLD[c] ?? c).normalize('NFC');
}

// a key already: words of two or more lower-case letters and digits, one space apart
const PLAIN_KEY = /^[a-z0-9]{2,}(?: [a-z0-9]{2,})*$/;

function computeKey(text: string): string {
  const lower = text.toLowerCase();
  // most names are such words: nothing below would change them but a final "jr"/"sr"
  if (PLAIN_KEY.test(lower) && !/ (?:jr|sr)$/.test(lower)) return lower;
  return foldDiacritics(lower).replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-').replace(/\s+/g, ' ').trim()
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

// a name may open with an Arabic article in lower case: "al-Qaeda", "el-Sisi", "ash-Sharq"
export const isCapitalised = (word: string): boolean => /^(?:(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑])?\p{Lu}/u.test(word);

/** A date as YYYY-MM-DD for comparisons with term bounds given as YYYY, YYYY-MM or YYYY-MM-DD. */
export function dayStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
export function dayEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/**
 * The consonant skeleton of a name's key, for names written in Latin letters from Arabic, Persian
 * and other scripts: "Qasemi", "Qassemi" and "Ghasemi" are "ksm"; "Rouhani" and "Rohani" "rhn";
 * "Al-Jaber Al-Sabah" and "al Jabir al Sabah" "jbr sbh". Articles (al-, el-) go, doubled letters
 * are one, sounds spelt several ways are one letter, and vowels go except a word's first letter.
 * Only a fallback after the exact key missed, and only where it points to one person.
 */
export function skeletonOf(key: string): string {
  return key.replace(/['’.]/g, '').split(/[\s-]+/)
    .filter((w) => w && !/^(?:al|el|ul|ad|ar|as|ash|at|az|an|bin|ibn|bint|abu|de|da|van|von)$/.test(w))
    .map((w) => {
      const c = w.replace(/gh|kh|q|ck|c(?=[aou])|k/g, 'k').replace(/ph/g, 'f').replace(/dj|dzh|zh/g, 'j').replace(/sh|sch|ch/g, 's')
        .replace(/th/g, 't').replace(/dh/g, 'd').replace(/w/g, 'v').replace(/y/g, 'i');
      return (c[0] ?? '') + c.slice(1).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
    }).join(' ');
}

/**
 * Head nouns of place names: a capitalised word before one is part of the place's name, not a person
 * ("the Lam Valley" is no Carrie Lam, "the Korean Peninsula" no one), and a name they end is no actor.
 */
export const PLACE_HEADS: ReadonlySet<string> = new Set(['valley', 'river', 'peninsula', 'sea', 'lake', 'bay', 'gulf', 'strait', 'straits',
  'desert', 'mountains', 'mountain', 'hills', 'island', 'islands', 'coast', 'canal', 'dam', 'plateau', 'basin', 'delta', 'ocean',
  'street', 'avenue', 'square', 'road', 'bridge', 'airport', 'highway', 'park']);

/**
 * Whether a sentence's words are in title case, as headlines are ("Pompeo Sets Preconditions for
 * Talks"): there a capital says nothing of a name, so capitalised words after a name do not
 * lengthen it. Three or more words of four letters or more, all capitalised.
 */
export function isTitleCase(words: readonly string[]): boolean {
  let long = 0;
  for (const w of words) {
    if (w.length < 4 || !/^\p{L}/u.test(w)) continue;
    if (!isCapitalised(w)) return false;
    long++;
  }
  return long >= 3;
}
