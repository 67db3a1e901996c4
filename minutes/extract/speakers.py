"""Presenters (named on a Föredragande line or a bare name line) and speakers.

A speaker is a person the text says speaks: a name (or a first name or
initial the document resolves) as the subject of a speech cue, perhaps with an
apposition between ("Per Holm, kommunen, redogör"); a name after "Synpunkt
från" or "Lägesrapport av"; or a name in brackets after a question.
"""

from __future__ import annotations

import re

from spacy.language import Language

from minutes.extract.people import (
    NAME_WORD,
    find_names,
    is_first_name,
    is_orgish,
    is_orgish_phrase,
    resolve,
)
from minutes.extract.pipeline import cues

_APPOSITION = re.compile(r"^\s*(?:,\s*[^,.;]{1,60}?,|\([^)]{1,60}\)|[–-]\s*\w+)?\s*(?:och\s+)?$")
_SOURCE_NOUN = re.compile(
    r"\b(Synpunkt|Synpunkter|Fråga|Frågor|Kommentar|Kommentarer|Lägesrapport|Presentation|"
    r"Information|Redogörelse|Rapport|Inspel|Medskick)\s+(från|av)\s+((?:[a-zåäö]+\s+){0,2})",
)
_QUESTION_SOURCE = re.compile(rf"(?:\?\s*|^)\(({NAME_WORD}(?: {NAME_WORD}){{1,3}})\s*(?:,[^)]*)?\)")
_SINGLE = re.compile(rf"(?<![\w-])({NAME_WORD})(?![\w-])")
_INITIAL = re.compile(rf"(?<![\w-])([A-ZÅÄÖ])\.? ({NAME_WORD})(?![\w-])")


def presenter_names(text: str, *, people: list[str]) -> list[str]:
    """Names on a presenter line ("Föredragande: A, Org och B, Org")."""
    found = [resolve(m.name, people) for m in find_names(text, known=people)]
    for segment in re.split(r",|\s+och\s+", text):
        segment = segment.strip()
        m = re.fullmatch(rf"({NAME_WORD}(?: {NAME_WORD}){{1,2}})(?:\s+[A-ZÅÄÖ][\wåäö]*)?", segment)
        if m and not any(m.group(1) in f or f in m.group(1) for f in found):
            if not is_orgish_phrase(m.group(1)):
                found.append(m.group(1))
    return list(dict.fromkeys(found))


def bare_name_line(text: str, *, people: list[str]) -> list[str]:
    """Names when a whole line is just names and organisations (a presenter line without label)."""
    if len(text) > 120 or ":" in text or re.search(r"[.!?]\s*$", text):
        return []
    names = presenter_names(text, people=people)
    if not names:
        return []
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    for m in find_names(text, known=people):
        rest = rest.replace(m.name, " ")
    words = re.findall(r"[\wåäöÅÄÖ/-]+", rest)
    if any(w[:1].islower() and w not in ("och", "samt") and not is_orgish(w) for w in words):
        return []
    return names


#: "Ordföranden informerar": a role named instead of a person, resolved through the attendee list.
_ROLE_MENTION = re.compile(r"\b(Ordföranden|Ordförande|Vice ordföranden|Sekreteraren)\b")
_ROLE_KEYS = {
    "ordföranden": ("ordförande", "ordf"),
    "ordförande": ("ordförande", "ordf"),
    "vice ordföranden": ("vice ordförande", "vice ordf", "v ordf"),
    "sekreteraren": ("sekreterare",),
}


def role_holders(attendees) -> dict[str, str]:
    """Role mention -> the one attendee holding that role, when exactly one does."""
    holders = {}
    for mention, roles in _ROLE_KEYS.items():
        names = {a.name for a in attendees if a.role and a.role.lower().strip(" .") in roles}
        if len(names) == 1:
            holders[mention] = names.pop()
    return holders


def mentions(text: str, *, people: list[str], roles: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Person mentions: full names, known first names, initial forms and roles, resolved."""
    found = [(m.start, m.end, resolve(m.name, people)) for m in find_names(text, known=people)]
    for m in _ROLE_MENTION.finditer(text):
        holder = (roles or {}).get(m.group(1).lower())
        if holder:
            found.append((m.start(), m.end(), holder))
    firsts = {p.split()[0] for p in people if " " in p}
    for m in _SINGLE.finditer(text):
        word = m.group(1)
        if word in firsts and not any(s <= m.start() < e for s, e, _ in found):
            full = resolve(word, people)
            if full != word:
                found.append((m.start(), m.end(), full))
    for m in _INITIAL.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            full = resolve(f"{m.group(1)} {m.group(2)}", people)
            if full != f"{m.group(1)} {m.group(2)}":
                found.append((m.start(), m.end(), full))
    return sorted(found)


def speakers_in(
    nlp: Language, sentence: str, *, people: list[str], roles: dict[str, str] | None = None
) -> list[str]:
    """People the sentence says speak."""
    names = mentions(sentence, people=people, roles=roles)
    speech = [(s, e) for label, s, e, _ in cues(nlp, sentence) if label == "SPEECH"]
    out: list[str] = []
    for cue_start, _cue_end in speech:
        before = [n for n in names if n[1] <= cue_start]
        # The subject run: names joined by "och"/appositions right before the verb.
        gap_end = cue_start
        for start, end, name in reversed(before):
            if _APPOSITION.match(sentence[end:gap_end]):
                out.insert(0, name)
                gap_end = start
            else:
                break
    for m in _SOURCE_NOUN.finditer(sentence):
        tail = sentence[m.end() :]
        for start, _end, name in mentions(tail, people=people):
            if start > 60:
                break
            out.append(name)
    for m in _QUESTION_SOURCE.finditer(sentence):
        name = m.group(1)
        if is_first_name(name.split()[0]) or name in people:
            out.append(resolve(name, people))
    return list(dict.fromkeys(out))
