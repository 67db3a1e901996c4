"""One declaration per fact type: schema, rows, export, search and highlighting derive from it (#10).

The protocol facts of issue 12 (proposals, votes with their named lists, reservations,
protocol notes, jäv, case numbers, recipients, substitutes) were added as declarations
only: their tables, rows, export, highlighting and labels come from them.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

import pytest

from minutes.archive import load_meeting, open_archive, save_document
from minutes.archive.facts import FACTS, children, code_labels, key_column, table_columns
from minutes.archive.rows import COLUMNS, EXTRACTOR_VERSION, meeting_rows
from minutes.archive.schema import FTS_CONFIG, MEETING_CHILDREN, TABLES
from minutes.datasette_plugin.metadata import fact_metadata
from minutes.datasette_plugin.spans import FACT_TABLES, HIGHLIGHTS
from minutes.importer import reprocess_archive
from minutes.models import (
    Assignment,
    Attendee,
    Ballot,
    DateMention,
    Decision,
    Item,
    Meeting,
    Proposal,
    ProtocolNote,
    Recusal,
    Reservation,
    SourceDocument,
    SourceSpan,
    Vote,
    to_gold,
)

TEXT = "Protokoll för Ekbyns fritidsnämnd\n" * 40


def span(start: int) -> SourceSpan:
    return SourceSpan(start=start, end=start + 12, page=1 + start // 600)


def invented_meeting() -> Meeting:
    """A meeting of an invented body with every field the archive stores set."""
    return Meeting(
        source="fritid-2023-04-12.txt", body="FRN", body_name="Fritidsnämnden i Ekbyn", date="2023-04-12",
        start_time="18.00", end_time="20.15", location="Ekbyns bibliotek",
        signatories=["Lova Strand", "Ture Ek"],
        attendees=[
            Attendee(name="Lova Strand", organization="Ekbyns kommun", role="ordförande", party="S",
                     status="present", span=span(40)),
            Attendee(name="Ture Ek", role="ledamot", party="M", status="absent", span=span(80)),
            Attendee(name="Saga Lind", role="ersättare", party="C", status="present",
                     substitute_for="Ture Ek", attendance="§§ 14-15", span=span(100)),
        ],
        items=[
            Item(number="14", title="Simhallens öppettider", kind="beslut", presenters=["Ida Vall"],
                 speakers=["Ture Ek"], text="Förvaltningen föreslår längre öppettider.", span=span(120),
                 decisions=[Decision(text="Nämnden beslutar att förlänga öppettiderna", kind="decided",
                                     span=span(200)),
                            Decision(text="Nämnden noterar informationen", kind="noted", optional=True)],
                 assignments=[Assignment(task="utvärdera försöket", assignees=["Ida Vall"], due="2023-12",
                                         span=span(260))],
                 case_number="FRN 2023/41", recipients=["Kultur- och fritidsförvaltningen", "Ida Vall"],
                 immediately_adjusted=True,
                 proposals=[Proposal(text="bifall till förvaltningens förslag", by=["Lova Strand (S)"],
                                     kind="bifall", span=span(320)),
                            Proposal(text="avslag", by=["Saga Lind (C)", "Ture Ek (M)"], kind="avslag")],
                 votes=[Vote(yes=2, no=1, abstain=0, absent=None, yes_means="bifall", no_means="avslag",
                             span=span(360),
                             ballots=[Ballot(name="Lova Strand", vote="yes", party="S"),
                                      Ballot(name="Saga Lind", vote="no", party="C"),
                                      Ballot(name="Åke Holm", vote="yes")])],
                 reservations=[Reservation(by="Saga Lind (C)", reason="skriftlig reservation", span=span(400)),
                               Reservation(by="Centerpartiet")],
                 notes=[ProtocolNote(text="M antecknar att frågan bör utredas vidare", by=["Ture Ek (M)"],
                                     span=span(440))],
                 recusals=[Recusal(name="Åke Holm", span=span(480))]),
            Item(number="15", title="Övriga frågor"),
        ],
        dates=[DateMention(text="december 2023", value="2023-12", span=span(300)),
               DateMention(text="12 april", value="2023-04-12")],
    )


def document(text: str = TEXT, sha: str = "f") -> SourceDocument:
    return SourceDocument(name="fritid-2023-04-12.txt", text=text, sha256=sha * 64, path="fritid-2023-04-12.txt")


def test_archive_facts_a_stored_meeting_loads_back_whole(db_path):
    meeting = invented_meeting()
    db = open_archive(db_path)
    meeting_id = save_document(db, document(), meeting)
    loaded = load_meeting(db, meeting_id)
    assert loaded == meeting
    assert to_gold(loaded) == to_gold(meeting)


def test_archive_facts_every_declaration_has_its_table_rows_and_derivations():
    rows = meeting_rows(document(), invented_meeting())
    for fact in FACTS:
        assert TABLES[fact.table]["columns"] == table_columns(fact)
        assert set(COLUMNS[fact.table]) <= set(TABLES[fact.table]["columns"])
        for row in rows.tables[fact.table]:
            assert set(row) | {c.name for c in fact.columns if c.written_by == "writer"} == set(COLUMNS[fact.table])
        if fact.search_columns:
            assert FTS_CONFIG[fact.table][: len(fact.search_columns)] == fact.search_columns
        if fact.summary and fact.has_span:
            assert FACT_TABLES[fact.table] == fact.summary
        for child in children(fact):
            assert key_column(fact) in table_columns(child)
            if fact.parent is not None:  # children are deleted before their parents
                assert MEETING_CHILDREN.index(child.table) < MEETING_CHILDREN.index(fact.table)
        tables = fact_metadata()["databases"]["archive"]["tables"]
        assert tables[fact.table]["title"] == fact.label
    assert {h["kind"] for h in HIGHLIGHTS} >= {"decisions", "assignments", "attendees", "date_mentions"}


def test_archive_facts_every_code_of_the_models_has_one_swedish_label():
    from minutes.models import ASSIGNMENT_STATUSES, ATTENDEE_STATUSES, DECISION_KINDS

    labels = code_labels()
    for code in (*ASSIGNMENT_STATUSES, *ATTENDEE_STATUSES, *DECISION_KINDS):
        assert labels[code] and labels[code] != code


def test_archive_facts_every_model_field_is_stored_or_derived():
    """A dataclass field that no declaration stores would be lost on the way through the archive."""
    for fact in FACTS:
        stored = {c.attribute for c in fact.loadable()} | {child.attr for child in children(fact)} | {"span"}
        missing = {f.name for f in dataclasses.fields(fact.model)} - stored
        assert not missing, f"{fact.name}: {missing}"


def test_archive_facts_an_archive_of_the_old_shape_is_migrated_and_reextracted(db_path):
    """A column added by a declaration is added to an old archive, whose documents count as out of date."""
    text = "1. Simhallen\nNämnden beslutar att förlänga öppettiderna.\n"
    db = open_archive(db_path)
    save_document(db, document(text), invented_meeting())
    db.execute("alter table date_mentions drop column position")  # as archives before #10 were
    db.execute("update documents set extractor_version = '1'")
    db.conn.commit()
    db.close()
    db = open_archive(db_path)  # the shape is brought up to date
    assert "position" in db["date_mentions"].columns_dict
    assert load_meeting(db, document(text).sha256[:16]).dates == invented_meeting().dates
    summary = reprocess_archive(db, workers=1)
    assert summary.ok and len(summary.reprocessed) == 1
    assert db.execute("select distinct extractor_version from documents").fetchall() == [(EXTRACTOR_VERSION,)]
    assert load_meeting(db, document(text).sha256[:16]).items[0].title == "Simhallen"


@pytest.mark.asyncio
async def test_archive_facts_protocol_facts_are_listed_highlighted_and_faceted(db_path):
    from datasette_fixtures import make_datasette

    db = open_archive(db_path)
    meeting_id = save_document(db, document(), invented_meeting())
    item_id = load_item_id(db, meeting_id, "14")
    db.close()
    ds = make_datasette(db_path)
    await ds.invoke_startup()
    item = (await ds.client.get(f"/-/punkt/{quote(item_id)}")).text
    assert "Yrkanden" in item and "Lova Strand (S): bifall till förvaltningens förslag" in item
    assert "Reservationer" in item and "Jäv" in item and "ja 2, nej 1, avstår 0" in item
    source = (await ds.client.get(f"/-/dokument/{'f' * 64}")).text
    for table in ("proposals", "votes", "reservations", "protocol_notes", "recusals"):
        assert f"fact-{table}" in source
    ballots = (await ds.client.get("/archive/ballots.json?name=Saga+Lind&_shape=array&_facet=vote")).json()
    assert [(b["vote"], b["item_id"], b["body"]) for b in ballots] == [("no", item_id, "FRN")]


def load_item_id(db, meeting_id: str, number: str) -> str:
    return db.execute("select id from items where meeting_id = ? and number = ?", [meeting_id, number]).fetchone()[0]
