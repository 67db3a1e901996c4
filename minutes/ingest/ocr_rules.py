"""An ocrmypdf plugin that erases the ruled lines of tables before Tesseract reads a page.

Swedish minutes are often a ruled table (Punkt | Vad | Ansvar). Tesseract's
page layout analysis takes a cell whose only content is "2." beside a rule
for noise and drops it, and then the items after it no longer run on. With
the long horizontal and vertical rules painted white it finds the numbers
(measured on a scanned table of minutes: items 1-4 lost with the rules, read
without them). Only the image OCR sees is changed, never the PDF.

Loaded by :func:`minutes.ingest.ocr.ocr_pages` through ocrmypdf's
``plugins=`` argument; the hook runs in ocrmypdf's worker.
"""

from __future__ import annotations

import numpy as np
from ocrmypdf import hookimpl
from PIL import Image

#: A dark run at least this share of the page width (height) is a horizontal (vertical) rule.
#: Letters are far shorter: a 12 pt capital is about 2 % of an A4 page's height.
HORIZONTAL_SHARE = 0.05
VERTICAL_SHARE = 0.03

#: Grey level below which a pixel is ink.
INK = 140

#: Pixels either side of a rule painted over as well (anti-aliased and uneven edges).
MARGIN = 1


def _window_sums(values: np.ndarray, length: int) -> np.ndarray:
    """Sums of every ``length`` consecutive values along each row (``width - length + 1`` of them)."""
    counts = np.cumsum(values, axis=1, dtype=np.int32)
    counts = np.pad(counts, ((0, 0), (1, 0)))
    return counts[:, length:] - counts[:, :-length]


def _long_runs(dark: np.ndarray, length: int) -> np.ndarray:
    """Pixels that belong to a run of at least ``length`` dark pixels along each row.

    A morphological opening with a 1×length line: windows of pure ink
    (erosion), then every pixel such a window covers (dilation), both as
    running sums so a page takes a few tens of milliseconds.
    """
    if length < 2 or dark.shape[1] < length:
        return np.zeros_like(dark)
    full = _window_sums(dark, length) == length
    padded = np.pad(full, ((0, 0), (length - 1, length - 1)))
    return _window_sums(padded, length) > 0


def _grow(mask: np.ndarray, axis: int) -> np.ndarray:
    """Widen a mask by :data:`MARGIN` pixels across ``axis``."""
    grown = mask.copy()
    for shift in range(1, MARGIN + 1):
        grown |= np.roll(mask, shift, axis=axis) | np.roll(mask, -shift, axis=axis)
    return grown


def erase_rules(image: Image.Image) -> Image.Image:
    """The image with long horizontal and vertical rules painted white (greyscale out)."""
    grey = np.asarray(image.convert("L"))
    dark = grey < INK
    height, width = dark.shape
    horizontal = _grow(_long_runs(dark, int(width * HORIZONTAL_SHARE)), axis=0)
    vertical = _grow(_long_runs(np.ascontiguousarray(dark.T), int(height * VERTICAL_SHARE)).T, axis=1)
    rules = horizontal | vertical
    if not rules.any():
        return image
    cleaned = grey.copy()
    cleaned[rules] = 255
    out = Image.fromarray(cleaned, mode="L")
    out.info = dict(image.info)  # keep the DPI ocrmypdf reads back
    return out


@hookimpl
def filter_ocr_image(page, image: Image.Image) -> Image.Image:
    """ocrmypdf hook: erase rules, then let the Tesseract plugin fit the image to its limits."""
    from ocrmypdf.builtin_plugins import tesseract_ocr

    return tesseract_ocr.filter_ocr_image(page=page, image=erase_rules(image))
