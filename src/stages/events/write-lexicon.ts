import { fileURLToPath } from 'node:url';
import { writeCompiledLexicon } from './compiled-lexicon.js';

// Run by `npm run build` (after tsc): writes the events stage's lexicon compiled beside
// compiled-lexicon.js, in dist/stages/events/ (see compiled-lexicon.ts).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeCompiledLexicon();
