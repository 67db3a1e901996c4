"""reprocess_archive: extraction again from stored text, with the source files gone."""

from __future__ import annotations

from test_bulk_corpus import meeting_texts, pdf_bytes

from minutes.archive import export_json, open_archive
from minutes.importer.bulk import ingest_paths
from minutes.importer.reprocess import reprocess_archive


def _archive(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = meeting_texts(3, seed=11)
    (folder / "a.txt").write_text(texts[0], encoding="utf-8")
    (folder / "b.pdf").write_bytes(pdf_bytes(texts[1], tmp_path, "b.pdf"))
    manifest = tmp_path / "manifest.csv"
    (folder / "c.txt").write_text(texts[2], encoding="utf-8")
    manifest.write_text("path,body,date\nin/c.txt,KS,2001-02-03\n")
    db = open_archive(tmp_path / "archive.db")
    ingest_paths(db, [folder / "a.txt", folder / "b.pdf"], manifests=[manifest], workers=1)
    return db, folder


def test_reprocess_rebuilds_meetings_from_stored_text_without_the_files(tmp_path):
    db, folder = _archive(tmp_path)
    expected = {p.name: p.read_text() for p in export_json(db, tmp_path / "before")}
    for path in folder.iterdir():
        path.unlink()  # no re-parsing: the files are not needed
    db.execute("delete from decisions")
    db.execute("delete from assignments")
    db.conn.commit()
    summary = reprocess_archive(db, workers=1)
    assert summary.ok and len(summary.reprocessed) == 3
    after = {p.name: p.read_text() for p in export_json(db, tmp_path / "after")}
    assert after == expected
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reprocess_keeps_manifest_overrides(tmp_path):
    db, _folder = _archive(tmp_path)
    reprocess_archive(db, workers=1)
    rows = db.execute("select body, date from meetings where override_body is not null").fetchall()
    assert rows == [("KS", "2001-02-03")]
