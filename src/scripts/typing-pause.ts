/**
 * Runs `handler` when the reader pauses while typing a number into a form (the age bounds of
 * the explorer and the studies filters), so that counts follow the digits without waiting for
 * Tab or Enter, and without a re-render per keystroke. A `change` (Tab, Enter, the spinner)
 * still commits at once through the form's own listener; it cancels a pending pause.
 */

/** Long enough to type "60" as one value, short enough to feel live. */
export const TYPING_PAUSE_MS = 300;

export function onTypingPause(
  form: HTMLFormElement,
  handler: () => void,
  delay = TYPING_PAUSE_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'number') return;
    clearTimeout(timer);
    timer = setTimeout(handler, delay);
  });
  form.addEventListener('change', () => clearTimeout(timer));
}
