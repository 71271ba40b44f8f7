import { fileURLToPath } from 'node:url';
import { compileCoreModel } from './model.js';

// Run by `npm run build` (after tsc): writes wink's core model compiled beside the compiled model.js,
// in dist/stages/tokens/wink-core/, where englishModel reads it (see compileCoreModel).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) compileCoreModel(fileURLToPath(new URL('wink-core/', import.meta.url)));
