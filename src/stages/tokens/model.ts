import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type winkNLP from 'wink-nlp';

/** The language model winkNLP takes (its first argument). */
export type WinkModel = Parameters<typeof winkNLP>[0];

const require = createRequire(import.meta.url);
/** wink-eng-lite-web-model's compiled files (its package main, dist/model.js, sits among them). */
const MODEL_DIST = path.dirname(require.resolve('wink-eng-lite-web-model'));
const CORE_MODEL_FILE = path.join(MODEL_DIST, 'languages', 'cur', 'models', 'eng-core-web-model.json');

/** The annotations of wink's pipe whose model parts englishModel can leave out (see there). */
export type WinkAnnotation = 'sbd' | 'pos' | 'ner' | 'negation' | 'sentiment' | 'cer';

/**
 * wink-eng-lite-web-model as its package main (dist/model.js) assembles it, with what dominated
 * start-up read more cheaply:
 * - the core model: the package's reader (read-core-model.js) `require`s the 3 MB core JSON when the
 *   package is imported, deep-copies it on every load (`JSON.parse(JSON.stringify(...))`) and decodes
 *   two base64 arrays a character at a time; here the file is parsed once per load (the parse is the
 *   copy) and the arrays decoded by Buffer;
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
  model.core = loadCoreModel;
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = runs('ner') ? part('load-ner-model.js') : () => ({ machines: [], transformers: [] });
  model.negation = runs('negation') ? part('load-negation-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.sa = runs('sentiment') ? part('load-sa-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return model as unknown as WinkModel;
}

/** An automaton with no patterns, in the JSON its importJSON reads (what wink's own emptyModelJSON writes). */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/** A little-endian Uint32Array from base64 text, as the package's reader decodes it (atob, then the bytes' buffer). */
function uint32FromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** The shape of the core model file, as far as the loader touches it. */
interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  pos: { hash: Record<string, number> };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
}

/** read-core-model.js and load-core-model.js of wink-eng-lite-web-model 1.8, step for step, on a fresh parse of the file. */
function loadCoreModel(): CoreModel {
  const model = JSON.parse(readFileSync(CORE_MODEL_FILE, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  const indexed = (feature: { list: unknown[]; hash?: Record<string, number> }) => {
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < feature.list.length; k++) hash[feature.list[k] as string] = k;
    feature.hash = hash;
  };
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) indexed(features[f]!);
  indexed(features.lexeme!);
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
