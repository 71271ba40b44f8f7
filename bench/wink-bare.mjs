/**
 * The bare wink-nlp script that `bench/cli.ts` times beside the dossier command line: it reads the
 * same input (a folder of .txt files, or a .jsonl file of {"text"} records), starts wink with its
 * model, and tags every article, the way a user's smallest wink program would.
 *
 *   node bench/wink-bare.mjs INPUT [full|dossier]
 *
 * full: wink's default pipe (sentences, negation, sentiment, part of speech, entities, custom entities);
 * dossier: the pipe dossier runs (sentences and part of speech, src/stages/tokens/nlp.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const [input, pipe = 'full'] = process.argv.slice(2);
if (!input) throw new Error('usage: node bench/wink-bare.mjs INPUT [full|dossier]');
const nlp = pipe === 'dossier' ? winkNLP(model, ['sbd', 'pos']) : winkNLP(model);
const its = nlp.its;
const texts = statSync(input).isDirectory()
  ? readdirSync(input).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(input, f), 'utf8'))
  : readFileSync(input, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text);
let tokens = 0;
for (const text of texts) tokens += nlp.readDoc(text).tokens().out(its.pos).length;
process.stdout.write(`${texts.length} articles, ${tokens} tokens\n`);
