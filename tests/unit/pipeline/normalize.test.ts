import { describe, expect, it } from 'vitest';
import {
  headerKey,
  parseAge,
  parseBoolean,
  parseNumber,
  parseSex,
  plainCellValue,
} from '../../../src/pipeline/registry/normalize.ts';
import { studyFolderFromPath } from '../../../src/pipeline/registry/study-folder.ts';

const value = <T>(v: T | null) => ({ ok: true, value: v });

describe('plainCellValue', () => {
  it('unwraps rich text, formulas (cached result), hyperlinks and error cells', () => {
    expect(plainCellValue({ richText: [{ text: 'Суб' }, { text: 'дуральное' }] })).toBe(
      'Субдуральное',
    );
    expect(plainCellValue({ formula: 'A1+1', result: 58 })).toBe(58);
    expect(plainCellValue({ sharedFormula: 'A1', result: 'да' })).toBe('да');
    expect(plainCellValue({ text: 'studies/1.2', hyperlink: 'file:///x' })).toBe('studies/1.2');
    expect(plainCellValue({ error: '#N/A' })).toBeNull();
    expect(plainCellValue(undefined)).toBeNull();
  });
});

describe('headerKey', () => {
  it('ignores case, spaces, underscores and ё/е', () => {
    expect(headerKey('Study_Instance UID')).toBe(headerKey('studyinstanceuid'));
    expect(headerKey('Признаки  прорыва в ликворные пространства')).toBe(
      headerKey('признаки прорыва в ликворные   пространства'),
    );
    expect(headerKey('Ёмкость')).toBe(headerKey('емкость'));
  });
});

describe('parseBoolean', () => {
  it.each([
    [1, true],
    [0, false],
    [true, true],
    ['1', true],
    ['Да', true],
    ['нет', false],
    ['Yes', true],
    ['no', false],
    ['TRUE', true],
    ['false', false],
    ['+', true],
    ['-', false],
    ['1,0', true],
    [null, null],
    ['  ', null],
  ])('%j → %j', (input, expected) => {
    expect(parseBoolean(input)).toEqual(value(expected));
  });
  it('rejects anything else, keeping the raw text', () => {
    expect(parseBoolean('может быть')).toEqual({ ok: false, raw: 'может быть' });
    expect(parseBoolean(2)).toEqual({ ok: false, raw: '2' });
  });
});

describe('parseAge', () => {
  it.each([
    [57, 57],
    ['57', 57],
    ['057Y', 57],
    ['057y', 57],
    ['57 лет', 57],
    ['57 years', 57],
    ['21 год', 21],
    ['57,0', 57],
    ['024M', 2],
    ['018M', 1.5],
    ['006M', 0.5],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(parseAge(input)).toEqual(value(expected));
  });
  it('rejects text, fractions and impossible ages', () => {
    expect(parseAge('пятьдесят').ok).toBe(false);
    expect(parseAge(57.5).ok).toBe(false);
    expect(parseAge(250).ok).toBe(false);
    expect(parseAge(-3).ok).toBe(false);
  });
});

describe('parseSex', () => {
  it.each([
    ['М', 'M'],
    ['Ж', 'F'],
    ['M', 'M'],
    ['F', 'F'],
    ['male', 'M'],
    ['Female', 'F'],
    ['муж.', 'M'],
    ['жен', 'F'],
    ['Мужской', 'M'],
    ['женский', 'F'],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(parseSex(input)).toEqual(value(expected));
  });
  it('rejects an unknown word', () => {
    expect(parseSex('X')).toEqual({ ok: false, raw: 'X' });
  });
});

describe('parseNumber', () => {
  it('reads decimal commas, dots and a trailing unit', () => {
    expect(parseNumber('0,625')).toEqual(value(0.625));
    expect(parseNumber('2.5')).toEqual(value(2.5));
    expect(parseNumber(120)).toEqual(value(120));
    expect(parseNumber('120 kV')).toEqual(value(120));
    expect(parseNumber('5 мм')).toEqual(value(5));
    expect(parseNumber('')).toEqual(value(null));
  });
  it('rejects text', () => {
    expect(parseNumber('пять').ok).toBe(false);
    expect(parseNumber('1.2.3').ok).toBe(false);
  });
});

describe('studyFolderFromPath', () => {
  it('takes the folder right under studies/, whatever the separators', () => {
    expect(studyFolderFromPath('studies/1.2.3')).toBe('1.2.3');
    expect(studyFolderFromPath('./studies/1.2.3/')).toBe('1.2.3');
    expect(studyFolderFromPath('C:\\data\\MosMed\\studies\\1.2.3\\')).toBe('1.2.3');
    expect(studyFolderFromPath('1.2.3')).toBe('1.2.3');
    expect(studyFolderFromPath('  ')).toBeNull();
    expect(studyFolderFromPath(null)).toBeNull();
  });
});
