/**
 * The `npm run build` command line: options, environment fallbacks and their defaults.
 * Pure (argv and env are passed in) so it is tested without a process.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { normalizeBase } from '../../src/site/base.ts';
import { integerOption, parseOptions, UsageError } from './cli.ts';

export interface BuildArgs {
  /** Dataset folder, or null for the embedded synthetic sample. */
  dataset: string | null;
  out: string;
  generated: string;
  strict: boolean;
  /** Render the site even if nothing changed since the last build. */
  force: boolean;
  /** Compute SHA-256 checksums of every dataset file (on unless --no-checksums). */
  checksums: boolean;
  /** An earlier build's site folder to compare this release with (`--previous`), or null. */
  previous: string | null;
  concurrency: number;
  /** Sample size and seed (only used without --dataset). */
  studies: number | undefined;
  seed: number | undefined;
  /** SOURCE_DATE_EPOCH in seconds, when set. */
  sourceDateEpoch: number | undefined;
  /** The site's origin (`https://host[:port]`), or undefined when no address was given. */
  site: string | undefined;
  /** The base path the site is served under, `/` or e.g. `/datasets/hemorrhage/`. */
  base: string;
  help: boolean;
}

export const USAGE = `Usage: npm run build -- [options]

  --dataset <dir>     MosMedData dataset folder (dataset_registry.xlsx + studies/).
                      Default: $DATASET_DIR, else the embedded synthetic sample,
                      generated on first use into .cache/sample/.
  --out <dir>         Site output folder (default: dist). Replaced only when the
                      whole build succeeded.
  --generated <dir>   Pipeline output: data/*.json, registry.csv, thumbs/ (default: generated).
  --strict            Exit with code 1 if the data has any error-level finding.
  --force             Render the site even if nothing changed since the last build.
  --no-checksums      Skip the SHA-256 of every dataset file. By default it is computed
                      (cached by path, size and mtime): data/SHA256SUMS, per-study
                      digests, and the hashes the "Your copy" page checks a copy against.
                      (--checksums, the default, is still accepted.)
  --previous <dir>    An earlier build's site folder (e.g. the last release's dist): publish
                      what changed since it (data/changes.json, the changes pages, CHANGES)
                      and carry its list of versions forward. Reads only its published files.
  --concurrency <n>   Worker count for the imaging stage (default: number of cores).
  --studies <n>       Sample size when no dataset is given (default: the sample's own, 800).
  --seed <n>          Sample seed when no dataset is given.
  --site <url>        The address the site is published at, e.g. https://example.net
                      (canonical links, sitemap, Open Graph, JSON-LD, Croissant). A path in
                      it is the base path. Without it, absolute URLs are left out.
  --base <path>       The path the site is served under, e.g. /datasets/hemorrhage/
                      (default: /). Every link, asset and data download goes under it.
  -h, --help          Show this help.

Environment: DATASET_DIR (as --dataset), SITE_URL (as --site), BASE_PATH (as --base),
SOURCE_DATE_EPOCH (build date recorded in the data).
Exit codes: 0 success; 1 build failed (or --strict with error findings); 2 bad usage or dataset.`;

/** Characters a base path may hold: URL path characters without `?`, `#`, `%` or spaces. */
const BASE_PATH_CHARS = /^[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/;

/**
 * The site's origin and base path from `--site` and `--base`. A path in the site URL is the
 * base path (`--site https://x.org/data/` is `--base /data/`), unless `--base` says otherwise.
 * @example siteAddress('https://x.org/a/', undefined) // { site: 'https://x.org', base: '/a/' }
 */
export function siteAddress(
  siteText: string | undefined,
  baseText: string | undefined,
): { site: string | undefined; base: string } {
  let base = baseText === undefined ? undefined : checkBase(baseText);
  if (siteText === undefined) return { site: undefined, base: base ?? '/' };
  let url: URL;
  try {
    url = new URL(siteText);
  } catch {
    throw new UsageError(
      `--site must be an absolute URL like https://example.net, got "${siteText}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--site must be an http(s) URL, got "${siteText}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UsageError(`--site must hold no query, fragment or user name, got "${siteText}"`);
  }
  const sitePath = checkBase(url.pathname);
  if (base !== undefined && sitePath !== '/' && sitePath !== base) {
    throw new UsageError(
      `--site has the path ${sitePath} but --base is ${base}: give the path once (in --base)`,
    );
  }
  base ??= sitePath;
  return { site: url.origin, base };
}

/** A base path in its canonical form (`/a/b/`), or a usage error naming what is wrong. */
function checkBase(text: string): string {
  const segments = text.split('/').filter(Boolean);
  if (!BASE_PATH_CHARS.test(text) || segments.some((s) => s === '.' || s === '..')) {
    throw new UsageError(
      `--base must be a URL path like /datasets/hemorrhage/ (letters, digits, - . _ ~), got "${text}"`,
    );
  }
  return normalizeBase(text);
}

/**
 * Parses build arguments; relative paths resolve against `cwd`.
 * @example parseBuildArgs(['--dataset', 'data'], {}, '/p').dataset // '/p/data'
 */
export function parseBuildArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): BuildArgs {
  const values = parseOptions(argv, {
    dataset: { type: 'string' },
    out: { type: 'string' },
    generated: { type: 'string' },
    strict: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    // On by default; --no-checksums turns it off (--checksums kept for older command lines).
    checksums: { type: 'boolean', default: true },
    'no-checksums': { type: 'boolean', default: false },
    previous: { type: 'string' },
    concurrency: { type: 'string' },
    studies: { type: 'string' },
    seed: { type: 'string' },
    site: { type: 'string' },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const dataset = values.dataset ?? (env['DATASET_DIR'] || undefined);
  const epochText = env['SOURCE_DATE_EPOCH'];
  let sourceDateEpoch: number | undefined;
  if (epochText !== undefined && epochText !== '') {
    sourceDateEpoch = Number(epochText);
    if (!Number.isInteger(sourceDateEpoch) || sourceDateEpoch < 0) {
      throw new UsageError(
        `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epochText}"`,
      );
    }
  }
  const address = siteAddress(
    values.site ?? (env['SITE_URL'] || undefined),
    values.base ?? (env['BASE_PATH'] || undefined),
  );
  return {
    ...address,
    dataset: dataset ? resolve(cwd, dataset) : null,
    out: resolve(cwd, values.out ?? 'dist'),
    generated: resolve(cwd, values.generated ?? 'generated'),
    strict: values.strict,
    force: values.force,
    checksums: values.checksums && !values['no-checksums'],
    previous: values.previous ? resolve(cwd, values.previous) : null,
    concurrency: integerOption('concurrency', values.concurrency) ?? availableParallelism(),
    studies: integerOption('studies', values.studies),
    seed: integerOption('seed', values.seed, 0),
    sourceDateEpoch,
    help: values.help,
  };
}
