/**
 * Writes the preset dictionary with which the store deflates results (src/store/stored-result.ts):
 * the compact JSON (compactJson) of the results of the project's own articles, the test fixtures
 * written for dossier and a generated corpus of stories (bench/story-corpus.ts, seed 7), its last
 * 32 KB (deflate looks back 32 KB). Deterministic: the same engine gives the same bytes.
 *
 * A stored result names the dictionary it was deflated with, so a dictionary in use never changes:
 * to make a better one, write it under the next number and make that the current one.
 *
 *   node --import tsx scripts/make-result-dictionary.ts src/store/data/result-dictionary-N.json
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../src/analyze.js';
import { compactJson } from '../src/store/stored-result.js';
import { generateStories } from '../bench/story-corpus.js';

const out = process.argv[2];
if (!out) throw new Error('usage: make-result-dictionary.ts OUT.json');
const WINDOW = 32 * 1024;
const fixtures = path.join(import.meta.dirname, '../test/fixtures');
const own = ['ceasefire.txt', ...readdirSync(path.join(fixtures, 'story')).filter((f) => f.endsWith('.txt')).sort().map((f) => `story/${f}`)]
  .map((f) => ({ id: f, text: readFileSync(path.join(fixtures, f), 'utf8'), title: null, outlet: null, url: null, published: null }));
const analyzer = new Analyzer();
// the fixtures last: deflate finds the nearest match first, and they are the most like news
const texts = [...generateStories(200, 7), ...own].map((a) => compactJson(analyzer.analyze(a)).toString('utf8'));
let dictionary = texts.join('').slice(-WINDOW);
while (Buffer.byteLength(dictionary) > WINDOW) dictionary = dictionary.slice(1);
writeFileSync(out, `${JSON.stringify(dictionary)}\n`);
console.log(`${out}: ${Buffer.byteLength(dictionary)} bytes`);
