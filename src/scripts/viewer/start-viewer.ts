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
  open.hidden = false;
  root.querySelector<HTMLElement>('[data-viewer-nojs]')?.setAttribute('hidden', '');
  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    const { openViewer } = await import('./viewer-app.ts');
    await openViewer(root, files);
  });
}
