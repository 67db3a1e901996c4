"""The archive's schema is declared once: whatever a linked archive holds, ``archive.schema`` declares (#10)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from sqlite_utils import Database

from minutes.archive.schema import TABLES, VIEWS
from minutes.archive.store import ensure_db_shape, save_document
from minutes.link import link_archive
from minutes.link.followup import list_assignments
from minutes.models import Assignment, Attendee, Item, Meeting, SourceDocument
from minutes.serve import DEPLOY_DIR


def _archive() -> Database:
    """Two meetings of one invented body, one assignment reported back, one still open."""
    db = Database(memory=True)
    ensure_db_shape(db)
    for n, (date, items) in enumerate([
        ("2021-03-04", [Item(number="1", title="Cykelparkering vid skolan", assignments=[
            Assignment(task="utreda fler cykelställ vid Ekbackens skola", assignees=["Mira Holm"]),
            Assignment(task="ta fram en skyltplan", assignees=["Olof Berg"], due="2021-05")])]),
        ("2021-05-06", [Item(number="1", title="Cykelparkering - återrapport",
                             text="Mira Holm redovisar uppdraget att utreda fler cykelställ vid Ekbackens skola.")]),
    ]):
        text = f"möte {n}"
        document = SourceDocument(name=f"m{n}.txt", text=text, sha256=f"{n}".ljust(64, "a"), path=f"m{n}.txt")
        save_document(db, document, Meeting(source=document.name, body="NBX", date=date, items=items,
                                            attendees=[Attendee(name="Mira Holm")]))
    link_archive(db, today=dt.date(2021, 6, 1))
    return db


def test_archive_schema_declares_every_table_and_column_a_linked_archive_has():
    db = _archive()
    tables = {t for t in db.table_names() if not t.startswith(("sqlite_", "_")) and "_fts" not in t}
    assert tables == set(TABLES)
    for name, spec in TABLES.items():
        assert set(db[name].columns_dict) == set(spec["columns"]), name
    assert set(VIEWS) <= set(db.view_names())


def test_archive_schema_open_assignments_are_one_definition():
    db = _archive()
    view = [r["id"] for r in db.query("select id from open_assignments")]
    assert view == [r["id"] for r in list_assignments(db, open_only=True)]
    statuses = dict(db.execute("select task, status from assignments").fetchall())
    assert statuses == {"utreda fler cykelställ vid Ekbackens skola": "reported",
                        "ta fram en skyltplan": "overdue"}
    assert len(view) == 1
    by_person = {r["person"]: r["id"] for r in db.query("select * from open_assignments_by_person")}
    assert by_person == {"Olof Berg": view[0]}


@pytest.mark.parametrize("query", ["oppna_uppdrag"])
def test_archive_schema_datasette_open_assignments_read_the_view(query):
    metadata = yaml.safe_load((DEPLOY_DIR / "metadata.yml").read_text(encoding="utf-8"))
    sql = metadata["databases"]["archive"]["queries"][query]["sql"]
    assert "from open_assignments" in sql and "status" not in sql.split("where", 1)[1]
    db = _archive()
    rows = db.execute(sql, {"organ": ""}).fetchall()
    assert [r[-2] for r in rows] == [r["item_id"] for r in db.query("select item_id from open_assignments")]
