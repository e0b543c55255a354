/**
 * The documented nginx configuration (deploy/nginx/, docs/deploy.md) serving the test site, which
 * is built under a base path (tests/setup/build-site.ts): security headers, caching, types,
 * a page, a thumbnail, the downloads, the 404 pages per language, a search in Chromium under
 * the prefix and a study's short address.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Study } from '../../src/domain/schemas.ts';
import { contentSecurityPolicyHeader } from '../../src/site/csp.ts';
import { launchChromium } from '../support/browser.ts';
import { startNginx, type NginxSite } from './nginx-server.ts';

const siteDir = inject('siteDir');
const base = inject('basePath');

let nginx: NginxSite;
let browser: Browser;
beforeAll(async () => {
  nginx = await startNginx(siteDir, base);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

const get = (path: string) => fetch(`${nginx.origin}${base}${path}`, { redirect: 'manual' });

/** The headers every response carries, pages, files, redirects and 404s alike. */
function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader());
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('nginx with deploy/nginx/hemorrhage.conf, under the base path', () => {
  it('serves a page with the security policy as headers, revalidated', async () => {
    const response = await get('en/about/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('<html lang="en"');
    // The page's own meta policy and the header agree on everything but the hashes.
    expect(html).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // A revalidation is answered from the ETag.
    const etag = response.headers.get('etag')!;
    const again = await fetch(`${nginx.origin}${base}en/about/`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('sends the root to the base path and folders to their slash, on the same host', async () => {
    const bare = await fetch(`${nginx.origin}${base.replace(/\/$/, '')}`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(new URL(bare.headers.get('location')!, nginx.origin).pathname).toBe(base);
    const folder = await get('en/cite');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`${base}en/cite/`);
    expect((await get('')).status).toBe(200);
  });

  it('serves hashed assets as immutable and thumbnails for an hour', async () => {
    const html = await (await get('en/')).text();
    const asset = /(?:href|src)="([^"]*\/_astro\/[^"]+)"/.exec(html)![1]!;
    expect(asset.startsWith(`${base}_astro/`)).toBe(true);
    const assetResponse = await fetch(`${nginx.origin}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(assetResponse);

    const { studies } = JSON.parse(await readFile(join(siteDir, 'data/studies.json'), 'utf8')) as {
      studies: Study[];
    };
    const cover = studies.find((s) => s.cover)!.cover!;
    const thumb = await get(cover);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.headers.get('cache-control')).toBe('public, max-age=3600');
    expectSecurityHeaders(thumb);
    const bytes = new Uint8Array(await thumb.arrayBuffer());
    expect(Buffer.from(bytes.subarray(8, 12)).toString('latin1')).toBe('WEBP');
  });

  it.each([
    ['data/registry.csv', 'text/csv; charset=utf-8'],
    ['data/studies.json', 'application/json; charset=utf-8'],
    ['croissant.json', 'application/json; charset=utf-8'],
    ['CITATION.cff', 'application/yaml; charset=utf-8'],
    ['citation-en.bib', 'application/x-bibtex; charset=utf-8'],
    ['citation-ru.ris', 'application/x-research-info-systems; charset=utf-8'],
    ['sitemap-index.xml', 'application/xml; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
  ])('serves the download %s as %s', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe(await readFile(join(siteDir, path), 'utf8'));
  });

  it("serves Pagefind's index files as binary, hashed ones immutable, never re-compressed", async () => {
    const entry = JSON.parse(await (await get('pagefind/pagefind-entry.json')).text()) as {
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    const en = entry.languages['en']!;
    const meta = await get(`pagefind/pagefind.${en.hash}.pf_meta`);
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-type')).toBe('application/octet-stream');
    expect(meta.headers.get('content-encoding')).toBeNull();
    expect(meta.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    if (en.wasm) {
      const wasm = await get(`pagefind/wasm.${en.wasm}.pagefind`);
      expect(wasm.status).toBe(200);
      expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
    }
  });

  it.each([
    ['en/no-such-page/', 'en'],
    ['ru/no-such-page/', 'ru'],
    ['no-such-file.txt', 'ru'],
  ])('answers %s with the 404 page in %s', async (path, lang) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}"`);
    // The bilingual page for paths outside a language has both texts.
    if (!path.startsWith(`${lang}/`)) expect(html).toContain('lang="en"');
  });

  it('does not serve the build bookkeeping', async () => {
    expect((await get('.build-stamp')).status).toBe(404);
  });

  it('search works in Chromium under the prefix, with the policy headers in force', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${nginx.origin}${base}en/license/`);
    const word = (await page.locator('main h1').innerText()).split(/\s+/)[0]!;
    await page.locator('header input[name="q"]').fill(word);
    const hit = page.locator(`header .search-box__panel a[href="${base}en/license/"]`);
    await hit.waitFor({ timeout: 15_000 });
    await hit.click();
    await page.waitForURL(`${nginx.origin}${base}en/license/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("takes a study's short address (its handle, typed without the slash) to its page", async () => {
    const { studies } = JSON.parse(await readFile(join(siteDir, 'data/studies.json'), 'utf8')) as {
      studies: Study[];
    };
    const study = studies.at(-1)!;
    const bare = await get(`ru/studies/${study.handle}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${base}ru/studies/${study.handle}/`);
    const page = await browser.newPage();
    await page.goto(`${nginx.origin}${base}ru/studies/${study.handle}`);
    await page.waitForURL(`${nginx.origin}${base}ru/studies/${study.slug}/`);
    expect(await page.locator('main h1').innerText()).toContain(`#${study.handle}`);
    await page.close();
  });
});
