"""Action lists as tables: "Åtgärd | Ansvarig | Klart till", one task a row.

Minnesanteckningar often end with an "Åtgärdslista" table. In a text file or
PDF its rows are tab-separated cells; in a flattened web copy the header and
rows run together on one line ("Åtgärd Ansvarig Klart till Boka lokal Anna Berg
2019-11-23 Uppdatera planen Olle Ek 2 december"), and the rows are found again
by the people of the meeting: each row is a task, then who, then when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.lines import Line


@dataclass
class Row:
    """One row of an action table: the task, who is responsible, when (as written), and where."""

    task: str
    who: str
    when: str
    start: int
    end: int


@lru_cache(maxsize=1)
def header() -> re.Pattern:
    """The table's header: a task label, a responsible label, perhaps a deadline label."""
    labels = lexicon.load("assignments")["action_labels"]
    task, who, when = (lexicon.alternation(labels[k]) for k in ("task", "responsible", "deadline"))
    return re.compile(rf"(?<![\wåäö])(?:{task})[\t ]+(?:{who})(?:[\t ]+(?:{when}))?(?![\wåäö])", re.IGNORECASE)


def _title() -> re.Pattern:
    return re.compile(lexicon.load("assignments")["task_titles"])


def is_table_title(text: str) -> bool:
    """ "Åtgärdslista", "Att göra": a title whose item is an action list."""
    return bool(_title().match(text.strip()))


def table_rows(lines: list[Line], people: list[str]) -> list[Row]:
    """The rows under an action table's header, in either layout."""
    rows: list[Row] = []
    texts = [line for line in lines if line.text]
    for n, line in enumerate(texts):
        m = header().search(line.text)
        if not m or not _header_only(line.text, m):
            continue
        rest = line.text[m.end() :]
        if rest.strip():
            rows += _flat_rows(line, m.end(), people)
            continue
        for row in texts[n + 1 :]:
            cells = [c.strip() for c in row.text.split("\t") if c.strip()]
            if len(cells) < 2:
                break
            rows.append(Row(cells[0], cells[1], cells[2] if len(cells) > 2 else "", row.start, row.end))
    return rows


def _header_only(text: str, m: re.Match) -> bool:
    """The header opens its line (after a title such as "Åtgärdslista"), not a sentence."""
    before = text[: m.start()].strip()
    return not before or is_table_title(before)


def _flat_rows(line: Line, at: int, people: list[str]) -> list[Row]:
    """Rows run together: each ends where the name of one of the meeting's people is followed by
    the date the task is due."""
    text = line.text
    names = sorted(
        (m.start(), m.end(), name)
        for name in sorted(set(people), key=len, reverse=True)
        for m in re.finditer(rf"(?<![\wåäö]){re.escape(name)}(?![\wåäö])", text[at:])
    )
    rows: list[Row] = []
    cursor = at
    for start, end, name in names:
        start, end = start + at, end + at
        if start < cursor:
            continue
        task = text[cursor:start].strip(" ,;")
        when = _DUE.match(text, end)
        if not task or when is None:
            continue
        rows.append(Row(task, name, when.group(1), line.start + cursor, line.start + when.end()))
        cursor = when.end()
    return rows


#: What a deadline cell holds: a date, a day and month, a week, "nästa möte", "löpande".
_DUE = re.compile(
    r"\s+(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]{3,9}(?:\s+\d{4})?|[Vv]ecka\s+\d{1,2}|v\.?\s*\d{1,2}"
    r"|(?:till\s+)?nästa\s+(?:möte|sammanträde)|löpande|snarast)(?=\s|$|[.,;])"
)
