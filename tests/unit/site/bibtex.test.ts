/**
 * The BibTeX the cite page and the `.bib` downloads give, read back by an independent BibTeX
 * parser (@retorquere/bibtex-parser, the one Better BibTeX for Zotero uses): no parse errors,
 * `month` as a month macro, the year, title and every author as written.
 */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexMonth, formatCitation } from '../../../src/domain/citation/format.ts';
import { datasetItem, paperItem, type CslItem } from '../../../src/domain/citation/items.ts';
import { GET } from '../../../src/pages/citation-[lang].bib.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

async function bibFile(lang: 'ru' | 'en'): Promise<string> {
  const response = await (
    GET as unknown as (ctx: { params: { lang: string } }) => Promise<Response>
  )({
    params: { lang },
  });
  return response.text();
}

describe.each(['ru', 'en'] as const)('citation-%s.bib', (lang) => {
  it('parses without errors; month is a month macro; year, title and authors survive', async () => {
    const text = await bibFile(lang);
    const items: CslItem[] = [datasetItem(lang), paperItem()];
    // A month with a day in braces ("{oct 12}") is the defect this guards against.
    expect(text).not.toMatch(/month\s*=\s*\{/);
    const library = parse(text);
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(items.length);
    library.entries.forEach((entry, i) => {
      const item = items[i]!;
      const [year, month] = item.issued['date-parts'][0]!;
      expect(entry.fields['year']).toBe(String(year));
      if (month !== undefined) {
        // The parser expands a month macro to its number; any other value stays text.
        expect(entry.fields['month']).toBe(String(month));
        expect(entry.input).toMatch(new RegExp(`month = ${MONTHS[month - 1]},`));
      } else {
        expect(entry.fields['month']).toBeUndefined();
      }
      expect(entry.fields.author?.map((a) => a.lastName)).toEqual(item.author.map((a) => a.family));
      expect(entry.fields['title']?.replace(/[{}]/g, '')).toBe(item.title);
    });
  });
});

describe('bibtexMonth', () => {
  it('keeps the month macro and drops the day citation-js adds', () => {
    expect(bibtexMonth('@misc{a,\n\tmonth = {oct 12},\n}')).toBe('@misc{a,\n\tmonth = oct,\n}');
    expect(bibtexMonth('\tmonth = {may},')).toBe('\tmonth = may,');
    expect(bibtexMonth('\ttitle = {oct 12},')).toBe('\ttitle = {oct 12},');
  });

  it('is what formatCitation gives for an item with a full date', () => {
    expect(formatCitation(datasetItem('en'), 'bibtex')).toMatch(/^\s*month = oct,$/m);
  });
});
