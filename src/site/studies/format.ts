/**
 * Display helpers for study values: numbers in the page's locale, missing values as a
 * localized "not stated", facet values as their labels.
 */
import type { Locale } from '../../i18n/locales.ts';
import { UNKNOWN, type FindingId, type SexKey } from '../../domain/field-values.ts';
import { formatNumber as formatLocaleNumber } from '../../domain/number-format.ts';
import type { Series, Study } from '../../domain/schemas.ts';
import { useBrowserTranslations } from '../../i18n/browser.ts';
import type { ClassKey } from '../../domain/field-table.ts';

/**
 * A number in the locale's notation (decimal comma in Russian), or null when missing.
 * @example formatNumber('ru', 0.625) // '0,625'
 */
export function formatNumber(locale: Locale, value: number | null): string | null {
  return value === null ? null : formatLocaleNumber(locale, value);
}

/** Label makers for one locale; every missing value reads "not stated", never blank. */
export function studyLabels(locale: Locale) {
  const t = useBrowserTranslations(locale);
  const unknown = t('studies.value.unknown');
  return {
    unknown,
    number: (value: number | null) => formatNumber(locale, value) ?? unknown,
    text: (value: string | null) => (value?.trim() ? value : unknown),
    /** A class (`with`, `without`, `unknown`: the class facet's values) as its label. */
    classOf: (value: ClassKey) => t(`studies.class.${value}`),
    /** A sex facet value (`M`, `F`, `unknown`) as its label. */
    sexOf: (value: SexKey) => t(`studies.sex.${value}`),
    finding: (id: FindingId) => t(`finding.${id}`),
    /** A facet value as offered in a filter: numbers localized, `unknown` translated. */
    facetValue: (value: string, numeric: boolean) =>
      value === UNKNOWN
        ? unknown
        : numeric
          ? (formatNumber(locale, Number(value)) ?? value)
          : value,
  };
}

/** Total images over the study's series. */
export function imageCount(study: Study): number {
  return study.series.reduce((sum, s) => sum + s.imageCount, 0);
}

/** The first series with rendered sprites (its brain tile sizes the cover). */
function firstRendered(study: Study): Series | undefined {
  return study.series.find((s) => s.status === 'ok' && s.sprites.length > 0);
}

/** Intrinsic size of a study's cover: the brain tile of its first rendered series. */
export function coverSize(study: Study): { width: number; height: number } {
  const sprite = firstRendered(study)?.sprites.find((s) => s.preset === 'brain');
  return sprite
    ? { width: sprite.tileWidth, height: sprite.tileHeight }
    : { width: 128, height: 128 };
}
