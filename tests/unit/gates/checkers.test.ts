/**
 * The gates' own checkers, on small hand-made inputs with known faults: each gate over the
 * real site is only worth something if its checker finds what it is meant to find.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hashSource,
  pageCspProblems,
  parseCsp,
  policyProblems,
} from '../../support/gates/csp-check.ts';
import { elementsOf } from '../../support/gates/html.ts';
import { checkLinks, missingLanguagePartners } from '../../support/gates/link-check.ts';
import { groupProblems } from '../../support/gates/report.ts';
import {
  pageTypeOf,
  representatives,
  sitePages,
  urlPathOf,
} from '../../support/gates/site-pages.ts';

const temp: string[] = [];
afterAll(() => Promise.all(temp.map((d) => rm(d, { recursive: true, force: true }))));

async function writeTree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gates-'));
  temp.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const GOOD_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

describe('page types', () => {
  const patterns = [
    [],
    ['[lang]'],
    ['[lang]', 'studies'],
    ['[lang]', 'studies', '[handle]'],
    ['[lang]', 'studies', '[slug]'],
    ['404'],
  ];
  it('name each page by the route that made it, whatever its locale or slug', () => {
    expect(pageTypeOf('/', patterns)).toBe('index');
    expect(pageTypeOf('/en/', patterns)).toBe('[lang]');
    expect(pageTypeOf('/ru/studies/', patterns)).toBe('[lang]/studies');
    expect(pageTypeOf('/ru/studies/1-2-3/', patterns)).toBe('[lang]/studies/[slug]');
    // A handle's short address and a study page: sibling routes, told apart by the handle's shape.
    expect(pageTypeOf('/ru/studies/124/', patterns)).toBe('[lang]/studies/[handle]');
    expect(pageTypeOf('/en/studies/F2/', patterns)).toBe('[lang]/studies/[handle]');
    expect(pageTypeOf('/en/studies/study-124/', patterns)).toBe('[lang]/studies/[slug]');
    expect(pageTypeOf('/404.html', patterns)).toBe('404');
    expect(pageTypeOf('/en/unknown/x/', patterns)).toBe('[lang]/unknown/x');
    expect(urlPathOf('en/studies/a/index.html')).toBe('/en/studies/a/');
  });

  it('pick one page per type and locale', async () => {
    const dir = await writeTree({
      'index.html': '',
      'ru/index.html': '',
      'en/index.html': '',
      'ru/studies/a/index.html': '',
      'ru/studies/b/index.html': '',
      'en/studies/a/index.html': '',
    });
    const picked = representatives(await sitePages(dir)).map((p) => p.urlPath);
    expect(picked).toEqual(['/', '/en/', '/en/studies/a/', '/ru/', '/ru/studies/a/']);
  });
});

describe('link crawl', () => {
  it('reports broken links, anchors, assets and other-origin resources, and passes good ones', async () => {
    const dir = await writeTree({
      'ru/index.html':
        '<a href="/en/">ok</a><a href="/ru/#main">ok</a><a href="/ru/missing/">broken</a>' +
        '<a href="/en/#nope">bad anchor</a><a href="https://doi.org/10.3390/data9020030">outbound ok</a>' +
        '<img src="/img/x.webp" alt=""><script src="https://cdn.example.com/x.js"></script>' +
        '<link rel="stylesheet" href="/s.css"><a href="javascript:alert(1)">x</a>' +
        '<main id="main"></main>',
      'en/index.html': '<link rel="alternate" hreflang="ru" href="https://site.test/ru/">',
      's.css': 'body{background:url(/bg.png)}',
      'sitemap-0.xml':
        '<urlset><url><loc>https://site.test/en/</loc></url><url><loc>https://site.test/en/gone/</loc></url></urlset>',
    });
    const problems = await checkLinks(dir, 'https://site.test');
    expect(problems.map((p) => `${p.file} ${p.url}: ${p.problem}`).sort()).toEqual([
      'ru/index.html /en/#nope: no element with id "nope" in en/index.html',
      'ru/index.html /img/x.webp: no such file in the output',
      'ru/index.html /ru/missing/: no such file in the output',
      'ru/index.html https://cdn.example.com/x.js: loads from another origin (https://cdn.example.com)',
      'ru/index.html javascript:alert(1): javascript: URL',
      's.css /bg.png: no such file in the output',
      'sitemap-0.xml https://site.test/en/gone/: no such file in the output',
    ]);
  });

  it('under a base path, reports links that leave it and follows the URLs of data-* attributes', async () => {
    const dir = await writeTree({
      'en/index.html':
        '<a href="/d/h/ru/">ok</a><a href="/ru/">outside</a><a href="https://site.test/en/">outside too</a>' +
        '<div data-src="/d/h/data/x.json" data-sprites=\'[{"url":"/d/h/t/a.webp","n":2}]\'></div>',
      'ru/index.html': '',
      'data/x.json': '{}',
    });
    const problems = await checkLinks(dir, 'https://site.test', '/d/h/');
    expect(problems.map((p) => `${p.url}: ${p.problem}`).sort()).toEqual([
      '/d/h/t/a.webp: no such file in the output',
      '/ru/: leaves the base path /d/h/',
      'https://site.test/en/: leaves the base path /d/h/',
    ]);
  });

  it('finds pages missing in the other language', async () => {
    const dir = await writeTree({
      'ru/about/index.html': '',
      'en/index.html': '',
      'ru/index.html': '',
    });
    expect(missingLanguagePartners(await sitePages(dir))).toEqual([
      '/ru/about/ has no en partner /en/about/',
    ]);
  });
});

describe('CSP checks', () => {
  it('accept a strict policy and reject weak ones', () => {
    expect(policyProblems(parseCsp(GOOD_POLICY))).toEqual([]);
    const weak = GOOD_POLICY.replace(
      "script-src 'self'",
      "script-src 'self' 'unsafe-inline' https://cdn.example.com",
    );
    expect(policyProblems(parseCsp(weak))).toEqual([
      "script-src allows 'unsafe-inline'",
      'script-src allows https://cdn.example.com',
      'script-src allows another origin: https://cdn.example.com',
    ]);
    expect(policyProblems(parseCsp("default-src 'self'"))).toContain('object-src is missing');
  });

  it('find what the policy would block in a page, and accept hashed inline code', () => {
    const hashed = 'console.log(1)';
    const policy = `${GOOD_POLICY.replace("script-src 'self'", `script-src 'self' ${hashSource(hashed)}`)}`;
    const good = `<head><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${hashed}</script><script type="application/ld+json">{}</script></head>`;
    expect(pageCspProblems(elementsOf(good))).toEqual([]);
    const bad = good.replace(
      '</head>',
      '</head><body><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><p style="color:red">x</p><script>alert(1)</script></body>',
    );
    const problems = pageCspProblems(elementsOf(bad)).join('\n');
    expect(problems).toMatch(/inline event handler onerror/);
    expect(problems).toMatch(/javascript: URL in href/);
    expect(problems).toMatch(/style attribute/);
    expect(problems).toMatch(/inline script is not hashed in the CSP: alert\(1\)/);
    expect(pageCspProblems(elementsOf('<p>no policy</p>'))).toEqual([
      'expected one Content-Security-Policy meta, found 0',
    ]);
  });
});

describe('problem report', () => {
  it('groups one template bug repeated on many pages', () => {
    expect(
      groupProblems([
        ['a', 'x'],
        ['b', 'x'],
        ['c', 'y'],
        ['d', 'x'],
        ['e', 'x'],
      ]),
    ).toEqual(['x (4×): a, b, d, and 1 more', 'y (1×): c']);
  });
});
