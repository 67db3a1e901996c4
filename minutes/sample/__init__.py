"""Deterministic sample archive of invented Swedish minutes, with ground truth.

Used for the built-in demo archive, for benchmarks of any size and for tests:
every file comes with a gold-shaped truth dict (see gold/FORMAT.md).
"""

from .generate import generate_archive, iter_meetings
from .render_pdf import render_pdf_from_text
from .scan import scan_pdf

__all__ = ["generate_archive", "iter_meetings", "render_pdf_from_text", "scan_pdf"]
