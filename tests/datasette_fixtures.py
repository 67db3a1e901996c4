"""Shared fixtures for the Datasette and search tests: a seed archive and an in-process Datasette."""

from __future__ import annotations

from pathlib import Path

import pytest
from datasette.app import Datasette
from sqlite_utils import Database

from minutes.serve import SETTINGS

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seed_archive(tmp_path_factory) -> Path:
    """The five seed minutes ingested once into ``archive.db`` (skips if the seeds are absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not found")
    from click.testing import CliRunner

    from minutes.cli import cli

    path = tmp_path_factory.mktemp("archive") / "archive.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(path), "--quiet", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def make_datasette(path: Path, *, public: bool = False) -> Datasette:
    """Datasette configured as ``minutes serve`` configures it: settings only, the rest is the plugin's."""
    settings = {k: _setting(v) for k, v in SETTINGS.items()}
    if public:
        settings.update({"allow_download": False, "default_allow_sql": False})
    return Datasette([str(path)], settings=settings)


def _setting(value: str):
    return {"on": True, "off": False}.get(value, int(value) if value.isdigit() else value)


@pytest.fixture
def ds(seed_archive) -> Datasette:
    """A Datasette over the seed archive, with our metadata, templates and settings."""
    return make_datasette(seed_archive)


def seed_db(path: Path) -> Database:
    return Database(path)


@pytest.fixture(scope="session")
def generated_archive(tmp_path_factory) -> Path:
    """A generated sample archive (60 meetings of 6 invented bodies, text and PDF, and a truncated PDF), ingested."""
    from click.testing import CliRunner

    from minutes.cli import cli

    base = tmp_path_factory.mktemp("generated")
    runner = CliRunner()
    made = runner.invoke(cli, ["sample", "--out", str(base / "sample"), "--meetings", "60", "--families", "classic"])
    assert made.exit_code == 0, made.output
    (base / "sample" / "trasig.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n")  # one bad file, as in real archives
    path = base / "archive.db"
    result = runner.invoke(cli, ["ingest", "--db", str(path), "--quiet", str(base / "sample")])
    assert result.exit_code == 1 and "60 imported" in result.output and "1 failed" in result.output, result.output
    return path


@pytest.fixture
def generated_ds(generated_archive) -> Datasette:
    return make_datasette(generated_archive)
