"""Deterministic sample archive of invented Swedish minutes, with ground truth.

Used for the built-in demo archive, for benchmarks of any size and for tests:
every file comes with a gold-shaped truth dict (see gold/FORMAT.md).
"""

from .generate import generate_archive, iter_meetings

__all__ = ["generate_archive", "iter_meetings", "render_pdf_from_text", "scan_pdf"]


def __getattr__(name: str):
    """The PDF writers are imported on first use: they need reportlab and Pillow (``minutes[sample]``)."""
    if name == "render_pdf_from_text":
        from .render_pdf import render_pdf_from_text

        return render_pdf_from_text
    if name == "scan_pdf":
        from .scan import scan_pdf

        return scan_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
