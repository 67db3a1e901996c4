"""One declaration per fact type: schema, rows, export, search and highlighting derive from it (#10)."""

from __future__ import annotations

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
    DateMention,
    Decision,
    Item,
    Meeting,
    SourceDocument,
    SourceSpan,
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
        ],
        items=[
            Item(number="§ 14", title="Simhallens öppettider", kind="beslut", presenters=["Ida Vall"],
                 speakers=["Ture Ek"], text="Förvaltningen föreslår längre öppettider.", span=span(120),
                 decisions=[Decision(text="Nämnden beslutar att förlänga öppettiderna", kind="decided",
                                     span=span(200)),
                            Decision(text="Nämnden noterar informationen", kind="noted", optional=True)],
                 assignments=[Assignment(task="utvärdera försöket", assignees=["Ida Vall"], due="2023-12",
                                         span=span(260))]),
            Item(number="§ 15", title="Övriga frågor"),
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
