import assert from 'node:assert/strict';
import test from 'node:test';
import packageModel from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { compileCoreModel, compiledLemmatizer, englishModel, loadCoreModel } from './model.js';

// the parts of the model are functions and objects of the package itself; only the core loader is ours
test('the model has the parts of the package model, the same ones but for the core loader', () => {
  const ours = englishModel() as unknown as Record<string, unknown>;
  const theirs = packageModel as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(ours), Object.keys(theirs));
  for (const key of Object.keys(theirs)) {
    if (key === 'core') continue;
    if (key === 'addons') {
      // the lemmatizer is the package's, step for step, reading its tables compiled (see compiledLemmatizer)
      const { lemmatize: _ours, ...oursRest } = ours.addons as Record<string, unknown>;
      const { lemmatize: _theirs, ...theirsRest } = theirs.addons as Record<string, unknown>;
      assert.deepEqual(oursRest, theirsRest);
    }
    else assert.equal(ours[key], theirs[key], key);
  }
});

test('the core model loads field for field as the package loads it, and each load is a fresh object', () => {
  const ours = englishModel() as unknown as { core(): unknown };
  const theirs = packageModel as unknown as { core(): unknown };
  const a = ours.core(), b = ours.core();
  assert.deepStrictEqual(a, theirs.core());
  assert.notEqual(a, b);
});

test('with a pipe, the parts of annotations outside it are left out, and what the pipe reads is the same', () => {
  const pipe = ['sbd', 'pos'] as const;
  const full = winkNLP(englishModel(), [...pipe]), trimmed = winkNLP(englishModel(pipe), [...pipe]);
  const text = "The envoys didn't meet in Geneva on Monday; they'd left. Mr. Lyle's aides, who were unhappy, said the talks were over!";
  const read = (nlp: typeof full) => {
    const doc = nlp.readDoc(text);
    return {
      sentences: doc.sentences().out(),
      tokens: doc.tokens().out(), pos: doc.tokens().out(nlp.its.pos), lemmas: doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.pos),
      normals: doc.tokens().out(nlp.its.normal), spaces: doc.tokens().out(nlp.its.precedingSpaces),
    };
  };
  const ours = read(trimmed);
  assert.deepEqual(ours, read(full));
  const model = englishModel(pipe) as unknown as { ner(): { machines: unknown[] }; sa(): { machines: string[] } };
  assert.deepEqual(model.ner().machines, []);
  assert.equal(model.sa().machines[0]!.length < 100, true);
});

/** The core model's parts these tests read. */
interface Core { features: { lexeme: { list: string[]; hash: Record<string, number> } } }

test('the core model compiled (as npm run build writes it) loads as the package loads it; one compiled from another file is not read', () => {
  const theirs = (packageModel as unknown as { core(): unknown }).core();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-wink-core-'));
  try {
    compileCoreModel(dir);
    // ASCII only, so that Latin-1 reads it exactly
    assert.ok(readFileSync(path.join(dir, 'core.json')).every((b) => b < 0x80));
    const ours = loadCoreModel(dir) as unknown as Core;
    const words = (theirs as Core).features.lexeme.list;
    // the lexeme index makes a word's property on its first look-up: none made yet, and the
    // package's for every word once all are looked up (its absent words read undefined, and are
    // remembered as properties that read undefined)
    const index = ours.features.lexeme.hash;
    assert.deepEqual(Object.keys(index), []);
    assert.equal(index['no such lexeme'], undefined);
    assert.deepEqual(Object.keys(index), ['no such lexeme']);
    for (const word of words) assert.equal(index[word], (theirs as Core).features.lexeme.hash[word], word);
    assert.equal(index['no such lexeme'], undefined);
    // wink's writes (words it adds) are plain properties, a word once missed included
    index['a new word'] = words.length;
    assert.equal(index['a new word'], words.length);
    index['no such lexeme'] = words.length + 1;
    assert.equal(index['no such lexeme'], words.length + 1);
    ours.features.lexeme.hash = Object.assign(Object.create(null) as Record<string, number>, index);
    delete ours.features.lexeme.hash['a new word'];
    delete ours.features.lexeme.hash['no such lexeme'];
    assert.deepStrictEqual(ours, theirs);
    // a stamp that names another package file: the package's own file is read instead
    const json = readFileSync(path.join(dir, 'core.json'), 'latin1');
    writeFileSync(path.join(dir, 'core.bin'), 'not the lexicon');
    writeFileSync(path.join(dir, 'core.json'), json.replace(/^\{"source":"[^"]*"/, '{"source":"another model"'), 'latin1');
    assert.deepStrictEqual(loadCoreModel(dir), theirs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the lemmatizer read from compiled tables lemmatizes as the package\'s does', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-wink-'));
  try {
    compileCoreModel(dir);
    const ours = compiledLemmatizer(dir);
    assert.ok(ours);
    const require = createRequire(import.meta.url);
    const modelDir = path.dirname(require.resolve('wink-eng-lite-web-model'));
    const theirs = require(path.join(modelDir, 'lemmatize.js')) as NonNullable<typeof ours>;
    // every exception, every word of the model, and words that reach each rule of each part of speech
    const exceptions = ['adjective', 'noun', 'verb'].flatMap((p) => Object.keys(require(path.join(modelDir, `wn-${p}-exceptions.js`)) as object));
    const lexemes = (loadCoreModel(dir).features.lexeme!.list as string[]).filter((w) => typeof w === 'string');
    const words = [...exceptions, ...lexemes, 'constructor', '__proto__', 'toString', 'bigger', 'largest', 'tries', 'hoped', 'boxes', 'wolves', 'churches', 'women', ''];
    // a cache that knows a word with a part of speech by a rule of its letters, so that every branch is taken
    const cache = { hasSamePOS: (word: string, pos: string) => (word.length + pos.length) % 3 !== 0 };
    for (const pos of ['ADJ', 'NOUN', 'VERB', 'ADV', 'PROPN']) for (const w of words) assert.equal(ours(w, pos, cache), theirs(w, pos, cache), `${w} ${pos}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
