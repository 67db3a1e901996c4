"""One person across meetings: name variants merged, namesakes kept apart (issue 7).

Secretaries shorten and misspell names ("Ann-Louise N", "Karin Lindqvist" for
"Karin Ek Lindqvist", "Nyhelm" for "Nyholm"). A variant is merged only
when it points at exactly one fuller name, so two people who share a first
name (or a first name and an initial) stay two people. A bare first name is
never merged: the extractor resolves those where the document makes it certain.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from minutes.swedish import normalise

#: "Anna Berg (M)": the party after a reserving member's name.
PARTY_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")

#: A name looks like a person's when it has 2-5 capitalised parts (initials allowed).
NAME_PART = re.compile(r"^[A-ZÅÄÖÉÜ][\w'-]*\.?$")


@dataclass(frozen=True, slots=True)
class Name:
    """A written name split into given name and surname parts (case-folded)."""

    text: str
    given: str
    surnames: tuple[str, ...]

    @property
    def initial_only(self) -> bool:
        """'Ann-Louise N': the surname is a single initial."""
        return len(self.surnames) == 1 and len(self.surnames[0]) == 1

    @property
    def given_initial(self) -> bool:
        """'H Strandberg': the given name is a single initial."""
        return len(self.given) == 1


def parse_name(text: str) -> Name | None:
    """Split a person's name; None for group names ('projektet') and bare first names."""
    parts = (text or "").split()
    if not 2 <= len(parts) <= 5 or not all(NAME_PART.match(p) for p in parts):
        return None
    folded = [normalise(p).rstrip(".") for p in parts]
    return Name(text=text, given=folded[0], surnames=tuple(folded[1:]))


def is_variant(short: Name, full: Name) -> bool:
    """True when ``short`` is a shortened or misspelt way of writing ``full``."""
    if short.text == full.text or short.initial_only and full.initial_only:
        return False
    if short.given == full.given:
        if short.initial_only:
            return full.surnames[-1].startswith(short.surnames[0]) or full.surnames[0].startswith(
                short.surnames[0]
            )
        if set(short.surnames) < set(full.surnames):
            return True
    if short.given_initial and full.given.startswith(short.given):
        return short.surnames == full.surnames
    return one_slip(short, full)


def one_slip(a: Name, b: Name) -> bool:
    """Same shape, and the whole names differ by one letter ('Nyhelm'/'Nyholm')."""
    if len(a.surnames) != len(b.surnames) or a.initial_only or a.given_initial:
        return False
    left = " ".join((a.given, *a.surnames))
    right = " ".join((b.given, *b.surnames))
    return min(len(left), len(right)) >= 8 and Levenshtein.distance(left, right) == 1


def candidates(name: Name, by_given: dict, by_surname: dict) -> set[Name]:
    """Names that could be the same person: same given name, or a shared surname."""
    found = set(by_given.get(name.given, ()))
    for s in name.surnames:
        found |= by_surname.get(s, set())
    return found - {name}


def merge_names(texts: list[str]) -> dict[str, str]:
    """Map every written name to the canonical name of its person.

    Full names are visited before abbreviated ones (so spelling slips are joined
    first), shortest first; each variant joins the one fuller name it points
    at, and is left alone when it points at several people (namesakes).
    """
    counts = Counter(texts)
    names = [n for n in {parse_name(t) for t in counts} if n is not None]
    by_given: dict[str, set[Name]] = defaultdict(set)
    by_surname: dict[str, set[Name]] = defaultdict(set)
    for n in names:
        by_given[n.given].add(n)
        for s in n.surnames:
            by_surname[s].add(n)
    parent = {n.text: n.text for n in names}
    for n in sorted(names, key=lambda n: (n.initial_only or n.given_initial, len(n.text), n.text)):
        targets = {m for m in candidates(n, by_given, by_surname) if is_variant(n, m)}
        targets = {m for m in targets if len(m.text) >= len(n.text)}
        if len({_root(parent, m.text) for m in targets}) == 1:
            parent[_root(parent, n.text)] = _root(parent, next(iter(targets)).text)
    groups: dict[str, list[str]] = defaultdict(list)
    for text in counts:
        groups[_root(parent, text) if text in parent else text].append(text)
    canonical: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda t: (len(t.split()) > 1 and not _abbreviated(t), counts[t], len(t)))
        canonical.update((t, best) for t in members)
    return canonical


def _abbreviated(text: str) -> bool:
    name = parse_name(text)
    return name is None or name.initial_only or name.given_initial


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def archive_names(db) -> list[str]:
    """Every person's name written anywhere: attendees, presenters, speakers, assignees, signatures,
    and those who voted, moved or reserved themselves (issue 12)."""
    names = [r["name"] for r in db.query("select name from attendees where name is not null")]
    names += [r["name"] for r in db.query("select name from ballots where name is not null")]
    names += [PARTY_SUFFIX.sub("", r["by"]) for r in db.query("select by from reservations where by is not null")]
    for column, table in (("presenters", "items"), ("speakers", "items"), ("by", "proposals"),
                          ("assignees", "assignments"), ("signatories", "meetings")):
        for r in db.query(f"select [{column}] as v from [{table}] where [{column}] is not null"):
            names.extend(n for n in json.loads(r["v"] or "[]") if n)
    return names


def save_persons(db) -> int:
    """Rebuild ``persons`` and ``person_names`` from the archive; return the person count."""
    canonical = merge_names(archive_names(db))
    db.execute("delete from person_names")
    db.execute("delete from persons")
    ids: dict[str, int] = {}
    variants: dict[str, list[str]] = defaultdict(list)
    for text, name in sorted(canonical.items()):
        ids.setdefault(name, len(ids) + 1)
        variants[name].append(text)
    db["persons"].insert_all(
        {"id": pid, "name": name, "variants": json.dumps(sorted(variants[name]), ensure_ascii=False)}
        for name, pid in ids.items()
    )
    db["person_names"].insert_all({"name": t, "person_id": ids[n], **name_parts(t)} for t, n in canonical.items())
    return len(ids)


def name_parts(text: str) -> dict:
    """The case-folded given name and last surname of a written name (both None for a group name)."""
    name = parse_name(text)
    return {"given": name.given if name else None, "surname": name.surnames[-1] if name else None}
