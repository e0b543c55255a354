/**
 * The base path and the site address: links are joined to the base in one place
 * (src/site/base.ts) and made absolute in one place (src/site/canonical.ts). The page helpers
 * (localePath, switchLocale, alternates, isCurrent) are checked under a base path too, as a build
 * with `--base` sets it (import.meta.env.BASE_URL).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeBase, stripBase, withBase } from '../../../src/site/base.ts';
import { absoluteLink, absoluteUrl } from '../../../src/site/canonical.ts';

describe('withBase / stripBase', () => {
  it('joins any spelling of a base and a path with exactly one slash between', () => {
    for (const base of ['/d/h/', 'd/h', '/d/h', 'd//h/'])
      expect(withBase('/en/studies/', base)).toBe('/d/h/en/studies/');
    expect(withBase('data/registry.csv?x=1#y', '/d/h/')).toBe('/d/h/data/registry.csv?x=1#y');
    expect(withBase('', '/d/h/')).toBe('/d/h/');
    expect(withBase('en/', '/')).toBe('/en/');
    expect(normalizeBase('')).toBe('/');
  });

  it('leaves fragments and absolute URLs alone', () => {
    expect(withBase('#downloads', '/d/h/')).toBe('#downloads');
    expect(withBase('https://doi.org/x', '/d/h/')).toBe('https://doi.org/x');
    expect(withBase('mailto:a@b', '/d/h/')).toBe('mailto:a@b');
  });

  it('takes the base off a page path, and leaves paths outside it as they are', () => {
    expect(stripBase('/d/h/en/cite/', '/d/h/')).toBe('/en/cite/');
    expect(stripBase('/d/h/', '/d/h/')).toBe('/');
    expect(stripBase('/d/h', '/d/h/')).toBe('/');
    expect(stripBase('/other/', '/d/h/')).toBe('/other/');
  });
});

describe('absolute URLs', () => {
  it('come from the site address and the base path, or not at all', () => {
    const site = new URL('https://example.net');
    expect(absoluteUrl('en/cite/', site, '/d/h/')).toBe('https://example.net/d/h/en/cite/');
    expect(absoluteUrl('', 'https://example.net', '/d/h/')).toBe('https://example.net/d/h/');
    expect(absoluteUrl('en/', undefined, '/d/h/')).toBeNull();
    expect(absoluteLink('/d/h/en/', site)).toBe('https://example.net/d/h/en/');
    expect(absoluteLink('/d/h/en/', undefined)).toBeNull();
  });
});

describe('page links under a base path', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('put every page link, the language switch, hreflang and the current nav item under it', async () => {
    vi.stubEnv('BASE_URL', '/datasets/hemorrhage/');
    vi.resetModules();
    const { localePath, switchLocale, isLocaleHome } = await import('../../../src/site/routes.ts');
    const { alternates } = await import('../../../src/site/head.ts');
    const { isCurrent } = await import('../../../src/site/nav.ts');
    expect(localePath('en', 'studies/abc')).toBe('/datasets/hemorrhage/en/studies/abc/');
    expect(localePath('ru')).toBe('/datasets/hemorrhage/ru/');
    expect(switchLocale('/datasets/hemorrhage/ru/cite/', 'en')).toBe(
      '/datasets/hemorrhage/en/cite/',
    );
    expect(isLocaleHome('/datasets/hemorrhage/en/')).toBe(true);
    expect(
      isCurrent(
        '/datasets/hemorrhage/en/studies/x/',
        { key: 'nav.studies', path: 'studies' },
        'en',
      ),
    ).toBe(true);
    expect(alternates('/datasets/hemorrhage/en/', new URL('https://example.net'))).toEqual([
      { hreflang: 'ru', href: 'https://example.net/datasets/hemorrhage/ru/' },
      { hreflang: 'en', href: 'https://example.net/datasets/hemorrhage/en/' },
      { hreflang: 'x-default', href: 'https://example.net/datasets/hemorrhage/' },
    ]);
    // Without a site address: none (relative alternates are invalid), never a made-up domain.
    expect(alternates('/datasets/hemorrhage/en/cite/', undefined)).toEqual([]);
  });
});
