import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { studiesFileSchema } from '../../../src/domain/schemas.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import {
  buildSite,
  DatasetError,
  type SiteBuildDeps,
  type SiteBuildOptions,
} from '../../../scripts/lib/build-site.ts';
import { linkFiles, linkTree, replaceDir } from '../../../scripts/lib/site-output.ts';
import { fakeImaging } from './fake-imaging.ts';
import { diskStages } from '../../../src/pipeline/disk-stages.ts';
import { finding } from '../../../src/pipeline/quality/finding.ts';
import { tempDir, writeWorkbook } from '../../support/xlsx.ts';

/** A tiny dataset like the sample generator writes: registry + one folder per study. */
async function writeDataset(outDir: string, studies: number) {
  await mkdir(outDir, { recursive: true });
  const rows = Array.from({ length: studies }, (_, i) =>
    FIELDS.map((c) =>
      c.id === 'studyUid' ? `s${i}` : c.id === 'path' ? `studies/s${i}` : c.id === 'sex' ? 'М' : 0,
    ),
  );
  await writeWorkbook(outDir, [{ name: 'Реестр', rows: [FIELDS.map((c) => c.header), ...rows] }]);
  for (let i = 0; i < studies; i += 1)
    await mkdir(join(outDir, 'studies', `s${i}`), { recursive: true });
}

function fakeDeps(overrides: Partial<SiteBuildDeps> = {}) {
  const calls = { generate: 0, astro: 0, pagefind: 0 };
  const imaging = fakeImaging([{ folder: 's0' }, { folder: 's1' }]);
  const deps: SiteBuildDeps = {
    sample: {
      version: 'v1',
      defaultSeed: 42,
      defaultStudies: 2,
      isSample: async (dir) => dir.includes('sample-'),
      generate: async ({ outDir, studies }) => {
        calls.generate += 1;
        await writeDataset(outDir, studies ?? 2);
      },
    },
    ...diskStages,
    scanImaging: async (options) => {
      const result = await imaging(options);
      // Like the real stage: one sprite file per series and preset, plus a cover.
      for (const s of result.studies) {
        for (const url of [s.cover!, ...s.series.flatMap((x) => x.sprites.map((p) => p.url))]) {
          const file = join(dirname(options.thumbsDir), url);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, 'webp');
        }
      }
      return result;
    },
    computeStats,
    astroBuild: async (_root, outDir) => {
      calls.astro += 1;
      await mkdir(join(outDir, 'ru'), { recursive: true });
      await writeFile(join(outDir, 'ru', 'index.html'), `<h1>build ${calls.astro}</h1>`);
    },
    pagefindIndex: async (dir) => {
      calls.pagefind += 1;
      await mkdir(join(dir, 'pagefind'), { recursive: true });
      await writeFile(join(dir, 'pagefind', 'pagefind.js'), '');
    },
    linkTree,
    linkFiles,
    replaceDir,
    ...overrides,
  };
  return { deps, calls };
}

async function options(extra: Partial<SiteBuildOptions> = {}): Promise<SiteBuildOptions> {
  const root = await tempDir('site-root-');
  return {
    dataset: null,
    out: join(root, 'dist'),
    generated: join(root, 'generated'),
    root,
    ...extra,
  };
}

describe('buildSite', () => {
  it('--strict decides before the swap: with an error finding, --out is left as it was', async () => {
    const opts = await options();
    await buildSite(opts, fakeDeps().deps);
    const withError = fakeDeps();
    const scan = withError.deps.scanImaging;
    withError.deps.scanImaging = async (o) => {
      const result = await scan(o);
      const error = finding('dicom-empty', { detail: 'zero bytes' }, { file: 'studies/s0/x.dcm' });
      return { ...result, findings: [...result.findings, error] };
    };
    const lines: string[] = [];
    const result = await buildSite({ ...opts, strict: true, force: true }, withError.deps, {
      log: (l) => lines.push(l),
    });
    expect(result.published).toBe(false);
    expect(result.quality.counts.error).toBeGreaterThan(0);
    expect(withError.calls.astro).toBe(0);
    expect(await readFile(join(opts.out!, 'ru/index.html'), 'utf8')).toContain('build 1');
    expect(lines.join('\n')).toContain('was left as it was');
    // Without --strict the same data is published.
    expect((await buildSite({ ...opts, force: true }, withError.deps)).published).toBe(true);
  });

  it('loads Astro and Pagefind once the imaging workers render, after the stages before them', async () => {
    // Loading them takes this thread half a second; done earlier, it held up the readme,
    // registry and file listing, which the workers wait for.
    const events: string[] = [];
    const { deps } = fakeDeps({
      loadSiteTools: async () => {
        events.push('load site tools');
      },
    });
    const scan = deps.scanImaging;
    deps.scanImaging = async (o) => {
      events.push('imaging: list and scan');
      o.onProgress?.({ stage: 'thumbnails', done: 0, total: 2 });
      events.push('imaging: render');
      return scan(o);
    };
    await buildSite(await options(), deps, {
      onStage: (e) => {
        if (e.phase === 'end') events.push(`${e.stage} done`);
      },
    });
    expect(events.slice(0, 5)).toEqual([
      'sample done',
      'readme done',
      'registry done',
      'imaging: list and scan',
      'load site tools',
    ]);
  });

  it('generates the sample once into .cache/sample/<version>-<seed>-<n>/ and reuses it', async () => {
    const opts = await options();
    const { deps, calls } = fakeDeps();
    const first = await buildSite(opts, deps);
    expect(first.synthetic).toBe(true);
    expect(first.datasetDir).toBe(join(opts.root, '.cache/sample/v1-42-2'));
    const second = await buildSite(opts, deps);
    expect(second.datasetDir).toBe(first.datasetDir);
    expect(calls.generate).toBe(1);
    const studies = studiesFileSchema.parse(
      JSON.parse(await readFile(join(opts.out!, 'data/studies.json'), 'utf8')),
    );
    expect(studies.source.synthetic).toBe(true);
    expect(studies.studies.map((s) => s.id)).toEqual(['s0', 's1']);
  });

  it('assembles pages, data, thumbnails and the search index in out/, leaving nothing beside it', async () => {
    const opts = await options();
    const { deps } = fakeDeps();
    const result = await buildSite(opts, deps);
    const out = opts.out!;
    expect(await readFile(join(out, 'ru/index.html'), 'utf8')).toContain('build 1');
    for (const name of ['studies.json', 'stats.json', 'quality.json', 'registry.csv']) {
      expect((await stat(join(out, 'data', name))).isFile()).toBe(true);
    }
    expect(await readdir(join(out, 'thumbs/s0'))).toContain('cover.webp');
    expect((await readdir(join(out, 'thumbs/s0'))).sort()).toEqual(
      (await readdir(join(opts.generated, 'thumbs/s0'))).sort(),
    );
    expect(await readdir(join(out, 'pagefind'))).toEqual(['pagefind.js']);
    expect((await readdir(opts.root)).sort()).toEqual(['.cache', 'dist', 'generated']);
    expect(result.timings.map((t) => t.stage)).toEqual([
      'sample',
      'readme',
      'registry',
      'imaging',
      'join',
      'stats',
      'write',
      'releases',
      'astro',
      'copy',
      'pagefind',
      'publish',
    ]);
  });

  it('keeps the previous output untouched when a stage fails', async () => {
    const opts = await options();
    await buildSite(opts, fakeDeps().deps);
    const failing = fakeDeps({
      pagefindIndex: async () => {
        throw new Error('index broke');
      },
    });
    await expect(buildSite(opts, failing.deps)).rejects.toThrow('index broke');
    expect(await readFile(join(opts.out!, 'ru/index.html'), 'utf8')).toContain('build 1');
    expect((await readdir(opts.root)).sort()).toEqual(['.cache', 'dist', 'generated']);
  });

  it('skips Astro and Pagefind when the site stamp matches, and renders again when an input changes', async () => {
    const opts = await options();
    let sources = 'pages v1';
    const { deps, calls } = fakeDeps({ hashSiteSources: async () => sources });
    await buildSite(opts, deps);
    expect(calls).toMatchObject({ astro: 1, pagefind: 1 });

    // Nothing changed: the output is kept as it is.
    const result = await buildSite(opts, deps);
    expect(calls).toMatchObject({ astro: 1, pagefind: 1 });
    expect(result.timings.map((t) => t.stage)).not.toContain('astro');
    expect(await readFile(join(opts.out!, 'ru/index.html'), 'utf8')).toContain('build 1');

    // A page source changed: rendered again.
    sources = 'pages v2';
    await buildSite(opts, deps);
    expect(calls).toMatchObject({ astro: 2, pagefind: 2 });

    // --force renders even though nothing changed.
    await buildSite({ ...opts, force: true }, deps);
    expect(calls).toMatchObject({ astro: 3, pagefind: 3 });
  });

  it('passes the site address to Astro, and renders again for another --site or --base', async () => {
    const opts = await options();
    const addresses: unknown[] = [];
    const { deps, calls } = fakeDeps({ hashSiteSources: async () => 'pages' });
    const astro = deps.astroBuild;
    deps.astroBuild = async (root, outDir, generated, address) => {
      addresses.push(address);
      await astro(root, outDir, generated, address);
    };
    const here = { site: 'https://example.net', base: '/datasets/hemorrhage/' };
    await buildSite({ ...opts, ...here }, deps);
    await buildSite({ ...opts, ...here }, deps);
    expect(calls.astro).toBe(1);
    await buildSite({ ...opts, ...here, base: '/other/' }, deps);
    await buildSite({ ...opts, ...here, site: 'https://example.com' }, deps);
    await buildSite(opts, deps);
    expect(addresses).toEqual([
      here,
      { ...here, base: '/other/' },
      { ...here, site: 'https://example.com' },
      { site: undefined, base: '/' },
    ]);
  });

  it('refuses a --previous folder that is not a built site, before doing any work', async () => {
    const { deps, calls } = fakeDeps();
    const notASite = await tempDir('not-a-site-');
    await expect(buildSite(await options({ previous: notASite }), deps)).rejects.toThrow(
      /--previous .* has no data\/studies\.json/,
    );
    expect(calls.astro).toBe(0);
  });

  it('refuses a missing dataset folder or one without a registry, before doing any work', async () => {
    const { deps, calls } = fakeDeps();
    const missing = await options({ dataset: '/nonexistent/mosmed' });
    await expect(buildSite(missing, deps)).rejects.toThrow(DatasetError);
    await expect(buildSite(missing, deps)).rejects.toThrow(/not found: \/nonexistent\/mosmed/);
    const empty = await tempDir('no-registry-');
    await expect(buildSite(await options({ dataset: empty }), deps)).rejects.toThrow(
      /No registry in .*dataset_registry\.xlsx/,
    );
    expect(calls.astro).toBe(0);
  });

  it('builds a given dataset folder as non-synthetic', async () => {
    const dataset = await tempDir('dataset-');
    await writeDataset(dataset, 2);
    const opts = await options({ dataset });
    const { deps, calls } = fakeDeps();
    const result = await buildSite(opts, deps);
    expect(result).toMatchObject({ datasetDir: dataset, synthetic: false });
    expect(calls.generate).toBe(0);
    expect(result.quality.source.synthetic).toBe(false);
  });

  it('gives each dataset folder its own imaging cache', async () => {
    const seen: string[] = [];
    const { deps } = fakeDeps();
    const scan = deps.scanImaging;
    deps.scanImaging = (o) => (seen.push(o.cacheDir), scan(o));
    const opts = await options();
    await buildSite(opts, deps);
    await buildSite(opts, deps);
    const other = await tempDir('dataset-');
    await writeDataset(other, 2);
    await buildSite({ ...opts, dataset: other }, deps);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen.every((dir) => dir.startsWith(join(opts.root, '.cache/imaging/')))).toBe(true);
  });

  it('marks a dataset folder that is a generated sample as synthetic', async () => {
    const dataset = await tempDir('sample-');
    await writeDataset(dataset, 2);
    const result = await buildSite(await options({ dataset }), fakeDeps().deps);
    expect(result).toMatchObject({ datasetDir: dataset, synthetic: true });
  });
});
