import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentSecurityPolicy } from './src/site/csp.ts';

/**
 * Shared site configuration. `scripts/build.ts` runs Astro programmatically with this file
 * and overrides `outDir` and the `@generated` alias (where the pipeline wrote its data);
 * run directly (`astro dev`), pages read `./generated/`.
 */
export default defineConfig({
  site: 'https://mosmed-hemorrhage.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['ru', 'en'],
    defaultLocale: 'ru',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [mdx()],
  // Content-Security-Policy meta with hashes of Astro's own scripts and styles (src/site/csp.ts).
  security: { csp: contentSecurityPolicy },
  vite: {
    resolve: {
      alias: { '@generated': fileURLToPath(new URL('./generated', import.meta.url)) },
    },
  },
});
