/**
 * The age-range problems (checkAgeRange in src/domain/facets.ts) as sentences from the page's
 * templates, which pages hand to their scripts in data-* attributes (no i18n bundle needed).
 */
import { AGE_LIMITS, type AgeProblem } from '../domain/facets.ts';
import { fill } from '../i18n/fill.ts';

/** Templates: `outOfRange` gets `{value}`, `{min}`, `{max}`; `swapped` gets `{from}`, `{to}`. */
export interface AgeProblemTemplates {
  outOfRange: string;
  swapped: string;
}

/**
 * @example ageProblemText([{ kind: 'swapped', from: 60, to: 40 }], { outOfRange: '', swapped: '{from} > {to}' }) // '60 > 40'
 */
export function ageProblemText(problems: AgeProblem[], templates: AgeProblemTemplates): string {
  return problems
    .map((p) =>
      p.kind === 'swapped'
        ? fill(templates.swapped, { from: p.from, to: p.to })
        : fill(templates.outOfRange, { value: p.value, min: AGE_LIMITS.min, max: AGE_LIMITS.max }),
    )
    .join(' ');
}

/** Shows the problems in the message element next to the age inputs (hidden when none). */
export function showAgeProblems(
  element: HTMLElement | null,
  problems: AgeProblem[],
  templates: AgeProblemTemplates,
): void {
  if (!element) return;
  const text = ageProblemText(problems, templates);
  if (element.textContent !== text) element.textContent = text;
  element.hidden = text === '';
}

/** The templates from an element's `data-age-out-of-range` and `data-age-swapped`. */
export function ageTemplatesFrom(element: HTMLElement | null): AgeProblemTemplates {
  return {
    outOfRange: element?.dataset['ageOutOfRange'] ?? '{value}: {min}–{max}',
    swapped: element?.dataset['ageSwapped'] ?? '{from} > {to}',
  };
}
