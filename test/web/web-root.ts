import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { StaticHandler } from '../../src/api/server.js';
import { serveStatic } from '../../src/web/static.js';

const WEB = fileURLToPath(new URL('../../src/web/', import.meta.url));

/**
 * The page as the build makes it (client/*.js and style.css), compiled from the sources into a
 * folder of the test's own, so browser tests always run today's code without a full `npm run build`.
 * Types are checked by the project's type check; here the modules are only transpiled.
 */
export function buildWebRoot(dir: string): string {
  const client = path.join(WEB, 'client');
  mkdirSync(path.join(dir, 'client'), { recursive: true });
  for (const name of readdirSync(client).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const out = ts.transpileModule(readFileSync(path.join(client, name), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 }, fileName: name,
    });
    writeFileSync(path.join(dir, 'client', name.replace(/\.ts$/, '.js')), out.outputText);
  }
  copyFileSync(path.join(WEB, 'style.css'), path.join(dir, 'style.css'));
  return dir;
}

/** The server's handler for the page's files, served from a folder `buildWebRoot` made. */
export function staticFilesIn(webRoot: string): StaticHandler {
  return (pathname) => serveStatic(pathname, webRoot);
}
