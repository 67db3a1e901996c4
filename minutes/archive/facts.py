"""One declaration per fact type: its dataclass, table, parent, columns, searchable text and labels.

Everything the archive does with a fact is derived from its :class:`Fact`:
the table and its indexes (:mod:`~minutes.archive.schema`), the rows prepared
for it (:mod:`~minutes.archive.rows`), the meeting read back for export
(:mod:`~minutes.archive.export`), the Swedish search columns and their FTS
index (:mod:`~minutes.archive.fts`, :mod:`~minutes.archive.search`), and in
the web app its table labels, facets, highlighting in the source text and
listing on the item page (:mod:`minutes.datasette_plugin`).

A fact's table always has ``id``, a key for each fact above it
(``meeting_id``, ``item_id`` …), ``position`` (its place in its parent's
list), then the declared columns; with ``context`` the meeting's ``body``,
``date`` and ``year`` (indexed, so Datasette facets are cheap); with a
``span`` on the dataclass ``page``, ``start`` and ``end``; and for every
searchable column its ``<column>_stem`` and ``<column>_rev`` shadow columns.

Adding a fact type is: its dataclass and the list that holds it on its parent
(``minutes/models/meeting.py``), a :class:`Fact` here, its field in the gold
shape if it has one (``minutes/models/gold.py``), and its test
(``docs/ARCHITECTURE.md`` walks through it).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from minutes.models import (
    ASSIGNMENT_STATUSES,
    ATTENDEE_STATUSES,
    BALLOT_VOTES,
    DECISION_KINDS,
    PROPOSAL_KINDS,
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
    Vote,
)

#: Shadow search columns are weighted this much less than the text they come from
#: (bm25): an exact form outranks an inflection, an inflection a compound tail.
STEM_WEIGHT, REVERSED_WEIGHT = 0.5, 0.3


@dataclass(frozen=True)
class Column:
    """One declared column of a fact table.

    ``attr`` is the dataclass attribute it stores (default: the column's name;
    ``""`` for a column the model does not have). ``codec`` is ``"json"`` for
    a list, ``"flag"`` for a bool stored as 0/1. ``weight`` > 0 makes the
    column searchable in Swedish, with that bm25 weight. ``derive`` computes a
    value from the model object instead of reading an attribute. ``written_by``
    says who fills it: the prepared rows, the single ``writer`` (ids it hands
    out), or the ``link`` step. ``codes`` gives the Swedish label of every code
    the column holds.
    """

    name: str
    type: type = str
    label: str = ""
    attr: str | None = None
    codec: str | None = None
    weight: float = 0.0
    index: bool = False
    facet: str | None = None  # "plain" or "array"
    codes: dict[str, str] | None = None
    derive: Callable[[Any], Any] | None = None
    written_by: str = "rows"

    @property
    def attribute(self) -> str:
        """The model attribute this column stores ("" for none)."""
        return self.name if self.attr is None else self.attr

    def encode(self, value: Any) -> Any:
        """The stored form of a model value."""
        if self.codec == "json":
            return json.dumps(list(value or []), ensure_ascii=False)
        if self.codec == "flag":
            return int(bool(value))
        return value

    def decode(self, value: Any) -> Any:
        """The model value of a stored one (None stays None: the model's default applies)."""
        if value is None:
            return None
        if self.codec == "json":
            return json.loads(value)
        if self.codec == "flag":
            return bool(value)
        return value


@dataclass(frozen=True)
class Fact:
    """One fact type: where it lives, what it stores, how the web app shows it.

    ``parent`` names the fact whose list ``attr`` holds it (None for the
    meeting); ``key`` is the letter of its id (``<parent id>-<key><n>``).
    ``summary`` is SQL over the table for a one-line description (the source
    page's tooltip, the item page's list); ``highlight`` is the CSS that marks
    it in the source text, ``legend`` its word in the legend. ``shown`` are
    the columns a search hit lists, ``heading`` the column whose hits come
    first in a very large hit set, ``snippet`` the text a hit is quoted from;
    ``sort``/``sort_desc`` the column Datasette sorts the table by.
    """

    name: str
    model: type
    table: str
    columns: tuple[Column, ...]
    label: str
    description: str = ""
    parent: str | None = None
    attr: str = ""
    key: str = ""
    context: bool = False
    summary: str | None = None
    highlight: str | None = None
    legend: str | None = None
    shown: tuple[str, ...] = ()
    heading: str | None = None
    snippet: str | None = None
    sort: str | None = None
    sort_desc: str | None = None

    @property
    def has_span(self) -> bool:
        """Whether the dataclass records where in the source the fact was read."""
        return any(f.name == "span" for f in dataclasses.fields(self.model))

    @property
    def search_columns(self) -> list[str]:
        """The columns searched in Swedish, in declaration order."""
        return [c.name for c in self.columns if c.weight]

    def loadable(self) -> list[Column]:
        """Columns read back into the dataclass: stored attributes that are its fields."""
        fields = {f.name for f in dataclasses.fields(self.model)}
        return [c for c in self.columns if c.attribute in fields and c.derive is None]


def _codes(codes: tuple[str, ...], labels: tuple[str, ...]) -> dict[str, str]:
    """Pair a model's code list with its Swedish labels, refusing a list that has grown."""
    if len(codes) != len(labels):
        raise ValueError(f"labels {labels} do not match codes {codes}")
    return dict(zip(codes, labels, strict=True))


def _iso_due(assignment: Assignment) -> str | None:
    """The due date as far as the text gives it (a date or a month); the link step resolves the rest."""
    due = assignment.due
    return due if due and due[:4].isdigit() else None


def _people(column: str) -> str:
    """SQL: a JSON list of names as one comma-separated string."""
    return f"(select group_concat(value, ', ') from json_each({column}))"


SPAN_LABELS = {"page": "Sida i källan", "start": "Startposition i källtexten", "end": "Slutposition i källtexten"}
CONTEXT_LABELS = {"body": "Organ", "date": "Mötesdatum", "year": "År"}

MEETING = Fact(
    name="meeting", model=Meeting, table="meetings", label="Möten",
    description="Ett möte per protokoll, med organ, datum och källdokument.",
    columns=(
        Column("document_id", label="Källdokumentets SHA-256", attr=""),
        Column("source", label="Källfilens namn"),
        Column("body_id", int, attr="", written_by="writer"),
        Column("body", label="Organets kortnamn", index=True, facet="plain"),
        Column("body_name", label="Organets fullständiga namn"),
        Column("date", label="Mötesdatum (ÅÅÅÅ-MM-DD, eller bara år när dag saknas)", index=True),
        Column("year", int, label="År", index=True, facet="plain"),
        Column("start_time"),
        Column("end_time"),
        Column("location", label="Plats"),
        Column("signatories", codec="json"),
        Column("override_body", attr=""),
        Column("override_date", attr=""),
    ),
    sort_desc="date",
)

ATTENDEE = Fact(
    name="attendee", model=Attendee, table="attendees", parent="meeting", attr="attendees", key="a",
    label="Närvarande", description="Deltagare per möte med organisation och roll.",
    columns=(
        Column("person_id", int, attr="", written_by="writer"),
        Column("name", label="Namn"),
        Column("organization", label="Organisation", index=True, facet="plain"),
        Column("role", label="Roll"),
        Column("party", label="Parti"),
        Column("status", label="Närvarostatus", index=True, facet="plain", codes=_codes(
            ATTENDEE_STATUSES, ("närvarande", "frånvarande", "inbjuden", "kallad", "okänd"))),
        Column("substitute_for", label="Tjänstgör som ersättare för"),
        Column("attendance", label="Deltog i (paragrafer eller tider, som det står)"),
    ),
    summary="name", highlight="background:#dbe8fb", legend="närvarande",
)

ITEM = Fact(
    name="item", model=Item, table="items", parent="meeting", attr="items", context=True,
    label="Ärenden",
    description=(
        "Dagordningspunkter med rubrik, text och föredragande."
        " Sökrutan söker på svenska (böjningar och sammansättningar)."
    ),
    columns=(
        Column("number", label="Punktens nummer som det står i protokollet"),
        Column("title", label="Rubrik", weight=10.0),
        Column("kind", label="Ärendetyp (beslut, information, dialog …)", index=True, facet="plain"),
        Column("text", label="Punktens text", weight=1.0),
        Column("presenters", label="Föredragande", codec="json", facet="array"),
        Column("speakers", label="Övriga som yttrade sig", codec="json"),
        Column("case_number", label="Diarienummer som det står (Dnr)", index=True),
        Column("recipients", label="Beslutet skickas till", codec="json"),
        Column("immediately_adjusted", int, label="1 om paragrafen justerades omedelbart", codec="flag"),
    ),
    summary="title", shown=("number", "title", "kind"), heading="title",
    snippet="coalesce(items.text, items.title)", sort_desc="date",
)

DECISION = Fact(
    name="decision", model=Decision, table="decisions", parent="item", attr="decisions", key="d",
    context=True, label="Beslut", description="Ställningstaganden och beslut, med plats i källtexten.",
    columns=(
        Column("text", label="Beslutstext", weight=1.0),
        Column("kind", label="Beslutstyp", index=True, facet="plain", codes=_codes(
            DECISION_KINDS, ("noterat", "ställt sig bakom", "beslutat", "återremitterat", "övrigt"))),
        Column("optional", int, label="1 om beslutet är villkorat eller frivilligt", codec="flag"),
    ),
    summary="kind", highlight="background:#d8f0d8", legend="beslut", shown=("kind",), sort_desc="date",
)

ASSIGNMENT = Fact(
    name="assignment", model=Assignment, table="assignments", parent="item", attr="assignments", key="t",
    context=True, label="Uppdrag", description="Vem som fick i uppdrag att göra vad, och till när.",
    columns=(
        Column("task", label="Uppdraget", weight=1.0),
        Column("assignees", label="Ansvariga", codec="json"),
        Column("due", label="Tidpunkt som den står (datum eller månad)",
               codes={"next_meeting": "till nästa möte"}),
        Column("due_date", label="Senast (datum)", attr="", derive=_iso_due, index=True),
        Column("status", label="Status", attr="", derive=lambda _: "open", index=True, facet="plain",
               codes=_codes(ASSIGNMENT_STATUSES, ("öppet", "återrapporterat", "klart", "försenat"))),
        Column("optional", int, codec="flag"),
        # Written by the link step (minutes.link.followup), null until it runs:
        Column("stable_id", label="Id som består vid omimport", written_by="link"),
        Column("reported_item_id", label="Ärendet där uppdraget återrapporterades", written_by="link"),
        Column("thread_id", int, label="Tråd", written_by="link"),
        Column("status_note", label="Anteckning till status", written_by="link"),
    ),
    summary="coalesce(status, 'uppdrag')", highlight="background:#fde7b0", legend="uppdrag",
    shown=("status", "due_date"), sort="due_date",
)

DATE_MENTION = Fact(
    name="date_mention", model=DateMention, table="date_mentions", parent="meeting", attr="dates", key="d",
    label="Datumomnämnanden",
    columns=(
        Column("text", label="Datum som det står"),
        Column("value", label="Normaliserat värde (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ)"),
    ),
    summary="coalesce(value, text)", highlight="text-decoration:underline dotted", legend="datum",
)

PROPOSAL = Fact(
    name="proposal", model=Proposal, table="proposals", parent="item", attr="proposals", key="p",
    context=True, label="Yrkanden", description="Yrkanden under sammanträdet: vem som yrkade vad.",
    columns=(
        Column("text", label="Yrkandet", weight=1.0),
        Column("by", label="Yrkat av", codec="json", facet="array"),
        Column("kind", label="Slag av yrkande", index=True, facet="plain",
               codes=_codes(PROPOSAL_KINDS, ("bifall", "avslag", "återremiss", "ändring", "tillägg", "övrigt"))),
    ),
    summary=f"{_people('proposals.by')} || ': ' || proposals.text", highlight="background:#e9dcf7",
    legend="yrkande", shown=("kind",),
)

VOTE = Fact(
    name="vote", model=Vote, table="votes", parent="item", attr="votes", key="v", context=True,
    label="Omröstningar", description="Omröstningar med antal röster som det står i protokollet.",
    columns=(
        Column("yes", int, label="Ja"),
        Column("no", int, label="Nej"),
        Column("abstain", int, label="Avstår"),
        Column("absent", int, label="Frånvarande"),
        Column("yes_means", label="Vad ja betydde"),
        Column("no_means", label="Vad nej betydde"),
    ),
    summary="'ja ' || coalesce(yes, '–') || ', nej ' || coalesce(no, '–') || ', avstår ' || coalesce(abstain, '–')",
    highlight="background:#f7d9d9", legend="omröstning",
)

BALLOT = Fact(
    name="ballot", model=Ballot, table="ballots", parent="vote", attr="ballots", key="b", context=True,
    label="Röster", description="Hur varje ledamot röstade i en omröstning med namnupprop.",
    columns=(
        Column("name", label="Namn"),
        Column("vote", label="Röst", index=True, facet="plain",
               codes=_codes(BALLOT_VOTES, ("ja", "nej", "avstår", "frånvarande"))),
        Column("party", label="Parti", facet="plain"),
    ),
)

RESERVATION = Fact(
    name="reservation", model=Reservation, table="reservations", parent="item", attr="reservations", key="r",
    context=True, label="Reservationer", description="Vem som reserverade sig mot beslutet.",
    columns=(
        Column("by", label="Reserverade sig (namn eller parti, som det står)", facet="plain"),
        Column("reason", label="Skriftlig motivering"),
    ),
    summary="reservations.by", highlight="background:#f9e0c7", legend="reservation",
)

PROTOCOL_NOTE = Fact(
    name="protocol_note", model=ProtocolNote, table="protocol_notes", parent="item", attr="notes", key="n",
    context=True, label="Protokollsanteckningar", description="Anteckningar till protokollet.",
    columns=(
        Column("text", label="Anteckningen", weight=1.0),
        Column("by", label="Antecknad av", codec="json"),
    ),
    summary="protocol_notes.text", highlight="background:#e3e3e3", legend="protokollsanteckning",
)

RECUSAL = Fact(
    name="recusal", model=Recusal, table="recusals", parent="item", attr="recusals", key="j", context=True,
    label="Jäv", description="Ledamöter som på grund av jäv inte deltog i ärendet.",
    columns=(Column("name", label="Namn"),),
    summary="recusals.name", highlight="background:#d9f2f2", legend="jäv",
)

#: Every fact type, parents before children (the order rows are inserted in).
FACTS: tuple[Fact, ...] = (
    MEETING, ATTENDEE, ITEM, DECISION, ASSIGNMENT, DATE_MENTION,
    PROPOSAL, VOTE, BALLOT, RESERVATION, PROTOCOL_NOTE, RECUSAL,
)
BY_NAME = {fact.name: fact for fact in FACTS}


def children(fact: Fact) -> list[Fact]:
    """The fact types held in lists on ``fact``, in declaration order."""
    return [f for f in FACTS if f.parent == fact.name]


def ancestors(fact: Fact) -> list[Fact]:
    """The facts above ``fact``, the meeting first."""
    chain: list[Fact] = []
    while fact.parent is not None:
        fact = BY_NAME[fact.parent]
        chain.insert(0, fact)
    return chain


def key_column(fact: Fact) -> str:
    """The column that holds a fact's id in the tables below it: ``meeting_id``, ``item_id`` …"""
    return f"{fact.name}_id"


def shadow_names(fact: Fact) -> list[str]:
    """The shadow search columns of a fact's table, in FTS order: stems, then reversed stems."""
    columns = fact.search_columns
    return [f"{c}_stem" for c in columns] + [f"{c}_rev" for c in columns]


def table_columns(fact: Fact) -> dict[str, type]:
    """Every column of a fact's table with its type, in table order."""
    columns: dict[str, type] = {"id": str}
    columns.update((key_column(a), str) for a in ancestors(fact))
    if fact.parent is not None:
        columns["position"] = int
    columns.update((c.name, c.type) for c in fact.columns if c.written_by != "link")
    if fact.context:
        columns.update(body=str, date=str, year=int)
    if fact.has_span:
        columns.update(page=int, start=int, end=int)
    columns.update((name, str) for name in shadow_names(fact))
    columns.update((c.name, c.type) for c in fact.columns if c.written_by == "link")
    return columns


def column_labels(fact: Fact) -> dict[str, str]:
    """The Swedish description of every labelled column (Datasette shows them), with its codes."""
    labels = {c.name: c.label + _code_list(c) for c in fact.columns if c.label}
    if fact.context:
        labels.update(CONTEXT_LABELS)
    if fact.has_span:
        labels.update(SPAN_LABELS)
    return labels


def _code_list(column: Column) -> str:
    """" (noted = noterat, …)": the stored codes of a column and what they mean."""
    if not column.codes:
        return ""
    return " (" + ", ".join(f"{code} = {label}" for code, label in column.codes.items()) + ")"


def code_labels() -> dict[str, str]:
    """Every stored code with its Swedish label, across all facts (one label per code)."""
    labels: dict[str, str] = {}
    for fact in FACTS:
        for column in fact.columns:
            for code, label in (column.codes or {}).items():
                if labels.setdefault(code, label) != label:
                    raise ValueError(f"code {code!r} is labelled both {labels[code]!r} and {label!r}")
    return labels
