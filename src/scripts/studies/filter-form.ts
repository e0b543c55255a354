/**
 * The index's filter form shows a filter state: its controls are named like the URL
 * parameters, so the state's URL form sets them. Run at load (the boxes are right at once) and
 * after each change (the full index, index-app.ts).
 */
import type { FacetState } from '../../domain/facets.ts';
import { stateToParams } from '../../domain/facet-url.ts';

export function writeFilterForm(form: HTMLFormElement, state: FacetState): void {
  const params = stateToParams(state);
  for (const input of form.querySelectorAll<HTMLInputElement>('input')) {
    if (input.type === 'checkbox') input.checked = params.getAll(input.name).includes(input.value);
    // The bound being typed keeps what the reader typed ("-", "6" before "60").
    else if (
      input.type === 'hidden' ||
      (input.type === 'number' && input !== document.activeElement)
    )
      input.value = params.get(input.name) ?? '';
  }
}
