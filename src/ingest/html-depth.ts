/**
 * How deeply a page nests its elements, measured on the markup before any parser sees it. The HTML
 * parser (linkedom) takes time that grows faster than the depth (100,000 nested elements: 31 s) and
 * Readability walks the tree recursively (a stack overflow from about 10,000 levels), so a page
 * nested deeper than any real page is refused before it is parsed.
 */
export const MAX_HTML_DEPTH = 512;

// Elements HTML lets a page leave open (the parser closes them at the next sibling) and elements that
// never have content: counting them would take a page of unclosed <p> or <li> for a deep one.
const NOT_COUNTED = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc',
  'html', 'head', 'body', 'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track',
  'wbr', 'keygen', 'frame', 'image',
]);
// their content is text up to their end tag, never markup
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * The deepest nesting of elements that must be closed explicitly, in one pass over the markup
 * (comments and the content of script, style and the like skipped), stopping as soon as it passes
 * `limit`. An upper bound of what the parser builds for those elements, never much below it.
 */
export function markupDepth(html: string, limit = MAX_HTML_DEPTH): number {
  const lower = html.length < 50_000_000 ? html.toLowerCase() : html;
  let depth = 0, deepest = 0;
  let i = lower.indexOf('<');
  while (i >= 0 && i < lower.length) {
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      if (end < 0) break;
      i = lower.indexOf('<', end + 3);
      continue;
    }
    const close = lower.charCodeAt(i + 1) === 47; /* / */
    let j = close ? i + 2 : i + 1;
    const nameStart = j;
    while (j < lower.length && isNameChar(lower.charCodeAt(j))) j++;
    const name = lower.slice(nameStart, j);
    const tagEnd = lower.indexOf('>', j);
    if (tagEnd < 0) break;
    if (name && !NOT_COUNTED.has(name)) {
      if (close) {
        if (depth > 0) depth--;
      } else if (lower.charCodeAt(tagEnd - 1) !== 47 /* self-closing */) {
        if (RAW_TEXT.has(name)) {
          const end = lower.indexOf(`</${name}`, tagEnd + 1);
          if (end < 0) break;
          i = end;
          continue;
        }
        if (++depth > deepest) {
          deepest = depth;
          if (deepest > limit) return deepest;
        }
      }
    }
    i = lower.indexOf('<', tagEnd + 1);
  }
  return deepest;
}

const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 58;
