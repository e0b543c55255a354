/**
 * A release and the next one, as the publisher would make them: a 20-study dataset built as
 * 1.0.0 with checksums; then a copy with one study removed (folder and row), one added (new
 * UIDs and a row), one label flipped, one file's bytes changed, and both READMEs saying 1.1.0,
 * 777 studies and a new sentence; built with `--previous <the 1.0.0 site>`. The new site says
 * 1.1.0 and 777 where a reader looks, renders each new sentence, and its changes.json and both
 * changes pages list exactly the planted changes.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesFileSchema, type ChangesFile } from '../../src/domain/changes.ts';
import { FIELD, FIELDS } from '../../src/domain/field-table.ts';
import { generateSample, SAMPLE_MANIFEST } from '../../src/sample/index.ts';
import { launchChromium, serveStatic } from '../support/browser.ts';
import { axeViolations, describeViolations } from '../support/gates/axe.ts';
import { expandDisclosures } from '../support/gates/page-states.ts';
import { HOSTILE_STRINGS } from '../support/gates/hostile-data.ts';
import { checkLinks } from '../support/gates/link-check.ts';
import { inspectForXss } from '../support/gates/xss-check.ts';
import { validateHtml } from '../support/gates/vnu.ts';
import { runBuild } from '../support/run-build.ts';

const SENTENCE = {
  ru: 'В выпуске 1.1.0 одно исследование заменено другим.',
  en: 'Release 1.1.0 replaces one study with another.',
};
const PATHOLOGY_COLUMN = FIELDS.findIndex((f) => f.id === 'pathology') + 1;

let root: string;
let site1: string;
let site2: string;
let changes: ChangesFile;
const planted = {
  added: '',
  removed: '',
  flipped: { study: '', from: '', to: '' },
  changedFile: '',
  addedFiles: [] as string[],
  removedFiles: [] as string[],
};

/** The registry's rows by study UID (column 1), editable; saved back by `save`. */
async function openRegistry(dir: string) {
  const workbook = new ExcelJS.Workbook();
  const path = join(dir, 'dataset_registry.xlsx');
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const rowOf = (uid: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) {
      if (String(sheet.getRow(r).getCell(1).value) === uid) return r;
    }
    throw new Error(`no row for ${uid}`);
  };
  return { sheet, rowOf, save: () => workbook.xlsx.writeFile(path) };
}

async function filesOf(dir: string, study: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'studies', study), {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function editReadme(dir: string, name: string, edit: (text: string) => string) {
  const path = join(dir, name);
  await writeFile(path, edit(await readFile(path, 'utf8')));
}

const page = (site: string, path: string) => readFile(join(site, path), 'utf8');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'releases-'));
  const full = join(root, 'full');
  await generateSample({ outDir: full, studies: 21, seed: 11, workers: 0 });
  // Not the synthetic sample any more: a publisher's folder, whose READMEs the build reads.
  await rm(join(full, SAMPLE_MANIFEST));
  const uids = (await readdir(join(full, 'studies'))).sort();
  const registry = await openRegistry(full);
  const ordered = uids.sort((a, b) => registry.rowOf(a) - registry.rowOf(b));
  planted.added = ordered.at(-1)!;
  planted.removed = ordered[0]!;

  // 1.0.0: the first 20 studies.
  const v1 = join(root, 'v1');
  await cp(full, v1, { recursive: true });
  const r1 = await openRegistry(v1);
  r1.sheet.spliceRows(r1.rowOf(planted.added), 1);
  await r1.save();
  await rm(join(v1, 'studies', planted.added), { recursive: true });

  // 1.1.0: the first study gone, the 21st new, one label flipped, one file's bytes changed.
  const v2 = join(root, 'v2');
  await cp(full, v2, { recursive: true });
  planted.removedFiles = await filesOf(v2, planted.removed);
  planted.addedFiles = await filesOf(v2, planted.added);
  const r2 = await openRegistry(v2);
  r2.sheet.spliceRows(r2.rowOf(planted.removed), 1);
  const flipped = ordered[1]!;
  const cell = r2.sheet.getRow(r2.rowOf(flipped)).getCell(PATHOLOGY_COLUMN);
  const was = Number(cell.value);
  cell.value = 1 - was;
  planted.flipped = { study: flipped, from: String(was), to: String(1 - was) };
  await r2.save();
  await rm(join(v2, 'studies', planted.removed), { recursive: true });
  planted.changedFile = (await filesOf(v2, ordered[2]!))[0]!;
  const bytes = await readFile(join(v2, planted.changedFile));
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
  await writeFile(join(v2, planted.changedFile), bytes);
  for (const [name, label, sentence, intro] of [
    ['README_RU.md', 'Количество исследований', SENTENCE.ru, 'Набор данных содержит'],
    ['README_EN.md', 'Number of studies', SENTENCE.en, 'The dataset contains'],
  ] as const) {
    await editReadme(v2, name, (text) =>
      text
        .replace(/(\n#+ [^\n]*(?:Версия|version)[^\n]*\n+)1\.0\.0/i, '$11.1.0')
        .replace(new RegExp(`(\\| ${label}[^|]*\\|\\s*)800`), '$1777')
        .replace(`>${intro}`, `>${sentence} ${intro}`)
        // Untrusted text in the README's last section (not one the build reads facts from).
        .concat(`\n\n${HOSTILE_STRINGS.join(' ')}\n`),
    );
  }

  site1 = join(root, 'site1');
  site2 = join(root, 'site2');
  const first = await runBuild([
    '--dataset',
    v1,
    '--checksums',
    '--out',
    site1,
    '--generated',
    join(root, 'gen1'),
  ]);
  expect(first.code, first.stderr).toBe(0);
  const second = await runBuild([
    '--dataset',
    v2,
    '--checksums',
    '--previous',
    site1,
    '--out',
    site2,
    '--generated',
    join(root, 'gen2'),
  ]);
  expect(second.code, second.stderr).toBe(0);
  changes = changesFileSchema.parse(JSON.parse(await page(site2, 'data/changes.json')));
}, 900_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a release built with --previous', () => {
  it('says 1.1.0 on both home pages and in croissant.json', async () => {
    for (const lang of ['ru', 'en']) {
      expect(await page(site2, `${lang}/index.html`)).toMatch(/>\s*1\.1\.0\b/);
    }
    const croissant = JSON.parse(await page(site2, 'croissant.json')) as Record<string, unknown>;
    expect(croissant['version']).toBe('1.1.0');
    expect(croissant['sdVersion']).toEqual(expect.any(String));
    expect(await page(site2, 'CITATION.cff')).toMatch(/^version: ["']?1\.1\.0/m);
  });

  it('declares 777 studies, as the README now says', async () => {
    const quality = JSON.parse(await page(site2, 'data/quality.json')) as {
      overview: { key: string; declared: number }[];
    };
    expect(quality.overview.find((o) => o.key === 'studies')?.declared).toBe(777);
  });

  it('shows each new sentence on its language’s About page', async () => {
    expect(await page(site2, 'ru/about/index.html')).toContain(SENTENCE.ru);
    expect(await page(site2, 'en/about/index.html')).toContain(SENTENCE.en);
    expect(await page(site1, 'en/about/index.html')).not.toContain(SENTENCE.en);
    // The README's annotation class, explained under its section (issue 24, item 17).
    expect(await page(site2, 'en/about/index.html')).toMatch(
      /<p class="note">C3: the publisher’s code for how the studies are labelled/,
    );
    expect(await page(site2, 'ru/about/index.html')).toMatch(/<p class="note">С3: код издателя/);
  });

  it('lists exactly the planted changes in data/changes.json', () => {
    expect(changes.from).toMatchObject({ version: '1.0.0' });
    expect(changes.to).toMatchObject({ version: '1.1.0' });
    expect(changes.studies).toEqual({
      added: [planted.added],
      removed: [planted.removed],
      changed: [
        {
          study: planted.flipped.study,
          field: FIELD.pathology.csv,
          from: planted.flipped.from,
          to: planted.flipped.to,
        },
      ],
    });
    expect(changes.files).toEqual({
      added: planted.addedFiles,
      removed: planted.removedFiles,
      changed: [planted.changedFile],
    });
    expect(changes.declared).toEqual([
      { key: 'version', from: '1.0.0', to: '1.1.0' },
      { key: 'overview.studies', from: 800, to: 777 },
    ]);
  });

  it('lists the same on both changes pages, in the reader’s language, studies linked', async () => {
    // The flipped label: the registry field by its word, its values in the studies' words.
    const label = { ru: 'Класс', en: 'Class' };
    const classWord = {
      ru: { '1': 'С признаками кровоизлияния', '0': 'Без признаков кровоизлияния' },
      en: { '1': 'With signs of hemorrhage', '0': 'Without signs of hemorrhage' },
    } as const;
    for (const lang of ['ru', 'en'] as const) {
      const html = await page(site2, `${lang}/changes/index.html`);
      expect(html).toContain('1.0.0');
      expect(html).toContain('1.1.0');
      expect(html).toMatch(
        new RegExp(`<a href="/${lang}/studies/[^"]+/"[^>]*>${planted.added}</a>`),
      );
      expect(html).toContain(planted.removed);
      expect(html).toMatch(
        new RegExp(`<a href="/${lang}/studies/[^"]+/"[^>]*>${planted.flipped.study}</a>`),
      );
      expect(html).toMatch(
        new RegExp(
          `<td[^>]*>${label[lang]}</td><td[^>]*>${classWord[lang][planted.flipped.from as '0' | '1']}</td><td[^>]*>${classWord[lang][planted.flipped.to as '0' | '1']}</td>`,
        ),
      );
      expect(html).toContain(planted.changedFile);
      expect(html).toContain('777');
    }
    const text = await page(site2, 'data/CHANGES');
    expect(text).toMatch(/^1\.1\.0 \d{4}-\d{2}-\d{2}\n/);
    expect(text).toContain(`Added study ${planted.added}`);
    expect(text).toContain(`Removed study ${planted.removed}`);
    expect(text).toMatch(/\n1\.0\.0 \d{4}-\d{2}-\d{2}\n/);
  });

  it('passes the HTML and link gates with the changes listed (the shared test site has none)', async () => {
    const files = ['ru', 'en'].map((lang) => join(site2, lang, 'changes', 'index.html'));
    const errors = await validateHtml(files);
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
    const problems = (await checkLinks(site2, 'https://example.invalid')).filter((p) =>
      p.file.includes('changes'),
    );
    expect(problems).toEqual([]);
  });

  it('has no axe violation with the changes listed, on a phone and in dark mode; the README’s hostile text stays text', async () => {
    const site = await serveStatic(site2);
    const browser = await launchChromium();
    const problems: string[] = [];
    try {
      for (const [colorScheme, width] of [
        ['light', 390],
        ['dark', 1280],
      ] as const) {
        const context = await browser.newContext({
          colorScheme,
          bypassCSP: true,
          viewport: { width, height: 900 },
        });
        for (const lang of ['ru', 'en']) {
          const p = await context.newPage();
          await p.goto(`${site.url}/${lang}/changes/`);
          await expandDisclosures(p);
          problems.push(...describeViolations(`${lang} ${colorScheme}`, await axeViolations(p)));
          // Nothing scrolls sideways on a phone: long UIDs and paths wrap.
          const overflow = await p.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          if (overflow > 0)
            problems.push(`${lang} ${width} px: scrolls sideways by ${overflow} px`);
          await p.close();
        }
        for (const lang of ['ru', 'en']) {
          const report = await inspectForXss(context, `${site.url}/${lang}/about/`);
          problems.push(...report.dialogs, ...report.injected);
          for (const hostile of HOSTILE_STRINGS) {
            if (!report.text.includes(hostile)) problems.push(`${lang}/about/ lost ${hostile}`);
          }
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await site.close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('carries the list of versions forward, and the first release says it is the first', async () => {
    const versions = JSON.parse(await page(site2, 'data/versions.json')) as {
      versions: { version: string; studies: number }[];
    };
    expect(versions.versions.map((v) => [v.version, v.studies])).toEqual([
      ['1.0.0', 20],
      ['1.1.0', 20],
    ]);
    const first = JSON.parse(await page(site1, 'data/changes.json')) as ChangesFile;
    expect(first.from).toBeNull();
    expect(await page(site1, 'en/changes/index.html')).toContain('first recorded release');
    expect(await page(site1, 'ru/changes/index.html')).toContain('первый записанный выпуск');
  });
});
