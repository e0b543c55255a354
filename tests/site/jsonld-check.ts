/**
 * Offline checks of the site's JSON-LD the way the official tools look at it: JSON-LD
 * expansion (the `jsonld` package, with a document loader that serves only vendored contexts
 * and refuses the network), then the Croissant 1.1 / RAI 1.0 rules that `mlcroissant validate`
 * applies to metadata, and Google's Dataset rich-result properties.
 *
 * Vendored: `tests/fixtures/jsonld/schemaorg-context-29.4.jsonld`, schema.org's published
 * JSON-LD context (release 29.4). Croissant documents carry their context inline, so they
 * need no remote document at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';

const FIXTURES = join(import.meta.dirname, '../fixtures/jsonld');
const SCHEMA_ORG_CONTEXT = JSON.parse(
  readFileSync(join(FIXTURES, 'schemaorg-context-29.4.jsonld'), 'utf8'),
) as object;

/** Context URLs served from the vendored files; anything else is an error (no network). */
const VENDORED: Record<string, object> = Object.fromEntries(
  ['http://schema.org', 'https://schema.org', 'http://schema.org/', 'https://schema.org/'].map(
    (url) => [url, SCHEMA_ORG_CONTEXT],
  ),
);

export const requested: string[] = [];

async function offlineLoader(url: string) {
  requested.push(url);
  const document = VENDORED[url];
  if (!document) throw new Error(`No vendored JSON-LD document for ${url} (network is off)`);
  return { contextUrl: undefined, documentUrl: url, document };
}

/**
 * JSON-LD expansion with vendored contexts only, in safe mode (a term the context does not
 * define, or an invalid value, is an error rather than silently dropped). Croissant's local
 * `@id`s ("registry-csv") resolve against `base`, the document's own URL.
 */
export async function expandOffline(doc: object, base?: string): Promise<object[]> {
  return jsonld.expand(
    doc as jsonld.JsonLdDocument,
    {
      documentLoader: offlineLoader as never,
      safe: true,
      ...(base ? { base } : {}),
    } as jsonld.Options.Expand,
  );
}

export const SC = 'http://schema.org/';
export const CR = 'http://mlcommons.org/croissant/';
export const RAI = 'http://mlcommons.org/croissant/RAI/';
export const DCT = 'http://purl.org/dc/terms/';

type Node = Record<string, unknown>;

/** The values of an expanded property: `@value`s and `@id`s, or nested nodes. */
export function values(node: Node, iri: string): unknown[] {
  const v = node[iri];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

export function literals(node: Node, iri: string): string[] {
  return values(node, iri).map((v) => {
    const o = v as Node;
    return String(o['@value'] ?? o['@id'] ?? '');
  });
}

export function types(node: Node): string[] {
  return (node['@type'] as string[] | undefined) ?? [];
}

/** True when the value is an absolute http(s) URL. */
export function isUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** ISO 8601 date or date-time. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** `mlcroissant`'s file properties a Field may extract from a FileSet. */
export const FILE_PROPERTIES = [
  'fullpath',
  'filepath',
  'filename',
  'content',
  'lines',
  'lineNumbers',
];

/** Data types a Croissant Field may declare here (schema.org atomic types and cr:Label). */
export const DATA_TYPES = new Set(
  ['Text', 'Boolean', 'Integer', 'Float', 'Number', 'Date', 'DateTime', 'URL', 'ImageObject']
    .map((t) => SC + t)
    .concat(CR + 'Label'),
);
