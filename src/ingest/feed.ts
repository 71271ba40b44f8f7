import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { DossierError, asDossierError } from '../core/errors.js';
import { DEFAULT_LIMITS, type RawArticle } from './article.js';
import { decodeText } from './decode.js';
import { MAX_HTML_DEPTH, markupDepth } from './html-depth.js';
import { normaliseDate } from './record.js';
import { checkArticle, type IngestOptions, type SourceItem } from './sources.js';

/** Files read as RSS or Atom feeds (a saved feed; dossier never fetches one at run time). */
export const FEED_EXTENSIONS = ['.rss', '.atom', '.xml'] as const;

export const isFeedFile = (file: string) => (FEED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());

type FeedItem = Parser.Item & { 'content:encoded'?: string; id?: string };

/**
 * The articles of a saved RSS or Atom feed, one per item: the full content when the feed
 * carries it (content:encoded, Atom content), else the summary. The feed's title is the outlet
 * unless the caller gives one. Bad items come out as errors and never stop the feed.
 */
export async function* readFeed(file: string, options: IngestOptions = {}): AsyncGenerator<SourceItem> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const info = await stat(file).catch(() => null);
  if (!info) throw new DossierError('INPUT_NOT_FOUND', 'no such file', { where: file });
  if (info.size > limits.maxFileBytes) throw new DossierError('INPUT_TOO_LARGE', 'the feed file is over the size limit', { where: file });
  const xml = decodeText(await readFile(file), file);
  let feed: Parser.Output<FeedItem> & { title?: string };
  try {
    feed = await new Parser<Record<string, unknown>, FeedItem>({ customFields: { item: ['content:encoded', 'id'] } }).parseString(xml);
  } catch (e) {
    throw new DossierError('INPUT_FORMAT', `not a readable RSS or Atom feed: ${(e as Error).message}`, { where: file });
  }
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  let n = 0;
  for (const item of feed.items) {
    n++;
    const where = `${file}#${n}`;
    const id = item.guid ?? item.id ?? item.link ?? `${base}-${n}`;
    try {
      yield { ok: true, article: checkArticle(feedArticle(item, id, where, feed.title ?? null, options), options) };
    } catch (e) {
      yield { ok: false, id, origin: where, error: asDossierError(e, where) };
    }
  }
}

function feedArticle(item: FeedItem, id: string, where: string, feedTitle: string | null, options: IngestOptions): RawArticle {
  const html = item['content:encoded'] ?? item.content ?? item.summary ?? item.contentSnippet ?? '';
  const text = htmlFragmentText(html, where);
  if (!text) throw new DossierError('INPUT_EMPTY', 'the feed item has no text', { where });
  return {
    id, text, origin: where,
    title: item.title?.trim() || null,
    url: item.link ?? null,
    published: normaliseDate(item.isoDate ?? item.pubDate) ?? options.defaults?.published ?? null,
    outlet: feedTitle?.trim() || options.defaults?.outlet || null,
    author: item.creator ?? null,
  };
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|section|article|tr)>|<br\s*\/?>/gi;

/** The text of an HTML fragment, a paragraph a block, so paragraph structure survives. */
export function htmlFragmentText(html: string, where = 'feed item'): string {
  if (!/[<&]/.test(html)) return html.trim();
  if (markupDepth(html) > MAX_HTML_DEPTH) {
    throw new DossierError('INPUT_FORMAT', `the item's HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; it is not read`, { where });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(BLOCK_END, '$&\n\n')}</body></html>`) as unknown as { document: Document };
  for (const el of Array.from(document.querySelectorAll('script, style'))) el.remove();
  return (document.body.textContent ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
