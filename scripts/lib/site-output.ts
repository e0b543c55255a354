/**
 * Putting the site together on disk: Astro renders the pages, the generated data and
 * thumbnails are linked in, Pagefind indexes the result, and the finished folder replaces
 * the old output in one rename.
 */
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  type Dirent,
} from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { SiteAddress } from '../../astro.config.ts';
import { acquireLock } from './build-lock.ts';
import { uninterruptible } from './interrupt.ts';
import { astroWorkDir, moveDir, previousDir } from './staging.ts';

/**
 * Astro, the site's configuration and Pagefind, loaded once, on first use or ahead of it
 * (buildSite starts it once the imaging workers render, while the main thread waits on them).
 */
export function loadSiteTools(): Promise<SiteTools> {
  disableAstroTelemetry();
  siteTools ??= Promise.all([
    import('astro'),
    import('../../astro.config.ts'),
    import('pagefind'),
  ]).then(([astro, config, pagefind]) => ({
    build: astro.build,
    siteConfig: config.siteConfig,
    pagefind,
  }));
  return siteTools;
}
interface SiteTools {
  build: typeof import('astro').build;
  siteConfig: typeof import('../../astro.config.ts').siteConfig;
  pagefind: typeof import('pagefind');
}
let siteTools: Promise<SiteTools> | undefined;

/** Whether Astro may phone home: never (set before Astro loads its telemetry). */
export function disableAstroTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  env['ASTRO_TELEMETRY_DISABLED'] = '1';
}

/**
 * Renders the site with the project's configuration (astro.config.ts `siteConfig`) for the
 * site's address (`--site`, `--base`), reading data from `generatedDir` (the `@generated`
 * alias), into `outDir`.
 *
 * Astro renders into a work folder of this build's own inside the project
 * (`.cache/astro-work/<pid>/dist`): given an `outDir` outside the working directory, Astro
 * would put its server build into the project's shared `.astro/` and rename files out of it,
 * which fails across file systems (EXDEV) and collides with a second build. The result is then
 * moved to `outDir` (copied where it is on another file system). The project's `.astro/`
 * (types, content store) is still shared, so the Astro stage holds a lock per checkout.
 */
export async function astroBuild(
  root: string,
  outDir: string,
  generatedDir: string,
  address: SiteAddress = {},
  log: (line: string) => void = () => {},
) {
  const { build, siteConfig } = await loadSiteTools();
  const config = siteConfig(address);
  const work = astroWorkDir(root);
  const workOut = join(work, 'dist');
  await rm(work, { recursive: true, force: true });
  const release = await acquireLock(join(root, '.cache/astro.lock'), log);
  const cwd = process.cwd();
  const moveCwd = !resolve(workOut).startsWith(cwd + sep);
  try {
    // Astro keeps its server build inside outDir only when outDir is under the cwd.
    if (moveCwd) process.chdir(root);
    await build({
      ...config,
      // The configuration is complete here; loading astro.config.ts too would merge its
      // address-less default (and a second sitemap integration) into it.
      configFile: false,
      root,
      outDir: workOut,
      logLevel: 'warn',
      vite: {
        ...config.vite,
        resolve: { alias: { '@generated': generatedDir } },
        // For build-time endpoints that read generated files from disk (src/site/generated-dir.ts).
        define: {
          __GENERATED_DIR__: JSON.stringify(resolve(generatedDir)),
          __DATASET_FACTS__: datasetFactsDefine(generatedDir),
        },
      },
    });
  } finally {
    if (moveCwd) process.chdir(cwd);
    await release();
  }
  await moveDir(workOut, outDir);
  await rm(work, { recursive: true, force: true });
}

/**
 * The facts the pipeline read from the dataset's READMEs (`data/dataset.json`), as the source
 * text of the `__DATASET_FACTS__` constant (src/domain/facts.ts); `null` without the file.
 */
export function datasetFactsDefine(generatedDir: string): string {
  try {
    const file = JSON.parse(readFileSync(join(generatedDir, 'data', 'dataset.json'), 'utf8')) as {
      facts?: unknown;
    };
    return JSON.stringify(file.facts ?? null);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'null';
    throw error;
  }
}

/** Indexes `siteDir` with Pagefind into `<siteDir>/pagefind`; every response is checked. */
export async function pagefindIndex(siteDir: string): Promise<{ pages: number }> {
  const fail = (step: string, errors: string[]) => {
    throw new Error(`Pagefind ${step}: ${errors.join('; ')}`);
  };
  const { pagefind } = await loadSiteTools();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return fail('createIndex', errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) fail('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * Mirrors the files of `source` into `target` as hard links (a copy where the file system
 * cannot link), so thousands of unchanged thumbnails cost no bytes and almost no time.
 * A missing `source` mirrors nothing. Returns the number of files.
 */
export async function linkTree(source: string, target: string): Promise<number> {
  return linkTreeSync(source, target);
}

// Synchronous on purpose: thousands of tiny file-system calls, each awaited in turn, spent
// more time in the thread pool's round trips than in the calls (the copy stage of the
// 200-study sample: 0.28–0.40 s awaited, 0.03–0.09 s synchronous, alternating runs), and
// nothing else needs the main thread meanwhile.
function linkTreeSync(source: string, target: string): number {
  let entries: Dirent[];
  try {
    entries = readdirSync(source, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  mkdirSync(target, { recursive: true });
  let files = 0;
  for (const entry of entries) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (entry.isDirectory()) {
      files += linkTreeSync(from, to);
    } else if (entry.isFile() && !entry.name.startsWith('.')) {
      linkOrCopySync(from, to);
      files += 1;
    }
  }
  return files;
}

/** `to` as a hard link to `from` (replacing what is there), a copy where links fail. */
function linkOrCopySync(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Links the listed files (paths relative to `sourceRoot`, e.g. `thumbs/<study>/cover.webp`)
 * into `targetRoot`. Only what the data references reaches the site: a thumbnail left over in
 * the generated folder from another dataset is never published. Returns the paths that were
 * missing.
 */
export async function linkFiles(
  sourceRoot: string,
  targetRoot: string,
  paths: Iterable<string>,
): Promise<string[]> {
  const missing: string[] = [];
  const made = new Set<string>();
  for (const path of new Set(paths)) {
    const from = join(sourceRoot, path);
    const to = join(targetRoot, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkOrCopySync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(path);
    }
  }
  return missing;
}

/**
 * Replaces `out` by the finished `staged` folder: the old output is moved aside, the new one
 * renamed into place, the old one deleted. `out` is never a half-written folder. Ctrl-C waits
 * until both renames are done; a build killed between them leaves `<out>.old-<pid>`, which the
 * next build puts back (staging.ts cleanStaleStaging). `staged` must be on the file system of
 * `out` (it is made next to it), so both renames stay renames.
 */
export async function replaceDir(staged: string, out: string): Promise<void> {
  const old = previousDir(out);
  await uninterruptible(async () => {
    const exists = await stat(out).then(
      () => true,
      () => false,
    );
    if (exists) await rename(out, old);
    try {
      await rename(staged, out);
    } catch (error) {
      if (exists) await rename(old, out);
      throw error;
    }
  });
  await rm(old, { recursive: true, force: true });
}
