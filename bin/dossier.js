#!/usr/bin/env node
// The `dossier` command. It runs the compiled engine in dist/ (built by `npm ci` through the
// package's prepare script, or by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dossier: the engine is not built; run `npm ci` (or `npm run build`) in the dossier folder first\n');
  process.exit(70);
}
// a reader that closes the pipe early (`dossier events | head`) is not an error: stop quietly
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}
const { main } = await import(entry.href);
const status = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
// let piped output drain before the process ends
process.exitCode = status;
