import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Analyzer } from '../analyze.js';
import { DossierError, asDossierError } from '../core/errors.js';
import { isFeedFile, readFeed } from '../ingest/feed.js';
import { listArticleFiles, readArticles, type IngestOptions, type SourceItem } from '../ingest/sources.js';
import type { Store } from './store.js';

/** What one ingest did, for the summary line and for programs. */
export interface IngestTally {
  /** articles read (stored, already stored or failed) */
  read: number;
  stored: number;
  /** already in the store (the same content, maybe under another URL) */
  known: number;
  failed: number;
  /** bytes of article text read */
  bytes: number;
}

export type IngestEvent =
  | { readonly kind: 'progress'; readonly tally: Readonly<IngestTally> }
  | { readonly kind: 'failed'; readonly id: string; readonly error: DossierError };

/**
 * Every article under the given paths: folders (articles and saved feeds inside them), .jsonl
 * files, article files and RSS/Atom feed files.
 */
export async function* ingestSources(paths: readonly string[], options: IngestOptions = {}): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new DossierError('INPUT_NOT_FOUND', 'no such file or folder', { where: p });
    if (!info.isDirectory()) {
      yield* isFeedFile(p) ? readFeed(p, options) : readArticles(p, options);
      continue;
    }
    const feeds = await listFeedFiles(p);
    if ((await listArticleFiles(p)).length || !feeds.length) yield* readArticles(p, options);
    for (const feed of feeds) {
      try {
        yield* readFeed(feed, options);
      } catch (e) {
        yield { ok: false, id: path.basename(feed), origin: feed, error: asDossierError(e, feed) };
      }
    }
  }
}

async function listFeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && isFeedFile(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** How many articles the paths hold, when that is known without reading them (no .jsonl, no feeds). */
export async function countArticles(paths: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) return null;
    if (!info.isDirectory()) {
      if (isFeedFile(p) || p.toLowerCase().endsWith('.jsonl')) return null;
      total++;
      continue;
    }
    const files = await listArticleFiles(p);
    if (files.some((f) => f.toLowerCase().endsWith('.jsonl')) || (await listFeedFiles(p)).length) return null;
    total += files.length;
  }
  return total;
}

/**
 * Analyses and stores every article of the sources, each in its own transaction (Store.addArticle),
 * so a killed ingest keeps what it committed and a re-run skips it without analysing it again.
 */
export async function ingest(store: Store, analyzer: Analyzer, sources: AsyncIterable<SourceItem>,
  report: (e: IngestEvent) => void = () => {}): Promise<IngestTally> {
  const tally: IngestTally = { read: 0, stored: 0, known: 0, failed: 0, bytes: 0 };
  for await (const item of sources) {
    tally.read++;
    if (!item.ok) {
      tally.failed++;
      report({ kind: 'failed', id: item.id, error: item.error });
    } else {
      const article = item.article;
      tally.bytes += Buffer.byteLength(article.text);
      try {
        // analysed only when new: a re-run after an interruption skips what was committed
        if (store.addArticle(article, () => analyzer.analyze(article)).inserted) tally.stored++;
        else tally.known++;
      } catch (e) {
        const error = asDossierError(e, article.origin);
        if (error.code === 'STORE') throw error;
        tally.failed++;
        report({ kind: 'failed', id: article.id, error });
      }
    }
    report({ kind: 'progress', tally });
  }
  return tally;
}
