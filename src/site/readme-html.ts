/**
 * A dataset README's Markdown as HTML for the About page, safely: parsed by
 * mdast-util-from-markdown (GFM tables), turned into HTML by mdast-util-to-hast and
 * hast-util-to-html, so every text is escaped by the serializer. Raw HTML in the README is
 * never passed through: a block of only `<img>` tags (the README's logos, which do not ship)
 * is left out, any other HTML (an inline `<img>` too) is shown as text. Links keep only http(s) and mailto addresses; Markdown images
 * become their alt text (the site loads nothing from other origins). The README's title (its
 * first top-level heading) is the page's own h1, so it is dropped and the other headings move
 * one level down; each gets an id for the table of contents.
 */
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import {
  matches,
  README_SECTIONS,
  words,
  type ReadmeSectionId,
} from '../domain/readme-sections.ts';

export interface ReadmeHtml {
  html: string;
  /** The README's top-level sections (h2 on the page), for the table of contents. */
  sections: { slug: string; text: string }[];
}

const SAFE_URL = /^(https?:|mailto:|#)/i;
const ONLY_IMG_TAGS = /^(\s*<img\b[^<>]*>\s*)+$/i;

function clean(parent: Parents): void {
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    if (node.type === 'html') {
      // The README's logos are blocks of their own: left out. Any other HTML, text.
      if (parent.type !== 'root' || !ONLY_IMG_TAGS.test(node.value)) {
        out.push({ type: 'text', value: node.value } as RootContent);
      }
      continue;
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      if (node.alt) out.push({ type: 'text', value: node.alt } as RootContent);
      continue;
    }
    if (node.type === 'link' && !SAFE_URL.test(node.url.trim())) {
      out.push(...(node.children as RootContent[]));
      continue;
    }
    if ('children' in node) clean(node);
    out.push(node);
  }
  parent.children = out as never;
}

function addNotes(root: Root, notes: Partial<Record<ReadmeSectionId, string>>): void {
  for (const [id, note] of Object.entries(notes) as [ReadmeSectionId, string][]) {
    const at = root.children.findIndex(
      (n) => n.type === 'heading' && matches(words(toString(n)), README_SECTIONS[id]),
    );
    if (at < 0) continue;
    let end = at + 1;
    while (end < root.children.length && root.children[end]!.type !== 'heading') end++;
    root.children.splice(end, 0, {
      type: 'paragraph',
      data: { hProperties: { className: ['note'] } },
      children: [{ type: 'text', value: note }],
    });
  }
}

/**
 * Renders one README. `notes`: a paragraph of ours to add at the end of a section (found by
 * meaning, like the facts), e.g. what the annotation class means; rendered as text, marked
 * as the site's note.
 */
export function readmeHtml(
  markdown: string,
  notes: Partial<Record<ReadmeSectionId, string>> = {},
): ReadmeHtml {
  const root: Root = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  clean(root);
  const titleAt = root.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  if (titleAt >= 0) root.children.splice(titleAt, 1);
  addNotes(root, notes);
  const slugger = new GithubSlugger();
  const sections: ReadmeHtml['sections'] = [];
  for (const node of root.children) {
    if (node.type !== 'heading') continue;
    node.depth = Math.min(6, node.depth + 1) as typeof node.depth;
    const text = toString(node);
    const slug = slugger.slug(text);
    node.data = { ...node.data, hProperties: { id: slug } };
    if (node.depth === 2) sections.push({ slug, text });
  }
  const hast = toHast(root as Nodes);
  return { html: toHtml(hast), sections };
}
