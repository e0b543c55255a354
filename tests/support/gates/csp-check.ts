/**
 * Static checks of a page against the site's Content-Security-Policy: the policy itself is
 * strict (no inline code unless hashed, no other origin), it comes before anything it governs,
 * and the page holds nothing the policy would block or that would need it to be weaker.
 */
import { createHash } from 'node:crypto';
import { isExecutableScript, type HtmlElement } from './html.ts';

export type Policy = Map<string, string[]>;

/**
 * @example parseCsp("default-src 'self'; img-src 'self' data:").get('img-src') // ["'self'", 'data:']
 */
export function parseCsp(content: string): Policy {
  const policy: Policy = new Map();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/**
 * The CSP hash source of an inline script or style, as browsers compute it.
 * @example hashSource('alert(1)') // "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
 */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const REQUIRED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Sources allowed in script-src / style-src besides hashes. */
const ALLOWED_CODE_SOURCES: Record<string, string[]> = {
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'script-src-elem': ["'self'"],
  'style-src': ["'self'"],
  'style-src-elem': ["'self'"],
};

/** What is wrong with a policy, by this site's rules (empty: nothing). */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  for (const [directive, expected] of Object.entries(REQUIRED)) {
    const actual = policy.get(directive);
    if (!actual) problems.push(`${directive} is missing`);
    else if ([...actual].sort().join(' ') !== [...expected].sort().join(' ')) {
      problems.push(`${directive} is "${actual.join(' ')}", expected "${expected.join(' ')}"`);
    }
  }
  for (const directive of ['script-src', 'style-src']) {
    if (!policy.has(directive)) problems.push(`${directive} is missing`);
  }
  for (const [directive, allowed] of Object.entries(ALLOWED_CODE_SOURCES)) {
    for (const source of policy.get(directive) ?? []) {
      if (!allowed.includes(source) && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source)) {
        problems.push(`${directive} allows ${source}`);
      }
    }
  }
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      if (source === '*' || /^(https?:|wss?:|\*\.)|^[a-z0-9.-]+\.[a-z]{2,}/i.test(source)) {
        problems.push(`${directive} allows another origin: ${source}`);
      }
    }
  }
  return problems;
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];

/**
 * What in one page the CSP would block, or would have to be weakened for: a missing or late
 * policy, inline event handlers, `javascript:` URLs, style attributes, and inline scripts or
 * styles whose hash the policy does not list.
 */
export function pageCspProblems(elements: HtmlElement[]): string[] {
  const problems: string[] = [];
  const metas = elements.filter(
    (e) => e.tag === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1) {
    return [`expected one Content-Security-Policy meta, found ${metas.length}`];
  }
  const meta = metas[0]!;
  const metaIndex = elements.indexOf(meta);
  const policy = parseCsp(meta.attrs.content ?? '');
  problems.push(...policyProblems(policy));
  const scriptHashes = new Set(policy.get('script-src-elem') ?? policy.get('script-src') ?? []);
  const styleHashes = new Set(policy.get('style-src-elem') ?? policy.get('style-src') ?? []);

  elements.forEach((el, index) => {
    const at = `line ${el.line} <${el.tag}>`;
    const governed =
      isExecutableScript(el) ||
      el.tag === 'style' ||
      (el.tag === 'link' && /stylesheet|preload|modulepreload/i.test(el.attrs.rel ?? ''));
    // A meta CSP applies only to what the parser meets after it.
    if (governed && index < metaIndex) problems.push(`${at} comes before the CSP meta`);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on/i.test(name)) problems.push(`${at} has an inline event handler ${name}="${value}"`);
      if (name === 'style') problems.push(`${at} has a style attribute (blocked by style-src)`);
      if (URL_ATTRS.includes(name) && /^\s*javascript:/i.test(value)) {
        problems.push(`${at} has a javascript: URL in ${name}`);
      }
    }
    if (
      isExecutableScript(el) &&
      el.attrs.src === undefined &&
      !scriptHashes.has(hashSource(el.text))
    ) {
      problems.push(`${at} inline script is not hashed in the CSP: ${el.text.slice(0, 80)}`);
    }
    if (el.tag === 'style' && !styleHashes.has(hashSource(el.text))) {
      problems.push(`${at} inline style is not hashed in the CSP: ${el.text.slice(0, 80)}`);
    }
  });
  return problems;
}
