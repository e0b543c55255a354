import { describe, expect, it } from 'vitest';
import {
  SERIES_TABLE_ROWS,
  attributesShownIn,
  seriesTable,
} from '../../../src/site/studies/series-columns.ts';
import { PUBLISHED_ATTRIBUTES } from '../../../src/domain/dicom-attributes.ts';
import type { Series } from '../../../src/domain/schemas.ts';

const series: Series = {
  uid: '1.2.3.4',
  folder: '1.2.3.4',
  modality: 'CT',
  manufacturer: 'SIEMENS',
  model: 'SOMATOM Definition AS',
  sliceThickness: 2.5,
  kvp: 120,
  tubeCurrent: 203.5,
  exposure: null,
  kernel: 'H30s',
  rows: 512,
  columns: 512,
  pixelSpacing: [0.48, 0.48],
  spacingBetweenSlices: 2.5,
  imageCount: 40,
  size: { files: 40, bytes: 21_000_000 },
  transferSyntax: '1.2.840.10008.1.2.1',
  status: 'unsupported',
  reason: null,
  sprites: [],
};

describe("the study page's series table", () => {
  it('shows every published DICOM attribute, each in one row', () => {
    const shown = SERIES_TABLE_ROWS.flatMap((row) => attributesShownIn(row).map((a) => a.key));
    expect(shown.sort()).toEqual(PUBLISHED_ATTRIBUTES.map((a) => a.key).sort());
  });

  it('names each row and writes each value as a Russian reader reads it', () => {
    expect(seriesTable('ru', [series]).map((r) => [r.heading, r.cells[0]])).toEqual([
      ['Папка серии', '1.2.3.4'],
      ['Модальность', 'CT'],
      ['Производитель', 'SIEMENS'],
      ['Модель', 'SOMATOM Definition AS'],
      ['Толщина среза, мм', '2,5'],
      ['Шаг между срезами, мм', '2,5'],
      ['кВ', '120'],
      ['мА', '203,5'],
      ['мА·с', 'не указано'],
      ['Фильтр', 'H30s'],
      ['Матрица', '512 × 512'],
      ['Размер пикселя, мм', '0,48 × 0,48'],
      ['Снимков', '40'],
      ['Синтаксис передачи', '1.2.840.10008.1.2.1'],
      ['Миниатюры', 'не поддерживается'],
    ]);
  });

  it('says "not stated" for a matrix or pixel spacing it does not know', () => {
    const rows = seriesTable('en', [{ ...series, pixelSpacing: null, rows: null }]);
    const cell = (row: string) => rows.find((r) => r.row === row)!.cells[0];
    expect([cell('matrix'), cell('pixelSpacing')]).toEqual(['not stated', 'not stated']);
  });
});
