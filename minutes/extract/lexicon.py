"""The lexicon of Swedish minutes (``lexicon/*.yml``), loaded once, with what rules build from it.

The YAML files are the data; this module only reads them and turns them into the
forms the rules use: label tables, compiled regexes and span-ruler patterns (see
``lexicon/README.md`` for the phrase syntax). Nothing here knows a word of Swedish
that the files do not declare.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

#: How far a ``*`` in a phrase reaches: at most this many words.
WILDCARD_WORDS = 4


@cache
def load(name: str) -> Any:
    """One lexicon file (``lexicon/<name>.yml``), parsed."""
    text = resources.files("minutes.extract").joinpath(f"lexicon/{name}.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# --- phrases -> span-ruler patterns -------------------------------------------------------


def phrase_pattern(phrase: str) -> list[dict]:
    """Token patterns for one phrase of the lexicon's phrase syntax."""
    tokens: list[dict] = []
    for word in phrase.split():
        if word == "*":
            tokens.append({"OP": f"{{,{WILDCARD_WORDS}}}"})
            continue
        if word in ("_", "_?"):
            tokens.append({} if word == "_" else {"OP": "?"})
            continue
        optional = word.endswith("?") and len(word) > 1
        word = word.rstrip("?") if optional else word
        token: dict = {}
        if word == "#Name":
            token = {"IS_TITLE": True}
        elif word == "#Num":
            token = {"LIKE_NUM": True}
        elif word.startswith("!"):
            token = {"LOWER": {"NOT_IN": [w.lower() for w in word[1:].split("|")]}}
        elif word.startswith("~"):
            alts = [w.lstrip("~") for w in word.split("|")]
            lemmas = [w for w in alts]
            token = {"LEMMA": {"IN": lemmas}} if len(lemmas) > 1 else {"LEMMA": lemmas[0]}
        else:
            alts = word.split("|")
            if any(a.startswith("~") for a in alts):
                raise ValueError(f"mix of lemma and word alternatives in {phrase!r}")
            token = {"LOWER": {"IN": [a.lower() for a in alts]}} if len(alts) > 1 else {"LOWER": alts[0].lower()}
        if optional:
            token["OP"] = "?"
        tokens.append(token)
    return tokens


def ruler_patterns() -> list[dict]:
    """Every span-ruler pattern of the lexicon, with labels and ids.

    Labels: ``DECISION`` (id ``<kind>:<entry>``, ``<kind>:<entry>:weak`` for an entry that gives
    the kind only when no other formula does), ``ASSIGN`` (id = cue id) and
    ``SPEECH``. The ids are read back from the spans, so a rule knows which
    lexicon entry matched.
    """
    patterns: list[dict] = []
    for kind, entries in load("decisions")["kinds"].items():
        for entry in entries:
            for phrase in entry["phrases"]:
                weak = ":weak" if entry.get("weak") else ""
                pattern = phrase_pattern(phrase)
                patterns.append({"label": "DECISION", "id": f"{kind}:{entry['id']}{weak}", "pattern": pattern})
    for cue in load("assignments")["cues"]:
        for phrase in cue["phrases"]:
            patterns.append({"label": "ASSIGN", "id": cue["id"], "pattern": phrase_pattern(phrase)})
    speech = load("speech")
    not_after = [w.lower() for w in speech["not_after"]]
    for n, phrase in enumerate(speech["phrases"]):
        pattern = phrase_pattern(phrase)
        if len(pattern) == 1 and "LEMMA" in pattern[0]:
            # "~fråga" must not match the noun "frågan".
            pattern[0]["LOWER"] = {"NOT_IN": not_after}
        patterns.append({"label": "SPEECH", "id": f"speech{n}", "pattern": pattern})
    return patterns


def pattern_lemmas(patterns: list[dict]) -> list[str]:
    """Every lemma the patterns match on (``{"LEMMA": ...}`` values)."""
    found: set[str] = set()
    for pattern in patterns:
        for token in pattern["pattern"]:
            value = token.get("LEMMA")
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, dict):
                found.update(value.get("IN", []))
    return sorted(found)


# --- words and labels -----------------------------------------------------------------------


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def header_labels() -> dict[str, str]:
    """Header label (lower case) -> field of the meeting it introduces."""
    out = {}
    for field, labels in load("header")["fields"].items():
        for label in labels:
            out[label.lower()] = field
    return out


@cache
def status_labels() -> dict[str, str]:
    """Attendance label (lower case) -> status of the people under it."""
    data = load("attendance")
    out = {label.lower(): status for status, labels in data["status_labels"].items() for label in labels}
    for label in data["group_labels"]:
        out.setdefault(label.lower(), "present")
    for labels in data["role_labels"].values():
        for label in labels:
            out.setdefault(label.lower(), "present")
    return out


@cache
def role_labels() -> dict[str, str]:
    """Attendance label (lower case) -> the role it gives the people after it."""
    return {label.lower(): role for role, labels in load("attendance")["role_labels"].items() for label in labels}


@cache
def group_labels() -> frozenset[str]:
    """Group headings (lower case) that are the organisation of the people under them."""
    return frozenset(label.lower() for label in load("attendance")["group_labels"])


@cache
def section_roles() -> dict[str, tuple[str, str | None]]:
    """Item section label (lower case) -> (role, default decision kind or None)."""
    out: dict[str, tuple[str, str | None]] = {}
    for role, labels in load("sections")["sections"].items():
        if isinstance(labels, dict):
            for kind, names in labels.items():
                for name in names:
                    out[name.lower()] = (role, kind)
        else:
            for name in labels:
                out.setdefault(name.lower(), (role, None))
    return out


@cache
def party_letters() -> frozenset[str]:
    """Party letters as printed after names, upper case."""
    return frozenset(load("parties")["letters"])


@cache
def party_names() -> dict[str, str]:
    """Party name -> its letters."""
    return dict(load("parties")["names"])


@cache
def heading_forms() -> list[tuple[str, int, re.Pattern]]:
    """(id, level, compiled pattern) of every item heading form, in order."""
    return [(f["id"], int(f["level"]), re.compile(f["pattern"])) for f in load("headings")["forms"]]


@cache
def words(name: str, key: str) -> tuple[str, ...]:
    """A word list of a lexicon file (``words("roles", "titles")``)."""
    return tuple(load(name)[key])


@cache
def regex(name: str, key: str, *, whole: bool = False, flags: int = re.IGNORECASE) -> re.Pattern:
    """A regex alternation of a word list, as a word (or, with ``whole``, the whole text)."""
    body = alternation(words(name, key))
    pattern = rf"^(?:{body})$" if whole else rf"(?<![\wåäöÅÄÖ])(?:{body})(?![\wåäöÅÄÖ])"
    return re.compile(pattern, flags)


@cache
def pattern(name: str, key: str, *, flags: int = re.IGNORECASE) -> re.Pattern:
    """A regular expression the lexicon writes out (``pattern("decisions", "lead_in")``)."""
    return re.compile(load(name)[key], flags)
