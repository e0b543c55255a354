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

Install (Debian): apt-get install python3-pydicom python3-numpy python3-pil python3-gdcm

Usage: peer-imaging.py <dataset dir> <out dir> [processes]
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


def small_hu(path, size):
    ds = pydicom.dcmread(path)
    hu = ds.pixel_array.astype(np.float32) * float(ds.get("RescaleSlope", 1)) + float(
        ds.get("RescaleIntercept", 0)
    )
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


def render(task):
    out_prefix, slices = task
    paths = [s[0] for s in slices]
    _, _, rows, columns, spacing = slices[0]
    tile = size_of(columns, rows, spacing, TILE)
    longer = min(DETAIL, max(rows, columns))
    detail = size_of(columns, rows, spacing, longer) if longer > TILE else None
    chosen = pick(len(paths))
    sheets = sheets_of(tile, len(chosen))
    details = sheets_of(detail, len(chosen)) if detail else None
    for index, k in enumerate(chosen):
        if detail:
            # As ours: the detail size from the slice, the tile size from the detail image.
            big = small_hu(paths[k], detail)
            paste(details, detail, index, big)
            hu = np.asarray(Image.fromarray(big, mode="F").resize(tile, Image.LANCZOS))
        else:
            hu = small_hu(paths[k], tile)
        paste(sheets, tile, index, hu)
    cw, ch = size_of(columns, rows, spacing, COVER)
    cover = window(small_hu(paths[(len(paths) - 1) // 2], (cw, ch)), *PRESETS["brain"])
    Image.fromarray(cover, mode="L").save(f"{out_prefix}-cover.webp", quality=82, method=2)
    for preset, sheet in sheets.items():
        sheet.save(f"{out_prefix}-{preset}.webp", quality=82, method=2)
    for preset, sheet in (details or {}).items():
        sheet.save(f"{out_prefix}-{preset}-detail.webp", quality=82, method=2)
    return len(chosen) + 1


def main():
    dataset, out = sys.argv[1], sys.argv[2]
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
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
            tasks.append((os.path.join(out, f"{study}-{series}"), slices))
        rendered = sum(pool.imap_unordered(render, tasks))
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(files), "series": len(tasks), "slices": rendered, "seconds": seconds}))


if __name__ == "__main__":
    main()
