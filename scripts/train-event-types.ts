/**
 * Trains the events stage's type model (src/stages/events/type-model.json): an averaged perceptron
 * over trigger candidates and their context, on PLOVER's development records and the four fifths
 * of the synthetic stories we train on (scripts/event-types/data.ts says how they are labelled).
 * Deterministic: the same data give the same weights.
 *
 *   node --import tsx scripts/train-event-types.ts
 */
import { writeFileSync } from 'node:fs';
import { available, loadRecords, loadStories, recordExamples, storyExamples, storyForTraining, tokeniser, train, withMargins, type Example } from './event-types/data.js';

if (!available()) {
  console.error('train-event-types: needs ../shared/data/plover (gsr-dev.jsonl, synthetic-stories.jsonl)');
  process.exit(2);
}
const analyzer = tokeniser();
const examples: Example[] = [];
for (const r of loadRecords()) examples.push(...recordExamples(r, analyzer.analyzeDocument({ id: r.id, text: r.text, published: r.published })));
const fromRecords = examples.length;
for (const s of loadStories()) if (storyForTraining(s.id)) examples.push(...storyExamples(s, analyzer.analyzeDocument({ id: s.id, text: s.text })));
/**
 * "No event" must outscore the best type by NONE_MARGIN; a pattern of the project's own lexicon adds
 * OWN_PRIOR to its type. Both where the five folds scored best (scripts/eval-event-types.ts --margins).
 */
const NONE_MARGIN = 0;
const OWN_PRIOR = 30;
/** How far a verb no pattern covers must be from "no event" to be one (scripts/eval-event-types.ts --propose). */
const PROPOSE_MARGIN = 10;
const weights = withMargins(train(examples), examples, { noneMargin: NONE_MARGIN, ownPrior: OWN_PRIOR, proposeMargin: PROPOSE_MARGIN });
const out = new URL('../src/stages/events/type-model.json', import.meta.url);
writeFileSync(out, JSON.stringify({ ...weights, trainedOn: 'gsr-dev.jsonl (all), synthetic-stories.jsonl (the four fifths by hash)' }) + '\n');
console.log(`${examples.length} examples (${fromRecords} from records), ${Object.keys(weights.weights).length} features, ${weights.proposable?.length} verbs proposed -> ${out.pathname}`);
