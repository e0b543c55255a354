/**
 * The not-found page, for a study number that does not exist (`/en/studies/1/`: numbers are
 * registry rows, so they start at 2): says so and links the nearest study number. The numbers
 * come from the page (data-handles), the asked one from the address.
 */
import { fill } from '../i18n/fill.ts';

/**
 * The number in `handles` nearest to `asked` (the lower one on a tie), or null when none.
 * @example nearestHandle([2, 3, 10], 1) // 2
 * @example nearestHandle([2, 3, 10], 7) // 3
 */
export function nearestHandle(handles: readonly number[], asked: number): number | null {
  let best: number | null = null;
  for (const h of handles) {
    if (best === null || Math.abs(h - asked) < Math.abs(best - asked)) best = h;
    else if (Math.abs(h - asked) === Math.abs(best - asked)) best = Math.min(best, h);
  }
  return best;
}

/** The study number a not-found address asked for (`…/studies/1/`), or null. */
export function askedHandle(pathname: string): number | null {
  const match = /\/studies\/(\d+)\/?$/.exec(pathname);
  return match ? Number(match[1]) : null;
}

export function showNearestStudies(): void {
  const asked = askedHandle(location.pathname);
  if (asked === null) return;
  for (const box of document.querySelectorAll<HTMLElement>('[data-nearest]')) {
    const handles = JSON.parse(box.dataset['handles'] ?? '[]') as number[];
    const nearest = nearestHandle(handles, asked);
    if (nearest === null || nearest === asked) continue;
    const link = document.createElement('a');
    link.href = `${box.dataset['studiesBase'] ?? ''}${nearest}/`;
    link.textContent = fill(box.dataset['link'] ?? '#{handle}', { handle: nearest });
    box.replaceChildren(fill(box.dataset['template'] ?? '', { asked }), ' ', link);
    box.hidden = false;
  }
}
