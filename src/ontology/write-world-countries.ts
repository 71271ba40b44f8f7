import { fileURLToPath } from 'node:url';
import { compileWorldCountries } from './world-countries.js';

// Run by `npm run build` (after tsc): writes the fields of world-countries' table the engine reads
// beside the compiled world-countries.js, in dist/ontology/ (see compileWorldCountries).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) compileWorldCountries();
