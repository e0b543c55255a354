/**
 * A series gallery in the browser: shows one sprite tile at a time as the background of the
 * viewer (no request per slice), switches window presets, and scrubs through the slices by
 * mouse drag, wheel, touch swipe and keys. All state is one tile index and one preset; every
 * viewer of the gallery (inline and enlarged) renders the same state.
 */
import { nearestTile, readGalleryLink } from '../../site/gallery/gallery-link.ts';
import { clampTile, drawnLarger, tileBackground } from '../../site/gallery/sprite-geometry.ts';
import type { Sprite } from '../../domain/schemas.ts';
import { fill } from '../../i18n/fill.ts';

/** Wheel travel (in pixels) that moves one slice: a notch of a mouse wheel is about 100. */
const WHEEL_STEP = 60;

/**
 * The tile a key moves to, or null when the key is not a scrubbing key.
 * @example tileForKey('ArrowRight', 3, 12) // 4
 * @example tileForKey('End', 3, 12) // 11
 */
export function tileForKey(key: string, tile: number, count: number): number | null {
  const page = Math.max(1, Math.round(count / 10));
  const moves: Record<string, number> = {
    ArrowRight: tile + 1,
    ArrowDown: tile + 1,
    ArrowLeft: tile - 1,
    ArrowUp: tile - 1,
    PageDown: tile + page,
    PageUp: tile - page,
    Home: 0,
    End: count - 1,
  };
  return key in moves ? clampTile(moves[key]!, count) : null;
}

function cssUrl(url: string): string {
  // JSON string escaping is valid CSS string escaping for quotes and backslashes.
  return `url(${JSON.stringify(url)})`;
}

export function startGallery(root: HTMLElement): void {
  const sprites = JSON.parse(root.dataset['sprites'] ?? '[]') as Sprite[];
  if (sprites.length === 0) return;
  const total = Number(root.dataset['total']) || 0;
  const seriesLabel = root.dataset['seriesLabel'] ?? '';
  const positionTemplate = root.dataset['positionTemplate'] ?? '{n} / {total}';
  const labelTemplate = root.dataset['labelTemplate'] ?? '{series} {preset} {n} / {total}';
  const viewers = [...root.querySelectorAll<HTMLElement>('[data-tile-viewer]')];
  const positions = [...root.querySelectorAll<HTMLElement>('[data-position]')];
  const presetButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  const dialog = root.querySelector<HTMLDialogElement>('dialog[data-dialog]');
  const presetName = (preset: string) =>
    presetButtons.find((b) => b.dataset['preset'] === preset)?.textContent?.trim() ?? preset;

  let sprite = sprites[0]!;
  let tile = 0;
  // A link may open this gallery at one slice and window (home page examples).
  const target = readGalleryLink(location.search);
  const linked = target !== null && target.series === Number(root.dataset['seriesNumber']);
  if (linked) {
    sprite = sprites.find((s) => s.preset === target.preset) ?? sprite;
    tile = nearestTile(sprite.slices, target.slice - 1);
  }

  // The larger (detail) sheets, inline too where the viewer is drawn larger than the small
  // tiles (desktops, high-density phones), once the reader turns to the gallery: never part of
  // the page's first load. Each is shown once it has loaded, so the image never goes blank.
  let inUse = linked;
  const loaded = new Set<string>();
  function sheetFor(viewer: HTMLElement, of: Sprite): string {
    if (!of.detail) return of.url;
    if (viewer.hasAttribute('data-tile-viewer-large')) return of.detail.url;
    const sharp = inUse && drawnLarger(viewer.clientWidth, devicePixelRatio, of.tileWidth);
    if (!sharp) return of.url;
    if (loaded.has(of.detail.url)) return of.detail.url;
    const image = new Image();
    image.src = of.detail.url;
    image
      .decode()
      .then(() => {
        loaded.add(of.detail!.url);
        render();
      })
      .catch(() => {});
    return of.url;
  }
  function startUse(): void {
    if (inUse) return;
    inUse = true;
    render();
  }

  function render(): void {
    const background = tileBackground(sprite, tile);
    const slice = (sprite.slices[tile] ?? tile) + 1;
    const of = Math.max(total, sprite.count);
    const position = fill(positionTemplate, { n: slice, total: of });
    const label = fill(labelTemplate, {
      series: seriesLabel,
      preset: presetName(sprite.preset),
      n: slice,
      total: of,
    });
    for (const viewer of viewers) {
      // The enlarged view shows the larger tiles, fetched only once it is open.
      const large = viewer.hasAttribute('data-tile-viewer-large');
      if (large && !dialog?.open) continue;
      const url = sheetFor(viewer, sprite);
      viewer.style.aspectRatio = `${sprite.tileWidth} / ${sprite.tileHeight}`;
      viewer.style.backgroundImage = cssUrl(url);
      viewer.style.backgroundSize = background.size;
      viewer.style.backgroundPosition = background.position;
      viewer.setAttribute('aria-label', label);
      viewer.dataset['tile'] = String(tile);
      viewer.dataset['preset'] = sprite.preset;
    }
    for (const p of positions) if (p.textContent !== position) p.textContent = position;
    for (const button of presetButtons) {
      button.setAttribute('aria-pressed', String(button.dataset['preset'] === sprite.preset));
    }
  }

  function show(next: number): void {
    const clamped = clampTile(next, sprite.count);
    if (clamped === tile) return;
    tile = clamped;
    render();
  }

  function selectPreset(preset: string): void {
    const found = sprites.find((s) => s.preset === preset);
    if (!found || found === sprite) return;
    // Presets share slice positions; keep the same slice when the sheets agree.
    const slice = sprite.slices[tile];
    sprite = found;
    const same = slice === undefined ? -1 : sprite.slices.indexOf(slice);
    tile = clampTile(same >= 0 ? same : tile, sprite.count);
    render();
  }

  for (const button of presetButtons) {
    button.addEventListener('click', () => selectPreset(button.dataset['preset'] ?? ''));
  }

  // Once the reader turns to this gallery, fetch the other presets' sheets so that a switch
  // shows its image at once (one request per sheet, never per slice).
  const preload = () => {
    startUse();
    const inline = viewers[0]!;
    for (const other of sprites) if (other !== sprite) new Image().src = sheetFor(inline, other);
  };
  root.addEventListener('pointerenter', preload, { once: true });
  root.addEventListener('focusin', preload, { once: true });
  root.addEventListener('touchstart', preload, { once: true, passive: true });
  // Scrolled into view by the reader (not merely on screen as the page loads).
  addEventListener(
    'scroll',
    () => {
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          seen.disconnect();
          startUse();
        }
      });
      seen.observe(root);
    },
    { once: true, passive: true },
  );

  for (const viewer of viewers) {
    viewer.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const next = tileForKey(event.key, tile, sprite.count);
      if (next === null) return;
      event.preventDefault();
      show(next);
    });

    let wheel = 0;
    viewer.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const pixels =
          event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 20 : event.deltaY;
        wheel += pixels;
        const steps = Math.trunc(wheel / WHEEL_STEP);
        if (steps !== 0) {
          wheel -= steps * WHEEL_STEP;
          show(tile + steps);
        }
      },
      { passive: false },
    );

    // Drag (mouse) and swipe (touch, pen): horizontal travel across the viewer's width
    // spans the whole series, so a full-width drag goes from the first slice to the last.
    let drag: { x: number; tile: number; id: number } | null = null;
    viewer.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, tile, id: event.pointerId };
      viewer.setPointerCapture(event.pointerId);
    });
    viewer.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const perTile = Math.max(2, viewer.clientWidth / sprite.count);
      show(drag.tile + Math.round((event.clientX - drag.x) / perTile));
    });
    const end = (event: PointerEvent) => {
      if (drag && event.pointerId === drag.id) drag = null;
    };
    viewer.addEventListener('pointerup', end);
    viewer.addEventListener('pointercancel', end);
  }

  if (dialog) {
    root.querySelector('[data-enlarge]')?.addEventListener('click', () => {
      dialog.showModal();
      render();
      dialog.querySelector<HTMLElement>('[data-tile-viewer]')?.focus();
    });
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener('click', (event) => {
      const box = dialog.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (event.target === dialog && !inside) dialog.close();
    });
  }

  render();
  root.hidden = false;
  const fallback = root.parentElement?.querySelector<HTMLElement>('[data-gallery-static]');
  if (fallback) fallback.hidden = true;
}

/** Starts every gallery on the page. */
export function startGalleries(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll<HTMLElement>('[data-gallery]')) startGallery(root);
}
