import { isCapitalised, keyOf } from './text.js';

/**
 * What parsing needs to know of one word, packed in a small integer so that a sentence's words are
 * an array of numbers (no object to fetch per word): the bits below, and from bit 8 on the length
 * in words of the longest indexed phrase that may start with the word (0: none, most words).
 */
export const WordFlag = {
  Capitalised: 1,
  /**
   * no spaces, a key of printable ASCII, no possessive "'s" at its end: keyOf works on such a word
   * exactly as on the same word inside a phrase (lower-casing is per letter, and apostrophes and
   * dashes are unified before anything looks at neighbours), except for the lone-letter runs below
   * ("H. R." is "hr"), a final "Jr"/"Sr" and a leading "the", which phrase look-ups drop
   */
  Plain: 2,
  /** the key starts with a letter standing alone ("j", "u" of "u-turn"): it may glue to a lone letter before it */
  StartsLone: 4,
  /** the key ends with a letter standing alone: it may glue to a lone letter after it */
  EndsLone: 8,
  /** the key is "jr" or "sr" */
  Suffix: 16,
  /** the key is "the" */
  The: 32,
  /** the surname of some person of the base */
  Surname: 64,
  /** a name or a sector word of the base on its own */
  Known: 128,
} as const;
export const LONGEST_SHIFT = 8;

// an ASCII word character, as \b in keyOf's expressions sees it (keys are lower-cased)
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;

/** The flags of a word that depend on its text alone (see WordFlag). */
export function shapeOf(word: string, key: string): number {
  let flags = 0;
  if (isCapitalised(word)) flags |= WordFlag.Capitalised;
  let plain = !/\s/.test(word) && !/['’]s$/.test(word);
  for (let i = 0; plain && i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c <= 32 || c >= 127) plain = false;
  }
  if (plain) flags |= WordFlag.Plain;
  const n = key.length;
  if (n > 0 && isLetter(key.charCodeAt(0)) && (n === 1 || !isWordChar(key.charCodeAt(1)))) flags |= WordFlag.StartsLone;
  if (n > 0 && isLetter(key.charCodeAt(n - 1)) && (n === 1 || !isWordChar(key.charCodeAt(n - 2)))) flags |= WordFlag.EndsLone;
  if (key === 'jr' || key === 'sr') flags |= WordFlag.Suffix;
  if (key === 'the') flags |= WordFlag.The;
  return flags;
}

/**
 * How many words from `i` on (at most `bound`) form phrases whose key is the keys of their words
 * joined by spaces: all plain, and no two lone letters side by side (keyOf glues "h r" to "hr").
 */
export function joinableRun(flags: readonly number[], i: number, bound: number): number {
  let n = 0;
  while (n < bound) {
    const f = flags[i + n]!;
    if (!(f & WordFlag.Plain) || (n > 0 && flags[i + n - 1]! & WordFlag.EndsLone && f & WordFlag.StartsLone)) break;
    n++;
  }
  return n;
}

/** Whether the phrase of words i..i+n-1, within a joinable run, is looked up by joining its words' keys. */
export function joinsAt(flags: readonly number[], i: number, n: number): boolean {
  // keyOf drops a final "jr"/"sr" of a phrase, and lookupName a leading "the"
  return n === 1 || !(flags[i + n - 1]! & WordFlag.Suffix || flags[i]! & WordFlag.The);
}

/** A node of a word trie over index keys: the value keyed by the words so far, and the words that may follow. */
export interface PhraseNode<T> {
  value?: T;
  next?: Map<string, PhraseNode<T>>;
}

/** Index keys split at their spaces into a trie, so a phrase is looked up by its words' keys without building it. */
export class PhraseTrie<T> {
  private readonly root = new Map<string, PhraseNode<T>>();
  /** the words of the keys after their first: a phrase goes on only with one of them */
  private readonly inner = new KnownKeys();

  /** The node of `key`, created if needed. */
  node(key: string): PhraseNode<T> {
    const words = key.split(' ');
    let node = child(this.root, words[0]!);
    for (let i = 1; i < words.length; i++) {
      this.inner.add(words[i]!);
      node = child(node.next ??= new Map(), words[i]!);
    }
    return node;
  }

  /**
   * The trie as JSON data (read back by `load`): the bitmap of inner words and the nodes, each a list
   * [value, word, node, word, node, ...] with its value as `valueOf` numbers it (-1 for none).
   */
  dump(valueOf: (value: T) => number): TrieDump {
    const nodeOf = (value: T | undefined, next: Map<string, PhraseNode<T>> | undefined): TrieNodeDump => {
      const out: (number | string | TrieNodeDump)[] = [value === undefined ? -1 : valueOf(value)];
      for (const [word, node] of next ?? []) out.push(word, nodeOf(node.value, node.next));
      return out;
    };
    return { inner: this.inner.toBase64(), root: nodeOf(undefined, this.root) };
  }

  /** Fills an empty trie from its dump, the values by their numbers. */
  load(dump: TrieDump, valueAt: (n: number) => T): void {
    const fill = (map: Map<string, PhraseNode<T>>, list: TrieNodeDump) => {
      for (let i = 1; i < list.length; i += 2) {
        const d = list[i + 1] as TrieNodeDump, node: PhraseNode<T> = {};
        if ((d[0] as number) >= 0) node.value = valueAt(d[0] as number);
        if (d.length > 1) fill(node.next = new Map(), d);
        map.set(list[i] as string, node);
      }
    };
    this.inner.addAll(dump.inner);
    fill(this.root, dump.root);
  }

  /** The node of phrases whose first word has this key. */
  first(key: string): PhraseNode<T> | undefined {
    return this.root.get(key);
  }

  /**
   * The nodes of the phrases of words i, i..i+1, ... up to `depth` words, from the node of word i
   * (`first`), by their keys; the list stops where no index key goes on.
   */
  walk(first: PhraseNode<T> | undefined, words: readonly string[], i: number, depth: number): PhraseNode<T>[] {
    const nodes: PhraseNode<T>[] = [];
    if (!first || depth < 1) return nodes;
    nodes.push(first);
    for (let n = 1, map = first.next; n < depth && map; n++) {
      if (this.inner.misses(words[i + n]!)) break;
      const node = map.get(keyOf(words[i + n]!));
      if (!node) break;
      nodes.push(node);
      map = node.next;
    }
    return nodes;
  }
}

/** A PhraseTrie as JSON data (PhraseTrie.dump). */
export interface TrieDump { readonly inner: string; readonly root: TrieNodeDump }
type TrieNodeDump = readonly (number | string | TrieNodeDump)[];

function child<T>(map: Map<string, PhraseNode<T>>, word: string): PhraseNode<T> {
  let node = map.get(word);
  if (!node) { node = {}; map.set(word, node); }
  return node;
}

const FILTER_BITS = 1 << 16;

/**
 * A bitmap, by a cheap hash, of the keys the actor base knows anything about (first words of its
 * phrases, surnames, names, sector words, and "the", "jr", "sr"). The key of a word of ASCII
 * letters and digits is its lower case, so such a word that misses the bitmap is known to the base
 * as nothing: its flags follow from its letters alone, without hashing it into a Map. Most words of
 * a sentence are such words; the others go the long way.
 */
export class KnownKeys {
  private readonly bits = new Uint32Array(FILTER_BITS >>> 5);

  add(key: string): void {
    const h = hashKey(key);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  /** The bitmap as base64, to be added to another with addAll (a compiled fallback layer's first words). */
  toBase64(): string {
    return Buffer.from(this.bits.buffer, this.bits.byteOffset, this.bits.byteLength).toString('base64');
  }

  /** Adds the keys of a bitmap given by toBase64. */
  addAll(base64: string): void {
    const other = Buffer.from(base64, 'base64');
    if (other.length !== this.bits.byteLength) throw new Error('a known-keys bitmap of another size');
    // a copy: a decoded buffer need not start on a word boundary
    const words = new Uint32Array(Uint8Array.from(other).buffer);
    for (let i = 0; i < words.length; i++) this.bits[i]! |= words[i]!;
  }

  /** Whether the word is of ASCII letters and digits (its key is its lower case) and its key is surely not in the bitmap. */
  misses(word: string): boolean {
    const n = word.length;
    let h = n;
    for (let i = 0; i < n; i++) {
      let c = word.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
      h = (Math.imul(h, 31) + c) | 0;
    }
    h = mix(h);
    return n > 0 && (this.bits[h >>> 5]! & (1 << (h & 31))) === 0;
  }

  /**
   * The flags of a word of two or more ASCII letters and digits whose key is not in the bitmap
   * (Plain, and Capitalised when it starts with a capital); -1 for any other word.
   */
  plainFlags(word: string): number {
    if (word.length < 2 || !this.misses(word)) return -1;
    const first = word.charCodeAt(0);
    return WordFlag.Plain | (first >= 65 && first <= 90 ? WordFlag.Capitalised : 0);
  }
}

function hashKey(key: string): number {
  let h = key.length;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return mix(h);
}

const mix = (h: number): number => ((h ^ (h >>> 16)) & (FILTER_BITS - 1));
