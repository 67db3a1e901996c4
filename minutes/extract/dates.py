"""Swedish date expressions, normalised to ISO dates, ``YYYY-MM`` or ``YYYY``.

Minutes often leave the year out ("den 3 november", "i mars"). A missing year
is taken from what the context makes certain, in this order: a later date in
the same sentence that has one (the end of a range), the same day and month
written elsewhere with a year, the meeting's own date adjusted for tense
("tecknades i mars" lies before the meeting, "nästa möte i februari" after),
and the nearest year written before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("mars", "maj", "juni", "juli")]
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH = "|".join(sorted(FULL_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

PATTERNS = [
    ("iso", re.compile(rf"(?<![\d-])({_YEAR})-([01]\d)-([0-3]\d)(?![\d])")),
    # "2021.05.03", "2021/05/03": the ISO order with another separator
    ("iso_sep", re.compile(rf"(?<![\d./])({_YEAR})([./])([01]\d)\2([0-3]\d)(?![\d./])")),
    ("dmy", re.compile(rf"(?<![\d.])([0-3]?\d)\.([01]?\d)\.({_YEAR})(?![\d])")),
    ("iso_day_range_end", re.compile(rf"(?<=(?<!\d)({_YEAR})-([01]\d)-[0-3]\d)[-–]{{1,2}}([0-3]\d)(?![\d-])")),
    ("iso_month", re.compile(rf"(?<![\d-])({_YEAR})-(0[1-9]|1[0-2])(?![\d-])")),
    ("year_range_start", re.compile(rf"(?<![\w§/.,-])({_YEAR})(?=\s?[-–]\s?{_YEAR}(?![\d-]))")),
    ("year_range_end", re.compile(rf"(?<=\d{{4}}[-–])({_YEAR})(?![\d-])")),
    ("compact", re.compile(rf"(?<![\d-])({_YEAR})([01]\d)([0-3]\d)(?![\d-])")),
    (
        "day_range_start",
        re.compile(rf"(?<![\d.])([0-3]?\d)\s*[-–]\s*(?=[0-3]?\d\s+(?:{_MONTH})\b)", re.IGNORECASE),
    ),
    ("dm_range_start", re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.?\s*[-–]\s*(?=[0-3]?\d\.[01]?\d\.\d{4})")),
    (
        "day_month",
        re.compile(
            rf"(?<![\d.])([0-3]?\d)(?::e|:a)?\s+({_MONTH})\.?(?:\s+({_YEAR}))?(?![\wåäö])",
            re.IGNORECASE,
        ),
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\d/.,])(?<!(?-i:[A-ZÅÄÖ]{2}) )([0-3]?\d)/([01]?\d)(?:[-/ ](\d{4}))?"
            r"(?![\d/]|\s*(?:h|st|kr|%|tim|timmar|min)\b)",
            re.IGNORECASE,
        ),
    ),
    ("month_year", re.compile(rf"(?<![\wåäö])({_MONTH})\.?\s+({_YEAR})(?!\d)", re.IGNORECASE)),
    ("month", re.compile(rf"(?<![\wåäö-])({_FULL_MONTH})(?![\wåäö-])", re.IGNORECASE)),
    ("month", re.compile(r"(?<=\bi )(jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.(?!\w)", re.IGNORECASE)),
    ("year_split_end", re.compile(rf"(?<=(?<!\d)(?:19|20)\d\d/)({_YEAR})(?![\w/:-])")),
    ("year", re.compile(rf"(?<![\w§/.,:-])({_YEAR})(?![\w:-]|/\d{{1,3}}(?!\d)|[.,]\d|\s*(?:kr|kronor|tkr|mnkr|st|%))")),
]

_PAST = re.compile(
    r"\b(var|varit|har|hade|blev|gjordes|fick|sedan|föregående|tidigare|förra|"
    r"\w+ades|\w+ats|\w+des|\w+tes)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(ska|skall|kommer|planeras|nästa|nästkommande|inför|senast|kommande|blir|sker|mötet)\b",
    re.IGNORECASE,
)
#: A session or financial year written "2009/10" (riksmöte, verksamhetsår): autumn months
#: belong to its first year, spring months to its second.
SESSION = re.compile(rf"(?<![\d/])({_YEAR})/(\d{{2}})(?![\d])")
#: A paper numbered within its year ("motion 2010:54", "prop. 2009:12"), as parliaments number them.
_PAPER_NUMBER = re.compile(rf"(?<![\d/:])({_YEAR}):\d{{1,4}}(?![\d:])")
_NEXT_YEAR = re.compile(r"\b(nästa|kommande) år\b", re.IGNORECASE)
#: A meeting schedule heading: the dates listed under it are in its year.
SCHEDULE = re.compile(
    rf"\b(?:Mötestider|Mötesdatum|Mötesplan|Sammanträdestider|Sammanträdesdagar|Sammanträdesplan|"
    rf"Sammanträden)\s+(?:för\s+|under\s+)?({_YEAR})\b",
    re.IGNORECASE,
)


@dataclass
class DateMatch:
    """A date expression found in text: its words, value and character range."""

    text: str
    value: str
    start: int
    end: int


@dataclass
class _Raw:
    kind: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _scan(text: str) -> list[_Raw]:
    """Every date-like expression, longest first, never overlapping."""
    taken = bytearray(len(text))  # 1 where an earlier, longer pattern already matched
    found: list[_Raw] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            raw = _parse(kind, m)
            if raw is not None:
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                found.append(raw)
    return sorted(found, key=lambda r: r.start)


def _parse(kind: str, m: re.Match) -> _Raw | None:
    g = m.groups()
    y: int | None
    if kind == "iso_month":
        return _Raw(kind, m.start(), m.end(), int(g[0]), int(g[1]), None)
    if kind == "day_range_start":
        after = re.match(rf"\s*([0-3]?\d)\s+({_MONTH})", m.string[m.end() :], re.IGNORECASE)
        if not after:
            return None
        d, mo = int(g[0]), MONTHS[after.group(2).lower()]
        return _Raw("day_month", m.start(), m.end(), None, mo, d) if _valid(2000, mo, d) else None
    if kind == "dm_range_start":
        d, mo = int(g[0]), int(g[1])
        return _Raw("day_month", m.start(), m.end(), None, mo, d) if _valid(2000, mo, d) else None
    if kind == "iso_day_range_end":
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
        return _Raw(kind, m.start(3), m.end(), y, mo, d) if _valid(y, mo, d) else None
    if kind == "dmy":
        d, mo, y = int(g[0]), int(g[1]), int(g[2])
        return _Raw(kind, m.start(), m.end(), y, mo, d) if _valid(y, mo, d) else None
    if kind == "iso_sep":
        y, mo, d = int(g[0]), int(g[2]), int(g[3])
        return _Raw("iso", m.start(), m.end(), y, mo, d) if _valid(y, mo, d) else None
    if kind in ("iso", "compact"):
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
        return _Raw(kind, m.start(), m.end(), y, mo, d) if _valid(y, mo, d) else None
    if kind == "day_month":
        d, mo = int(g[0]), MONTHS[g[1].lower()]
        y = int(g[2]) if g[2] else None
        if not _valid(y or 2000, mo, d):
            return None
        return _Raw(kind, m.start(), m.end(), y, mo, d)
    if kind == "numeric":
        d, mo = int(g[0]), int(g[1])
        y = int(g[2]) if g[2] else None
        return _Raw(kind, m.start(), m.end(), y, mo, d) if _valid(y or 2000, mo, d) else None
    if kind == "month_year":
        return _Raw(kind, m.start(), m.end(), int(g[1]), MONTHS[g[0].lower()], None)
    if kind == "month":
        return _Raw(kind, m.start(), m.end(), None, MONTHS[g[0].lower()], None)
    return _Raw(kind, m.start(), m.end(), int(g[0]), None, None)  # year, year_range_*


def _value(year: int, month: int | None, day: int | None) -> str:
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


_BOUNDARY = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a match: from the previous sentence end to the next."""
    window_start = max(0, start - 400)
    lefts = [m.end() for m in _BOUNDARY.finditer(text, window_start, start)]
    window_end = min(len(text), end + 400)
    right = _BOUNDARY.search(text, end, window_end)
    return (lefts[-1] if lefts else window_start), (right.start() if right else window_end)


_DEADLINE_BEFORE = re.compile(
    r"\b(?:till|tills|senast|inför|före|fram\s+till|t\.?\s*o\.?\s*m\.?|from|fr\.?\s*o\.?\s*m\.?)\s*(?:den\s+)?$",
    re.IGNORECASE,
)


#: Verbs that say what the meeting itself did with a matter ("diskuterades en resa i juni"):
#: their past tense says nothing about when the matter lies.
_MEETING_ACTS = re.compile(
    r"^(?:diskuterade|diskuterades|beslutade|beslutades|presenterades|föreslogs|föreslog|togs|"
    r"redovisades|informerades|behandlades|noterades|bokades|godkändes|upplyste|upplystes)$",
    re.IGNORECASE,
)


def _tense(window: str) -> int:
    """-1 for a sentence about the past, +1 for the future, 0 when it does not say."""
    future = bool(_FUTURE.search(window))
    past = any(not _MEETING_ACTS.match(m.group(0)) for m in _PAST.finditer(window))
    if future and not past:
        return 1
    if past and not future:
        return -1
    return 0


def find_dates(text: str, *, meeting_date: str | None = None) -> list[DateMatch]:
    """All dates in ``text`` with values; yearless ones only when the year is certain enough."""
    raws = _scan(text)
    schedules = [(m.end(), int(m.group(1))) for m in SCHEDULE.finditer(text)]
    known = {(r.month, r.day): r.year for r in raws if r.year and r.month}
    meeting_year = int(meeting_date[:4]) if meeting_date and meeting_date[:4].isdigit() else None
    meeting_month = int(meeting_date[5:7]) if meeting_date and len(meeting_date) >= 7 else None
    results = []
    for i, raw in enumerate(raws):
        year = (
            raw.year
            or _schedule_year(schedules, raw.start)
            or _infer_year(text, raws, i, known, meeting_year=meeting_year, meeting_month=meeting_month)
        )
        if year is None:
            continue
        results.append(DateMatch(text[raw.start : raw.end], _value(year, raw.month, raw.day), raw.start, raw.end))
    return results


def _schedule_year(schedules: list[tuple[int, int]], start: int) -> int | None:
    """The year of a schedule heading shortly before ``start`` ("Mötestider 2021: 21 maj ...")."""
    for end, year in reversed(schedules):
        if end <= start:
            return year if start - end <= 400 else None
    return None


def _infer_year(
    text: str,
    raws: list[_Raw],
    i: int,
    known: dict,
    *,
    meeting_year: int | None,
    meeting_month: int | None,
) -> int | None:
    raw = raws[i]
    s_start, s_end = _sentence(text, raw.start, raw.end)
    for later in raws[i + 1 :]:
        if later.start > s_end or later.start - raw.end > 80:
            break
        if later.year and later.month:
            return later.year
    if meeting_year is None:
        session = _session_year(text, raw)
        if session:
            return session
    if meeting_year and meeting_month:
        tense = 1 if _DEADLINE_BEFORE.search(text[max(0, raw.start - 20) : raw.start]) else _tense(text[s_start:s_end])
        if tense < 0 and raw.month is not None and raw.month > meeting_month:
            return meeting_year - 1
        if tense > 0 and raw.month is not None and raw.month < meeting_month:
            return meeting_year + 1
        return meeting_year
    if raw.day and (raw.month, raw.day) in known:
        return known[(raw.month, raw.day)]
    same_month = {y for (mo, _d), y in known.items() if mo == raw.month}
    if not raw.day and len(same_month) == 1:
        return same_month.pop()
    for earlier in reversed(raws[:i]):
        if raw.start - earlier.end > 1500:
            break
        if earlier.year:
            return earlier.year
    return meeting_year


def _session_year(text: str, raw: _Raw) -> int | None:
    """The year of a month in a session "2009/10" written before it (autumn: first year)."""
    sessions = [m for m in SESSION.finditer(text, 0, raw.start)]
    if not sessions or raw.month is None:
        return None
    first = int(sessions[-1].group(1))
    return first if raw.month >= 7 else first + 1


def infer_meeting_year(text: str) -> int | None:
    """The year of a meeting whose minutes do not print it.

    "Under nästa år ... 2018" makes the meeting year 2017; a schedule heading
    ("Mötestider 2021") names the current year; otherwise the most common year.
    """
    for m in _NEXT_YEAR.finditer(text):
        window = text[m.end() : m.end() + 200]
        year = re.search(_YEAR, window)
        if year:
            return int(year.group()) - 1
    schedule = re.search(rf"(?:Mötestider|Mötesdatum|Sammanträdesdagar|Sammanträdesplan)\s+({_YEAR})", text)
    if schedule:
        return int(schedule.group(1))
    years = [r.year for r in _scan(text) if r.year]
    if not years:
        session = SESSION.search(text)
        if session:
            return int(session.group(1))
        # "motion 2010:54", "betänkande O 2010:4": papers numbered by the session's year.
        papers = [int(m.group(1)) for m in _PAPER_NUMBER.finditer(text)]
        return max(set(papers), key=papers.count) if papers else None
    return max(set(years), key=years.count)
