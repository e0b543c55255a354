/**
 * The subset download kit run for real: filter the test sample to a subset, write the folder
 * list and the generated bash commands next to a full copy of the dataset (with a SHA256SUMS
 * from our checksum pass), run them, and check that exactly the subset's files arrive and
 * verify, and that a damaged copy fails the check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toExplorerStudy } from '../../src/site/explorer-data.ts';
import { toManifestStudy } from '../../src/scripts/manifest-study.ts';
import { matches } from '../../src/domain/facets.ts';
import { stateFromParams } from '../../src/domain/facet-url.ts';
import type { StudiesFile } from '../../src/domain/schemas.ts';
import {
  SUBSET_FILES,
  bashCommands,
  folderList,
  manifestCsv,
} from '../../src/domain/subset-manifest.ts';
import { openCache } from '../../src/pipeline/imaging/cache/cache.ts';
import {
  computeChecksums,
  sha256sumsText,
} from '../../src/pipeline/imaging/checksums/checksums.ts';
import { WorkerPool } from '../../src/pipeline/imaging/workers/pool.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';

const work = mkdtempSync(join(tmpdir(), 'subset-commands-'));
const full = join(work, 'full');
const dest = join(work, 'subset');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

let data: StudiesFile;
const params = new URLSearchParams('finding=subdural');

beforeAll(async () => {
  data = JSON.parse(readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'));
  cpSync(join(inject('datasetDir'), 'studies'), join(full, 'studies'), { recursive: true });
  const { files } = await listStudyFiles(full);
  const pool = new WorkerPool(2);
  const cache = openCache(null);
  try {
    const { sha256 } = await computeChecksums(
      full,
      files,
      cache,
      () => pool,
      () => {},
    );
    writeFileSync(join(full, 'SHA256SUMS'), sha256sumsText(sha256));
  } finally {
    await pool.close();
    cache.close();
  }
});

describe('the subset commands', () => {
  it('copy exactly the filtered studies and verify them', () => {
    const state = stateFromParams(params);
    const subset = data.studies.map(toExplorerStudy).filter((s) => matches(s, state));
    expect(subset.length).toBeGreaterThan(0);
    expect(subset.length).toBeLessThan(data.studies.length);
    const manifest = subset.map(toManifestStudy);
    const csv = manifestCsv(manifest, {
      filter: 'finding: subdural',
      url: 'https://example.net/en/statistics/?finding=subdural',
      datasetVersion: '1.0.0',
      builtAt: data.source.builtAt,
      registrySha256: data.source.registrySha256,
    });
    writeFileSync(join(full, SUBSET_FILES.folders), folderList(manifest));
    writeFileSync(join(full, SUBSET_FILES.manifest), csv);
    writeFileSync(join(full, SUBSET_FILES.bash), bashCommands(true));
    const run = spawnSync('bash', [SUBSET_FILES.bash, dest], { cwd: full, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const expected = filesUnder(join(full, 'studies'))
      .map((f) => `studies/${f}`)
      .filter((f) => subset.some((s) => f.startsWith(`${s.path}/`)));
    const arrived = filesUnder(dest).filter((f) => f !== 'SHA256SUMS.subset');
    expect(arrived).toEqual(expected);
    const checked = readFileSync(join(dest, 'SHA256SUMS.subset'), 'utf8').trim().split('\n');
    expect(checked).toHaveLength(expected.length);
    // The manifest's counts are those of the files that arrived (the script checked them too).
    const rows = csv.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows[0]).toBe('study_id,folder,series_count,file_count,bytes,sha256');
    const fileCounts = rows.slice(1).map((r) => Number(r.split(',')[3]));
    expect(fileCounts.reduce((a, b) => a + b, 0)).toBe(expected.length);
  });

  it('fail the check when a copied file is damaged', () => {
    const victim = filesUnder(dest).find((f) => f.endsWith('.dcm'))!;
    writeFileSync(join(dest, victim), 'damaged');
    const check = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS.subset'], {
      cwd: dest,
      encoding: 'utf8',
    });
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain(`${victim}: FAILED`);
    expect(execFileSync('rsync', ['--version'], { encoding: 'utf8' })).toMatch(/rsync/);
  });
});
