import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { NameEntry } from './base.js';
import type { ActorFile, CountryExtra, Modifier, PersonEntry, SectorWord } from './schema.js';
import { KnownKeys } from './phrases.js';
import { keyOf } from './text.js';

/**
 * The fallback layer of the actor base (the converted dictionaries: 30,000 entries) in a compiled
 * form that costs next to nothing to load: a header line with what the base must know at once
 * (the layer's countries, sector words and modifiers, and for each word that starts one of its names
 * the lengths of those names), one line an entry (JSON), then one line a name key,
 * `key<TAB>n,m*` (the numbers of its entries' lines, `*` for a name matched only as written), sorted
 * by key. A name is looked up by binary search in the text and parsed only then, so building the base
 * reads no entry that no article names. `scripts/convert-dictionaries.mjs` writes the compiled
 * file beside the actor file it compiles (data/actors/dictionaries.compiled.txt);
 * `compileFallback` is the one definition of the form, for the converter and for a fallback
 * actor file given as such.
 */
export interface FallbackHeader {
  readonly countries: readonly CountryExtra[];
  /** the layer's sector word groups; a key line names its group by index */
  readonly sectorWords: readonly SectorWord[];
  readonly modifiers: readonly Modifier[];
  /** the longest name or phrase, in words */
  readonly maxWords: number;
  /** the bytes of entry lines after the header, then of key lines (the first-word lines follow) */
  readonly bytes: number;
  readonly keyBytes: number;
  /** the first words of the layer's names and phrases as a KnownKeys bitmap, in base64 */
  readonly known: string;
}

/** What the layer keeps under a key: names, and the index of a sector word group. */
export interface FallbackKey {
  readonly names: readonly NameEntry[] | null;
  readonly sector: SectorWord | null;
}

// two or three capitals, with or without dots ("IS", "CIA", "U.N."): an acronym whatever list it
// came in, matched only as written; longer ones are often written as words ("Nato", "Opec", "Ansa")
const SHORT_ACRONYM = /^(?:\p{Lu}\.?){2,3}$/u;

/**
 * The names of the entries of actor files, in the order the base adds them: IGOs, organisations,
 * outlets, places, people. A person of a fallback layer is known by full name only.
 */
export function namedEntries(f: ActorFile, fallback: boolean): [string, NameEntry][] {
  const out: [string, NameEntry][] = [];
  const all = (names: { name: string; aliases?: readonly string[]; acronyms?: readonly string[] }, e: NameEntry) => {
    out.push([names.name, e]);
    names.aliases?.forEach((a) => out.push([a, e]));
    names.acronyms?.forEach((a) => out.push([a, { ...e, caseSensitive: true }]));
  };
  const mark = fallback ? { fallback: true } : {};
  for (const g of f.igos ?? []) all(g, { kind: 'igo', id: g.id, name: g.name, type: 'IGO', country: g.code, sector: g.sector ?? null, caseSensitive: false, ...mark });
  for (const o of f.organisations ?? []) all(o, { kind: o.type === 'AGREEMENT' ? 'agreement' : 'org', id: o.id, name: o.name, type: o.type, country: o.country, sector: o.sector, caseSensitive: false, ...mark });
  for (const o of f.outlets ?? []) all(o, { kind: 'outlet', id: o.id, name: o.name, type: 'MEDIA', country: o.country, sector: 'JRN', caseSensitive: false, ...(o.ordinaryWord ? { ordinaryWord: true } : {}), ...mark });
  for (const p of f.places ?? []) all(p, { kind: 'place', id: p.id, name: p.name, type: 'GPE', country: p.country, sector: p.sector ?? null, caseSensitive: false, ...mark });
  if (fallback) {
    for (const p of f.people ?? []) {
      const e = personEntry(p, false);
      for (const n of [p.name, ...(p.aliases ?? [])]) out.push([n, e]);
    }
  }
  return out;
}

/** A person of a fallback layer as a name entry: known by full name only. */
function personEntry(p: PersonEntry, caseSensitive: boolean): NameEntry {
  return { kind: 'person', id: p.id, name: p.name, type: 'PERSON', country: null, sector: null, caseSensitive, person: p, fallback: true };
}

/**
 * A name with an inner possessive is also indexed without it: a description's words lose their
 * "'s" (wordsOf), so "People's Republic of China officials" is parsed as "People Republic of China"
 * and would otherwise meet only "Republic of China" inside it. Null when the name has none.
 */
export function withoutInnerPossessive(name: string): string | null {
  const bare = name.replace(/['’]s(?=\s)/g, '');
  return bare === name ? null : bare;
}

/** The key a name is indexed by: its article dropped (as ActorBase.addName keys it). */
export const nameKeyOf = (name: string): string => keyOf(name.replace(/^the /i, ''));

/** The entry as the base keeps it under a name: a short name in capitals matches only as written. */
export function asNamed(name: string, e: NameEntry): NameEntry {
  return !e.caseSensitive && SHORT_ACRONYM.test(name.replace(/^the /i, '')) ? { ...e, caseSensitive: true } : e;
}

/**
 * The compiled form of fallback actor files (see FallbackLayer). Within the layer the first entry
 * to give a key keeps it, as when the layer was added name by name; a sector word is kept once.
 * Deterministic.
 */
export function compileFallback(files: readonly ActorFile[]): string {
  // each entry once (a line); each key with the entries it names, "*" after one that matches only
  // as written, and the group of its sector word
  const entries: NameEntry[] = [];
  const byKey = new Map<string, { n: number; caseSensitive: boolean }[]>();
  const sectorOf = new Map<string, number>();
  const groups = files.flatMap((f) => f.sectorWords ?? []);
  groups.forEach((g, n) => { for (const w of g.words) sectorOf.set(keyOf(w), n); });
  for (const f of files) {
    const owner = new Map<string, string>();
    // as ActorBase.addName keys a name: also without an inner possessive
    const named = namedEntries(f, true).flatMap(([n, e]) => { const bare = withoutInnerPossessive(n); return bare ? [[n, e], [bare, e]] as const : [[n, e]] as const; });
    for (const [name, e] of named) {
      const key = nameKeyOf(name);
      if (!key) continue;
      const list = byKey.get(key);
      // the first entry to name a key keeps it; its own other names under the same key once
      if (list && owner.get(key) !== e.id) continue;
      owner.set(key, e.id);
      // acronyms are copies of their entry marked case-sensitive: one line for both
      const last = entries[entries.length - 1];
      if (last?.id !== e.id) entries.push({ ...e, caseSensitive: false });
      const item = { n: entries.length - 1, caseSensitive: asNamed(name, e).caseSensitive };
      if (!list) byKey.set(key, [item]);
      else if (!list.some((x) => x.n === item.n)) list.push(item);
    }
  }
  const stored = entries.map((e) => JSON.stringify(e.person ? { kind: 'person', person: { ...e.person, aliases: undefined } } : { ...e, caseSensitive: undefined, fallback: undefined }));
  // a key points to its entries' lines by where they start, in bytes after the header line
  const at: number[] = [];
  let bytes = 0;
  for (const line of stored) { at.push(bytes); bytes += Buffer.byteLength(line) + 1; }
  // sorted by their UTF-8 bytes: the layer is searched as bytes, never decoded whole
  const sorted = (xs: Iterable<string>) => [...xs].map((k) => Buffer.from(k)).sort(Buffer.compare).map((b) => b.toString());
  const keys = sorted(new Set([...byKey.keys(), ...sectorOf.keys()]));
  const keyLines = keys.map((k) => {
    const names = (byKey.get(k) ?? []).map((x) => `${at[x.n]}${x.caseSensitive ? '*' : ''}`).join(',');
    return sectorOf.has(k) ? `${k}\t${names}\t${sectorOf.get(k)}` : `${k}\t${names}`;
  });
  const first = new Map<string, number>();
  const known = new KnownKeys();
  let maxWords = 1;
  for (const key of keys) {
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    known.add(words[0]!);
    // one bit per length of name or phrase the word starts (those of more than 31 words are none)
    if (words.length < 32) first.set(words[0]!, (first.get(words[0]!) ?? 0) | (1 << words.length));
  }
  const firstLines = sorted(first.keys()).map((w) => `${w}\t${first.get(w)}`);
  const header: FallbackHeader = {
    countries: files.flatMap((f) => f.countries ?? []), sectorWords: groups, modifiers: files.flatMap((f) => f.modifiers ?? []),
    maxWords, bytes, keyBytes: keyLines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0), known: known.toBase64(),
  };
  return [JSON.stringify(header), ...stored, ...keyLines, ...firstLines].join('\n') + '\n';
}

// the parsed entries of the keys looked up, a bounded memo (a pure function of the key)
const ENTRIES_LIMIT = 20_000;

/** A compiled fallback layer: its header at once, its names and phrases on demand. */
export class FallbackLayer {
  readonly header: FallbackHeader;
  /** where the entry lines begin, the key lines and the first-word lines */
  private readonly entriesAt: number;
  private readonly keysAt: number;
  private readonly firstAt: number;
  private readonly keys = new Map<string, FallbackKey>();
  private readonly firsts = new Map<string, number>();
  /** the entry line that starts this many bytes after the header line */
  private readonly entryLine: (at: number) => string;
  /** the starts of the lines of the key section and of the first-word section, by the section's start (see find) */
  private readonly lineStarts = new Map<number, Uint32Array>();

  /**
   * The compiled text as its UTF-8 bytes (a file read without decoding it: most of it is never
   * read); or, with `entryLine` to read the entry lines, the text without them (see `read`), its
   * header given parsed.
   */
  constructor(private readonly bytes: Uint8Array, entryLine?: (at: number) => string, header?: FallbackHeader) {
    const end = bytes.indexOf(NL);
    if (end < 0) throw new Error('a compiled fallback layer has a header line');
    this.header = header ?? JSON.parse(decoder.decode(bytes.subarray(0, end))) as FallbackHeader;
    const entriesAt = this.entriesAt = end + 1;
    this.keysAt = entriesAt + (entryLine ? 0 : this.header.bytes);
    this.firstAt = this.keysAt + this.header.keyBytes;
    this.entryLine = entryLine ?? ((at) => decoder.decode(bytes.subarray(entriesAt + at, bytes.indexOf(NL, entriesAt + at))));
  }

  /**
   * The compiled file's layer, reading its header line and its key and first-word lines (a seventh
   * of the file), and an entry line only when a key names it: the entry lines are most of the file,
   * and a start-up that read all of it paid some 20 ms for bytes nearly all of which stay unread.
   * The file stays open while the layer lives.
   */
  static read(file: string): FallbackLayer {
    const fd = openSync(file, 'r');
    try {
      let head = Buffer.allocUnsafe(1 << 18), got = 0, end = -1;
      while (end < 0) {
        if (got === head.length) head = Buffer.concat([head, Buffer.allocUnsafe(head.length)]);
        const n = readSync(fd, head, got, head.length - got, got);
        if (n === 0) throw new Error(`${file} is not a compiled fallback layer: no header line`);
        end = head.indexOf(NL, got);
        got += n;
      }
      const header = JSON.parse(decoder.decode(head.subarray(0, end))) as FallbackHeader;
      const indexAt = end + 1 + header.bytes, indexBytes = fstatSync(fd).size - indexAt;
      const bytes = Buffer.allocUnsafe(end + 1 + indexBytes);
      head.copy(bytes, 0, 0, end + 1);
      if (readSync(fd, bytes, end + 1, indexBytes, indexAt) !== indexBytes) throw new Error(`${file} is cut short`);
      const entriesAt = end + 1;
      const layer = new FallbackLayer(bytes, (at) => readLine(fd, entriesAt + at), header);
      closeWhenCollected.register(layer, fd);
      return layer;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** A digest of the header line: all a base built with this layer takes from it (its snapshot names it). */
  headerDigest(): string {
    return createHash('sha1').update(this.bytes.subarray(0, this.entriesAt - 1)).digest('hex');
  }

  /** The bits of the lengths of the layer's names and phrases that start with this word's key (bit n for n words); 0 for none. */
  firstBits(wordKey: string): number {
    let bits = this.firsts.get(wordKey);
    if (bits === undefined) {
      const line = this.find(wordKey, this.firstAt, this.bytes.length);
      bits = line === null ? 0 : Number.parseInt(line, 10);
      if (this.firsts.size >= ENTRIES_LIMIT) this.firsts.clear();
      this.firsts.set(wordKey, bits);
    }
    return bits;
  }

  /** What the layer keeps under a key (names, a sector word), or null. */
  lookup(key: string): FallbackKey | null {
    let found = this.keys.get(key);
    if (found === undefined) {
      const line = this.find(key, this.keysAt, this.firstAt);
      // a miss is not remembered: most look-ups miss, and searching again costs less than a memo
      // that many keys would keep clearing (the parsed entries of hits are what is worth keeping)
      if (line === null) return null;
      found = this.parse(line);
      if (this.keys.size >= ENTRIES_LIMIT) this.keys.clear();
      this.keys.set(key, found);
    }
    return found;
  }

  /** The names under a key, or null. */
  names(key: string): readonly NameEntry[] | null {
    return this.lookup(key)?.names ?? null;
  }

  private parse(line: string): FallbackKey {
    const [refs, group] = line.split('\t') as [string, string | undefined];
    const names = refs ? refs.split(',').map((ref) => {
      const e = JSON.parse(this.entryLine(Number.parseInt(ref, 10))) as NameEntry;
      const caseSensitive = ref.endsWith('*');
      return e.person ? personEntry(e.person, caseSensitive) : { ...e, caseSensitive, fallback: true };
    }) : null;
    return { names, sector: group === undefined ? null : this.header.sectorWords[Number.parseInt(group, 10)] ?? null };
  }

  /**
   * The rest of the line of a key in the section [from, to), by binary search over the section's
   * lines, sorted by their bytes. The lines' starts are found once, on the first search of the
   * section (a pass over its bytes, a millisecond or two): a search then reads a key's bytes at a
   * few starts rather than scanning for every line's ends, which cost most misses (most searches
   * miss: a phrase's words are looked up at each length their first word may start a name with).
   */
  private find(key: string, from: number, to: number): string | null {
    const bytes = this.bytes;
    let starts = this.lineStarts.get(from);
    if (starts === undefined) this.lineStarts.set(from, starts = lineStartsOf(bytes, from, to));
    // an ASCII key is compared by its characters (UTF-8 orders ASCII as the characters do), others by their UTF-8 bytes
    const encoded = ASCII.test(key) ? null : encoder.encode(key);
    let lo = 0, hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = starts[mid]!;
      const order = encoded ? compareBytes(bytes, line, encoded) : compareAscii(bytes, line, key);
      if (order === 0) {
        const tab = line + (encoded ? encoded.length : key.length);
        const end = bytes.indexOf(NL, tab);
        return decoder.decode(bytes.subarray(tab + 1, end < 0 ? bytes.length : end));
      }
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return null;
  }
}

/** The starts of the lines in bytes[from, to) (`from` starts a line; a line ends at a newline or at `to`). */
function lineStartsOf(bytes: Uint8Array, from: number, to: number): Uint32Array {
  let count = 0;
  for (let i = from; i < to; i++) if (bytes[i] === NL) count++;
  if (to > from && bytes[to - 1] !== NL) count++;
  const starts = new Uint32Array(count);
  let n = 0;
  if (to > from) starts[n++] = from;
  for (let i = from; i < to - 1; i++) if (bytes[i] === NL) starts[n++] = i + 1;
  return starts;
}

const ASCII = /^[^\u0080-\uffff]*$/;

const NL = 0x0a, TAB = 0x09;

/** The layers' files, closed once their layer is collected. */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

/** The line of a file that starts at byte `at`, without its newline. */
function readLine(fd: number, at: number): string {
  // entry lines are a few hundred bytes: one read nearly always holds the line
  let chunk = Buffer.allocUnsafe(1024);
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, at);
    const end = chunk.subarray(0, n).indexOf(NL);
    if (end >= 0 || n < chunk.length) return decoder.decode(chunk.subarray(0, end >= 0 ? end : n));
    chunk = Buffer.allocUnsafe(chunk.length * 2);
  }
}
const decoder = new TextDecoder(), encoder = new TextEncoder();

/** The order of a line's key (its bytes from `line` up to its tab) against a key's bytes, as Buffer.compare orders them. */
function compareBytes(bytes: Uint8Array, line: number, key: Uint8Array): number {
  for (let i = 0; i < key.length; i++) {
    const b = bytes[line + i]!;
    // the line's key ends first: it sorts first
    if (b === TAB) return -1;
    const d = b - key[i]!;
    if (d !== 0) return d;
  }
  return bytes[line + key.length] === TAB ? 0 : 1;
}

/** compareBytes for a key all of ASCII characters, read as they are (no encoding). */
function compareAscii(bytes: Uint8Array, line: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const b = bytes[line + i]!;
    if (b === TAB) return -1;
    const d = b - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return bytes[line + key.length] === TAB ? 0 : 1;
}
