/**
 * The dataset's facts as a reader meets them on the test site: the annotation class explained
 * in each language (a Latin "C3" on English pages, the README's Cyrillic "С3" on Russian ones),
 * and the English Vancouver entry with its "[cited …]" date.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('siteDir');
const text = async (path: string) =>
  (await readFile(join(siteDir, path), 'utf8')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the annotation class', () => {
  it('is a Latin C3 on English pages, explained', async () => {
    for (const path of ['en/about/index.html', 'en/datasheet/index.html']) {
      const page = await text(path);
      expect(page, path).not.toContain('С3'); // Cyrillic С
      expect(page, path).toMatch(/C3\W+the publisher’s code for how the studies are labelled/);
    }
  });

  it('is the README’s С3 on Russian pages, explained', async () => {
    for (const path of ['ru/about/index.html', 'ru/datasheet/index.html']) {
      expect(await text(path), path).toMatch(/С3\W+код издателя для вида разметки/);
    }
  });
});

describe('the cite page', () => {
  it('gives the English Vancouver entry a [cited YYYY Mon DD] date', async () => {
    expect(await text('en/cite/index.html')).toMatch(
      /\[cited \d{4} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}\]/,
    );
  });
});
