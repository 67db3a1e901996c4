"""One identity per body: which stored body a meeting belongs to, and the name every table shows.

Minutes name their body two ways: a short name ("VVG", "SRO", or a generic
noun such as "Styrelsen") and, often, a full name ("Samrådsorganet mellan
Kommunförbundet Ekby och Region Ekby"). Neither alone identifies a body:

* acronyms are shared: two regions' consultation bodies are both "SRO";
* full names vary in spelling between meetings of one body ("samrådsorganet
  mellan …" and "politiskt Samrådsorgan mellan …") and are often missing.

So a meeting is matched to a stored body by its short name, and the full name
decides when it is known (issue 16): two full names are the same body when
they differ only in lower-case words (articles, adjectives, inflections), never
in a proper noun or a number. A meeting without a full name joins the only
body of its short name, or one without a full name.

Every body has a unique ``label``, stored as ``bodies.short_name`` and in the
``body`` column of every fact table with the meeting's context (items,
decisions, assignments, votes …: what facets and filters show): the short
name, or the full name for a generic noun, and "SRO (full name)" when two
bodies would otherwise share it. When a second body takes a
label, the first one's rows are relabelled in the same transaction.
"""

from __future__ import annotations

import re
import unicodedata

from minutes.archive.facts import FACTS
from minutes.swedish import normalise, stem, words

#: Tables whose ``body`` column holds the body's label (denormalised for facets): every
#: fact declared with the meeting's context (:mod:`minutes.archive.facts`).
LABELLED_TABLES = tuple(fact.table for fact in FACTS if fact.context)

_TOKEN = re.compile(r"[^\W_]+")

#: A date, and a label ending in "datum" before it, at the end of a name: a header
#: line read into the name ("… Kvarnvik Sammanträdesdatum 2022-04-04"). No body's
#: name ends in a date.
_TRAILING_DATE = re.compile(r"\s+(?:\w*datum:?\s*)?\d{4}-\d{2}-\d{2}\b.*$", re.IGNORECASE)


def clean(name: str | None) -> str | None:
    """A name as written, NFC, single-spaced, without a trailing date or punctuation; None when empty."""
    if not name:
        return None
    text = " ".join(unicodedata.normalize("NFC", name).split())
    text = _TRAILING_DATE.sub("", text).strip(" ,.;:–-")
    return text or None


def body_key(short: str | None, name: str | None) -> str | None:
    """What identifies a body before the archive is consulted: its label if unique.

    An acronym ("VVG") does; a generic noun ("Styrelsen", "Socialnämnden") is
    shared by many organisations, so its full name is used instead. The
    export keeps the short name as the minutes use it.
    """
    if short and (short.isupper() or re.search(r"[a-zåäö][A-ZÅÄÖ]", short)):
        return short
    return name or short


def canonical(short: str | None, name: str | None) -> tuple[str, str | None] | None:
    """(short, full) cleaned, the short name falling back on the full one; None without either."""
    short, name = clean(short), clean(name)
    if not short and not name:
        return None
    return (short or name, name)  # type: ignore[return-value]


def _distinguishing(name: str) -> set[str]:
    """Words that tell bodies apart: proper nouns and numbers, as stems."""
    return {stem(normalise(w)) for w in _TOKEN.findall(name) if w[0].isupper() or any(c.isdigit() for c in w)}


def same_body(a: str, b: str) -> bool:
    """Whether two full names name one body: they differ in no proper noun or number.

    The first word of a name is capitalised by position, so a capitalised word
    counts only if the other name does not have its stem at all. A name that
    continues another with more than a short number ("… Kvarnvik
    Sammanträdesdatum 2022-04-04", a header line read into the name) is the same
    body; "… Kvarnvik 2" is not.
    """
    if _continues(a, b) or _continues(b, a):
        return True
    stems_a, stems_b = {stem(w) for w in words(a)}, {stem(w) for w in words(b)}
    differing = stems_a ^ stems_b
    return not differing & (_distinguishing(a) | _distinguishing(b))


def _continues(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` followed by words that are more than a number of one or two digits."""
    head, tail = words(shorter), words(longer)
    if len(head) < 2 or len(tail) <= len(head) or tail[: len(head)] != head:
        return False
    rest = tail[len(head):]
    return not (len(rest) == 1 and rest[0].isdigit() and len(rest[0]) <= 2)


def resolve(conn, body: tuple[str, str | None] | None) -> tuple[int | None, str | None]:
    """The stored body of a meeting named ``(short, full)``, created if new: (id, label).

    Runs in the writer, inside the document's transaction.
    """
    if body is None:
        return None, None
    short, name = body
    base = body_key(short, name)
    candidates = conn.execute(
        "select id, short_name, name, coalesce(short, short_name) from bodies"
        " where coalesce(short, short_name) = ? or short_name = ? order by id",
        [short, base],
    ).fetchall()
    chosen = _choose(candidates, name)
    if chosen is not None:
        body_id, label, stored_name, _ = chosen
        if name and (stored_name is None or _continues(stored_name, name)):
            # a missing full name is filled in; one with a header line read into it is cut back
            conn.execute("update bodies set name = ?, short = ? where id = ?", [name, short, body_id])
        else:
            conn.execute("update bodies set short = ? where id = ? and short is null", [short, body_id])
        return body_id, label
    label = base
    if any(label == c[1] or label == body_key(c[3], c[2]) for c in candidates):
        for other_id, other_label, other_name, other_short in candidates:
            _relabel(conn, other_id, other_label, _label(other_short, other_name, shared=True))
        label = _label(short, name, shared=True)
    body_id = conn.execute(
        "insert into bodies (short_name, name, short) values (?, ?, ?) returning id", [label, name, short]
    ).fetchone()[0]
    return body_id, label


def _choose(candidates: list[tuple], name: str | None):
    """The stored body a meeting with full name ``name`` belongs to, among same-short ones."""
    if name:
        for candidate in candidates:
            if candidate[2] and same_body(candidate[2], name):
                return candidate
        unnamed = [c for c in candidates if c[2] is None]
        return unnamed[0] if unnamed else None
    if len(candidates) == 1:
        return candidates[0]
    unnamed = [c for c in candidates if c[2] is None]
    return unnamed[0] if unnamed else None


def _label(short: str, name: str | None, *, shared: bool) -> str:
    """A body's label; one that shares its short name with another body adds its full name."""
    base = body_key(short, name) or short
    if shared and name and base != name:
        return f"{base} ({name})"
    return base


def _relabel(conn, body_id: int, old: str, new: str) -> None:
    """Give a stored body a new label, in the bodies table and in its rows' ``body`` columns."""
    if old == new:
        return
    conn.execute("update bodies set short_name = ? where id = ?", [new, body_id])
    for table in LABELLED_TABLES:
        conn.execute(
            f"update {table} set body = ? where body = ?"
            " and meeting_id in (select id from meetings where body_id = ?)",
            [new, old, body_id],
        )
