"""The archive: idempotent writes, one transaction per document, export round trip."""

from __future__ import annotations

import json

import pytest

from minutes.archive import export_json, load_meeting, open_archive, save_document
from minutes.archive.store import record_failure
from minutes.extract import extract_meeting
from minutes.ingest import read
from minutes.models import SourceDocument, to_gold

TABLES = ("documents", "meetings", "items", "decisions", "assignments", "attendees", "date_mentions")


def counts(db) -> dict:
    return {t: db[t].count for t in TABLES}


@pytest.fixture(scope="module")
def seed_document(seeds_dir):
    return read(seeds_dir / "002_7b73606b265694d6.txt")


@pytest.fixture(scope="module")
def seed_meeting(seed_document):
    return extract_meeting(seed_document)


def test_archive_shape_is_idempotent(db_path):
    db = open_archive(db_path)
    schema = db.schema
    db2 = open_archive(db_path)
    assert db2.schema == schema
    assert db2.journal_mode == "wal"
    assert db["items"].detect_fts() == "items_fts"


def test_archive_saving_twice_changes_nothing(db_path, seed_document, seed_meeting):
    db = open_archive(db_path)
    save_document(db, seed_document, seed_meeting)
    first = counts(db)
    save_document(db, seed_document, seed_meeting)
    assert counts(db) == first
    assert first["items"] == len(seed_meeting.items) and first["attendees"] == 16


def test_archive_export_round_trips_the_meeting(db_path, seed_document, seed_meeting, tmp_path):
    db = open_archive(db_path)
    meeting_id = save_document(db, seed_document, seed_meeting)
    assert to_gold(load_meeting(db, meeting_id)) == to_gold(seed_meeting)
    written = export_json(db, tmp_path / "out")
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data == to_gold(seed_meeting)
    assert json.loads((tmp_path / "out" / "threads.json").read_text()) == []


def test_archive_failed_write_leaves_nothing_half_written(db_path, seed_document, seed_meeting):
    db = open_archive(db_path)
    broken = extract_meeting(seed_document)
    broken.items[3].decisions[0].kind = object()  # not storable: the insert fails mid-document
    with pytest.raises(Exception):
        save_document(db, seed_document, broken)
    assert counts(db) == {t: 0 for t in TABLES}


def test_archive_changed_file_at_known_path_replaces_its_meeting(db_path):
    db = open_archive(db_path)
    old = SourceDocument(name="a.txt", path="/arkiv/a.txt", sha256="a" * 64, text="1. Upprop\n2. Budget\n")
    new = SourceDocument(name="a.txt", path="/arkiv/a.txt", sha256="b" * 64, text="1. Upprop\n")
    save_document(db, old, extract_meeting(old))
    save_document(db, new, extract_meeting(new))
    assert [r["id"] for r in db["documents"].rows] == ["b" * 64]
    assert db["items"].count == 1


def test_archive_failures_are_recorded_with_their_reason(db_path):
    db = open_archive(db_path)
    record_failure(db, path="/x/trasig.pdf", name="trasig.pdf", sha256="c" * 64, error="truncated PDF")
    row = next(db["documents"].rows)
    assert (row["status"], row["error"], row["name"]) == ("failed", "truncated PDF", "trasig.pdf")
