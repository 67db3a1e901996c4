"""ingest_paths over a hostile corpus: good files intact, bad ones named, re-runs add nothing."""

from __future__ import annotations

import json
import shutil

import pytest
from test_bulk_corpus import BAD, DUPLICATE, GOOD, LIMITS, build_corpus, shown

from minutes.archive import export_json, open_archive
from minutes.importer.bulk import ingest_paths

TABLES = ("documents", "document_paths", "meetings", "items", "decisions", "assignments", "attendees")


def counts(db) -> dict[str, int]:
    return {table: db[table].count for table in TABLES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("bulk") / "corpus")


@pytest.fixture(scope="module")
def imported(corpus, tmp_path_factory):
    """The corpus imported once with one worker: (db, summary)."""
    db = open_archive(tmp_path_factory.mktemp("db") / "archive.db")
    return db, ingest_paths(db, [corpus], workers=1, limits=LIMITS)


def test_bulk_every_good_document_is_imported(imported, corpus):
    db, summary = imported
    assert sorted(summary.imported) == sorted(shown(corpus, path) for path in GOOD)
    ok = db.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
    assert ok == db["meetings"].count == len(GOOD)
    assert db["items"].count > len(GOOD)
    formats = {row[0] for row in db.execute("select format from documents where status = 'ok'")}
    assert formats == {"pdf", "text", "docx"}


def test_bulk_every_bad_document_is_named_with_its_reason(imported, corpus):
    _db, summary = imported
    reasons = dict(summary.failed)
    assert set(reasons) == {shown(corpus, path) for path in BAD}
    for path, words in BAD.items():
        assert words in reasons[shown(corpus, path)], path
    assert not summary.ok


def test_bulk_failures_are_recorded_in_the_archive(imported, corpus):
    db, _summary = imported
    rows = db.execute(
        "select p.path, d.status, d.error from document_paths p join documents d on d.id = p.document_id"
        " where d.status != 'ok'"
    ).fetchall()
    recorded = {path: (status, error) for path, status, error in rows}
    for path, words in BAD.items():
        status, error = recorded[shown(corpus, path)]
        assert words in error
        assert status == ("needs_ocr" if path.endswith("scan.pdf") else "failed")


def test_bulk_cp1252_text_keeps_swedish_letters(imported):
    db, _summary = imported
    encoding, text = db.execute(
        "select encoding, text from documents where name = 'windows-1252.txt'"
    ).fetchone()
    assert encoding == "cp1252"
    assert "å" in text and "ĺ" not in text


def test_bulk_duplicate_is_imported_once_under_both_names(imported, corpus):
    db, summary = imported
    assert summary.duplicates == [(shown(corpus, DUPLICATE), shown(corpus, GOOD[1]))]
    ids = {
        db.execute("select document_id from document_paths where path = ?", [shown(corpus, p)]).fetchone()[0]
        for p in (DUPLICATE, GOOD[1])
    }
    assert len(ids) == 1
    assert db.execute("select count(*) from meetings where document_id = ?", [ids.pop()]).fetchone()[0] == 1


def test_bulk_archive_passes_integrity_check(imported):
    db, _summary = imported
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_bulk_second_run_adds_nothing(imported, corpus):
    db, _first = imported
    before = counts(db)
    summary = ingest_paths(db, [corpus], workers=1, limits=LIMITS)
    assert counts(db) == before
    assert summary.imported == [] and summary.duplicates == []
    assert len(summary.unchanged) == len(GOOD) + 1  # the duplicate's name is known now too
    assert {path for path, _ in summary.failed} == {shown(corpus, path) for path in BAD}


def test_bulk_two_workers_store_exactly_what_one_does(imported, corpus, tmp_path):
    db_one, _summary = imported
    db_two = open_archive(tmp_path / "two.db")
    summary = ingest_paths(db_two, [corpus], workers=2, limits=LIMITS)
    assert len(summary.imported) == len(GOOD)
    one = {p.name: p.read_text() for p in export_json(db_one, tmp_path / "one")}
    two = {p.name: p.read_text() for p in export_json(db_two, tmp_path / "two")}
    assert one == two and len(one) >= len(GOOD)
    statuses = (
        "select p.path, d.id, d.status, d.error from document_paths p"
        " join documents d on d.id = p.document_id order by 1"
    )
    assert db_one.execute(statuses).fetchall() == db_two.execute(statuses).fetchall()
    for lookup in ("select id, name from people order by id", "select id, short_name, name from bodies order by id",
                   "select id, person_id from attendees order by id", "select id, body_id from meetings order by id"):
        assert db_one.execute(lookup).fetchall() == db_two.execute(lookup).fetchall()  # same ids, same order


def test_bulk_changed_file_at_known_path_replaces_its_meeting(corpus, tmp_path):
    folder = tmp_path / "2019"
    shutil.copytree(corpus / "2019", folder)
    db = open_archive(tmp_path / "archive.db")
    ingest_paths(db, [folder], workers=1)
    target = folder / "ks-2019-04-01.txt"
    stored = "2019/ks-2019-04-01.txt"  # relative to the import root (issue 13)
    old_id = db.execute("select document_id from document_paths where path = ?", [stored]).fetchone()[0]
    before = counts(db)
    target.write_text(target.read_text(encoding="utf-8") + "\nRättelse införd i efterhand.\n", encoding="utf-8")
    summary = ingest_paths(db, [folder], workers=1)
    assert summary.imported == [stored]
    new_id = db.execute("select document_id from document_paths where path = ?", [stored]).fetchone()[0]
    assert new_id != old_id
    assert db.execute("select count(*) from meetings where document_id = ?", [old_id]).fetchone()[0] == 0
    assert db.execute("select count(*) from documents where id = ?", [old_id]).fetchone()[0] == 0
    assert counts(db)["meetings"] == before["meetings"]


def test_bulk_manifest_overrides_body_and_date(corpus, tmp_path):
    # A manifest lists files in its own folder (issue 13: paths out of it are refused).
    (tmp_path / "ks.txt").write_bytes((corpus / GOOD[1]).read_bytes())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,body,body_name,date\nks.txt,KS,Kommunstyrelsen,1999-12-31\n")
    db = open_archive(tmp_path / "archive.db")
    summary = ingest_paths(db, manifests=[manifest], workers=1)
    assert summary.ok and len(summary.imported) == 1
    row = db.execute("select body, body_name, date, year, override_date from meetings").fetchone()
    assert row == ("KS", "Kommunstyrelsen", "1999-12-31", 1999, "1999-12-31")
    # Unchanged manifest: nothing to do. A corrected date in it: the meeting is stored again.
    assert len(ingest_paths(db, manifests=[manifest], workers=1).imported) == 0
    manifest.write_text("path,body,body_name,date\nks.txt,KS,Kommunstyrelsen,2000-01-15\n")
    assert len(ingest_paths(db, manifests=[manifest], workers=1).imported) == 1
    assert db.execute("select date, count(*) from meetings").fetchone() == ("2000-01-15", 1)


def test_bulk_ocr_flag_reaches_the_reader(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # no ocrmypdf: the reason says what to install
    db = open_archive(tmp_path / "archive.db")
    summary = ingest_paths(db, [corpus / "bad" / "scan.pdf"], workers=1, ocr=True)
    [(path, reason)] = summary.failed
    assert path.endswith("scan.pdf") and "install ocrmypdf" in reason
    assert db.execute("select status from documents").fetchone()[0] == "needs_ocr"


def test_bulk_document_the_archive_refuses_is_recorded_and_the_batch_goes_on(corpus, tmp_path, monkeypatch):
    from minutes.importer import bulk

    real = bulk.store_rows

    def refuse_docx(db, rows):
        if rows.format == "docx":
            raise ValueError("simulated refusal")
        return real(db, rows)

    monkeypatch.setattr(bulk, "store_rows", refuse_docx)
    db = open_archive(tmp_path / "archive.db")
    summary = ingest_paths(db, [corpus / "2019", corpus / "2020"], workers=1)
    assert [path for path, _ in summary.failed] == ["2020/styrelse.docx"]  # under its own root, 2020
    assert "could not be stored (ValueError: simulated refusal)" in summary.failed[0][1]
    assert len(summary.imported) == 3
    assert db.execute("select count(*) from meetings").fetchone()[0] == 3


def test_bulk_paths_are_stored_relative_to_the_import_root(corpus, tmp_path):
    """Served pages must not show the importing machine's folders (issue 13)."""
    db = open_archive(tmp_path / "archive.db")
    ingest_paths(db, [corpus / "2019"], workers=1)
    paths = [r[0] for r in db.execute("select path from document_paths union select path from documents")]
    assert paths and all(p.startswith("2019/") for p in paths), paths
    assert str(tmp_path) not in json.dumps(list(db.query("select * from import_roots")))
    # Another folder of the same name elsewhere gets a label of its own: no path is shared.
    other = tmp_path / "annan" / "2019"
    shutil.copytree(corpus / "2019", other)
    (other / "ks-2019-04-01.txt").write_text("Helt annat innehåll\n", encoding="utf-8")
    ingest_paths(db, [other], workers=1)
    labels = [r[0] for r in db.execute("select label from import_roots order by label")]
    assert labels[0] == "2019" and labels[1].startswith("2019~")
    assert db.execute("select count(*) from document_paths where path = '2019/ks-2019-04-01.txt'").fetchone()[0] == 1


def test_bulk_an_archive_with_typed_paths_moves_them_to_relative_ones(corpus, tmp_path):
    folder = tmp_path / "2019"
    shutil.copytree(corpus / "2019", folder)
    db = open_archive(tmp_path / "archive.db")
    ingest_paths(db, [folder], workers=1)
    for path, in db.execute("select path from document_paths").fetchall():  # as an older version stored them
        db.execute("update document_paths set path = ? where path = ?", [f"{tmp_path}/{path}", path])
    db.conn.commit()
    target = folder / "ks-2019-04-01.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nRättelse.\n", encoding="utf-8")
    before = counts(db)
    ingest_paths(db, [folder], workers=1)
    assert counts(db)["meetings"] == before["meetings"]  # the changed file replaced its meeting, no ghost
    assert all(not p.startswith("/") for p, in db.execute("select path from document_paths"))
