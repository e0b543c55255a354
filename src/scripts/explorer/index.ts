/**
 * Entry point of the statistics page's explorer (bundled by Astro; no inline script). The
 * explorer's code, data and chart renderer load only when the reader uses the form (or opens a
 * link that carries a state), so the page itself costs no script work: its charts are static.
 */
const root = document.querySelector<HTMLElement>('[data-explorer]');
if (root) {
  let started = false;
  /** Whether the reader changed the form before the explorer was ready. */
  let changed = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./explorer.ts').then(({ startExplorer }) => startExplorer(root, () => changed));
  };
  // Typing an age counts as a change: the explorer, once loaded, keeps the typed value.
  for (const event of ['change', 'input']) {
    root.addEventListener(event, () => {
      changed = true;
      start();
    });
  }
  for (const event of ['pointerdown', 'focusin', 'keydown']) {
    root.addEventListener(event, start, { once: true, passive: true });
  }
  if (new URLSearchParams(window.location.search).size > 0) start();
}
