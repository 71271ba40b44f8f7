import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DossierError } from '../core/errors.js';
import { MAX_HTML_DEPTH, markupDepth } from './html-depth.js';
import { normaliseDate } from './record.js';

export interface HtmlArticle {
  readonly text: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'TR', 'FIGCAPTION', 'DD', 'DT']);

/**
 * Extracts the article body and its metadata from an HTML page. The body comes from Readability
 * (the Firefox reader view); paragraphs become blank-line separated lines, so paragraph structure
 * (which quotes and headlines rely on) survives. Metadata comes from the page's own meta tags and
 * JSON-LD, which publishers fill for search engines.
 */
export function extractHtml(html: string, where: string): HtmlArticle {
  const depth = markupDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new DossierError('INPUT_FORMAT', `the HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; no article page does, so it is not read`, { where });
  }
  let document: Document;
  try {
    ({ document } = parseHTML(html) as unknown as { document: Document });
  } catch (e) {
    throw new DossierError('INPUT_FORMAT', `the HTML cannot be parsed: ${e instanceof Error ? e.message : String(e)}`, { where });
  }
  // markup that parses to no document element (": 's") has no page to read metadata from
  if (!document.documentElement) throw new DossierError('INPUT_NO_ARTICLE', 'no article text found in the HTML page', { where });
  const meta = readMetadata(document);
  let text = '';
  let title = meta.title;
  try {
    const clone = document.cloneNode(true) as Document;
    const parsed = new Readability(clone, { charThreshold: 100 }).parse();
    if (parsed?.content) {
      const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as { document: Document };
      text = blockText(body.body);
      title ??= parsed.title?.trim() || null;
    }
  } catch {
    text = '';
  }
  // Readability gives up on short or oddly built pages; the page's own paragraphs are the fallback.
  if (text.length < 80 && document.body) {
    for (const el of Array.from(document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form'))) el.remove();
    const fallback = blockText(document.body);
    if (fallback.length > text.length) text = fallback;
  }
  // a page whose only text is a menu label or a title has no article to analyse
  if ((text.match(/\p{L}+/gu) ?? []).length < 5) throw new DossierError('INPUT_NO_ARTICLE', 'no article text found in the HTML page', { where });
  return { ...meta, title, text };
}

function blockText(root: Element | null): string {
  if (!root) return '';
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  // an explicit stack, not recursion: the depth of a page is the page's choice, the call stack's is not
  const END_OF_BLOCK = null;
  const stack: (Node | typeof END_OF_BLOCK)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === END_OF_BLOCK) { flush(); continue; }
    if (node.nodeType === 3) { current += node.textContent ?? ''; continue; }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT') continue;
    if (el.tagName === 'BR') { current += ' '; continue; }
    const block = BLOCK.has(el.tagName);
    if (block) { flush(); stack.push(END_OF_BLOCK); }
    const children = el.childNodes;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!);
  }
  flush();
  return paragraphs.join('\n\n');
}

function readMetadata(document: Document): Omit<HtmlArticle, 'text'> {
  const metaContent = (...names: string[]): string | null => {
    for (const n of names) {
      const el: Element | null = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(document);
  const publishedRaw = metaContent('article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date')
    ?? ld.datePublished ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title: metaContent('og:title', 'twitter:title') ?? ld.headline ?? (document.querySelector('title')?.textContent?.trim() || null),
    outlet: metaContent('og:site_name', 'application-name') ?? ld.publisher,
    author: metaContent('author', 'article:author', 'byl', 'dc.creator') ?? ld.author,
    published: normaliseDate(publishedRaw),
    url: metaContent('og:url') ?? canonical ?? ld.url,
  };
}

interface JsonLdFacts { datePublished: string | null; headline: string | null; publisher: string | null; author: string | null; url: string | null }

function readJsonLd(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = { datePublished: null, headline: null, publisher: null, author: null, url: null };
  for (const script of Array.from<Element>(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try { data = JSON.parse(script.textContent ?? ''); } catch { continue; }
    const items: unknown[] = Array.isArray(data) ? data : [data];
    for (const raw of items.flatMap((d) => (d && typeof d === 'object' && '@graph' in d ? (d as { '@graph': unknown[] })['@graph'] : [d]))) {
      if (!raw || typeof raw !== 'object') continue;
      const item = raw as Record<string, unknown>;
      const str = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v && typeof (v as { name: unknown }).name === 'string' ? (v as { name: string }).name : Array.isArray(v) ? str(v[0]) : null);
      facts.datePublished ??= str(item.datePublished);
      facts.headline ??= str(item.headline);
      facts.publisher ??= str(item.publisher);
      facts.author ??= str(item.author);
      facts.url ??= str(item.url);
    }
  }
  return facts;
}
