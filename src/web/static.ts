import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DossierError } from '../core/errors.js';
import { indexHtml } from './page.js';

/**
 * Serves the web page: the HTML shell, the stylesheet and the compiled browser modules. Only names
 * of the expected shape are served, from two known folders, so no request can reach other files.
 */
export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

const HERE = fileURLToPath(new URL('./', import.meta.url));

/**
 * The folder holding client/*.js and style.css. Built, that is this module's own folder (dist/web);
 * run from source (tsx), the built copy in dist/web is used.
 */
export function defaultWebRoot(): string {
  if (existsSync(path.join(HERE, 'client', 'main.js'))) return HERE;
  return fileURLToPath(new URL('../../dist/web/', import.meta.url));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const cache = new Map<string, Buffer>();

export async function serveStatic(pathname: string, webRoot = defaultWebRoot()): Promise<StaticFile> {
  if (pathname === '/' || pathname === '/index.html') {
    return { type: 'text/html; charset=utf-8', body: Buffer.from(indexHtml()) };
  }
  let file: string | null = null;
  if (pathname === '/assets/style.css') file = path.join(webRoot, 'style.css');
  const m = /^\/assets\/client\/([a-z][a-z0-9-]*\.js(?:\.map)?)$/.exec(pathname);
  if (m) file = path.join(webRoot, 'client', m[1]!);
  if (!file) throw new DossierError('NOT_FOUND', `no such page: ${pathname}`);
  let body = cache.get(file);
  if (!body) {
    body = await readFile(file).catch(() => {
      throw new DossierError('NOT_FOUND', `${pathname} is missing; build the web page with npm run build`);
    });
    cache.set(file, body);
  }
  return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body };
}
