import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError, asDossierError } from '../core/errors.js';
import { DEFAULT_LIMITS, type IngestLimits, type MetaDefaults, type RawArticle } from './article.js';
import { decodeText, decodeUtf8 } from './decode.js';
import { assertEnglish } from './language.js';
import { readLines } from './lines.js';
import { articleFromRecord } from './record.js';
import { MetaSources, defaultsWith, fillFromMeta, isSidecar, splitFrontMatter, type MetaTable } from './metadata.js';
import { walkFiles, type WalkEntry } from './walk.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.json', '.jsonl'] as const;

export interface IngestOptions {
  readonly defaults?: MetaDefaults;
  readonly limits?: IngestLimits;
  /** refuse text that is not English (default true) */
  readonly checkLanguage?: boolean;
  /** a metadata file given by the user (`--meta FILE`); sidecars beside the files are found anyway (metadata.ts) */
  readonly meta?: MetaTable | null;
  /** files a folder walk leaves out (a batch's own output file, written inside its input folder) */
  readonly exclude?: readonly string[];
}

/** One item of a batch: an article ready for analysis, or the reason one could not be read. */
export type SourceItem =
  | { readonly ok: true; readonly article: RawArticle }
  | { readonly ok: false; readonly id: string; readonly origin: string; readonly error: DossierError };

const idOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

/**
 * Reads one article file (.txt, .html, .json) and returns it ready for analysis, or throws a
 * DossierError that says what is wrong with it and where.
 */
export async function readArticleFile(file: string, options: IngestOptions = {}): Promise<RawArticle> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new DossierError(e.code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      e.code === 'ENOENT' ? 'no such file' : `cannot read: ${e.message}`, { where: file });
  });
  if (info.isDirectory()) throw new DossierError('USAGE', 'is a folder; use --input for a folder of articles', { where: file });
  if (info.size > limits.maxFileBytes) {
    throw new DossierError('INPUT_TOO_LARGE', `the file is ${mb(info.size)}, over the limit of ${mb(limits.maxFileBytes)} for one article`, { where: file });
  }
  const bytes = await readFile(file).catch((e: Error) => { throw new DossierError('INPUT_UNREADABLE', `cannot read: ${e.message}`, { where: file }); });
  const text = decodeText(bytes, file);
  const ext = path.extname(file).toLowerCase();
  let article: RawArticle;
  if (ext === '.html' || ext === '.htm' || (ext !== '.json' && /^\s*(<!doctype html|<html)/i.test(text))) {
    // the HTML reader (linkedom, Readability) loads only when an HTML page comes: plain-text batches skip its start-up
    const { extractHtml } = await import('./html.js');
    const page = extractHtml(text, file);
    article = {
      id: idOf(file), text: page.text, title: page.title, author: page.author, url: page.url,
      published: page.published ?? options.defaults?.published ?? null,
      outlet: page.outlet ?? options.defaults?.outlet ?? null, origin: file,
    };
  } else if (ext === '.json') {
    let value: unknown;
    try { value = JSON.parse(text); } catch (e) {
      throw new DossierError('INPUT_FORMAT', `not valid JSON: ${(e as Error).message}`, { where: file });
    }
    article = articleFromRecord(value, idOf(file), file, options.defaults);
  } else if (ext === '.jsonl') {
    throw new DossierError('USAGE', 'is a .jsonl file of many articles; use --input', { where: file });
  } else {
    const front = splitFrontMatter(text, file);
    const body = front?.body ?? text;
    if (!body.trim()) throw new DossierError('INPUT_EMPTY', 'the file has no text (only white space)', { where: file });
    article = fillFromMeta({ id: idOf(file), text: body, published: front?.meta.published ?? options.defaults?.published ?? null,
      outlet: front?.meta.outlet ?? options.defaults?.outlet ?? null, url: null, title: null, origin: file }, front?.meta ?? null);
  }
  return checkArticle(article, options);
}

/** The checks every article passes before analysis, whatever its source. */
export function checkArticle(article: RawArticle, options: IngestOptions = {}): RawArticle {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (article.text.length > limits.maxTextChars) {
    throw new DossierError('INPUT_TOO_LARGE', `the article text has ${article.text.length} characters, over the limit of ${limits.maxTextChars}`, { where: article.origin });
  }
  if (options.checkLanguage !== false) assertEnglish(article.text, article.origin);
  return article;
}

/**
 * Every article under a path: a folder (recursively, files with the extensions above, in name
 * order), a .jsonl file (one article a line), or a single article file. Bad articles come out as
 * errors in the stream and never stop it.
 */
export async function* readArticles(input: string, options: IngestOptions = {}): AsyncGenerator<SourceItem> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new DossierError('INPUT_NOT_FOUND', 'no such file or folder', { where: input });
  // metadata sidecars (and --meta) apply to a single file as to the files of a folder
  const metas = new MetaSources(options.meta);
  const root = info.isDirectory() ? input : path.dirname(input);
  const readOne = (file: string) => readSourceFile(file, options, { metas, root });
  if (!info.isDirectory()) { yield* readOne(input); return; }
  const entries = (await listArticleEntries(input)).filter((e) => !options.exclude?.includes(e.file));
  if (entries.length === 0) {
    throw new DossierError('INPUT_NOT_FOUND', `the folder holds no article files (${ARTICLE_EXTENSIONS.join(', ')})`, { where: input });
  }
  yield* readEntries(entries, options, readOne);
}

/** The items of walked entries: each file's articles, and each place that could not be read as a failed item. */
export async function* readEntries(entries: readonly WalkEntry[], options: IngestOptions = {},
  readOther: (file: string) => AsyncGenerator<SourceItem> = (file) => readSourceFile(file, options)): AsyncGenerator<SourceItem> {
  for (const entry of entries) {
    if (entry.error) yield { ok: false, id: idOf(entry.file), origin: entry.file, error: entry.error };
    else yield* readOther(entry.file);
  }
}

/**
 * The articles of one file: the lines of a .jsonl file, or the one article of any other, completed
 * from the metadata sidecars of its folder when they are given.
 */
async function* readSourceFile(file: string, options: IngestOptions,
  meta?: { metas: MetaSources; root: string }): AsyncGenerator<SourceItem> {
  if (file.toLowerCase().endsWith('.jsonl')) { yield* readJsonl(file, options); return; }
  try {
    if (!meta) { yield { ok: true, article: await readArticleFile(file, options) }; return; }
    const found = await meta.metas.forFile(file, meta.root);
    yield { ok: true, article: fillFromMeta(await readArticleFile(file, { ...options, defaults: defaultsWith(found, options.defaults) }), found) };
  } catch (e) {
    yield { ok: false, id: idOf(file), origin: file, error: asDossierError(e, file) };
  }
}

/** An article file by its extension; a metadata sidecar (metadata.jsonl, ...) is none. */
export const isArticleFile = (name: string) =>
  (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase()) && !isSidecar(name);

/** The article files under a folder and the places under it that could not be read (see walkFiles). */
export function listArticleEntries(dir: string): Promise<WalkEntry[]> {
  return walkFiles(dir, isArticleFile);
}

export async function listArticleFiles(dir: string): Promise<string[]> {
  return (await listArticleEntries(dir)).filter((e) => !e.error).map((e) => e.file);
}

/**
 * The articles of a .jsonl file, a line each. A line over the limit is refused without being held
 * in memory, and a line that is not UTF-8 is refused as a .txt file with the same bytes is; either
 * way the lines after it are read.
 */
async function* readJsonl(file: string, options: IngestOptions): AsyncGenerator<SourceItem> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    for await (const line of readLines(file, limits.maxLineBytes)) {
      const where = `${file}:${line.n}`;
      const fallbackId = `${idOf(file)}-${line.n}`;
      if (line.tooLong !== undefined) {
        yield { ok: false, id: fallbackId, origin: where, error: new DossierError('INPUT_TOO_LARGE', `the line is over ${mb(limits.maxLineBytes)}, the limit for one line (it has ${mb(line.tooLong)}); it is not read`, { where }) };
        continue;
      }
      const bytes = line.n === 1 && line.bytes[0] === 0xef && line.bytes[1] === 0xbb && line.bytes[2] === 0xbf ? line.bytes.subarray(3) : line.bytes;
      let text = '';
      try {
        text = decodeUtf8(bytes, where);
        if (!text.trim()) continue;
        let value: unknown;
        try { value = JSON.parse(text); } catch (e) {
          throw new DossierError('INPUT_FORMAT', `not valid JSON: ${(e as Error).message}`, { where });
        }
        yield { ok: true, article: checkArticle(articleFromRecord(value, fallbackId, where, options.defaults), options) };
      } catch (e) {
        yield { ok: false, id: guessId(text) ?? fallbackId, origin: where, error: asDossierError(e, where) };
      }
    }
  } catch (e) {
    // the file itself failed while being read (removed, unreadable): what was read is kept
    const err = e as NodeJS.ErrnoException;
    yield { ok: false, id: idOf(file), origin: file, error: err.code ? new DossierError('INPUT_UNREADABLE', `cannot read: ${err.message}`, { where: file }) : asDossierError(e, file) };
  }
}

function guessId(line: string): string | null {
  const m = /"id"\s*:\s*"([^"]{1,200})"/.exec(line);
  return m?.[1] ?? null;
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
