"""Incremental linking (issue 15): an import links only what it touched, and agrees with a full link."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from minutes.archive import open_archive
from minutes.archive.store import save_document
from minutes.link import link_archive, link_new
from minutes.models import SourceDocument
from minutes.sample import iter_meetings
from minutes.sample.known import known_meeting

TODAY = dt.date(2030, 1, 1)


def store(db, generated) -> None:
    for filename, text, truth in generated:
        meeting = known_meeting(filename, text, truth)
        doc = SourceDocument(name=filename, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                             path=filename)
        save_document(db, doc, meeting)
    db.conn.commit()


def groups(db, table: str, key: str, member: str) -> list[list[str]]:
    """A partition as sorted lists (ids of threads and persons differ between runs, members do not)."""
    found: dict = {}
    for r in db.query(f"select [{key}] as k, [{member}] as m from [{table}]"):
        found.setdefault(r["k"], set()).add(r["m"])
    return sorted(sorted(v) for v in found.values())


def statuses(db) -> list[tuple]:
    return sorted(db.execute("select id, status, due_date, reported_item_id, thread_id is not null "
                             "from assignments").fetchall())


@pytest.fixture(scope="module")
def generated():
    return list(iter_meetings(300, 2))


@pytest.fixture(scope="module")
def pair(tmp_path_factory, generated):
    """Archive A linked in full at 290 meetings, then fed 5 at a time with ``link_new``; B linked in full."""
    tmp_path = tmp_path_factory.mktemp("incremental")
    a = open_archive(tmp_path / "a.db")
    store(a, generated[:290])
    link_archive(a, today=TODAY)
    counts = []
    for k in range(290, 300, 5):
        store(a, generated[k:k + 5])
        counts.append(link_new(a, today=TODAY))
    b = open_archive(tmp_path / "b.db")
    store(b, generated)
    link_archive(b, today=TODAY)
    return a, b, counts


def test_incremental_link_gives_what_a_full_link_gives(pair):
    a, b, _ = pair
    assert groups(a, "thread_members", "thread_id", "item_id") == groups(b, "thread_members", "thread_id", "item_id")
    assert groups(a, "person_names", "person_id", "name") == groups(b, "person_names", "person_id", "name")
    assert statuses(a) == statuses(b)
    labels = lambda db: sorted(db.execute("select label, case_number, meetings from threads").fetchall())  # noqa: E731
    assert labels(a) == labels(b)


def test_incremental_link_reads_only_the_region_it_touches(pair):
    a, _, counts = pair
    items = a.execute("select count(*) from link_items").fetchone()[0]
    for c in counts:
        assert c["meetings"] == 5 and c["items"] > 0
        assert c["region"] < items / 4  # the work, not the archive


def test_nothing_imported_nothing_linked(pair):
    a, _, _ = pair
    before = (groups(a, "thread_members", "thread_id", "item_id"), statuses(a),
              a.execute("select max(id) from threads").fetchone()[0])
    assert link_new(a, today=TODAY)["meetings"] == 0
    after = (groups(a, "thread_members", "thread_id", "item_id"), statuses(a),
             a.execute("select max(id) from threads").fetchone()[0])
    assert after == before


def test_removed_meeting_leaves_its_threads_and_the_state(pair, tmp_path):
    import sqlite3

    original, _, _ = pair
    original.conn.commit()
    target = sqlite3.connect(tmp_path / "copy.db")
    original.conn.backup(target)
    target.close()
    a = open_archive(tmp_path / "copy.db")
    meeting = a.execute("""select i.meeting_id from thread_members tm join items i on i.id = tm.item_id
                           order by tm.thread_id limit 1""").fetchone()[0]
    with a.conn:
        for table in ("ballots", "votes", "reservations", "proposals", "protocol_notes", "recusals",
                      "assignments", "decisions", "date_mentions", "attendees", "items"):
            a.execute(f"delete from [{table}] where meeting_id = ?", [meeting])
        a.execute("delete from meetings where id = ?", [meeting])
    assert link_new(a, today=TODAY)["meetings"] == 1
    orphans = "select count(*) from thread_members where item_id not in (select id from items)"
    assert a.execute(orphans).fetchone()[0] == 0
    assert a.execute("select count(*) from link_items where meeting_id = ?", [meeting]).fetchone()[0] == 0
    # The state agrees with the archive: a full relink finds the same term counts.
    threads = groups(a, "thread_members", "thread_id", "item_id")
    df = sorted(a.execute("select term, df from link_df").fetchall())
    link_archive(a, today=TODAY)
    assert sorted(a.execute("select term, df from link_df").fetchall()) == df
    assert len(groups(a, "thread_members", "thread_id", "item_id")) == pytest.approx(len(threads), abs=2)


def test_unlinked_archive_is_linked_in_full(tmp_path, generated):
    db = open_archive(tmp_path / "new.db")
    assert link_new(db, today=TODAY)["meetings"] == 0  # empty archive: nothing to do
    store(db, generated[:20])
    counts = link_new(db, today=TODAY)
    assert counts["meetings"] == -1 and counts["threads"] > 0
    assert db.execute("select count(*) from linked_meetings").fetchone()[0] == 20


def test_meeting_stored_again_is_linked_again(tmp_path, generated):
    """A document re-extracted on import keeps its meeting id: it must still count as touched."""
    db = open_archive(tmp_path / "again.db")
    store(db, generated[:40])
    link_archive(db, today=TODAY)
    filename, text, truth = generated[10]
    items = [dict(i, title="Helt ny rubrik om bredband i glesbygden") if n == 0 else i
             for n, i in enumerate(truth["items"])]
    store(db, [(filename, text, dict(truth, items=items))])
    assert link_new(db, today=TODAY)["meetings"] == 1
    full = open_archive(tmp_path / "full.db")
    store(full, generated[:10] + [(filename, text, dict(truth, items=items))] + generated[11:40])
    link_archive(full, today=TODAY)
    assert groups(db, "thread_members", "thread_id", "item_id") == \
        groups(full, "thread_members", "thread_id", "item_id")
    assert sorted(db.execute("select term, df from link_df").fetchall()) == \
        sorted(full.execute("select term, df from link_df").fetchall())
