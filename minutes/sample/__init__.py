"""Deterministic sample archive of invented Swedish minutes, with ground truth.

Used for the built-in demo archive, for benchmarks of any size and for tests:
every file comes with a gold-shaped truth dict (see gold/FORMAT.md).
"""

from .generate import generate_archive, iter_meetings

__all__ = ["generate_archive", "iter_meetings", "render_pdf_from_text"]


def __getattr__(name: str):
    """``render_pdf_from_text`` is imported on first use: it needs reportlab (``minutes[sample]``)."""
    if name == "render_pdf_from_text":
        from .render_pdf import render_pdf_from_text

        return render_pdf_from_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
