#!/usr/bin/env python3
"""The real-scale benchmark's peer: the build's imaging work done with pydicom + numpy + Pillow.

Exactly the work our imaging stage does (src/pipeline/imaging): every file's header read
(up to the pixel data), files grouped by series folder and sorted by position along the slice
normal, up to 24 evenly spaced slices (first and last included) plus the middle slice per
series decoded, scaled down to the tile size (128 px on the longer side; the cover 256 px; and the
enlarged view's detail tiles, 256 px but never above the source size, when the source is larger
than 128 px) and windowed with the three presets (brain 40/80, subdural 75/200, bone 600/2800, the DICOM linear
VOI function), then one WebP sheet of 6 columns per preset (and one of detail tiles) and a
cover, quality 82. On all cores
(multiprocessing). Compressed pixel data is decoded by pydicom's handlers (GDCM for JPEG
Lossless, JPEG-LS and JPEG 2000; numpy for RLE).

Two variants of the resampling (the rest is the same):
  lanczos   scale the HU image down first (Pillow's Lanczos on 32-bit float), window after;
  bilinear  the cheapest reasonable script: window each slice to 8 bits at full size first,
            then Pillow's antialiased bilinear resize of the 8-bit images (the detail tiles
            from the slice, the grid tiles from the detail tiles).

Install (Debian): apt-get install python3-pydicom python3-numpy python3-pil python3-gdcm

Usage: peer-imaging.py <dataset dir> <out dir> [processes] [lanczos|bilinear]
Prints one JSON line: files, series, slices, seconds.
"""
import json
import os
import sys
import time
from multiprocessing import Pool

import numpy as np
import pydicom
from PIL import Image

MAX_TILES = 24
COLUMNS = 6
TILE = 128
COVER = 256
DETAIL = 256
PRESETS = {"brain": (40, 80), "subdural": (75, 200), "bone": (600, 2800)}


def header(path):
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    pos = [float(v) for v in ds.get("ImagePositionPatient", [0, 0, 0])]
    ori = [float(v) for v in ds.get("ImageOrientationPatient", [1, 0, 0, 0, 1, 0])]
    spacing = [float(v) for v in ds.get("PixelSpacing", [1, 1])]
    normal = np.cross(ori[:3], ori[3:])
    return (path, float(np.dot(pos, normal)), int(ds.Rows), int(ds.Columns), spacing)


def pick(count, k_max=MAX_TILES):
    k = min(count, k_max)
    if k == 1:
        return [(count - 1) // 2]
    return [round(j * (count - 1) / (k - 1)) for j in range(k)]


def size_of(columns, rows, spacing, longer):
    w, h = columns * spacing[1], rows * spacing[0]
    scale = longer / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def window(hu, center, width):
    low = center - 0.5 - (width - 1) / 2
    high = center - 0.5 + (width - 1) / 2
    y = np.rint(((hu - (center - 0.5)) / (width - 1) + 0.5) * 255)
    y[hu <= low] = 0
    y[hu > high] = 255
    return y.astype(np.uint8)


def window_fast(hu, center, width):
    """The same linear VOI function in three numpy passes (rounds half up where rint rounds to even)."""
    low = center - 0.5 - (width - 1) / 2
    y = (hu - low) * (255 / (width - 1)) + 0.5
    np.clip(y, 0, 255, out=y)
    return y.astype(np.uint8)


def hu_of(path):
    ds = pydicom.dcmread(path)
    return ds.pixel_array.astype(np.float32) * float(ds.get("RescaleSlope", 1)) + float(
        ds.get("RescaleIntercept", 0)
    )


def small_hu(path, size):
    hu = hu_of(path)
    # Scale down first, window after (as our build does).
    return np.asarray(Image.fromarray(hu, mode="F").resize(size, Image.LANCZOS))


def sheets_of(tile, count):
    n_rows = (count + COLUMNS - 1) // COLUMNS
    width = tile[0] * min(COLUMNS, count)
    return {p: Image.new("L", (width, tile[1] * n_rows)) for p in PRESETS}


def paste(sheets, tile, index, hu):
    for preset, (c, w) in PRESETS.items():
        image = Image.fromarray(window(hu, c, w), mode="L")
        sheets[preset].paste(image, ((index % COLUMNS) * tile[0], (index // COLUMNS) * tile[1]))


def windowed_small(path, sizes, presets=PRESETS):
    """Bilinear variant: each preset windowed at full size, then resized to each size in turn."""
    hu = hu_of(path)
    out = []
    images = {p: Image.fromarray(window_fast(hu, *presets[p]), mode="L") for p in presets}
    for size in sizes:
        images = {p: image.resize(size, Image.BILINEAR) for p, image in images.items()}
        out.append(images)
    return out


def place(sheets, tile, index, images):
    for preset, image in images.items():
        sheets[preset].paste(image, ((index % COLUMNS) * tile[0], (index // COLUMNS) * tile[1]))


def save(out_prefix, sheets, details, cover):
    cover.save(f"{out_prefix}-cover.webp", quality=82, method=2)
    for preset, sheet in sheets.items():
        sheet.save(f"{out_prefix}-{preset}.webp", quality=82, method=2)
    for preset, sheet in (details or {}).items():
        sheet.save(f"{out_prefix}-{preset}-detail.webp", quality=82, method=2)


def layout(task):
    """What both variants lay out alike: the slices, the tile and detail sizes, the chosen slices
    and their empty sheets, the cover's size."""
    out_prefix, slices = task[0], task[1]
    paths = [s[0] for s in slices]
    _, _, rows, columns, spacing = slices[0]
    tile = size_of(columns, rows, spacing, TILE)
    longer = min(DETAIL, max(rows, columns))
    detail = size_of(columns, rows, spacing, longer) if longer > TILE else None
    chosen = pick(len(paths))
    sheets = sheets_of(tile, len(chosen))
    details = sheets_of(detail, len(chosen)) if detail else None
    cover = size_of(columns, rows, spacing, COVER)
    return out_prefix, paths, tile, detail, chosen, sheets, details, cover


def render_bilinear(task):
    out_prefix, paths, tile, detail, chosen, sheets, details, cover_size = layout(task)
    for index, k in enumerate(chosen):
        if detail:
            big, small = windowed_small(paths[k], [detail, tile])
            place(details, detail, index, big)
        else:
            (small,) = windowed_small(paths[k], [tile])
        place(sheets, tile, index, small)
    brain = {"brain": PRESETS["brain"]}
    (cover,) = windowed_small(paths[(len(paths) - 1) // 2], [cover_size], brain)
    save(out_prefix, sheets, details, cover["brain"])
    return len(chosen) + 1


def render(task):
    if task[2] == "bilinear":
        return render_bilinear(task)
    out_prefix, paths, tile, detail, chosen, sheets, details, cover_size = layout(task)
    for index, k in enumerate(chosen):
        if detail:
            # As ours: the detail size from the slice, the tile size from the detail image.
            big = small_hu(paths[k], detail)
            paste(details, detail, index, big)
            hu = np.asarray(Image.fromarray(big, mode="F").resize(tile, Image.LANCZOS))
        else:
            hu = small_hu(paths[k], tile)
        paste(sheets, tile, index, hu)
    cover = window(small_hu(paths[(len(paths) - 1) // 2], cover_size), *PRESETS["brain"])
    save(out_prefix, sheets, details, Image.fromarray(cover, mode="L"))
    return len(chosen) + 1


def main():
    dataset, out = sys.argv[1], sys.argv[2]
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
    variant = sys.argv[4] if len(sys.argv) > 4 else "lanczos"
    if variant not in ("lanczos", "bilinear"):
        sys.exit(f"variant must be lanczos or bilinear, not {variant}")
    os.makedirs(out, exist_ok=True)
    start = time.perf_counter()
    files = []
    studies = os.path.join(dataset, "studies")
    for study in sorted(os.listdir(studies)):
        for series in sorted(os.listdir(os.path.join(studies, study))):
            folder = os.path.join(studies, study, series)
            files += [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
    with Pool(processes) as pool:
        headers = pool.map(header, files, chunksize=64)
        groups = {}
        for h in headers:
            groups.setdefault(os.path.dirname(h[0]), []).append(h)
        tasks = []
        for folder, slices in sorted(groups.items()):
            slices.sort(key=lambda s: s[1])
            study, series = folder.split(os.sep)[-2:]
            tasks.append((os.path.join(out, f"{study}-{series}"), slices, variant))
        rendered = sum(pool.imap_unordered(render, tasks))
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(files), "series": len(tasks), "slices": rendered, "seconds": seconds}))


if __name__ == "__main__":
    main()
