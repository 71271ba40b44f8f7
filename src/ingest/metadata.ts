import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../core/errors.js';
import type { MetaDefaults, RawArticle } from './article.js';
import { decodeText } from './decode.js';
import { checkedDate } from './record.js';

/**
 * Metadata for articles that do not carry their own: a sidecar file beside them
 * (metadata.tsv, metadata.csv or metadata.jsonl, one row an article, keyed by file name), a file
 * named on the command line (`--meta FILE`, the same formats), and front matter at the top of a
 * text file (`---`, `key: value` lines, `---`). What an article carries itself comes first, then
 * its front matter, then the sidecar row, then the command line's `--published`/`--outlet`.
 */
export interface ArticleMeta {
  readonly published?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly title?: string;
  readonly author?: string;
}

/** The names a sidecar may have; they are metadata, never articles. */
export const SIDECAR_NAMES = ['metadata.tsv', 'metadata.csv', 'metadata.jsonl'] as const;

export const isSidecar = (file: string) => (SIDECAR_NAMES as readonly string[]).includes(path.basename(file).toLowerCase());

/** Column names accepted for each field (the first row of a .tsv/.csv, the keys of a .jsonl record). */
const FIELD_NAMES: Readonly<Record<keyof ArticleMeta | 'file', readonly string[]>> = {
  file: ['file', 'filename', 'path', 'name', 'id'],
  published: ['published', 'date', 'pubdate', 'publication_date'],
  outlet: ['outlet', 'source', 'publisher', 'site'],
  url: ['url', 'link'],
  title: ['title', 'headline'],
  author: ['author', 'byline'],
};

/** The rows of one metadata file, by every key a file may be looked up with. */
export class MetaTable {
  private constructor(private readonly dir: string, private readonly rows: ReadonlyMap<string, ArticleMeta>, readonly origin: string) {}

  /** Reads and checks a metadata file; a bad row is an error naming its line, since every row is meant for an article. */
  static async load(file: string): Promise<MetaTable> {
    const bytes = await readFile(file).catch((e: Error) => { throw new DossierError('INPUT_UNREADABLE', `cannot read the metadata file: ${e.message}`, { where: file }); });
    const text = decodeText(bytes, file);
    const records = file.toLowerCase().endsWith('.jsonl') ? jsonlRecords(text, file) : delimitedRecords(text, file.toLowerCase().endsWith('.csv') ? ',' : '\t', file);
    const rows = new Map<string, ArticleMeta>();
    for (const { line, record } of records) {
      const where = `${file}:${line}`;
      const key = pick(record, 'file');
      if (!key) throw new DossierError('INPUT_FORMAT', `the row names no file (a column ${FIELD_NAMES.file.join(', ')})`, { where });
      rows.set(normaliseKey(key), metaOf(record, where));
    }
    return new MetaTable(path.dirname(file), rows, file);
  }

  /** The row for an article file: by its path from the table's folder, its name, or its name without extension. */
  lookup(file: string): ArticleMeta | null {
    const relative = normaliseKey(path.relative(this.dir, file));
    const base = normaliseKey(path.basename(file));
    return this.rows.get(relative) ?? this.rows.get(base) ?? this.rows.get(base.replace(/\.[^.]+$/, '')) ?? null;
  }

  get size(): number { return this.rows.size; }
}

const normaliseKey = (key: string) => key.trim().replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();

function pick(record: Readonly<Record<string, string>>, field: keyof typeof FIELD_NAMES): string | undefined {
  for (const name of FIELD_NAMES[field]) {
    const v = record[name]?.trim();
    if (v) return v;
  }
  return undefined;
}

function metaOf(record: Readonly<Record<string, string>>, where: string): ArticleMeta {
  const published = pick(record, 'published');
  const out: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {};
  if (published) out.published = checkedDate(published, where);
  for (const field of ['outlet', 'url', 'title', 'author'] as const) {
    const v = pick(record, field);
    if (v) out[field] = v;
  }
  return out;
}

function jsonlRecords(text: string, file: string): { line: number; record: Record<string, string> }[] {
  const out: { line: number; record: Record<string, string> }[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try { value = JSON.parse(raw); } catch (e) {
      throw new DossierError('INPUT_FORMAT', `not valid JSON: ${(e as Error).message}`, { where: `${file}:${i + 1}` });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new DossierError('INPUT_FORMAT', 'a metadata record must be a JSON object', { where: `${file}:${i + 1}` });
    }
    const record: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') record[k.toLowerCase()] = String(v);
    out.push({ line: i + 1, record });
  });
  return out;
}

/** Rows of a tab- or comma-separated file with a header row; CSV fields may be "quoted" (with "" for a quote). */
function delimitedRecords(text: string, sep: string, file: string): { line: number; record: Record<string, string> }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitRow(lines[0] ?? '', sep).map((h) => h.trim().toLowerCase());
  if (!header.some((h) => FIELD_NAMES.file.includes(h))) {
    throw new DossierError('INPUT_FORMAT', `the first row must name the columns, one of them ${FIELD_NAMES.file.join(' or ')}`, { where: `${file}:1` });
  }
  const out: { line: number; record: Record<string, string> }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const cells = splitRow(lines[i]!, sep);
    if (cells.length > header.length) {
      throw new DossierError('INPUT_FORMAT', `the row has ${cells.length} fields, the header ${header.length}`, { where: `${file}:${i + 1}` });
    }
    const record: Record<string, string> = {};
    header.forEach((h, k) => { record[h] = cells[k] ?? ''; });
    out.push({ line: i + 1, record });
  }
  return out;
}

function splitRow(line: string, sep: string): string[] {
  if (sep === '\t') return line.split('\t');
  const out: string[] = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && !cell.trim()) { quoted = true; cell = ''; }
    else if (c === sep) { out.push(cell); cell = ''; }
    else cell += c;
  }
  out.push(cell);
  return out;
}

/**
 * Front matter at the very start of a text file: a line `---`, `key: value` lines, a line `---`.
 * Returns the metadata and the text after it (the article), or null when the file has none.
 */
export function splitFrontMatter(text: string, where: string): { meta: ArticleMeta; body: string } | null {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return null;
  const record: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv) {
      if (line.trim() && !line.trim().startsWith('#')) throw new DossierError('INPUT_FORMAT', `front matter line "${line.slice(0, 60)}" is not "key: value"`, { where });
      continue;
    }
    record[kv[1]!.toLowerCase()] = kv[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta: metaOf(record, where), body: text.slice(m[0].length) };
}

/**
 * The metadata tables that apply to the files of one read: the `--meta` file, and the sidecar of
 * each folder (read once a folder). Lives for one read, so nothing is remembered between reads.
 */
export class MetaSources {
  private readonly sidecars = new Map<string, Promise<MetaTable | null>>();

  constructor(private readonly given: MetaTable | null = null) {}

  /** The metadata for a file: the `--meta` row, else the row of the sidecar beside it (or in a folder above it, up to the root read). */
  async forFile(file: string, root: string): Promise<ArticleMeta | null> {
    const fromGiven = this.given?.lookup(file);
    if (fromGiven) return fromGiven;
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const row = (await this.sidecarIn(dir))?.lookup(file);
      if (row) return row;
      if (!path.relative(root, dir) || dir === path.dirname(dir) || path.relative(root, dir).startsWith('..')) return null;
    }
  }

  private sidecarIn(dir: string): Promise<MetaTable | null> {
    let table = this.sidecars.get(dir);
    if (!table) {
      table = (async () => {
        for (const name of SIDECAR_NAMES) {
          const file = path.join(dir, name);
          if (await stat(file).then((s) => s.isFile(), () => false)) return MetaTable.load(file);
        }
        return null;
      })();
      this.sidecars.set(dir, table);
    }
    return table;
  }
}

/** The defaults for one file: its sidecar row fills before the command line's --published/--outlet. */
export function defaultsWith(meta: ArticleMeta | null, defaults: MetaDefaults | undefined): MetaDefaults | undefined {
  if (!meta) return defaults;
  return { published: meta.published ?? defaults?.published ?? null, outlet: meta.outlet ?? defaults?.outlet ?? null };
}

/** Fills the fields an article left empty (url, title, author) from its metadata row. */
export function fillFromMeta(article: RawArticle, meta: ArticleMeta | null): RawArticle {
  if (!meta) return article;
  return {
    ...article,
    url: article.url ?? meta.url ?? null,
    title: article.title ?? meta.title ?? null,
    author: article.author ?? meta.author ?? null,
  };
}

/** Counts the articles of a stream that have no publication date, passing every item through. */
export class UndatedCounter {
  undated = 0;
  read = 0;
  readonly examples: string[] = [];

  async *count<T extends { ok: boolean; article?: RawArticle }>(items: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const item of items) {
      if (item.ok && item.article) {
        this.read++;
        if (!item.article.published) {
          this.undated++;
          if (this.examples.length < 3) this.examples.push(item.article.origin);
        }
      }
      yield item;
    }
  }

  /** The warning to print, or null when every article is dated. */
  warning(): string | null {
    if (!this.undated) return null;
    return `dossier: WARNING: ${this.undated} of ${this.read} articles have no publication date (e.g. ${this.examples.join(', ')}). ` +
      'Relative dates in them ("on Monday") cannot be placed, and their events neither merge across outlets nor appear in series. ' +
      'Give the dates in a metadata.tsv/.csv/.jsonl beside the files (columns file, published, outlet, url, title), ' +
      'with --meta FILE, in front matter at the top of each text file (---, published: YYYY-MM-DD, ---), or with --published for all.\n';
  }
}
