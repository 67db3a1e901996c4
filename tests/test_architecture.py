"""Which package may import which (docs/ARCHITECTURE.md), read from the code's own imports (#10).

One direction: readers know nothing of storage, the extractor nothing of the archive,
the archive nothing of the web app; only the pipeline (``importer``) and the CLI see
everything. An import against the arrows fails here, naming the file and the line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "minutes"

#: part of minutes -> the parts it may import (besides itself). Leaves import nothing of ours.
MAY_IMPORT: dict[str, set[str]] = {
    "errors": set(),
    "models": set(),
    "swedish": set(),
    "extras": {"errors"},
    "serve": set(),
    "ingest": {"models", "errors", "extras"},
    "extract": {"models", "errors", "swedish"},
    "archive": {"models", "errors", "swedish"},
    "link": {"archive", "models", "errors", "swedish"},
    "importer": {"ingest", "extract", "archive", "link", "models", "errors", "extras"},
    "datasette_plugin": {"archive", "models", "errors", "swedish"},
    "sample": {"models", "errors", "extras"},
    "bench": {"sample", "importer", "archive", "ingest", "models", "errors", "extras"},
    "cli": {"ingest", "extract", "archive", "link", "importer", "sample", "bench", "serve", "models",
            "errors", "extras", "swedish"},
    "__main__": {"cli"},
    "__init__": set(),
}


def part_of(path: Path) -> str:
    """The part of the package a file belongs to: its subpackage, or its module's name."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(path: Path) -> list[tuple[int, str]]:
    """(line, part) for every ``minutes.<part>`` the file imports, at any depth (lazy ones too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "minutes" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


FILES = sorted(PACKAGE.rglob("*.py"))


def test_architecture_every_part_of_the_package_is_placed():
    assert {part_of(path) for path in FILES} <= set(MAY_IMPORT)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_imports_follow_the_arrows(path):
    part = part_of(path)
    allowed = MAY_IMPORT[part] | {part}
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line} imports minutes.{other}"
             for line, other in imported_parts(path) if other not in allowed and other in MAY_IMPORT]
    assert not wrong, f"{part} may import only {sorted(allowed)}: " + "; ".join(wrong)
