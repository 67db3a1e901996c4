"""Shared fixtures: the spaCy pipeline, the shared seed/gold folders, fresh archives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

#: Datasette fixtures (seed_archive, ds) live in their own module, shared as a plugin.
pytest_plugins = ["datasette_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline, built once per test session."""
    from minutes.extract import default_nlp

    return default_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return path


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = SHARED / "gold"
    if not path.is_dir():
        pytest.skip("../shared/gold is not beside the checkout")
    return path


@pytest.fixture(scope="session")
def realworld_dir() -> Path:
    path = SHARED / "realworld"
    if not (path / "gold").is_dir():
        pytest.skip("../shared/realworld is not beside the checkout")
    return path


@pytest.fixture
def fresh_db() -> Database:
    from minutes.archive import ensure_db_shape

    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    ensure_db_shape(db)
    return db


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "archive.db"


def score(gold: Path, pred: Path, *extra: str) -> dict:
    """Run the project-independent scorer and return its JSON report."""
    report = pred.parent / f"{pred.name}-score.json"
    subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(gold), "--pred", str(pred), "--json", str(report), *extra],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))["total"]


def write_predictions(meetings, out: Path) -> Path:
    """Write meetings as gold-shaped JSON files into ``out``."""
    from minutes.models import to_gold

    out.mkdir(parents=True, exist_ok=True)
    for meeting in meetings:
        data = to_gold(meeting)
        (out / f"{Path(meeting.source).stem}.json").write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
    return out
