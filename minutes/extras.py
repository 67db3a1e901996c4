"""Packages only some features need, imported when those features run.

reportlab writes the sample archive's PDFs (``minutes[sample]``); pdfplumber
(the benchmark's reference reader and the layout reader) and psutil (the
benchmark's memory and CPU figures) come with ``minutes[bench]``. Importing,
ingesting, searching and serving need none of them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from minutes.errors import MissingExtra


def optional_import(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtra` saying which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        package = module.split(".")[0]
        raise MissingExtra(
            f"{purpose} needs {package}, which is not installed: pip install 'minutes[{extra}]'"
        ) from error
