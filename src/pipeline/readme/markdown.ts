/**
 * A README as sections: the Markdown parsed by mdast-util-from-markdown (with GFM tables), then
 * cut at every heading. Matching a section or a table label is by meaning: words are compared
 * by their stems after case, punctuation and "ё" are folded, so "Версия набора данных",
 * "ВЕРСИЯ" and "Dataset version" all find the version.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, RootContent } from 'mdast';
import { words } from '../../domain/readme-sections.ts';

export { matches, words } from '../../domain/readme-sections.ts';

export interface Section {
  depth: number;
  /** The heading as written. */
  heading: string;
  /** The heading's words, folded (see `words`). */
  words: string[];
  /** The nodes between this heading and the next heading of any depth. */
  nodes: RootContent[];
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The README cut at its headings; content before the first heading is a section of depth 0. */
export function sections(root: Root): Section[] {
  const out: Section[] = [{ depth: 0, heading: '', words: [], nodes: [] }];
  for (const node of root.children) {
    if (node.type === 'heading') {
      const heading = clean(toString(node));
      out.push({ depth: node.depth, heading, words: words(heading), nodes: [] });
    } else {
      out.at(-1)!.nodes.push(node);
    }
  }
  return out;
}

/** Whitespace collapsed and trimmed. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A section's text: paragraphs and list items joined by newlines, each cleaned. */
export function sectionText(section: Section): string {
  return blocks(section.nodes).join('\n');
}

/** The text blocks (paragraphs, list items, table cells skipped) inside the nodes, in order. */
export function blocks(nodes: readonly Nodes[]): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') {
      // A paragraph may hold several lines (the README's blockquotes run lines together).
      for (const line of toStringLines(node)) if (line) out.push(line);
      return;
    }
    if (node.type === 'html' || node.type === 'table') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of nodes) visit(node);
  return out;
}

function toStringLines(node: Nodes): string[] {
  return toString(node)
    .split('\n')
    .map((line) => clean(line));
}

/** Every link's URL and every bare http(s) URL in the nodes, in order. */
export function urls(nodes: readonly Nodes[]): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') out.push(node.url);
    else if (node.type === 'text') out.push(...(node.value.match(/https?:\/\/[^\s)>\]]+/g) ?? []));
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of nodes) visit(node);
  return [...new Set(out)];
}

/** The first GFM table in the nodes, as rows of cell texts (header row first). */
export function firstTable(nodes: readonly Nodes[]): string[][] | null {
  for (const node of nodes) {
    if (node.type === 'table') {
      return node.children.map((row) => row.children.map((cell) => clean(toString(cell))));
    }
    if ('children' in node) {
      const found = firstTable(node.children as Nodes[]);
      if (found) return found;
    }
  }
  return null;
}
