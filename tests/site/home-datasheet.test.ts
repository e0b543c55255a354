/**
 * The built home and datasheet pages as a reader without JavaScript gets them (the static
 * HTML): example images per finding linked to studies with that finding, the two charts, and
 * a datasheet whose every answer names its source or says it is not stated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { studiesFileSchema } from '../../src/domain/schemas.ts';
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import { readGalleryLink } from '../../src/site/gallery/gallery-link.ts';

const siteDir = inject('siteDir');
const basePath = inject('basePath');
const generatedDir = inject('generatedDir');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const { studies } = studiesFileSchema.parse(
  JSON.parse(readFileSync(join(generatedDir, 'data/studies.json'), 'utf8')),
);
const byId = new Map(studies.map((s) => [s.id, s]));
const rendered = (s: (typeof studies)[number]) => s.series.some((x) => x.status === 'ok');
const presentTypes = FINDING_IDS.filter((f) => studies.some((s) => s.findings[f] && rendered(s)));

/** The example items of a home page: finding, study, link and image. */
function examplesOf(html: string) {
  return [
    ...html.matchAll(/<li data-finding="([a-z]+)" data-study="([^"]+)"[^>]*>([\s\S]*?)<\/li>/g),
  ].map(([, finding, study, body]) => ({
    finding: finding!,
    study: study!,
    href: /<a href="([^"]+)"/.exec(body!)?.[1],
    img: /<img src="([^"]+)"[^>]*>/.exec(body!),
  }));
}

describe.each(['ru', 'en'])('home page (%s), without JavaScript', (locale) => {
  const html = read(`${locale}/index.html`);

  it('shows one example per finding type present, linked to a study that has it', async () => {
    const examples = examplesOf(html);
    expect(presentTypes.length).toBeGreaterThan(0);
    expect(examples.map((e) => e.finding)).toEqual(presentTypes);
    for (const e of examples) {
      const study = byId.get(e.study)!;
      expect(study.findings[e.finding as (typeof FINDING_IDS)[number]], e.finding).toBe(true);
      // The study page, opened at the tile's series, slice and window (gallery-link.ts).
      const [path, target] = e.href!.replaceAll('&amp;', '&').split('?');
      expect(path).toBe(`${basePath}${locale}/studies/${study.slug}/`);
      expect(readGalleryLink(`?${target!.split('#')[0]}`)).not.toBeNull();
      expect(existsSync(join(siteDir, `${locale}/studies/${study.slug}/index.html`))).toBe(true);
      const tag = e.img![0];
      expect(tag).toMatch(/ width="\d+"/);
      expect(tag).toMatch(/ height="\d+"/);
      expect(tag).toMatch(/ alt="[^"]{10,}"/);
      const file = join(siteDir, e.img![1]!.slice(basePath.length));
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe('webp');
      expect(tag).toContain(`width="${meta.width}"`);
      // A real slice, not an empty tile: the head is brighter than the air around it.
      const { channels } = await sharp(file).stats();
      expect(channels[0]!.max, e.finding).toBeGreaterThan(100);
    }
  });

  it('says under the images how they were chosen', () => {
    expect(html).toMatch(locale === 'en' ? /chosen by rule/ : /выбранному по правилу/);
  });

  it('has the class-balance and findings charts inline, as SVG', () => {
    for (const id of ['class-balance', 'findings']) {
      const at = html.indexOf(`data-chart="${id}"`);
      expect(at, id).toBeGreaterThan(0);
      expect(html.slice(at, at + 20_000)).toContain('<svg');
    }
  });

  it('links the datasheet from the navigation', () => {
    expect(html).toContain(`href="${basePath}${locale}/datasheet/"`);
  });
});

describe.each(['ru', 'en'])('datasheet page (%s)', (locale) => {
  const html = read(`${locale}/datasheet/index.html`);
  const items = [
    ...html.matchAll(/<div data-item="([^"]+)" data-source="([a-zA-Z]+)"[^>]*>([\s\S]*?)<\/div>/g),
  ];

  it('has every section, and every answer names its source or says it is not stated', () => {
    for (const section of [
      'motivation',
      'composition',
      'collection',
      'labelling',
      'preprocessing',
      'uses',
      'distribution',
      'maintenance',
    ])
      expect(html).toContain(`data-section="${section}"`);
    expect(items.length).toBeGreaterThan(20);
    const notStated =
      locale === 'en' ? 'Not stated in the dataset' : 'В документации набора данных не указано';
    const sourced = locale === 'en' ? 'Source:' : 'Источник:';
    for (const [, id, kind, body] of items) {
      if (kind === 'notStated') expect(body, id).toContain(notStated);
      else expect(body, id).toContain(sourced);
      if (kind === 'readme') expect(body, id).toContain('README');
    }
    expect(items.filter(([, id]) => id === 'readers')[0]![2]).toBe('notStated');
    expect(items.filter(([, id]) => id === 'deidentification')[0]![2]).toBe('notStated');
  });

  it('lists the known skews computed from the data', () => {
    for (const id of ['age', 'sex', 'vendors', 'protocol', 'place', 'period'])
      expect(html).toContain(`data-skew="${id}"`);
  });
});
