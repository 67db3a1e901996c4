"""Case threads: items that carry one diarienummer, or name each other, are one case (issue 12).

A case (ärende) passes several bodies: a nämnd prepares it, the styrelse
proposes, fullmäktige decides, and every protocol prints the same case
number. That number is the strongest link there is, but it is not unique on
its own: "2023/45" is a case in every municipality that numbers its register
that way, and the archive does not always know a meeting's organisation. So
two items with the same normalised number are one case only when their
titles say so too (each body prints the case's title, give or take a word)
and they lie within a few years of each other.

Items also cite earlier stages of their case ("Kommunstyrelsens protokoll
2023-05-12 § 57", "bordlagd från sammanträdet 2023-04-03 § 12"): such a
reference links the item to the one it names, when exactly one stored item
fits the date, the paragraph number and (if written) the body.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from minutes.swedish import normalise

#: Labels printed before a case number, dropped before it is read.
LABEL = re.compile(r"^\s*(?:dnr|diarie(?:nummer|nr)|ärende(?:nummer|nr)|ärendenr|dnr\.)\s*[.:]?\s*",
                   re.IGNORECASE)
#: Year first ("KS 2023/123", "KS 2023.0123", "KS/2023:123", "2023-45") or last ("KS 123/23").
YEAR_FIRST = re.compile(
    r"^(?P<prefix>[A-ZÅÄÖ]{1,8})?[\s/.:-]*(?P<year>(?:19|20)\d\d)\s*[./:-]\s*0*(?P<number>\d{1,7})\b"
)
YEAR_LAST = re.compile(r"^(?P<prefix>[A-ZÅÄÖ]{1,8})?[\s/.:-]*0*(?P<number>\d{1,7})\s*/\s*(?P<yy>\d\d)\b")

#: Two titles of one case are at least this alike (token set ratio of their normal forms).
SAME_TITLE = 70
#: Two stages of one case lie at most this many days apart.
MAX_CASE_DAYS = 3 * 366
#: Within a very common number (many municipalities' "2023/45"), each item is only
#: compared with this many neighbours in date order.
CASE_WINDOW = 40

#: "Kommunstyrelsens protokoll 2023-05-12 § 57", "KS 2023-05-12 § 57", "sammanträdet den 2023-04-03, § 12".
REFERENCE = re.compile(
    r"(?:(?P<body>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+(?!protokoll\b)[a-zåäö][\wåäö-]*)?)\s+(?:protokoll\s+)?)?"
    r"(?:den\s+)?(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)\s*,?\s*§\s*(?P<number>\d{1,4})\b"
)
#: Words before a referenced date that name no body.
NOT_A_BODY = frozenset({"sammanträdet", "mötet", "sammanträde", "protokoll", "beslut", "den", "från", "vid",
                        "bordlagd", "bordlades", "bordlagt", "enligt", "se", "och"})


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A case number read into its parts; ``prefix`` is "" when the register prints none."""

    prefix: str
    year: int
    number: int

    @property
    def key(self) -> tuple[int, int]:
        """What two printings of one number share even when one leaves out the register's prefix."""
        return (self.year, self.number)

    def fits(self, other: CaseNumber) -> bool:
        """Same year and number, and no two different prefixes ("KS" and "BUN" are two registers)."""
        return self.key == other.key and (not self.prefix or not other.prefix or self.prefix == other.prefix)

    def __str__(self) -> str:
        return f"{self.prefix + ' ' if self.prefix else ''}{self.year}/{self.number}"


def parse_case_number(text: str | None) -> CaseNumber | None:
    """A printed case number ("Dnr KS 2023/0123", "KS 123/23") as its parts; None when unreadable."""
    if not text:
        return None
    value = LABEL.sub("", text.strip()).upper()
    found = YEAR_FIRST.match(value)
    if found:
        return CaseNumber(found["prefix"] or "", int(found["year"]), int(found["number"]))
    found = YEAR_LAST.match(value)
    if found:
        yy = int(found["yy"])
        return CaseNumber(found["prefix"] or "", 2000 + yy if yy < 70 else 1900 + yy, int(found["number"]))
    return None


#: A labelled case number inside a title or text ("… Diarienummer: KS/2019:61"), for items
#: whose number the extractor left in the heading instead of reading it.
LABELLED = re.compile(r"\b(?:Dnr|Diarienummer|Diarienr|Ärendenr|Ärendenummer)\b\.?:?\s*"
                      r"((?:[A-ZÅÄÖ]{1,8}[\s/.:-]*)?\d[\d\s./:-]{2,14})")


def printed_case_number(title: str | None, text: str | None) -> CaseNumber | None:
    """A case number written with its label in the title or the first lines of the text."""
    for value in (title or "", f"{title or ''}\n{(text or '')[:400]}"):
        found = LABELLED.search(value)
        if found:
            parsed = parse_case_number(found[1])
            if parsed:
                return parsed
    return None


def normalise_case_number(text: str | None) -> str | None:
    """The one spelling of a case number that every printing of it shares ("KS 2023/123")."""
    parsed = parse_case_number(text)
    return str(parsed) if parsed else None


@dataclass(slots=True)
class CaseItem:
    """What case linking needs of an item: where it sits, what it is called, what it cites."""

    id: str
    meeting_id: str
    date: str
    body: str | None
    number: str | None
    title: str
    case: CaseNumber | None
    text: str = ""


def _days(a: str, b: str) -> int:
    """Days between two ISO dates (year-only dates count from 1 July)."""
    import datetime as dt

    def day(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date(int(value[:4]), 7, 1)
        except ValueError:
            return dt.date(1900, 1, 1)

    return abs((day(a) - day(b)).days)


def same_case(a: CaseItem, b: CaseItem) -> bool:
    """Two items with fitting case numbers are one case when their titles agree and time is near."""
    if a.case is None or b.case is None or not a.case.fits(b.case):
        return False
    if _days(a.date, b.date) > MAX_CASE_DAYS:
        return False
    return fuzz.token_set_ratio(normalise(a.title), normalise(b.title)) >= SAME_TITLE


def case_pairs(items: list[CaseItem]) -> list[tuple[str, str]]:
    """Pairs of item ids that are one case by their case numbers."""
    by_key: dict[tuple[int, int], list[CaseItem]] = defaultdict(list)
    for item in items:
        if item.case is not None:
            by_key[item.case.key].append(item)
    pairs = []
    for group in by_key.values():
        group.sort(key=lambda i: i.date)
        for k, a in enumerate(group):
            for b in group[k + 1: k + 1 + CASE_WINDOW]:
                if same_case(a, b):
                    pairs.append((a.id, b.id))
    return pairs


@dataclass(frozen=True, slots=True)
class Reference:
    """'Kommunstyrelsens protokoll 2023-05-12 § 57': the body (as written, may be ""), date and §."""

    body: str
    date: str
    number: str


def references(text: str | None) -> list[Reference]:
    """Every reference to another meeting's paragraph in an item's text."""
    found = []
    for m in REFERENCE.finditer(text or ""):
        body = (m["body"] or "").strip()
        if normalise(body.split()[0] if body else "") in NOT_A_BODY:
            body = ""
        found.append(Reference(body, m["date"], m["number"]))
    return found


def body_fits(written: str, body: str | None) -> bool:
    """'Kommunstyrelsens' names 'Kommunstyrelsen'; 'KS' names 'KS'; an unnamed body fits any."""
    if not written:
        return True
    if not body:
        return False
    w, b = normalise(written), normalise(body)
    w = w[:-1] if w.endswith("s") and not b.endswith("s") else w
    return b.startswith(w) or w.startswith(b) or (len(w) >= 6 and fuzz.partial_ratio(w, b) >= 90)


def resolve(ref: Reference, citing: CaseItem, candidates: Iterable[CaseItem]) -> CaseItem | None:
    """The one item a reference names: its date, its number, its body, and a title like the citer's."""
    fitting = [c for c in candidates if c.id != citing.id and c.meeting_id != citing.meeting_id
               and (c.number or "").lstrip("§ ").strip() == ref.number and body_fits(ref.body, c.body)]
    if len(fitting) > 1:
        title = normalise(citing.title)
        scored = sorted(((fuzz.token_set_ratio(title, normalise(c.title)), c.id, c) for c in fitting), reverse=True)
        if scored[0][0] < SAME_TITLE or scored[0][0] == scored[1][0]:
            return None
        return scored[0][2]
    return fitting[0] if fitting else None


def reference_pairs(citing: list[CaseItem], by_date: dict[str, list[CaseItem]]) -> list[tuple[str, str]]:
    """Pairs (cited item, citing item) for every reference that names exactly one stored item."""
    pairs = []
    for item in citing:
        for ref in references(item.text):
            target = resolve(ref, item, by_date.get(ref.date, ()))
            if target is not None:
                pairs.append((target.id, item.id))
    return pairs


def load_case_items(db, item_ids: Iterable[str] | None = None) -> list[CaseItem]:
    """Items with their meeting's date and body; the text only where it cites a paragraph.

    ``item_ids`` limits the items read (incremental linking); None reads the archive.
    """
    sql = """select i.id, i.meeting_id, i.number, i.title, i.case_number, m.date,
                    coalesce(b.short_name, m.body) as body,
                    case when instr(i.text, '§') then i.text else substr(i.text, 1, 400) end as text
             from items i join meetings m on m.id = i.meeting_id left join bodies b on b.id = m.body_id"""
    if item_ids is None:
        rows: Iterable[dict] = db.query(sql)
    else:
        ids = list(item_ids)
        rows = (r for k in range(0, len(ids), 500)
                for r in db.query(f"{sql} where i.id in ({', '.join('?' * len(ids[k:k + 500]))})",
                                  ids[k:k + 500]))
    return [CaseItem(id=r["id"], meeting_id=r["meeting_id"], date=r["date"] or "", body=r["body"],
                     number=r["number"], title=clean_case_title(r["title"]),
                     case=parse_case_number(r["case_number"]) or printed_case_number(r["title"], r["text"]),
                     text=r["text"] or "") for r in rows]


def clean_case_title(title: str | None) -> str:
    """The title without a case number printed into it."""
    title = title or ""
    found = LABELLED.search(title) or TRAILING_LABEL.search(title)
    return title[:found.start()].strip() if found and found.start() else title


#: A case number's label left at the end of a title, its number on the next line.
TRAILING_LABEL = re.compile(r"\s(?:Dnr|Diarienummer|Diarienr|Ärendenr|Ärendenummer)\.?:?\s*$")


def case_links(items: list[CaseItem]) -> list[tuple[str, str]]:
    """Every pair of items that case numbers or references make one case."""
    by_date: dict[str, list[CaseItem]] = defaultdict(list)
    for item in items:
        by_date[item.date].append(item)
    return case_pairs(items) + reference_pairs([i for i in items if "§" in i.text], by_date)
