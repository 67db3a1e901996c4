"""Kill a real import mid-run: the archive stays consistent and a re-run finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from test_bulk_corpus import meeting_texts

from minutes.archive import export_json, open_archive
from minutes.importer.bulk import ingest_paths

FILES = 40


def _stored(db_path) -> int:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from meetings").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def _kill_when_stored(db_path, folder, at_least: int) -> int:
    """Start ``minutes ingest`` in its own process group; SIGKILL it once some meetings are in."""
    command = [sys.executable, "-m", "minutes", "ingest", "-q", "-w", "2", "--db", str(db_path), str(folder)]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(db_path) < at_least and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return _stored(db_path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill") / "in"
    root.mkdir()
    for n, text in enumerate(meeting_texts(FILES, seed=3)):
        (root / f"protokoll-{n:03d}.txt").write_text(text, encoding="utf-8")
    return root


def test_bulk_kill_mid_import_then_rerun_matches_a_clean_import(folder, tmp_path):
    clean = open_archive(tmp_path / "clean.db")
    ingest_paths(clean, [folder], workers=1)

    killed_path = tmp_path / "killed.db"
    stored = _kill_when_stored(killed_path, folder, at_least=3)
    assert 0 < stored < FILES, "the kill should land mid-import"

    killed = open_archive(killed_path)
    assert killed.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = killed.execute(
        "select count(*) from documents d left join meetings m on m.document_id = d.id"
        " where d.status = 'ok' and m.id is null"
    ).fetchone()[0]
    assert orphans == 0  # no document without its meeting: every write was one transaction
    partial = "select meeting_id, count(*) from items group by meeting_id order by 1"
    reference = dict(clean.execute(partial).fetchall())
    for meeting_id, items in killed.execute(partial).fetchall():
        assert items == reference[meeting_id]  # no half-written meeting

    summary = ingest_paths(killed, [folder], workers=1)
    assert len(summary.imported) + len(summary.unchanged) == FILES and summary.ok
    assert killed["meetings"].count == FILES
    before = {p.name: p.read_text() for p in export_json(clean, tmp_path / "clean")}
    after = {p.name: p.read_text() for p in export_json(killed, tmp_path / "killed")}
    assert after == before
