import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentSecurityPolicy } from './src/site/csp.ts';

/**
 * Shared site configuration. `scripts/build.ts` runs Astro programmatically with this file
 * and overrides `outDir` and the `@generated` alias (where the pipeline wrote its data);
 * run directly (`astro dev`), pages read `./generated/`.
 */
export default defineConfig({
  site: 'https://mosmed-hemorrhage.example.org',
  trailingSlash: 'always',
  // Scripts and styles as files, never inline: a strict Content-Security-Policy needs no hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Plain <pre><code> for code blocks: Shiki's inline colour styles would need 'unsafe-inline'
  // in the Content-Security-Policy, and the README's one block is a folder tree.
  markdown: { syntaxHighlight: false },
  i18n: {
    locales: ['ru', 'en'],
    defaultLocale: 'ru',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    mdx(),
    // sitemap-index.xml + sitemap-0.xml, each page with its hreflang alternates.
    sitemap({
      i18n: { defaultLocale: 'ru', locales: { ru: 'ru', en: 'en' } },
      // The root only redirects; 404 and search pages are not content.
      filter: (page) => !/^https?:\/\/[^/]+\/$|\/404\/$|\/search\/$/.test(page),
    }),
  ],
  // Content-Security-Policy meta with hashes of Astro's own scripts and styles (src/site/csp.ts).
  security: { csp: contentSecurityPolicy },
  vite: {
    build: { assetsInlineLimit: 0 },
    resolve: {
      alias: { '@generated': fileURLToPath(new URL('./generated', import.meta.url)) },
    },
  },
});
