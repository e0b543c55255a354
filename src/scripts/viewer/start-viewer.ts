/**
 * The study page's starter for the full viewer: shows the folder picker (hidden without
 * JavaScript, where the section says what it needs instead) and loads the viewer itself, a
 * separate chunk, only when the reader picks a folder. Nothing else is loaded before that.
 */
export function startViewer(scope: ParentNode = document): void {
  const root = scope.querySelector<HTMLElement>('section[data-viewer]');
  if (!root) return;
  const input = root.querySelector<HTMLInputElement>('input[data-viewer-input]');
  const open = root.querySelector<HTMLElement>('[data-viewer-open]');
  if (!input || !open) return;
  // A folder picker in every browser. Set here, not in the HTML: the attribute is not in the
  // HTML standard (the checker refuses it), and without JavaScript the picker stays hidden.
  input.setAttribute('webkitdirectory', '');
  open.hidden = false;
  root.querySelector<HTMLElement>('[data-viewer-nojs]')?.setAttribute('hidden', '');
  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    try {
      const { openViewer } = await import('./viewer-app.ts');
      await openViewer(root, files);
    } catch (error) {
      // Never a silent blank: e.g. the viewer's code could not be loaded (offline).
      const status = root.querySelector('[data-viewer-status]');
      if (status) status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
}
