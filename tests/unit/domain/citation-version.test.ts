/**
 * The dataset's Vancouver entry as NLM's Citing Medicine wants an Internet item: the version
 * after the medium, and the date it was cited ("[cited YYYY Mon DD]") — the build date.
 */
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../src/domain/citation/format.ts';
import { datasetItem } from '../../../src/domain/citation/items.ts';
import { SEED_FACTS } from '../../../src/domain/facts.ts';

describe('the Vancouver entry of the dataset', () => {
  it('says when it was cited, and which version', () => {
    const en = formatCitation(datasetItem('en', '2026-12-06T00:31:25.000Z'), 'vancouver');
    expect(en).toContain('[cited 2026 Dec 6]');
    expect(en).toContain(`[Internet]. Version ${SEED_FACTS.version}. Moscow:`);
    const ru = formatCitation(datasetItem('ru', '2026-12-06'), 'vancouver');
    expect(ru).toContain('[дата обращения 6 декабря 2026]');
    expect(ru).toContain(`[Электронный ресурс]. Версия ${SEED_FACTS.version}. Москва:`);
  });

  it('carries the version in every format', () => {
    for (const format of ['gost', 'apa', 'vancouver', 'bibtex', 'ris', 'csl-json'] as const) {
      expect(formatCitation(datasetItem('en'), format), format).toContain(SEED_FACTS.version);
    }
  });
});
