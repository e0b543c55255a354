/**
 * A study page in the browser: the "back to the list" link returns to the list as the reader
 * left it (filters from this tab's session), and the study folder can be copied.
 */
import { recalledListQuery, withQuery } from './list-query.ts';

export function restoreBackLink(scope: ParentNode = document): void {
  const query = recalledListQuery();
  for (const link of scope.querySelectorAll<HTMLAnchorElement>('a[data-back-to-list]')) {
    const path = new URL(link.href, location.href).pathname;
    link.href = withQuery(path, query);
  }
}

export function enableCopyButtons(scope: ParentNode = document): void {
  for (const box of scope.querySelectorAll<HTMLElement>('[data-copy]')) {
    const button = box.querySelector<HTMLButtonElement>('button');
    const source = box.querySelector<HTMLElement>('[data-copy-source]');
    const status = box.querySelector<HTMLElement>('[data-copy-status]');
    if (!button || !source || !status) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        status.textContent = box.dataset['copied'] ?? '';
      } catch {
        status.textContent = box.dataset['copyFailed'] ?? '';
        getSelection()?.selectAllChildren(source);
      }
    });
  }
}
