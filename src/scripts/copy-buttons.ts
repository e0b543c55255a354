/**
 * Wires every `.copy-button[data-copy-target]`: shows it (it is hidden for readers without
 * JavaScript) and copies the target's text with the Clipboard API. On failure the text is
 * selected so the reader can copy it by hand.
 */
export function enhanceCopyButtons(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.copy-button')) {
    const target = root.getElementById(button.dataset.copyTarget ?? '');
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    if (!target) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = target.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = button.dataset.done ?? '';
      } catch {
        const range = root.createRange();
        range.selectNodeContents(target);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        if (status) status.textContent = button.dataset.failed ?? '';
      }
    });
  }
}
