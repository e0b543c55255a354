/**
 * The data-quality page shows everything in quality.json: the verdict, every finding grouped
 * by severity and code with counts and the file/row/column concerned, and the declared versus
 * computed overview with its explanations. Read without JavaScript (the page needs none).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findingWord } from '../../src/domain/findings-catalog.ts';
import type { QualityFile } from '../../src/domain/schemas.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { loadQuality } from './site-truth.ts';

const web = useBrowserSite();
let page: Page;
let quality: QualityFile;

beforeAll(async () => {
  const siteDir = inject('siteDir');
  quality = loadQuality(siteDir);
  page = await (await web.browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`${web.site.url}/en/quality/`);
});

describe('the data-quality page', () => {
  it('states a verdict that follows from the findings and the overview', async () => {
    const errors = quality.findings.filter((f) => f.severity === 'error').length;
    const mismatches = quality.overview.filter((o) => !o.match).length;
    const expected =
      errors > 0
        ? 'errors'
        : mismatches > 0
          ? 'mismatch'
          : quality.findings.length > 0
            ? 'consistentWithNotes'
            : 'consistent';
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe(expected);
  });

  it('groups every finding by severity and code, with counts and file/row/column', async () => {
    for (const severity of ['error', 'warning', 'info'] as const) {
      const own = quality.findings.filter((f) => f.severity === severity);
      const section = page.locator(`[data-severity="${severity}"]`);
      if (own.length === 0) {
        expect(await section.count()).toBe(0);
        continue;
      }
      expect(await section.locator('h3 [data-count]').textContent()).toBe(String(own.length));
      for (const code of new Set(own.map((f) => f.code))) {
        const ofCode = own.filter((f) => f.code === code);
        const group = section.locator(`details[data-code="${code}"]`);
        const lone = ofCode.length === 1 && ofCode.every((f) => !f.file && !f.row && !f.study);
        // The count is of the rows the table lists; a lone note has no table and no count.
        if (lone) expect(await group.locator('summary [data-count]').count()).toBe(0);
        else {
          expect(await group.locator('summary [data-count]').textContent()).toBe(
            String(ofCode.length),
          );
        }
        // The internal code is not part of what the reader sees.
        expect(await group.locator('summary').innerText()).not.toContain(code);
        const rows = await group
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
          );
        // A human title, not the internal code, heads the group.
        const title = (await group.locator('summary .code-title').textContent())!.trim();
        expect(title).not.toBe(code);
        expect(title).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
        expect(title).toBe(findingWord(code, 'title', 'en'));
        // What the publisher can do about it, from the catalog.
        const action = await group.locator('.action').textContent();
        expect(action!.replace(/\s+/g, ' ').trim()).toBe(
          `What to do: ${findingWord(code, 'action', 'en')}`,
        );
        // Only the location columns some finding fills; no table for a lone unlocated one.
        const filled = (['file', 'row', 'column', 'study'] as const).filter((c) =>
          ofCode.some((f) => f[c] !== undefined && f[c] !== null),
        );
        if (filled.length === 0 && ofCode.length === 1) {
          expect(await group.locator('table').count()).toBe(0);
          continue;
        }
        expect(await group.locator('thead th').count()).toBe(1 + filled.length);
        expect(rows.length).toBe(Math.min(200, ofCode.length));
        rows.forEach((row, i) => {
          const f = ofCode[i]!;
          expect(row).toEqual([f.message.en, ...filled.map((c) => String(f[c] ?? ''))]);
        });
      }
    }
  });

  it('counts the studies without a stated sex, and lists them (none: no group)', async () => {
    const studiesFile = JSON.parse(
      readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
    ) as { studies: { id: string; sex: string | null }[] };
    const unstated = studiesFile.studies.filter((s) => s.sex === null).map((s) => s.id);
    const group = page.locator('details[data-code="overview-sex-not-specified"]');
    if (unstated.length === 0) {
      expect(await group.count()).toBe(0);
      return;
    }
    expect(await group.locator('summary [data-count]').textContent()).toBe(String(unstated.length));
    const listed = await group.locator('tbody tr td.path').allTextContents();
    expect(listed.sort()).toEqual([...unstated].sort());
  });

  it('compares the README overview with the computed one, explaining the unstated sex', async () => {
    for (const o of quality.overview) {
      const cells = await page
        .locator(`[data-overview-table] tr[data-key="${o.key}"] td`)
        .allTextContents();
      expect(cells.slice(0, 2).map((c) => (c === '—' ? null : Number(c)))).toEqual([
        o.declared,
        o.computed,
      ]);
      expect(cells[2]).toContain(o.match ? 'yes' : 'no');
    }
    const declared = (k: string) => quality.overview.find((o) => o.key === k)?.declared;
    const [male, female, studies] = [declared('male'), declared('female'), declared('studies')];
    if (male != null && female != null && studies != null) {
      const note = await page
        .locator('[data-overview-table] tr[data-key="sexUnknown"] .note')
        .textContent();
      expect(note).toContain(`${male} + ${female} = ${male + female} of ${studies}`);
      expect(note).toContain(`so ${studies - male - female} have no sex specified`);
    }
  });
});
