/**
 * A flat view of an HTML document for static checks: every element with its attributes, the raw
 * text of `<script>`/`<style>`, and its source line. Parsed with parse5 (the HTML spec's parser,
 * as browsers parse), so what the checks see is what a browser builds.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Concatenated child text (raw text for script and style). */
  text: string;
  /** 1-based line in the source. */
  line: number;
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

function isElement(node: Node): node is DefaultTreeAdapterTypes.Element {
  return 'tagName' in node;
}

/** The children of an element; a `<template>`'s live in its content fragment. */
function childrenOf(node: DefaultTreeAdapterTypes.Element): DefaultTreeAdapterTypes.ChildNode[] {
  return node.tagName === 'template'
    ? (node as DefaultTreeAdapterTypes.Template).content.childNodes
    : node.childNodes;
}

function childText(node: DefaultTreeAdapterTypes.Element): string {
  return childrenOf(node)
    .map((c) => (c.nodeName === '#text' && 'value' in c ? c.value : ''))
    .join('');
}

/**
 * Every element of the document in document order (template contents included).
 * @example elementsOf('<p id="a">x</p>').find((e) => e.tag === 'p')?.attrs.id // 'a'
 */
export function elementsOf(html: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const visit = (node: Node) => {
    if (isElement(node)) {
      out.push({
        tag: node.tagName,
        attrs: Object.fromEntries(
          node.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]),
        ),
        text: childText(node),
        line: node.sourceCodeLocation?.startLine ?? 0,
      });
      childrenOf(node).forEach(visit);
    } else if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return out;
}

/** Script types a browser executes (a missing or empty type is JavaScript). */
export function isExecutableScript(el: HtmlElement): boolean {
  if (el.tag !== 'script') return false;
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  return (
    type === '' ||
    type === 'module' ||
    /^(text|application)\/(x-)?(java|ecma)script$/.test(type) ||
    type === 'text/jscript'
  );
}
