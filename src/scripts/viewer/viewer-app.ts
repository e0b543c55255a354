/**
 * The study page's full viewer (a lazy chunk: loaded when the reader picks a folder). State is
 * one series, one slice, one window, one zoom and one pixel for the HU read-out; `render`
 * draws every control from it. Slices are decoded on demand (a few kept), windowed with the
 * build's table (window.ts) and drawn at full resolution; a file that fails is named in the
 * status line.
 */
import { storedToHu } from '../../pipeline/imaging/pixels/hu.ts';
import {
  applyLut,
  applyWindow,
  windowLut,
  windowTableKey,
} from '../../pipeline/imaging/render/window.ts';
import { fill } from '../../i18n/fill.ts';
import { tileForKey } from '../gallery/slice-viewer.ts';
import { loadStudy, type LoadedSeries } from './load-series.ts';
import { SliceCache, type Decoded } from './slice-cache.ts';
import { dragWindow, presetOf, statusLine, type Window } from './viewer-math.ts';
import { Stage, type DragMode } from './viewer-stage.ts';

interface Words {
  status: string;
  statusFailed: string;
  reading: string;
  notFound: string;
  imageLabel: string;
  seriesOption: string;
  seriesLabel: string;
  noValue: string;
}

class Viewer {
  private readonly root: HTMLElement;
  private readonly words: Words;
  private readonly presets: Record<string, Window>;
  private readonly status: HTMLElement;
  private readonly stage: Stage;
  private readonly el: {
    series: HTMLSelectElement;
    center: HTMLInputElement;
    width: HTMLInputElement;
    slice: HTMLInputElement;
    presets: HTMLButtonElement[];
  };
  private series: LoadedSeries[] = [];
  private current = 0;
  private slice = 0;
  private window: Window;
  private dragStart: Window;
  private point: { x: number; y: number } | null = null;
  private shown: { series: number; slice: number; decoded: Decoded } | null = null;
  private readonly cache = new SliceCache();
  private lut: { key: string; table: Uint8Array } | null = null;
  private token = 0;
  private dragMode: DragMode = 'window';

  constructor(root: HTMLElement) {
    this.root = root;
    this.words = JSON.parse(root.dataset['words'] ?? '{}') as Words;
    this.presets = JSON.parse(root.dataset['presets'] ?? '{}') as Record<string, Window>;
    this.window = { ...Object.values(this.presets)[0]! };
    this.dragStart = this.window;
    const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
    this.status = q('[data-viewer-status]');
    this.el = {
      series: q('[data-viewer-series]'),
      center: q('[data-viewer-center]'),
      width: q('[data-viewer-width]'),
      slice: q('[data-viewer-slice]'),
      presets: [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')],
    };
    this.stage = new Stage(q('[data-viewer-stage]'), q('[data-viewer-canvas]'), {
      dragMode: () => this.dragMode,
      hover: (pixel) => {
        this.point = pixel ?? this.point;
        this.renderStatus();
      },
      pick: (pixel) => {
        this.point = pixel;
        this.renderStatus();
      },
      dragWindow: (dx, dy, start) => {
        if (start) this.dragStart = this.window;
        this.setWindow(dragWindow(this.dragStart, dx, dy));
      },
      slices: (steps) => this.go(this.slice + steps),
    });
    this.listen();
  }

  /** Reads the picked files and shows the study's first series. */
  async open(files: File[]): Promise<void> {
    const known = JSON.parse(this.root.dataset['series'] ?? '[]') as { folder: string }[];
    const study = {
      folder: this.root.dataset['studyFolder'] ?? '',
      uid: this.root.dataset['studyUid'] ?? '',
      series: known.map((s) => s.folder),
    };
    const token = ++this.token;
    this.series = await loadStudy(files, study, (done, total) => {
      if (token === this.token) this.say(fill(this.words.reading, { done, total }));
    });
    if (token !== this.token) return;
    this.cache.clear();
    this.shown = null;
    if (this.series.length === 0) {
      this.root.querySelector<HTMLElement>('[data-viewer-app]')!.hidden = true;
      this.say(fill(this.words.notFound, { count: files.length, folder: study.folder }));
      return;
    }
    this.el.series.replaceChildren(
      ...this.series.map((s, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        // textContent: folder names come from the reader's disk and are never markup.
        option.textContent = fill(this.words.seriesOption, {
          folder: s.folder,
          count: s.slices.length,
        });
        return option;
      }),
    );
    this.root.querySelector<HTMLElement>('[data-viewer-app]')!.hidden = false;
    this.selectSeries(0);
  }

  private listen(): void {
    this.el.series.addEventListener('change', () =>
      this.selectSeries(Number(this.el.series.value)),
    );
    this.el.slice.addEventListener('input', () => this.go(Number(this.el.slice.value) - 1));
    const typed = () => {
      const center = this.el.center.valueAsNumber;
      const width = this.el.width.valueAsNumber;
      if (Number.isFinite(center) && Number.isFinite(width) && width >= 1) {
        this.setWindow({ center, width });
      }
    };
    this.el.center.addEventListener('input', typed);
    this.el.width.addEventListener('input', typed);
    for (const button of this.el.presets) {
      button.addEventListener('click', () => {
        const preset = this.presets[button.dataset['preset'] ?? ''];
        if (preset) this.setWindow({ ...preset });
      });
    }
    for (const radio of this.root.querySelectorAll<HTMLInputElement>('input[name="viewer-drag"]')) {
      radio.addEventListener('change', () => {
        if (radio.checked) this.dragMode = radio.value as DragMode;
      });
    }
    const zoom: Record<string, () => void> = {
      in: () => this.stage.zoom(1.5),
      out: () => this.stage.zoom(1 / 1.5),
      fit: () => this.stage.fit(),
    };
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-viewer-zoom]')) {
      button.addEventListener('click', () => zoom[button.dataset['viewerZoom'] ?? '']?.());
    }
    this.stage.canvas.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const keyZoom = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' }[event.key];
      const next = tileForKey(event.key, this.slice, this.count());
      if (next === null && !keyZoom) return;
      event.preventDefault();
      if (keyZoom) zoom[keyZoom]!();
      else this.go(next!);
    });
  }

  private count(): number {
    return this.series[this.current]?.slices.length ?? 0;
  }

  private selectSeries(index: number): void {
    this.current = Math.min(Math.max(0, index), this.series.length - 1);
    this.el.series.value = String(this.current);
    this.el.slice.max = String(this.count());
    this.stage.fit();
    this.slice = -1;
    this.go(Math.floor((this.count() - 1) / 2));
  }

  private go(slice: number): void {
    const next = Math.min(Math.max(0, slice), this.count() - 1);
    if (next === this.slice) return;
    this.slice = next;
    void this.draw();
  }

  private setWindow(window: Window): void {
    this.window = window;
    this.paint();
    this.renderControls();
    this.renderStatus();
  }

  /** Decodes the current slice (the last request wins) and shows it. */
  private async draw(): Promise<void> {
    const token = ++this.token;
    const { current: series, slice } = this;
    this.renderControls();
    const decoded = await this.cache.get(`${series}:${slice}`, this.series[series]!.slices[slice]!);
    if (token !== this.token) return;
    this.shown = { series, slice, decoded };
    this.paint();
    this.renderStatus();
    // The neighbours next, so that stepping through the series does not wait for each decode.
    for (const next of [slice + 1, slice - 1]) {
      const entry = this.series[series]!.slices[next];
      if (entry) void this.cache.get(`${series}:${next}`, entry);
    }
  }

  /** Windows the shown slice's samples to grey and draws them. */
  private paint(): void {
    const shown = this.shown?.decoded;
    if (!shown || 'error' in shown) {
      this.stage.clear();
      return;
    }
    const { header, frame } = shown;
    const invert = header.photometric === 'MONOCHROME1';
    const { center, width } = this.window;
    let grey: Uint8Array;
    if (header.bitsStored <= 16) {
      const key = windowTableKey(header, center, width, invert);
      if (this.lut?.key !== key)
        this.lut = { key, table: windowLut(header, center, width, invert) };
      grey = applyLut(frame.samples, this.lut.table);
    } else {
      grey = applyWindow(storedToHu(frame.samples, header), center, width, invert);
    }
    this.stage.show(frame.width, frame.height, grey);
  }

  private hu(): number | null {
    const shown = this.shown?.decoded;
    if (!shown || 'error' in shown || !this.point) return null;
    const { header, frame } = shown;
    const { x, y } = this.point;
    if (x >= frame.width || y >= frame.height) return null;
    return storedToHu([frame.samples[y * frame.width + x]!], header)[0]!;
  }

  private say(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  /** The status line and the image's name, for the slice on screen (not one still decoding). */
  private renderStatus(): void {
    if (!this.shown) return;
    const k = this.shown.slice + 1;
    const n = this.series[this.shown.series]!.slices.length;
    const shown = this.shown.decoded;
    if ('error' in shown) {
      const entry = this.series[this.shown.series]!.slices[this.shown.slice]!;
      this.say(fill(this.words.statusFailed, { k, n, file: entry.path, reason: shown.error }));
    } else {
      this.say(statusLine(this.words.status, k, n, this.window, this.hu(), this.words.noValue));
    }
    this.status.dataset['pixel'] = this.point ? `${this.point.x},${this.point.y}` : '';
    this.stage.canvas.setAttribute(
      'aria-label',
      fill(this.words.imageLabel, {
        series: this.el.series.options[this.shown.series]?.textContent ?? '',
        k,
        n,
        c: this.window.center,
        w: this.window.width,
      }),
    );
  }

  private renderControls(): void {
    const active = document.activeElement;
    if (active !== this.el.center) this.el.center.value = String(this.window.center);
    if (active !== this.el.width) this.el.width.value = String(this.window.width);
    this.el.slice.value = String(this.slice + 1);
    const preset = presetOf(this.window, this.presets);
    for (const button of this.el.presets) {
      button.setAttribute('aria-pressed', String(button.dataset['preset'] === preset));
    }
  }
}

const viewers = new WeakMap<HTMLElement, Viewer>();

/** Opens (or re-opens, with another folder) the viewer of `root` on the picked files. */
export async function openViewer(root: HTMLElement, files: File[]): Promise<void> {
  let viewer = viewers.get(root);
  if (!viewer) {
    viewer = new Viewer(root);
    viewers.set(root, viewer);
  }
  await viewer.open(files);
}
