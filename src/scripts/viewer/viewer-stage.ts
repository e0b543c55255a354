/**
 * The viewer's image: a canvas at the slice's full resolution inside a stage that clips it,
 * zoomed and panned by a CSS transform (so zooming never re-decodes), and the pointer,
 * touch and wheel gestures on it. What a gesture means for the window or the slice is the
 * app's (viewer-app.ts): the stage reports it through `StageEvents`.
 */
import { FIT, clampView, pixelAt, zoomAbout, type View } from './viewer-math.ts';

export type DragMode = 'window' | 'pan' | 'slices';

export interface StageEvents {
  /** The mode a one-finger or mouse drag is in. */
  dragMode(): DragMode;
  /** The pointer is over pixel (x, y) of the image (a mouse hovering), or left it. */
  hover(pixel: { x: number; y: number } | null): void;
  /** A click or tap on pixel (x, y). */
  pick(pixel: { x: number; y: number }): void;
  /** A window drag: total travel since it started (`start` on its first move). */
  dragWindow(dx: number, dy: number, start: boolean): void;
  /** Move by `steps` slices (wheel, or a drag in slices mode). */
  slices(steps: number): void;
}

/** Pointer travel (CSS px) under which a press is a click or tap, not a drag. */
const TAP = 4;
/** Wheel travel, and drag travel in slices mode, that moves one slice. */
const WHEEL_STEP = 60;
const DRAG_STEP = 8;

export class Stage {
  readonly canvas: HTMLCanvasElement;
  private readonly stage: HTMLElement;
  private readonly events: StageEvents;
  private readonly context: CanvasRenderingContext2D;
  private view: View = FIT;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private press: { x: number; y: number; view: View; moved: boolean; steps: number } | null = null;
  private pinch: { distance: number; mid: { x: number; y: number }; view: View } | null = null;
  private wheel = 0;

  constructor(stage: HTMLElement, canvas: HTMLCanvasElement, events: StageEvents) {
    this.stage = stage;
    this.canvas = canvas;
    this.events = events;
    this.context = canvas.getContext('2d')!;
    this.listen();
  }

  /** Draws 8-bit grey pixels at the image's own size. */
  show(width: number, height: number, grey: Uint8Array): void {
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.stage.style.aspectRatio = `${width} / ${height}`;
    }
    const image = this.context.createImageData(width, height);
    const rgba = new Uint32Array(image.data.buffer);
    for (let i = 0; i < grey.length; i++) rgba[i] = 0xff000000 | (grey[i]! * 0x010101);
    this.context.putImageData(image, 0, 0);
    this.applyView();
  }

  /** Clears the image (a slice that could not be decoded shows black, and says why). */
  clear(): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Zooms about the stage's centre, or about (clientX, clientY). */
  zoom(factor: number, clientX?: number, clientY?: number): void {
    const box = this.stage.getBoundingClientRect();
    const px = clientX === undefined ? box.width / 2 : clientX - box.left;
    const py = clientY === undefined ? box.height / 2 : clientY - box.top;
    this.setView(zoomAbout(this.view, factor, px, py));
  }

  fit(): void {
    this.setView(FIT);
  }

  /** The image pixel under a point of the screen, or null. */
  pixelAt(clientX: number, clientY: number): { x: number; y: number } | null {
    const box = this.canvas.getBoundingClientRect();
    return pixelAt(clientX, clientY, box, this.canvas.width, this.canvas.height);
  }

  private setView(view: View): void {
    const box = this.stage.getBoundingClientRect();
    this.view = clampView(view, box.width, box.height);
    this.applyView();
  }

  private applyView(): void {
    const { scale, x, y } = this.view;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    // Sharp pixels once each image pixel is drawn larger than a device pixel; smooth below.
    const drawn = this.stage.clientWidth * scale * devicePixelRatio;
    this.canvas.style.imageRendering = drawn > this.canvas.width ? 'pixelated' : 'auto';
  }

  private listen(): void {
    const canvas = this.canvas;
    canvas.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      canvas.setPointerCapture(event.pointerId);
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.pointers.size === 1) {
        this.press = {
          x: event.clientX,
          y: event.clientY,
          view: this.view,
          moved: false,
          steps: 0,
        };
      } else if (this.pointers.size === 2) {
        this.press = null;
        this.pinch = { ...this.spread(), view: this.view };
      }
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!this.pointers.has(event.pointerId)) {
        if (event.pointerType === 'mouse')
          this.events.hover(this.pixelAt(event.clientX, event.clientY));
        return;
      }
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.pinch && this.pointers.size >= 2) return this.pinchMove();
      const press = this.press;
      if (!press) return;
      const dx = event.clientX - press.x;
      const dy = event.clientY - press.y;
      const first = !press.moved;
      if (first && Math.hypot(dx, dy) < TAP) return;
      press.moved = true;
      const mode = this.events.dragMode();
      if (mode === 'window') this.events.dragWindow(dx, dy, first);
      else if (mode === 'pan') {
        this.setView({ ...press.view, x: press.view.x + dx, y: press.view.y + dy });
      } else {
        const steps = Math.trunc(dy / DRAG_STEP);
        if (steps !== press.steps) this.events.slices(steps - press.steps);
        press.steps = steps;
      }
      if (event.pointerType === 'mouse')
        this.events.hover(this.pixelAt(event.clientX, event.clientY));
    });
    const end = (event: PointerEvent) => {
      if (!this.pointers.delete(event.pointerId)) return;
      const press = this.press;
      if (press && !press.moved && event.type === 'pointerup') {
        const pixel = this.pixelAt(event.clientX, event.clientY);
        if (pixel) this.events.pick(pixel);
      }
      if (this.pointers.size < 2) this.pinch = null;
      this.press = null;
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse' && !this.pointers.size) this.events.hover(null);
    });
    canvas.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const pixels =
          event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 20 : event.deltaY;
        if (event.ctrlKey || event.metaKey) {
          this.zoom(Math.exp(-pixels / 300), event.clientX, event.clientY);
          return;
        }
        this.wheel += pixels;
        const steps = Math.trunc(this.wheel / WHEEL_STEP);
        if (steps !== 0) {
          this.wheel -= steps * WHEEL_STEP;
          this.events.slices(steps);
        }
      },
      { passive: false },
    );
  }

  /** Distance between the first two pointers and their midpoint (stage coordinates). */
  private spread(): { distance: number; mid: { x: number; y: number } } {
    const [a, b] = [...this.pointers.values()] as [
      { x: number; y: number },
      { x: number; y: number },
    ];
    const box = this.stage.getBoundingClientRect();
    return {
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      mid: { x: (a.x + b.x) / 2 - box.left, y: (a.y + b.y) / 2 - box.top },
    };
  }

  private pinchMove(): void {
    const start = this.pinch!;
    const now = this.spread();
    const zoomed = zoomAbout(start.view, now.distance / start.distance, start.mid.x, start.mid.y);
    this.setView({
      ...zoomed,
      x: zoomed.x + now.mid.x - start.mid.x,
      y: zoomed.y + now.mid.y - start.mid.y,
    });
  }
}
