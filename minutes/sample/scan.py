"""Turn a PDF into the scan of its printout: one greyscale image per page, no text layer.

Used by the OCR tests and ``minutes bench --ocr``: a page rendered at scanner
resolution, optionally turned by a fraction of a degree as a sheet lies on the
glass, and speckled, so OCR meets what archives hold rather than a clean
bitmap.
"""

from __future__ import annotations

import io
import random

import pypdfium2 as pdfium
from PIL import Image

#: The resolution archives scan minutes at.
SCAN_DPI = 300


def scan_pdf(data: bytes, *, dpi: int = SCAN_DPI, skew: float = 0.0, speckle: float = 0.0, seed: int = 0) -> bytes:
    """Render every page of ``data`` to a ``dpi`` image and wrap the images as an image-only PDF.

    ``skew`` turns each page by up to that many degrees (alternating sides);
    ``speckle`` sprinkles that share of pixels with dark dots.
    """
    rng = random.Random(seed)
    document = pdfium.PdfDocument(data)
    try:
        images = [_scan_page(page, dpi, skew * (-1) ** n, speckle, rng) for n, page in enumerate(document)]
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def _scan_page(page: pdfium.PdfPage, dpi: int, angle: float, speckle: float, rng: random.Random) -> Image.Image:
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255, expand=False)
    if speckle:
        pixels = image.load()
        width, height = image.size
        for _ in range(int(width * height * speckle)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.randrange(0, 120)
    return image
