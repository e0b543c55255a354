import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import type { AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentSecurityPolicy } from './src/site/csp.ts';
import { normalizeBase } from './src/site/base.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';
import { isHandlePath } from './src/site/routes.ts';

export interface SiteAddress {
  /** The site's origin, e.g. `https://example.net` (`--site`); undefined: not known. */
  site?: string | undefined;
  /** The base path the site is served under, e.g. `/datasets/hemorrhage/` (`--base`). */
  base?: string | undefined;
}

/**
 * The site configuration for one address. `scripts/build.ts` runs Astro programmatically with
 * `siteConfig({ site, base })` (from `--site`, `--base`) and overrides `outDir` and the
 * `@generated` alias (where the pipeline wrote its data). Run directly (`astro dev`), the
 * default export below has no address and base `/`, and pages read `./generated/`.
 */
export function siteConfig({ site, base }: SiteAddress = {}): AstroUserConfig {
  const basePath = normalizeBase(base ?? '/');
  return {
    ...(site ? { site } : {}),
    base: basePath,
    trailingSlash: 'always',
    // Scripts and styles as files, never inline: a strict Content-Security-Policy needs no hashes.
    // Eight pages in flight, not one: a page's render waits on its file write, and the next
    // page renders meanwhile (the Astro stage of the 200-study sample: 5.0–6.3 s with one,
    // 4.0–4.2 s with four, 3.9–4.4 s with sixteen, alternating runs; the output is
    // byte-identical, sitemap and Pagefind index included).
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
    // Plain <pre><code> for code blocks: Shiki's inline colour styles would need 'unsafe-inline'
    // in the Content-Security-Policy, and the README's one block is a folder tree.
    markdown: { syntaxHighlight: false },
    i18n: {
      locales: [...LOCALES],
      defaultLocale: DEFAULT_LOCALE,
      routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
    },
    integrations: [
      mdx(),
      // sitemap-index.xml + sitemap-0.xml, each page with its hreflang alternates. Without a
      // site address the integration writes no sitemap (its URLs must be absolute).
      sitemap({
        i18n: {
          defaultLocale: DEFAULT_LOCALE,
          locales: Object.fromEntries(LOCALES.map((l) => [l, l])),
        },
        // The root and the handles' short addresses only redirect; 404 and search pages are
        // not content.
        filter: (page) => {
          const path = new URL(page).pathname;
          return (
            path !== basePath && !/\/(404|search)\/$/.test(path) && !isHandlePath(path, basePath)
          );
        },
      }),
    ],
    // Content-Security-Policy meta with hashes of Astro's own scripts and styles (src/site/csp.ts).
    security: { csp: contentSecurityPolicy },
    vite: {
      build: { assetsInlineLimit: 0 },
      resolve: {
        alias: { '@generated': fileURLToPath(new URL('./generated', import.meta.url)) },
      },
      define: {
        __GENERATED_DIR__: JSON.stringify(fileURLToPath(new URL('./generated', import.meta.url))),
      },
    },
  };
}

export default defineConfig(siteConfig());
