import { fileURLToPath } from 'node:url';
import { writeShippedSnapshot } from './index.js';

// Run by `npm run build` (after tsc and the world-countries table): writes the snapshot of the shipped
// actor base beside the compiled index.js, in dist/actors/ (see writeShippedSnapshot).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeShippedSnapshot();
