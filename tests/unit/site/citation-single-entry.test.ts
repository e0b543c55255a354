import { describe, expect, it } from 'vitest';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import gostCsl from '../../../src/domain/csl/gost-r-7-0-100-2018.csl?raw';
import {
  formatCitation,
  singleEntryStyle,
  vancouverVersion,
  type CitationFormat,
} from '../../../src/domain/citation/format.ts';
import { datasetItem, paperItem } from '../../../src/domain/citation/items.ts';

// The site formats with single-entry styles (no in-text citation layout, no bibliography sort):
// each reference must read exactly as the full style prints it.
const STYLES: [Exclude<CitationFormat, 'bibtex' | 'ris' | 'csl-json'>, string][] = [
  ['gost', 'gost-full-for-test'],
  ['apa', 'apa'],
  ['vancouver', 'vancouver'],
];

describe('single-entry citation styles', () => {
  it('print every item as the full style does, in both languages', () => {
    formatCitation(paperItem(), 'csl-json'); // registers the Russian locale
    plugins.config.get('@csl').styles.add('gost-full-for-test', gostCsl);
    for (const item of [paperItem(), datasetItem('en', '2026-01-02'), datasetItem('ru')]) {
      for (const [format, full] of STYLES) {
        const text = new Cite([item])
          .format('bibliography', { format: 'text', template: full, lang: item.language })
          .trim()
          .replace(/^1\.\s+/, '');
        const expected = format === 'vancouver' ? vancouverVersion(text, item) : text;
        expect(formatCitation(item, format), `${format}, ${item.language}`).toBe(expected);
      }
    }
  });

  it('drop the in-text layout and the bibliography sort, nothing else', () => {
    const style =
      '<style><citation et-al-min="3"><sort><key macro="a"/></sort><layout><text macro="a"/></layout></citation>' +
      '<bibliography hanging-indent="true"><sort><key macro="b"/></sort><layout><text macro="b"/></layout></bibliography></style>';
    expect(singleEntryStyle(style)).toBe(
      '<style><citation><layout><text variable="title"/></layout></citation>' +
        '<bibliography hanging-indent="true"><layout><text macro="b"/></layout></bibliography></style>',
    );
  });
});
