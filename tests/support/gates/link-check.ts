/**
 * A crawl of a built site's files: every reference in every HTML page (href, src, srcset,
 * link href, meta refresh, SVG use, and the URLs scripts fetch from `data-*` attributes), every
 * CSS `url()` and every sitemap `<loc>` must resolve to a file of the output, `#fragments` must
 * name an element id of the target page, and nothing the browser loads by itself (scripts,
 * styles, images, fonts, frames) may come from another origin. Plain outbound `<a href>` links
 * to other sites (creativecommons.org, doi.org) are allowed. A site built with a base path
 * (`--base`) is published under it: a link on the site's origin outside the base path is a
 * problem too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCALES } from '../../../src/i18n/locales.ts';
import { normalizeBase, stripBase } from '../../../src/site/base.ts';
import { elementsOf, type HtmlElement } from './html.ts';
import { listFiles, urlPathOf, type SitePage } from './site-pages.ts';

export interface LinkProblem {
  /** Site-relative file that holds the reference. */
  file: string;
  line: number;
  url: string;
  problem: string;
}

/** `navigation`: a link a reader follows (may leave the site); `resource`: the browser loads it. */
type ReferenceKind = 'navigation' | 'resource';

interface Reference {
  url: string;
  kind: ReferenceKind;
  line: number;
}

const RESOURCE_LINK_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);

/** Which attributes of which elements the browser fetches by itself. */
const RESOURCE_ATTRS: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

/**
 * The URLs of a `srcset` attribute.
 * @example srcsetUrls('a.webp 1x, b.webp 2x') // ['a.webp', 'b.webp']
 */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/**
 * The `url(...)` and `@import` references of a stylesheet.
 * @example cssUrls('a{background:url("x.svg")}') // ['x.svg']
 */
export function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!.trim());
  const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]!.trim());
  return [...urls, ...imports];
}

/** The references of one element. */
export function referencesOf(el: HtmlElement): Reference[] {
  const refs: Reference[] = [];
  const add = (url: string | undefined, kind: ReferenceKind) => {
    if (url !== undefined && url.trim() !== '') refs.push({ url: url.trim(), kind, line: el.line });
  };
  if (el.tag === 'a' || el.tag === 'area')
    add(el.attrs.href ?? el.attrs['xlink:href'], 'navigation');
  if (el.tag === 'link') {
    const rels = (el.attrs.rel ?? '').toLowerCase().split(/\s+/);
    add(el.attrs.href, rels.some((r) => RESOURCE_LINK_RELS.has(r)) ? 'resource' : 'navigation');
    if (el.attrs.imagesrcset) srcsetUrls(el.attrs.imagesrcset).forEach((u) => add(u, 'resource'));
  }
  if (el.tag === 'form') add(el.attrs.action, 'navigation');
  if (el.tag === 'meta' && el.attrs['http-equiv']?.toLowerCase() === 'refresh') {
    add(/url\s*=\s*['"]?([^'"]+)/i.exec(el.attrs.content ?? '')?.[1], 'navigation');
  }
  for (const attr of RESOURCE_ATTRS[el.tag] ?? []) {
    const value = el.attrs[attr];
    if (value === undefined) continue;
    if (attr.endsWith('srcset')) srcsetUrls(value).forEach((u) => add(u, 'resource'));
    else add(value, 'resource');
  }
  if (el.tag === 'style') cssUrls(el.text).forEach((u) => add(u, 'resource'));
  for (const [name, value] of Object.entries(el.attrs)) {
    if (name.startsWith('data-')) dataUrls(value).forEach((u) => add(u, 'resource'));
  }
  return refs;
}

/** Keys of JSON objects in `data-*` attributes whose values are URLs (e.g. sprite sheets). */
const URL_KEYS = new Set(['url', 'href', 'src']);

/**
 * The URLs a script reads from a `data-*` attribute: the value itself when it is a root-relative
 * path (`data-src="/data/explorer.json"`), or the `url`/`href`/`src` strings of a JSON value
 * (`data-sprites='[{"url":"/thumbs/a.webp"}]'`).
 * @example dataUrls('/data/explorer.json') // ['/data/explorer.json']
 * @example dataUrls('[{"url":"/t/a.webp","n":3}]') // ['/t/a.webp']
 */
export function dataUrls(value: string): string[] {
  const text = value.trim();
  if (text.startsWith('/') && !text.startsWith('//')) return [text];
  if (!text.startsWith('[') && !text.startsWith('{')) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, v] of Object.entries(node)) {
        if (URL_KEYS.has(key) && typeof v === 'string') urls.push(v);
        else walk(v);
      }
    }
  };
  walk(json);
  return urls;
}

/** Ids a fragment can point at in one page (`id` on any element, `name` on `<a>`). */
function anchorsOf(elements: HtmlElement[]): Set<string> {
  const ids = new Set<string>();
  for (const el of elements) {
    if (el.attrs.id) ids.add(el.attrs.id);
    if (el.tag === 'a' && el.attrs.name) ids.add(el.attrs.name);
  }
  return ids;
}

/**
 * The output file a static host serves for a URL path, or null: `/x/` → `x/index.html`,
 * `/x` → `x` or `x/index.html`.
 */
export function fileForPath(pathname: string, files: ReadonlySet<string>): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (path === '' || path.endsWith('/'))
    return files.has(`${path}index.html`) ? `${path}index.html` : null;
  if (files.has(path)) return path;
  return files.has(`${path}/index.html`) ? `${path}/index.html` : null;
}

export interface CrawlResult {
  problems: LinkProblem[];
  /** Every internal URL path referenced (base path included, no fragment), for an HTTP crawl. */
  internal: Set<string>;
}

/**
 * Checks every reference of every HTML and CSS file of `siteDir`. `siteOrigin` is the origin
 * the site is published at (`--site`): absolute URLs on it count as internal. `base` is the
 * path it is published under (`--base`): internal URLs must stay under it.
 */
export async function checkLinks(
  siteDir: string,
  siteOrigin: string,
  base = '/',
): Promise<LinkProblem[]> {
  return (await crawlSite(siteDir, siteOrigin, base)).problems;
}

/** `checkLinks`, also returning the internal URLs it followed. */
export async function crawlSite(
  siteDir: string,
  siteOrigin: string,
  basePath = '/',
): Promise<CrawlResult> {
  const base = normalizeBase(basePath);
  const internal = new Set<string>();
  const files = await listFiles(siteDir);
  const fileSet = new Set(files);
  const problems: LinkProblem[] = [];
  const parsed = new Map<string, HtmlElement[]>();
  const read = (f: string) => readFile(join(siteDir, f), 'utf8');
  for (const f of files.filter((f) => f.endsWith('.html')))
    parsed.set(f, elementsOf(await read(f)));
  const anchors = new Map([...parsed].map(([f, els]) => [f, anchorsOf(els)]));

  const check = (file: string, from: string, ref: Reference): void => {
    const report = (problem: string): void =>
      void problems.push({ file, line: ref.line, url: ref.url, problem });
    if (/^\s*javascript:/i.test(ref.url)) return report('javascript: URL');
    if (/^(data|mailto|tel|blob):/i.test(ref.url)) return;
    let url: URL;
    try {
      url = new URL(ref.url, from);
    } catch {
      return report('not a valid URL');
    }
    if (url.origin !== siteOrigin) {
      if (ref.kind === 'resource') report(`loads from another origin (${url.origin})`);
      return;
    }
    if (!url.pathname.startsWith(base)) return report(`leaves the base path ${base}`);
    internal.add(`${url.pathname}${url.search}`);
    const target = fileForPath(stripBase(url.pathname, base), fileSet);
    if (!target) return report('no such file in the output');
    const fragment = url.hash.slice(1);
    if (!fragment || fragment.startsWith(':~:') || fragment === 'top') return;
    const ids = anchors.get(target);
    if (!ids) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return report('fragment is not valid percent-encoding');
    }
    if (!ids.has(id)) report(`no element with id "${id}" in ${target}`);
  };

  for (const [file, elements] of parsed) {
    const baseHref = elements.find((e) => e.tag === 'base')?.attrs.href;
    const pageUrl = new URL(baseHref ?? '', `${siteOrigin}${base}${urlPathOf(file).slice(1)}`);
    for (const el of elements) for (const ref of referencesOf(el)) check(file, pageUrl.href, ref);
  }
  // Sitemaps list every page by absolute URL: each must be a page of the output.
  for (const file of files.filter((f) => f.endsWith('.xml'))) {
    const xml = await read(file);
    for (const m of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      const line = xml.slice(0, m.index).split('\n').length;
      check(file, `${siteOrigin}${base}${file}`, { url: m[1]!, kind: 'navigation', line });
    }
  }
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    for (const url of cssUrls(await read(file)))
      check(file, `${siteOrigin}${base}${file}`, { url, kind: 'resource', line: 0 });
  }
  return { problems, internal };
}

/**
 * Pages whose counterpart in another language is missing: every `/ru/x/` needs `/en/x/` and
 * back, so the language switch and the hreflang alternates never lead to a 404.
 */
export function missingLanguagePartners(pages: SitePage[]): string[] {
  const paths = new Set(pages.map((p) => p.urlPath));
  const missing: string[] = [];
  for (const page of pages) {
    if (!page.locale) continue;
    for (const other of LOCALES) {
      const partner = page.urlPath.replace(`/${page.locale}/`, `/${other}/`);
      if (!paths.has(partner)) missing.push(`${page.urlPath} has no ${other} partner ${partner}`);
    }
  }
  return missing;
}
