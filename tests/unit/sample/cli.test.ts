import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../../scripts/sample.ts');
const dir = await mkdtemp(join(tmpdir(), 'sample-cli-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI with the Node running the tests (22.12+ with type stripping). */
async function sample(...args: string[]) {
  return run(process.execPath, [SCRIPT, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run sample', () => {
  it('explains bad arguments with the usage and exit code 2', async () => {
    const cases = [
      [],
      ['--out', dir, '--studies', '0'],
      ['--out', dir, '--seed', 'abc'],
      ['--bogus'],
    ];
    const results = await Promise.all(cases.map((args) => sample(...args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^sample: /);
      expect(result.stderr).toContain('Usage: npm run sample');
    });
  });

  it('prints the usage for --help', async () => {
    const result = await sample('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--studies <N>');
  });

  it('writes a sample and reports it in plain lines when not on a terminal', async () => {
    const out = join(dir, 'tiny');
    const result = await sample('--out', out, '--studies', '2', '--seed', '5', '--workers', '0');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sample: 2/2 studies');
    expect(result.stdout).toMatch(/wrote 2 studies, \d+ series, \d+ files/);
    expect(await readdir(out)).toEqual(
      expect.arrayContaining(['dataset_registry.xlsx', 'README_RU.md', 'README_EN.md', 'studies']),
    );
  }, 60_000);
});
