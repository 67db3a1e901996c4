"""Every data file the package reads ships in the wheel (pyproject package-data covers it)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_packaging_every_data_file_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]
    missing = []
    for path in (ROOT / "minutes").rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(ROOT)
        package = ".".join(rel.parts[:-1])
        covered = False
        for owner, patterns in globs.items():
            prefix = owner.replace(".", "/")
            if str(rel).startswith(prefix + "/"):
                inside = str(rel)[len(prefix) + 1 :]
                covered |= any(fnmatch.fnmatch(inside, p) for p in patterns)
        if not covered:
            missing.append(f"{rel} (package {package})")
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
