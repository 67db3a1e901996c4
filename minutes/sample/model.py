"""Plain data classes shared by the sample generator's planning and rendering steps.

The generator first decides *what* a meeting contains (these objects) and only then
how it looks on the page (render_text), so the ground truth can be derived from the
same objects the text is written from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Person:
    """A member of a body's roster; `org`, `role` and `party` are printed as written."""

    name: str
    first: str
    org: str | None = None
    role: str | None = None
    party: str | None = None


@dataclass(slots=True)
class Style:
    """How one body writes its minutes in one era (layout choices, not content)."""

    doc_title: str
    header: str  # tid_iso | tid_long | datum_long | dag_noyear | protocol
    header_first: bool
    attendees: str  # one_per_line | inline | grouped | political | protocol
    absent: str  # block | suffix | names_later
    numbering: str  # dot | paren | para_before | para_after | para_own_line
    kind_labels: bool
    presenter_label: str | None  # "Föredragande:" / "Föredragare:" / None (bare line)
    decision: str  # inline | block | bullets | plain | heading
    bullet: str
    wrap: int | None
    page_artifacts: bool
    signature: str | None  # slash | two_col | protocol | None
    encoding: str
    newline: str
    role_abbrev: bool
    links: bool
    online_label: str  # "Plats: Teams" or "Mötesform: Teams"


@dataclass(slots=True)
class Topic:
    """A recurring issue shared by the bodies of one region (a thread in the truth)."""

    key: tuple[int, int, int]  # (region, time window, topic kind)
    label: str
    subject: str
    titles: tuple[str, ...]


@dataclass(slots=True)
class Body:
    """An invented public body with a stable roster, schedule and per-era styles."""

    index: int
    kind: str  # care | political | committee | board
    short: str
    full: str
    slug: str
    place: str
    region: str
    self_refs: tuple[str, ...]
    weekday: int
    months: tuple[int, ...]
    week_of_month: int
    start_hours: tuple[str, str]
    rosters: dict[int, tuple[list[Person], list[Person]]]
    guests: list[Person]
    topics: dict[int, list[Topic]]  # by time window
    styles: dict[int, Style]
    rooms: tuple[str, ...]


@dataclass(slots=True)
class Item:
    """One agenda item with its blocks of text and its truth lists."""

    number: str
    title: str
    kind: str | None = None
    presenters: list[Person] = field(default_factory=list)
    blocks: list[tuple] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    topic: Topic | None = None


@dataclass(slots=True)
class Meeting:
    """Everything one set of minutes says, before it is laid out as text."""

    body: Body
    day: date
    start: str
    end: str
    location: str
    online: bool
    style: Style
    attendees: list[tuple[Person, str]]
    items: list[Item]
    signatories: list[Person]
    dates: list[tuple[str, str]]
    stem: str
    pdf: bool = False


@dataclass(slots=True)
class Output:
    """How a generated document goes to disk: text bytes or a PDF, and its PDF habits."""

    pdf: bool = False
    suffix: str = ".txt"
    encoding: str = "utf-8"
    newline: str = "\n"
    header: str | None = None
    footer: str = "Sida {page}"
    bullets: str = "text"
    font_size: float = 10.5
    table_rules: bool = False


@dataclass(slots=True)
class Generated:
    """One generated document: where it goes, its text, its truth and its thread links.

    `threads` holds (thread key, thread label, item number) for every item that belongs to a
    thread (a recurring topic or a case). Classic documents keep their planned `meeting`
    (their PDF layout reads it); the other families say how they are written in `output`.
    """

    filename: str
    text: str
    truth: dict
    threads: list[tuple[tuple, str, str]]
    meeting: Meeting | None = None
    output: Output | None = None
    family: str = "classic"
