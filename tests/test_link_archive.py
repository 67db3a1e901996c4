"""The link step over whole archives: hand-built ones and generated ones (issue 7)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlite_utils import Database

from minutes.archive.store import ensure_db_shape, save_document
from minutes.link import link_archive
from minutes.models import Assignment, Attendee, Item, Meeting, SourceDocument

LATER = dt.date(2030, 1, 1)
EARLY = dt.date(2000, 1, 1)


def add(db, n: int, body: str, date: str, items: list[Item], attendees=()) -> str:
    """Store one hand-made meeting; ``n`` makes its content hash unique."""
    doc = SourceDocument(name=f"m{n}.txt", text=f"meeting {n}", sha256=f"{n:02d}".ljust(64, "0"), path=f"m{n}.txt")
    meeting = Meeting(source=doc.name, body=body, date=date, items=items,
                      attendees=[Attendee(name=a) for a in attendees])
    return save_document(db, doc, meeting)


def opening() -> Item:
    return Item(number="1", title="Mötets öppnande")


@pytest.fixture
def db():
    database = Database(memory=True)
    ensure_db_shape(database)
    return database


@pytest.fixture
def small(db):
    """Three meetings of one body: a thread on 'larmrutiner', a report-back, people variants."""
    add(db, 1, "VSX", "2019-02-14", [
        opening(),
        Item(number="2", title="Gemensam larmrutin för hemtjänsten", presenters=["Ann-Louise Nyholm"],
             text="Förslaget till larmrutin presenteras.",
             assignments=[Assignment(task="ta fram en länsgemensam larmrutin", assignees=["Anna Berg"],
                                     due="next_meeting")]),
        Item(number="3", title="Budget för 2020", text="Budgeten diskuteras."),
    ], attendees=["Ann-Louise Nyholm", "Anna Berg", "Anna Lind"])
    add(db, 2, "VSX", "2019-04-11", [
        opening(),
        Item(number="2", title="Larmrutin hemtjänsten - lägesrapport", presenters=["Ann-Louise N"],
             text="Återrapportering: Anna Berg redovisar arbetet med att ta fram en länsgemensam larmrutin."),
    ], attendees=["Ann-Louise Nyhelm", "Anna Berg", "Anna Lind"])
    others = ["Sommarens bemanning", "Digitala vårdmöten", "Statistik över utskrivningsklara",
              "Läkemedelsgenomgångar", "Tandvård i hemmet"]
    add(db, 3, "VSX", "2019-06-13",
        [opening()] + [Item(number=str(n), title=t) for n, t in enumerate(others, start=2)],
        attendees=["Anna Lind"])
    return db


def test_link_threads_same_issue_and_never_formalities(small):
    link_archive(small, today=LATER)
    rows = list(small.query("select label, title, date from thread_timeline order by position"))
    assert [r["title"] for r in rows] == ["Gemensam larmrutin för hemtjänsten",
                                          "Larmrutin hemtjänsten - lägesrapport"]
    assert [r["date"] for r in rows] == ["2019-02-14", "2019-04-11"]
    assert small.execute("select count(*) from threads").fetchone()[0] == 1


def test_link_next_meeting_and_report_back(small):
    link_archive(small, today=LATER)
    row = next(small.query("select * from assignment_followup"))
    assert row["due_date"] == "2019-04-11"
    assert row["status"] == "reported"
    assert row["reported_in_title"] == "Larmrutin hemtjänsten - lägesrapport"


def test_link_unreported_assignment_is_open_then_overdue(db):
    add(db, 1, "VSX", "2019-02-14", [Item(number="2", title="Utbildning", assignments=[
        Assignment(task="planera en utbildningsdag", assignees=["Anna Berg"], due="2019-05")])])
    link_archive(db, today=EARLY)
    assert next(db.query("select status, due_date from assignments")) == {"status": "open", "due_date": "2019-05-31"}
    link_archive(db, today=LATER)
    assert next(db.query("select status from assignments"))["status"] == "overdue"


def test_link_people_variants_are_one_person(small):
    link_archive(small, today=LATER)
    summary = {r["person"]: r for r in small.query("select * from person_summary")}
    assert summary["Ann-Louise Nyholm"]["meetings"] == 2
    assert summary["Ann-Louise Nyholm"]["presentations"] == 2
    assert summary["Anna Berg"]["assignments"] == 1
    assert summary["Anna Lind"]["meetings"] == 3  # shares a first name with Anna Berg, kept apart
    assert "Ann-Louise N" not in summary


def test_link_override_survives_reimport(small):
    from minutes.link.followup import set_override

    link_archive(small, today=LATER)
    row = next(small.query("select id from assignments"))
    set_override(small, row["id"], status="done", note="klart", now="2020-01-01")
    add(small, 1, "VSX", "2019-02-14", [
        opening(),
        Item(number="2", title="Gemensam larmrutin för hemtjänsten",
             assignments=[Assignment(task="ta fram en länsgemensam larmrutin", assignees=["Anna Berg"],
                                     due="next_meeting")]),
    ])
    link_archive(small, today=LATER)
    assert next(small.query("select status, status_note from assignments where item_id = ?",
                            [row["id"].rsplit("-t", 1)[0]])) == {"status": "done", "status_note": "klart"}


def test_link_is_idempotent(small):
    first = link_archive(small, today=LATER)
    assert link_archive(small, today=LATER) == first


# --- generated multi-meeting archives -------------------------------------------------------

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated archive of 36 text meetings, ingested and linked, with its truth."""
    from minutes.archive import open_archive
    from minutes.importer.bulk import ingest_paths
    from minutes.sample import generate_archive

    out = tmp_path_factory.mktemp("generated")
    generate_archive(out / "files", meetings=36, seed=5, pdf_share=0.0, families="classic")
    db = open_archive(out / "archive.db")
    ingest_paths(db, [out / "files"])
    link_archive(db, today=LATER)
    truth = {p.stem: json.loads(p.read_text("utf-8"))
             for p in (out / "files" / "_truth").glob("*.json") if p.stem != "threads"}
    return db, truth


def truth_next_meeting(truth: dict) -> dict[str, str]:
    """Source stem → the date of the same body's next meeting, from the truth alone.

    A body is its full name where known: two regions' "SRO" are two bodies (issue 16).
    """
    by_body = defaultdict(list)
    for stem, t in truth.items():
        by_body[t["meeting"].get("body_name") or t["meeting"]["body"]].append((t["meeting"]["date"], stem))
    following = {}
    for meetings in by_body.values():
        meetings.sort()
        for (_, stem), (date, _) in zip(meetings, meetings[1:]):
            following[stem] = date
    return following


def test_link_generated_next_meeting_resolution(generated):
    db, truth = generated
    following = truth_next_meeting(truth)
    rows = [r for r in db.query("""select a.due_date, m.source from assignments a
                                   join meetings m on m.id = a.meeting_id where a.due = 'next_meeting'""")
            if Path(r["source"]).stem in following]
    assert len(rows) >= 5
    right = sum(r["due_date"] == following[Path(r["source"]).stem] for r in rows)
    assert right / len(rows) >= 0.9


def test_link_generated_report_backs_point_at_true_report_items(generated):
    db, truth = generated
    reports = {(stem, item["number"]) for stem, t in truth.items() for item in t["items"]
               for a in item["assignments"] if a["optional"] and a["due"] is None}
    rows = list(db.query("""select a.id, m.source, r.number from assignments a
                            join items r on r.id = a.reported_item_id
                            join meetings m on m.id = r.meeting_id
                            where a.reported_item_id != a.item_id"""))
    assert len(rows) >= 3
    found = [(Path(r["source"]).stem, r["number"]) in reports for r in rows]
    assert sum(found) / len(found) >= 0.9


def test_link_generated_namesakes_stay_apart(generated):
    db, truth = generated
    names = {a["name"] for t in truth.values() for a in t["attendees"]}
    persons = {r["name"]: r["person_id"] for r in db.query("select * from person_names")}
    ids = defaultdict(set)
    for name in names & persons.keys():
        ids[persons[name]].add(name)
    merged = [group for group in ids.values() if len(group) > 1]
    assert merged == []
    firsts = defaultdict(set)
    for name in names:
        firsts[name.split()[0]].add(name)
    assert any(len(v) > 1 for v in firsts.values())  # the archive does have namesakes


# --- seeds ------------------------------------------------------------------------------

def test_link_seeds_threads_meet_the_bar(seeds_dir, gold_dir, tmp_path):
    from minutes.archive import export_json, open_archive
    from minutes.importer.bulk import ingest_paths

    db = open_archive(tmp_path / "seeds.db")
    ingest_paths(db, [seeds_dir])
    link_archive(db)
    export_json(db, tmp_path / "out")
    score = Path(gold_dir).parent / "eval" / "score.py"
    result = subprocess.run([sys.executable, str(score), "--gold", str(gold_dir), "--pred",
                             str(tmp_path / "out")], capture_output=True, text=True, check=True)
    line = next(row for row in result.stdout.splitlines() if row.startswith("threads"))
    precision, recall, f1 = map(float, line.split()[1:4])
    assert precision >= 0.9 and f1 >= 0.8, line
