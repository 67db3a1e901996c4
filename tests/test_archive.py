"""The archive: idempotent writes, one transaction per document, export round trip."""

from __future__ import annotations

import json
import sqlite3

import pytest

from minutes.archive import export_json, load_meeting, open_archive, save_document
from minutes.archive.fts import search_values
from minutes.archive.rows import COLUMNS, INSERT_ORDER, meeting_rows
from minutes.archive.schema import FTS_CONFIG
from minutes.archive.schema import TABLES as SCHEMA
from minutes.archive.store import record_failure, store_rows
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
    with pytest.raises(Exception):  # noqa: B017 - whatever fails, nothing may be left behind
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


def fts_consistent(db) -> None:
    """Every full-text index agrees with its table (FTS5's own integrity check)."""
    for table in FTS_CONFIG:
        db.execute(f"insert into [{table}_fts]([{table}_fts]) values ('integrity-check')")
        assert db[f"{table}_fts"].count == db[table].count


def test_archive_prepared_rows_are_pure_and_carry_the_search_columns(seed_document, seed_meeting):
    rows = meeting_rows(seed_document, seed_meeting)
    assert rows == meeting_rows(seed_document, seed_meeting)  # same input, same rows and ids
    for table, columns in COLUMNS.items():
        assert set(columns) <= set(SCHEMA[table]["columns"]), table
    items = rows.tables["items"]  # rows are dicts keyed by column name until they are stored (#10)
    assert len(items) == len(seed_meeting.items) and len({i["id"] for i in items}) == len(items)
    for item in items:
        shadow = search_values("items", item)
        assert {key: item[key] for key in shadow} == shadow
    assert rows.people == tuple(dict.fromkeys(a.name for a in seed_meeting.attendees))
    assert set(rows.tables) == set(INSERT_ORDER)


def test_archive_overrides_are_applied_when_rows_are_prepared(seed_document, seed_meeting):
    rows = meeting_rows(seed_document, seed_meeting, {"body": "KS", "body_name": "Kommunstyrelsen",
                                                      "date": "1999-12-31"})
    meeting = rows.tables["meetings"][0]
    assert (meeting["body"], meeting["date"], meeting["year"], meeting["override_date"]) == (
        "KS", "1999-12-31", 1999, "1999-12-31")
    assert rows.body == ("KS", "Kommunstyrelsen")
    item = rows.tables["items"][0]
    assert (item["body"], item["date"], item["year"]) == ("KS", "1999-12-31", 1999)


def test_archive_people_and_bodies_get_ids_in_order_of_first_appearance(db_path, seed_document, seed_meeting):
    db = open_archive(db_path)
    save_document(db, seed_document, seed_meeting)
    names = list(dict.fromkeys(a.name for a in seed_meeting.attendees))
    people = db.execute("select name, id from people order by id").fetchall()
    assert people == [(name, n) for n, name in enumerate(names, 1)]
    joined = db.execute(
        "select count(*) from attendees a join people p on p.id = a.person_id and p.name = a.name"
    ).fetchone()[0]
    assert joined == len(seed_meeting.attendees)
    body_id = db.execute("select body_id from meetings").fetchone()[0]
    assert db.execute("select id from bodies where short_name = ?", [seed_meeting.body]).fetchone() == (body_id,)
    save_document(db, seed_document, seed_meeting)  # again: no new people or bodies, same ids
    assert db.execute("select name, id from people order by id").fetchall() == people
    assert db["bodies"].count == 1


def test_archive_body_name_is_filled_in_once_known(db_path):
    db = open_archive(db_path)
    first = SourceDocument(name="a.txt", path="/a.txt", sha256="a" * 64, text="1. Upprop\n")
    second = SourceDocument(name="b.txt", path="/b.txt", sha256="b" * 64, text="1. Upprop\n")
    save_document(db, first, extract_meeting(first), overrides={"body": "KS"})
    save_document(db, second, extract_meeting(second), overrides={"body": "KS", "body_name": "Kommunstyrelsen"})
    assert db.execute("select id, short_name, name from bodies").fetchall() == [(1, "KS", "Kommunstyrelsen")]
    assert db.execute("select distinct body_id from meetings").fetchall() == [(1,)]


def test_archive_full_text_index_follows_replacements(db_path, seed_document, seed_meeting):
    db = open_archive(db_path)
    save_document(db, seed_document, seed_meeting)
    save_document(db, seed_document, seed_meeting)
    fts_consistent(db)
    changed = SourceDocument(name=seed_document.name, path=seed_document.path, sha256="e" * 64,
                             text="1. Upprop\n2. Riktlinjer för webbplattformen\n")
    save_document(db, changed, extract_meeting(changed))  # replaces the meeting at that path
    fts_consistent(db)
    hits = db.execute("select rowid from items_fts where items_fts match 'title_rev:mroftta*'").fetchall()
    assert len(hits) == 1 and db["items"].count == 2


def test_archive_store_rows_is_one_transaction(db_path, seed_document, seed_meeting):
    db = open_archive(db_path)
    rows = meeting_rows(seed_document, seed_meeting)
    rows.tables["date_mentions"].append(rows.tables["date_mentions"][0])  # duplicate id: the last insert fails
    with pytest.raises(sqlite3.IntegrityError):
        store_rows(db, rows)
    assert counts(db) == {t: 0 for t in TABLES}
    assert db["people"].count == 0 and db["document_paths"].count == 0
    fts_consistent(db)


@pytest.mark.parametrize(
    ("short", "name", "key"),
    [
        ("VVG", "Vårdsamverkan Västra Götaland", "VVG"),
        ("VästKom", None, "VästKom"),
        ("Styrelsen", "Styrelsen för Samordningsförbundet Kustby", "Styrelsen för Samordningsförbundet Kustby"),
        ("Socialnämnden", None, "Socialnämnden"),
        (None, None, None),
    ],
)
def test_archive_body_key_keeps_generic_names_apart(short, name, key):
    from minutes.archive.rows import body_key

    assert body_key(short, name) == key


def test_archive_export_keeps_meetings_whose_sources_share_a_name(db_path, tmp_path):
    db = open_archive(db_path)
    for folder, sha in (("2019", "e" * 64), ("2020", "f" * 64)):
        document = SourceDocument(name="protokoll.txt", path=f"/{folder}/protokoll.txt", sha256=sha, text="1. Budget\n")
        save_document(db, document, extract_meeting(document))
    written = export_json(db, tmp_path / "out")
    meetings = [p for p in written if p.suffix == ".json" and p.name != "threads.json"]
    assert len(meetings) == 2 and len({p.name for p in meetings}) == 2
    assert {json.loads(p.read_text())["source"] for p in meetings} == {"protokoll.txt"}


def test_archive_a_good_file_turned_broken_keeps_its_meeting(db_path):
    db = open_archive(db_path)
    good = SourceDocument(name="a.txt", path="/arkiv/a.txt", sha256="a" * 64, text="1. Upprop\n2. Budget\n")
    save_document(db, good, extract_meeting(good))
    record_failure(db, path="/arkiv/a.txt", name="a.txt", sha256="9" * 64, error="truncated PDF")
    assert db["items"].count == 2
    path = next(db.query("select document_id from document_paths where path = '/arkiv/a.txt'"))
    assert path["document_id"] == "a" * 64
    assert {r["status"] for r in db["documents"].rows} == {"ok", "failed"}
