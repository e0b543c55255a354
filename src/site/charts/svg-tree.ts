/**
 * A tiny virtual SVG tree: chart functions return one, the server renders it as elements in
 * Astro (escaped like any expression) or as a standalone .svg file, and the browser builds it
 * with createElementNS and textContent. No HTML strings, so data can never become markup.
 */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: (SvgNode | string)[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Builds a node; `null`/`false` children are skipped so callers can write conditionals inline.
 * @example h('text', { x: 4 }, 'label') // { tag: 'text', attrs: { x: 4 }, children: ['label'] }
 */
type Child = SvgNode | string | number | null | false | undefined;

export function h(
  tag: string,
  attrs: Record<string, string | number | null | undefined> = {},
  ...children: (Child | readonly Child[])[]
): SvgNode {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) clean[k] = v;
  const flat: (SvgNode | string)[] = [];
  for (const child of children.flat() as Child[]) {
    if (child === null || child === false || child === undefined) continue;
    flat.push(typeof child === 'number' ? String(child) : child);
  }
  return { tag, attrs: clean, children: flat };
}

/**
 * Escapes text for XML content and attribute values.
 * @example escapeXml('a < "b"') // 'a &lt; &quot;b&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Serialises a tree as XML (for the standalone .svg download). */
export function toSvgString(node: SvgNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const inner = node.children.map(toSvgString).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** Builds real SVG elements (browser only); text goes in as text nodes. */
export function toDom(node: SvgNode | string, doc: Document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs)) el.setAttribute(k, String(v));
  for (const child of node.children) el.appendChild(toDom(child, doc));
  return el;
}
