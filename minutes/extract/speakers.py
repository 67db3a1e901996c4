"""Presenters (named on a Föredragande line or a bare name line) and speakers.

A speaker is a person the text says speaks: a name (or a first name, nickname,
initials or role the document resolves) as the subject of a speech cue of the
lexicon, perhaps with an apposition between ("Per Holm, kommunen, redogör"); a
name after "Synpunkt från" or "Lägesrapport av"; a name in brackets after a
question; or the names listed after "yttrar sig" / under "Yttranden".
"""

from __future__ import annotations

import re
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.passage import Passage
from minutes.extract.people import (
    NAME_WORD,
    find_names,
    is_first_name,
    is_orgish,
    is_orgish_phrase,
    resolve,
)
from minutes.extract.pipeline import cues_of

_APPOSITION = re.compile(
    r"^\s*(?:\([A-ZÅÄÖ]{1,3}\))?\s*(?:,\s*[^,.;]{1,60}?,|\([^)]{1,60}\)|[–-]\s*\w+)?\s*(?:,|och|samt)?\s*$"
)
_QUESTION_SOURCE = re.compile(rf"(?:\?\s*|^)\(({NAME_WORD}(?: {NAME_WORD}){{1,3}})\s*(?:,[^)]*)?\)")
_SINGLE = re.compile(rf"(?<![\w-])({NAME_WORD})(?![\w-])")
_INITIAL = re.compile(rf"(?<![\w-])([A-ZÅÄÖ])\.? ({NAME_WORD})(?![\w-])")
#: "Jerry Svensson (S)": two capitalised words before party letters are a name.
_PARTY_NAME = re.compile(rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})\s*\((?:[A-ZÅÄÖ]{{1,3}}\d?)\)")
_INITIALS = re.compile(r"\(([A-ZÅÄÖ]{2,4})\)|(?<![\w(])([A-ZÅÄÖ]{2,3})(?![\w)])")


@lru_cache(maxsize=1)
def _list_announced() -> re.Pattern:
    """ "Följande personer talade:", "I debatten deltar": the speakers are listed after it."""
    return re.compile(r"\b(?:" + "|".join(lexicon.load("speech")["speaker_lists"]) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _source_noun() -> re.Pattern:
    nouns = lexicon.alternation(lexicon.load("speech")["source_nouns"])
    return re.compile(rf"\b(?:{nouns})\s+(?:från|av)\s+((?:[a-zåäö]+\s+){{0,2}})")


@lru_cache(maxsize=1)
def _role_mention() -> re.Pattern:
    return re.compile(rf"(?<![\wåäö])(?:{lexicon.alternation(lexicon.words('roles', 'mentions'))})\.?(?![\wåäö])")


def presenter_names(text: str, *, people: list[str]) -> list[str]:
    """Names on a presenter line ("Föredragande: A, Org och B, Org")."""
    found = [resolve(m.name, people) for m in find_names(text, known=people)]
    for segment in re.split(r",|\s+och\s+|\t", text):
        segment = segment.strip()
        m = re.fullmatch(rf"({NAME_WORD}(?: {NAME_WORD}){{1,2}})(?:\s+[A-ZÅÄÖ][\wåäö]*)?", segment)
        if m and not any(m.group(1) in f or f in m.group(1) for f in found):
            if not is_orgish_phrase(m.group(1)):
                found.append(m.group(1))
    if not found and _role_mention().fullmatch(text.strip()):
        found.append(text.strip())
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


def role_holders(attendees) -> dict[str, str]:
    """Role mention (lower case) -> the one attendee holding that role, when exactly one does."""
    short = lexicon.load("roles")["short"]
    holders: dict[str, set[str]] = {}
    for a in attendees:
        if not a.role:
            continue
        role = short.get(a.role.lower().strip(" ."), a.role.lower().strip(" ."))
        holders.setdefault(role, set()).add(a.name)
    out = {}
    for mention in lexicon.words("roles", "mentions"):
        key = mention.lower()
        role = short.get(key, short.get(key.rstrip("en"), key))
        names = holders.get(role, set())
        if len(names) == 1:
            out[key] = next(iter(names))
    return out


def mentions(text: str, *, people: list[str], roles: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Person mentions: full names, first names, nicknames, initials and roles, resolved."""
    found = [(m.start, m.end, resolve(m.name, people)) for m in find_names(text, known=people)]

    def free(start: int) -> bool:
        return not any(s <= start < e for s, e, _ in found)

    names_at = {s for s, _e, _n in found}
    for m in _role_mention().finditer(text):
        after = len(m.group(0)) + m.start() + len(text[m.end() :]) - len(text[m.end() :].lstrip(" ,"))
        if free(m.start()) and after not in names_at:  # "Kassören Anna Berg": the name says who
            holder = (roles or {}).get(m.group(0).lower().rstrip("."))
            found.append((m.start(), m.end(), holder or m.group(0)))
    for m in _SINGLE.finditer(text):
        word = m.group(1)
        if free(m.start()):
            full = resolve(word, people)
            if full != word:
                found.append((m.start(), m.end(), full))
    for m in _INITIAL.finditer(text):
        if free(m.start()):
            full = resolve(f"{m.group(1)} {m.group(2)}", people)
            if full != f"{m.group(1)} {m.group(2)}":
                found.append((m.start(), m.end(), full))
    for m in _PARTY_NAME.finditer(text):
        if free(m.start()):
            found.append((m.start(), m.start() + len(m.group(1)), m.group(1)))
    for m in _INITIALS.finditer(text):
        initials = m.group(1) or m.group(2)
        if free(m.start()):
            full = resolve(initials, people)
            if full != initials:
                found.append((m.start(), m.end(), full))
    return sorted(found)


def speakers_in(
    passage: Passage, start: int, end: int, *, people: list[str], roles: dict[str, str] | None = None
) -> list[str]:
    """People the sentence ``passage.text[start:end]`` says speak."""
    sentence = passage.text[start:end]
    names = mentions(sentence, people=people, roles=roles)
    speech = cues_of(passage.doc, start, end, label="SPEECH") if passage.doc is not None else []
    out: list[str] = []
    for cue in speech:
        cue_start = cue.start - start
        following = sentence[cue.end - start :].split()
        if following and following[0].lower() in lexicon.words("speech", "formal_objects"):
            continue  # "förklarar mötet öppnat": a formal act
        if lexicon.pattern("speech", "written").match(" ".join(following)):
            continue  # "föreslår i en motion att ...": written before the meeting
        thanks = cue.text.lower() in lexicon.words("speech", "formal_thanks")
        if thanks and lexicon.pattern("speech", "formal_acts").search(sentence):
            continue  # "tackade för visat intresse och avslutade mötet"
        before = [n for n in names if n[1] <= cue_start]
        gap_end = cue_start
        for s, e, name in reversed(before):
            if re.search(r"understödd\s+av\s+(?:\w+\s+)?$", sentence[:s]):
                break  # a seconder, not the speaker
            if _APPOSITION.match(sentence[e:gap_end]):
                out.insert(0, name)
                gap_end = s
            else:
                break
        if not before or gap_end == cue_start:
            # "Vid behandlingen yttrar sig Anna Berg (S)", "upplästes av Anna": the names after the verb.
            after = [n for n in names if n[0] >= cue.end - start]
            tail = sentence[cue.end - start :]
            if (
                re.match(r"^\s*(?:sig|av)\b", tail)
                or cue.text.lower().endswith((" av", " sig"))
                or sentence[:cue_start].strip().endswith(("följande", "av"))
            ):
                out += [name for _s, _e, name in after if not re.search(r"understödd\s+av\s+\S*\s*$", sentence[:_s])]
    announced = _list_announced().search(sentence)
    if announced:
        # "Följande personer talade för ...: A (S), B (M)": the names listed after the colon.
        out += [name for s, _e, name in names if s >= announced.end()]
    for m in _source_noun().finditer(sentence):
        tail = sentence[m.end() :]
        for s, _e, name in mentions(tail, people=people):
            if s > 60:
                break
            out.append(name)
    for m in _QUESTION_SOURCE.finditer(sentence):
        name = m.group(1)
        if is_first_name(name.split()[0]) or name in people:
            out.append(resolve(name, people))
    return list(dict.fromkeys(out))
