/**
 * Building DOM nodes. Every string becomes a text node or an attribute value, never markup: there
 * is deliberately no innerHTML anywhere in the page, so article text containing HTML or <script>
 * shows as the characters it is.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child as Node);
  }
}

/** Replaces the content of a node. */
export function mount(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

/** A hash link inside the page, with query parameters encoded. */
export function href(route: string, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#/${route}${s ? `?${s}` : ''}`;
}

/** Text with the store's snippet markers ([word]) turned into <mark> elements. */
export function marked(snippet: string): Child[] {
  const out: Child[] = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    out.push(snippet.slice(last, m.index), h('mark', {}, m[1] ?? ''));
    last = m.index + m[0].length;
  }
  out.push(snippet.slice(last));
  return out;
}
