// The `dossier` command run from the sources (through tsx), so process tests need no build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
