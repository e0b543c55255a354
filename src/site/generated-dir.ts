/**
 * The folder the pipeline wrote its output to (`--generated`), for build-time endpoints that
 * read generated files from disk (thumbnails to crop). Set by Vite's `define` in
 * scripts/lib/site-output.ts (and astro.config.ts for `astro dev`).
 */
declare const __GENERATED_DIR__: string;

export const GENERATED_DIR: string = __GENERATED_DIR__;
