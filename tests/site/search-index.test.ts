/**
 * What the search index holds, read from Pagefind's own fragments (gzip, a `pagefind_dcd`
 * signature, then JSON with each page's indexed text): no hash (the registry's SHA-256 is on
 * every chart's scope line, a study's digest on its page), so typing hex finds nothing by it;
 * and the statistics page's chart captions keep a space before the next sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { StudiesFile } from '../../src/domain/schemas.ts';

const siteDir = inject('siteDir');
const fragmentDir = join(siteDir, 'pagefind/fragment');
const fragments = readdirSync(fragmentDir).map((name) => {
  const text = gunzipSync(readFileSync(join(fragmentDir, name))).toString('utf8');
  return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
});
const data = JSON.parse(
  readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
) as StudiesFile;

describe('the search index', () => {
  it('holds every page of both languages', () => {
    expect(fragments.length).toBeGreaterThan(2 * data.studies.length);
    expect(fragments.some((f) => f.url.endsWith('/en/statistics/'))).toBe(true);
  });

  it('holds no hash: not the registry SHA-256, not a study digest, no 64-hex string', () => {
    const registry = data.source.registrySha256;
    expect(registry).toMatch(/^[0-9a-f]{64}$/);
    const digests = data.studies.flatMap((s) => (s.sha256 ? [s.sha256] : []));
    for (const { url, content } of fragments) {
      expect(content, url).not.toContain(registry!.slice(0, 12));
      for (const digest of digests) expect(content, url).not.toContain(digest.slice(0, 12));
      expect(content, url).not.toMatch(/\b[0-9a-f]{64}\b/);
    }
  });

  it('keeps a space between a chart caption and what follows it', () => {
    for (const locale of ['en', 'ru']) {
      const stats = fragments.find((f) => f.url.endsWith(`/${locale}/statistics/`))!;
      const caption = locale === 'en' ? 'a study can have several.' : 'несколько находок.';
      expect(stats.content).toContain(caption);
      expect(stats.content).not.toMatch(new RegExp(`${caption.replace('.', '\\.')}\\S`));
    }
  });
});
