import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiJson } from './compiled.js';

/**
 * Run by `npm run build`, last: rewrites the JSON files in dist/ (the data files tsc copies from src/,
 * read when the engine's modules are imported) without spaces and in ASCII, other characters as \u
 * escapes. One character outside ASCII makes a whole file a two-byte string, slower to decode and to
 * parse (the events type model and the attributions frame filter have one each), and the pretty-
 * printed ones are a sixth spaces. The values read are the same; a file holding a value whose JSON
 * does not read back as itself (-0) is left as it is.
 */
export function compactJsonFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) { compactJsonFiles(file); continue; }
    if (!entry.name.endsWith('.json')) continue;
    const text = readFileSync(file, 'utf8');
    let negativeZero = false;
    const value: unknown = JSON.parse(text, (_, v: unknown) => { if (Object.is(v, -0)) negativeZero = true; return v; });
    const compact = asciiJson(value);
    if (!negativeZero && compact !== text) writeFileSync(file, compact, 'latin1');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) compactJsonFiles(fileURLToPath(new URL('..', import.meta.url)));
