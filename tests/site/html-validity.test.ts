/**
 * Gate 2, valid HTML: one page of every type in both languages passes the Nu HTML Checker with
 * no errors. A deliberately broken control page goes through the same run, so a checker that
 * silently checks nothing cannot pass this test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { representatives, sitePages } from '../support/gates/site-pages.ts';
import { validateHtml } from '../support/gates/vnu.ts';

const siteDir = inject('siteDir');
let controlDir: string | undefined;
afterAll(async () => {
  if (controlDir) await rm(controlDir, { recursive: true, force: true });
});

describe('the Nu HTML Checker', () => {
  it('finds no error on any page type, in either language', async () => {
    const pages = representatives(await sitePages(siteDir));
    controlDir = await mkdtemp(join(tmpdir(), 'gates-vnu-'));
    const control = join(controlDir, 'broken.html');
    await writeFile(control, '<!doctype html><html lang="en"><title>x</title><p id="a"><p id="a">');

    const errors = await validateHtml([control, ...pages.map((p) => join(siteDir, p.file))]);

    expect(errors.filter((e) => e.file === control).map((e) => e.message)).toContain(
      'Duplicate ID “a”.',
    );
    const report = errors
      .filter((e) => e.file !== control)
      .map((e) => `${relative(siteDir, e.file)}:${e.line}: ${e.message} [${e.extract.trim()}]`);
    expect(report, report.join('\n')).toEqual([]);
    expect(pages.length).toBeGreaterThan(0);
  });
});
