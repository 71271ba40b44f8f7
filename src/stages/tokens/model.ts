import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type winkNLP from 'wink-nlp';
import { asciiJson } from '../../core/compiled.js';

/** The language model winkNLP takes (its first argument). */
export type WinkModel = Parameters<typeof winkNLP>[0];

const require = createRequire(import.meta.url);
/** wink-eng-lite-web-model's compiled files (its package main, dist/model.js, sits among them). */
const MODEL_DIST = path.dirname(require.resolve('wink-eng-lite-web-model'));
const CORE_MODEL_FILE = path.join(MODEL_DIST, 'languages', 'cur', 'models', 'eng-core-web-model.json');
/** Where `npm run build` writes the core model compiled (compileCoreModel): beside this module in dist/. */
const COMPILED_CORE_DIR = fileURLToPath(new URL('wink-core/', import.meta.url));

/** The annotations of wink's pipe whose model parts englishModel can leave out (see there). */
export type WinkAnnotation = 'sbd' | 'pos' | 'ner' | 'negation' | 'sentiment' | 'cer';

/**
 * wink-eng-lite-web-model as its package main (dist/model.js) assembles it, with what dominated
 * start-up read more cheaply:
 * - the core model: the package's reader (read-core-model.js) `require`s the 3 MB core JSON when the
 *   package is imported, deep-copies it on every load (`JSON.parse(JSON.stringify(...))`) and decodes
 *   two base64 arrays a character at a time; here it is read once per load from its compiled form
 *   (compileCoreModel), else from the package's file, parsed once (the parse is the copy) with the
 *   arrays decoded by Buffer;
 * - given the pipe (the annotations wink will run), the parts of annotations outside it are empty
 *   machines: wink's loader reads and parses the named-entity, negation and sentiment models whatever
 *   the pipe (some 600 KB of JSON, parsed twice), and runs them only for annotations in the pipe;
 * Without a pipe, every part is the package's. The model built is otherwise the same, field for field
 * (model.test.ts compares it with the package's own).
 */
export function englishModel(pipe?: readonly WinkAnnotation[]): WinkModel {
  const part = (file: string) => require(path.join(MODEL_DIST, file)) as unknown;
  const runs = (annotation: WinkAnnotation) => !pipe || pipe.includes(annotation);
  const model = Object.create(null) as Record<string, unknown>;
  model.core = () => loadCoreModel(COMPILED_CORE_DIR);
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = runs('ner') ? part('load-ner-model.js') : () => ({ machines: [], transformers: [] });
  model.negation = runs('negation') ? part('load-negation-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.sa = runs('sentiment') ? part('load-sa-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = compiledLemmatizer(COMPILED_CORE_DIR) ?? part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return model as unknown as WinkModel;
}

/** An automaton with no patterns, in the JSON its importJSON reads (what wink's own emptyModelJSON writes). */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/** A little-endian Uint32Array of bytes (a copy: the bytes need not start on a word boundary), as the package's reader makes it from base64 (atob, then the bytes' buffer). */
function uint32FromBytes(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** The shape of the core model file, as far as the loader touches it. */
export interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  pos: { hash: Record<string, number> };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
}

/**
 * The core model's file as `npm run build` compiles it into `dir` (node dist/stages/tokens/write-model.js):
 * wink's 3 MB JSON holds a few non-ASCII words, which make the whole text a two-byte string, slow to
 * decode and to parse, and its two arrays as base64 text. Compiled, the arrays are their bytes
 * (core.bin, the lexicon's then the expansions') and the rest is JSON in ASCII (core.json, other
 * characters written as \u escapes), read as Latin-1, which is exact for ASCII. core.json names the
 * package file it was compiled from (sourceStamp): a model installed since is read from the package.
 * The lemmatizer's WordNet exception tables are written beside it as JSON (lemma-exceptions.json,
 * read by compiledLemmatizer).
 */
export function compileCoreModel(dir: string): void {
  const model = JSON.parse(readFileSync(CORE_MODEL_FILE, 'utf8')) as CoreModel;
  const lexicon = Buffer.from(model.lexicon as string, 'base64'), xpansions = Buffer.from(model.xpansions as string, 'base64');
  const words = model.features.lexeme!.list as string[];
  // the lexemes' indexes in the order of their words (equal words by index): lexemeIndex searches it
  const order = Uint32Array.from(words.keys()).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : a - b));
  const orderBytes = Buffer.from(order.buffer, order.byteOffset, order.byteLength);
  const bytes = { lexicon: lexicon.length, xpansions: xpansions.length, lexemeOrder: orderBytes.length };
  const json = asciiJson({ source: sourceStamp(), bytes, model: { ...model, lexicon: null, xpansions: null } });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'core.json'), json, 'latin1');
  writeFileSync(path.join(dir, 'core.bin'), Buffer.concat([lexicon, xpansions, orderBytes]));
  const exceptions = Object.fromEntries(LEMMA_POS.map((pos) => [pos, { ...(require(path.join(MODEL_DIST, LEMMA_EXCEPTION_FILES[pos])) as object) }]));
  writeFileSync(path.join(dir, 'lemma-exceptions.json'), asciiJson({ source: sourceStamp(), exceptions }), 'latin1');
}


/** The package's version and its core file's size: what a compiled core model was compiled from. */
function sourceStamp(): string {
  const { version } = JSON.parse(readFileSync(path.join(MODEL_DIST, '..', 'package.json'), 'utf8')) as { version: string };
  return `wink-eng-lite-web-model ${version}, ${statSync(CORE_MODEL_FILE).size} bytes`;
}

/**
 * The core model as the package's file holds it, from its compiled form in `dir` when there is one
 * compiled from the installed package, with the order of its lexemes' words then (see lexemeIndex).
 */
function readCoreModel(dir: string | null): { model: CoreModel; lexemeOrder: Uint32Array | null } {
  const compiled = dir ? readCompiled(dir) : null;
  if (!compiled) {
    const model = JSON.parse(readFileSync(CORE_MODEL_FILE, 'utf8')) as CoreModel;
    model.lexicon = uint32FromBytes(Buffer.from(model.lexicon as string, 'base64'));
    model.xpansions = uint32FromBytes(Buffer.from(model.xpansions as string, 'base64'));
    return { model, lexemeOrder: null };
  }
  const { model, sizes, bytes } = compiled;
  if (sizes.lexicon + sizes.xpansions + sizes.lexemeOrder !== bytes.length) throw new Error(`wink's compiled core model in ${dir} is damaged: run npm run build`);
  model.lexicon = uint32FromBytes(bytes.subarray(0, sizes.lexicon));
  model.xpansions = uint32FromBytes(bytes.subarray(sizes.lexicon, sizes.lexicon + sizes.xpansions));
  return { model, lexemeOrder: uint32FromBytes(bytes.subarray(sizes.lexicon + sizes.xpansions)) };
}

/** The byte sizes of the parts of core.bin. */
interface CompiledSizes { readonly lexicon: number; readonly xpansions: number; readonly lexemeOrder: number }

/** The compiled core model in `dir`, if it is there and was compiled from the installed package. */
function readCompiled(dir: string): { model: CoreModel; sizes: CompiledSizes; bytes: Buffer } | null {
  let json: string, bytes: Buffer;
  try {
    json = readFileSync(path.join(dir, 'core.json'), 'latin1');
    bytes = readFileSync(path.join(dir, 'core.bin'));
  } catch {
    return null;
  }
  const compiled = JSON.parse(json) as { source: string; bytes: CompiledSizes; model: CoreModel };
  return compiled.source === sourceStamp() ? { model: compiled.model, sizes: compiled.bytes, bytes } : null;
}

/** The parts of speech the package's lemmatizer (lemmatize.js) reads exceptions for, and their files. */
const LEMMA_POS = ['ADJ', 'NOUN', 'VERB'] as const;
type LemmaPos = (typeof LEMMA_POS)[number];
const LEMMA_EXCEPTION_FILES: Readonly<Record<LemmaPos, string>> = { ADJ: 'wn-adjective-exceptions.js', NOUN: 'wn-noun-exceptions.js', VERB: 'wn-verb-exceptions.js' };

/** What a lemmatizer asks of wink's cache: whether a word is known with a part of speech. */
interface LemmaCache { hasSamePOS(word: string, pos: string): boolean }

// the regular plural endings of nouns, in the package's order
const NOUN_ENDINGS: readonly (readonly [RegExp, string])[] = [[/s$/, ''], [/ses$/, 's'], [/xes$/, 'x'], [/zes$/, 's'], [/ves$/, 'f'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/ies$/, 'y']];

/**
 * The package's lemmatizer (lemmatize.js of wink-eng-lite-web-model 1.8), step for step, with its
 * WordNet exception tables read from their compiled form in `dir` (compileCoreModel): the package's
 * tables are 220 KB of JavaScript, some 40 ms of CPU to load at every start-up, the same tables as
 * JSON a quarter of that. Null when `dir` holds no tables compiled from the installed package.
 */
export function compiledLemmatizer(dir: string): ((value: string, pos: string, cache: LemmaCache) => string) | null {
  let compiled: { source: string; exceptions: Record<LemmaPos, Record<string, string>> };
  try {
    compiled = JSON.parse(readFileSync(path.join(dir, 'lemma-exceptions.json'), 'latin1')) as typeof compiled;
  } catch {
    return null;
  }
  if (compiled.source !== sourceStamp()) return null;
  // the package's tables have no prototype: a word such as "constructor" is no exception
  const { ADJ: adjectives, NOUN: nouns, VERB: verbs } = compiled.exceptions;
  for (const table of [adjectives, nouns, verbs]) Object.setPrototypeOf(table, null);
  const adjective = (value: string, cache: LemmaCache): string => {
    let lemma = adjectives[value];
    if (lemma) return lemma;
    lemma = value.replace(/est$|er$/, '');
    if (lemma.length === value.length) return value;
    if (cache.hasSamePOS(lemma, 'ADJ')) return lemma;
    lemma += 'e';
    return cache.hasSamePOS(lemma, 'ADJ') ? lemma : value;
  };
  const verb = (value: string, cache: LemmaCache): string => {
    let lemma = verbs[value];
    if (lemma) return lemma;
    if ((lemma = value.replace(/s$/, '')).length !== value.length && cache.hasSamePOS(lemma, 'VERB')) return lemma;
    if ((lemma = value.replace(/ies$/, 'y')).length !== value.length && cache.hasSamePOS(lemma, 'VERB')) return lemma;
    if ((lemma = value.replace(/es$|ed$|ing$/, '')).length !== value.length) {
      if (cache.hasSamePOS(lemma, 'VERB')) return lemma;
      lemma += 'e';
      if (cache.hasSamePOS(lemma, 'VERB')) return lemma;
    }
    return value;
  };
  const noun = (value: string, cache: LemmaCache): string => {
    const lemma = nouns[value];
    if (lemma) return lemma;
    for (const [ending, by] of NOUN_ENDINGS) {
      const stem = value.replace(ending, by);
      if (stem.length !== value.length && cache.hasSamePOS(stem, 'NOUN')) return stem;
    }
    return value.replace(/men$/, 'man');
  };
  return (value, pos, cache) => (pos === 'ADJ' ? adjective(value, cache) : pos === 'NOUN' ? noun(value, cache) : pos === 'VERB' ? verb(value, cache) : value);
}

/** How many pieces of text that are no lexeme lexemeIndex remembers as such. */
const MAX_REMEMBERED_MISSES = 200_000;

/**
 * wink's index of its lexemes (word -> index), as the package's reader builds it (one property a
 * word, the last index of a word repeated), but with each word's property made on its first look-up:
 * 87,600 properties made at once were the largest single cost of wink's load, and an article reads a
 * few hundred words. The object's prototype finds a word not yet looked up by binary search over the
 * lexemes in the order of their words (`order`, compiled with the model) and makes its property; a
 * word it lacks reads undefined, as in the package's index, and wink's own writes (the words it adds)
 * make plain properties. wink reads and writes the index by word only (cache.js), never lists it.
 */
export function lexemeIndex(words: readonly unknown[], order: Uint32Array): Record<string, number> {
  const count = order.length;
  const find = (word: string): number | undefined => {
    // the first place whose word sorts after `word`; the place before holds `word`'s last index, if any
    let lo = 0, hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[order[mid]!] as string) <= word) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && words[order[lo - 1]!] === word ? order[lo - 1] : undefined;
  };
  // words the lexicon lacks are remembered too, as properties that read undefined: wink's tokeniser
  // asks for every piece of text it meets ("said," before "said"), and most pieces that are not words
  // come again and again; past a bound (a long-running process) a miss is searched for again
  let missesLeft = MAX_REMEMBERED_MISSES;
  const finder = new Proxy(Object.create(null) as object, {
    get(_target, key, receiver: object) {
      if (typeof key !== 'string') return undefined;
      const index = find(key);
      if (index !== undefined || missesLeft-- > 0) Object.defineProperty(receiver, key, { value: index, writable: true, enumerable: true, configurable: true });
      return index;
    },
  });
  return Object.create(finder) as Record<string, number>;
}

/**
 * read-core-model.js and load-core-model.js of wink-eng-lite-web-model 1.8, step for step, on a fresh
 * read of the model (compiled in `dir`, or the package's file without one).
 */
export function loadCoreModel(dir: string | null): CoreModel {
  const { model, lexemeOrder } = readCoreModel(dir);
  const { packing, features, pos } = model;
  const indexed = (feature: { list: unknown[]; hash?: Record<string, number> }) => {
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < feature.list.length; k++) hash[feature.list[k] as string] = k;
    feature.hash = hash;
  };
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) indexed(features[f]!);
  if (lexemeOrder) features.lexeme!.hash = lexemeIndex(features.lexeme!.list, lexemeOrder);
  else indexed(features.lexeme!);
  const clusters = features.posClusters!.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme!.intrinsicSize = features.lexeme!.list.length;
  features.lexeme!.index = features.lexeme!.list.length;
  return model;
}
