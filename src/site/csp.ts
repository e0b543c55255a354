/**
 * The site's Content-Security-Policy, as Astro's `security.csp` option (astro.config.ts).
 * Astro emits it as a `<meta http-equiv="Content-Security-Policy">` in every page's head and
 * adds the sha256 hashes of the scripts and styles it bundles or inlines, so an inline script
 * or style that Astro did not produce (e.g. injected through data) cannot run.
 *
 * Why each source:
 * - `'self'` only: the site requests nothing from another origin (no CDN, fonts, analytics).
 * - `'wasm-unsafe-eval'` in script-src: Pagefind's search runs a WebAssembly module; this lets
 *   WebAssembly compile without allowing JavaScript `eval`.
 * - `img-src data:`: small inline images (e.g. SVG icons in CSS) without a network request.
 * - No `style-src 'unsafe-inline'`: markup must not carry `style="..."` attributes; use classes,
 *   SVG presentation attributes, or `element.style` from a bundled script (CSSOM is allowed).
 * - `frame-ancestors` is ignored in a meta CSP, so it is not listed; a host that can send
 *   headers should add `frame-ancestors 'none'` there.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

/** The value for astro.config.ts `security.csp`. */
export const contentSecurityPolicy = {
  algorithm: 'SHA-256',
  // Directives other than script-src/style-src (Astro builds those two with its hashes).
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  // Sources besides the hashes Astro adds.
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
} satisfies CspConfig;

/**
 * The same policy as an HTTP header, for hosts that can send one (docs/deploy.md, the nginx
 * configuration in deploy/nginx/): the directives above, script and style sources without
 * per-page hashes (every script and style is a file of the site, allowed by 'self'), and
 * `frame-ancestors 'none'`, which only works as a header. Browsers enforce both this and the
 * page's own meta policy.
 */
export function contentSecurityPolicyHeader(): string {
  return [
    ...contentSecurityPolicy.directives,
    `script-src ${contentSecurityPolicy.scriptDirective.resources.join(' ')}`,
    `style-src ${contentSecurityPolicy.styleDirective.resources.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
