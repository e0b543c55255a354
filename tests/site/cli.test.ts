/**
 * `npm run build` as a user runs it: exit codes and messages for help, bad options, a wrong
 * dataset folder, and --strict on a dataset with error-level findings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/domain/field-table.ts';
import { tempDir, writeWorkbook } from '../support/xlsx.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function build(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATASET_DIR: '' },
    timeout: 240_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run build', () => {
  it('prints its options with --help and exits 0', () => {
    const { code, out } = build('--help');
    expect(code).toBe(0);
    expect(out).toContain('--dataset <dir>');
    expect(out).toContain('--strict');
  });

  it('exits 2 with the usage for an unknown option', () => {
    const { code, err } = build('--datset', 'x');
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--datset'/);
    expect(err).toContain('Usage: npm run build');
  });

  it('exits 2 naming the folder when the dataset is missing or has no registry', async () => {
    const missing = build('--dataset', '/nonexistent/mosmed');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Dataset folder not found: /nonexistent/mosmed');
    const empty = await tempDir('cli-empty-');
    const noRegistry = build('--dataset', empty);
    expect(noRegistry.code).toBe(2);
    expect(noRegistry.err).toContain(`No registry in ${empty}`);
  });

  it('with --strict, exits 1 when the data has errors, with its report written and --out left as it was', async () => {
    const dataset = await tempDir('cli-dataset-');
    const row = FIELDS.map((c) =>
      c.id === 'studyUid' ? 'x1' : c.id === 'path' ? 'studies/x1' : 0,
    );
    await writeWorkbook(dataset, [{ name: 'r', rows: [FIELDS.map((c) => c.header), row] }]);
    await mkdir(join(dataset, 'studies'));
    const work = await tempDir('cli-out-');
    const out = join(work, 'site');
    const { code, out: stdout } = build(
      '--dataset',
      dataset,
      '--out',
      out,
      '--generated',
      join(work, 'generated'),
      '--strict',
    );
    expect(stdout).toContain('registry-folder-missing');
    expect(stdout).toContain('--strict: ');
    expect(code).toBe(1);
    // The findings are written for the publisher to read; the site is not replaced (none here).
    expect(existsSync(join(work, 'generated', 'data', 'quality.json'))).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});
