"""Attendee lists: labels, group headings, tables with marks, flattened columns, substitutes.

Lists come in many shapes (labels and marks in ``lexicon/attendance.yml``):
"Närvarande: A, B och C" wrapped over lines; one person per line (or bullet)
under a status label; "Närvarande (kansliet): ..." with the group in brackets;
kommunal närvarolistor as tables ("Anna Berg  S  x"); tables with the role first
("Ordförande  Anna Berg  Ja"); two columns flattened into one line under group
headings. A person's attributes are the words between their name and the next
name: party letters, role, organisation, absence, whom they replace ("tjg ers
för ...") and for which part they took part ("§§ 12-15").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.lines import Line
from minutes.extract.people import (
    FIRST_WORD,
    NAME_WORD,
    find_names,
    is_first_name,
    is_orgish_phrase,
    is_title_word,
    resolve,
)
from minutes.models import Attendee, SourceSpan

ROLE_START = re.compile(
    r"^((?:\d\s*(?::e)?|förste|andre|tredje|fjärde|femte|1:e|2:e)?\s*v(?:ice)?\.?\s*ordf\w*\.?|ordf\w*\.?|"
    r"sekreterare|justerare|beredning|adjungerad|ersättare|ledamot|kassör|revisor|suppleant|"
    r"[\wåäö-]*(?:\s+och\s+[\wåäö]+)?direktör)\b",
    re.IGNORECASE,
)
TITLE_ROLE = re.compile(r"direktör\b", re.IGNORECASE)
LABEL_LINE = re.compile(r"^([A-ZÅÄÖa-zåäö][\wåäö ]{2,40}?)\s*(?:\(([^)]{2,40})\))?\s*:\s*(.*)$")
STOP = re.compile(
    r"^(Agenda|Dagordning|Föredragningslista|Ärenden|Ärendelista|INNEHÅLLSFÖRTECKNING|Innehållsförteckning)\b",
    re.IGNORECASE,
)
_PARTY = re.compile(r"(?:\(|,\s*|\s)([A-ZÅÄÖa-zåäö]{1,3}\d?)(?:\)|(?=[\s,]|$))")


@lru_cache(maxsize=1)
def _parties() -> frozenset[str]:
    return lexicon.party_letters()


@lru_cache(maxsize=1)
def _job_title() -> re.Pattern:
    endings = lexicon.alternation(lexicon.words("roles", "title_endings"))
    return re.compile(rf"(?:{endings})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _absent_mark() -> re.Pattern:
    return re.compile(
        rf"[–—-]?\s*\b(?:{lexicon.alternation(lexicon.words('attendance', 'absent_marks'))})\b\.?", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _substitute_mark() -> re.Pattern:
    marks = [m for m in lexicon.words("attendance", "substitute_marks") if m != "för"]
    return re.compile(rf"\b(?:{lexicon.alternation(marks)})\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _partial() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.words("attendance", "partial")), re.IGNORECASE)


@lru_cache(maxsize=1)
def _bare_label() -> re.Pattern:
    labels = lexicon.alternation(list(lexicon.status_labels()))
    return re.compile(rf"^({labels})\s*(?:\(([^)]{{2,40}})\))?\s*:?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _inner_label() -> re.Pattern:
    """A status label inside a line, after other text ("Beslutande Se förteckning Övriga deltagande A B")."""
    labels = [label for label in lexicon.status_labels() if " " in label]
    return re.compile(rf"(?<=\S)\s+(?-i:(?=[A-ZÅÄÖ]))(?:{lexicon.alternation(labels)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _label_start() -> re.Pattern:
    labels = lexicon.alternation(list(lexicon.status_labels()))
    return re.compile(
        rf"^(?P<label>{labels})(?:\s*\((?P<group>[^)]{{2,40}})\))?(?:\s*:\s*|\s+)(?P<rest>\S.*)$", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _elsewhere() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('attendance', 'elsewhere'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _not_org() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("attendance", "not_organisations"))


@lru_cache(maxsize=1)
def _presence_column() -> re.Pattern:
    return re.compile(r"(?i)\b(?:närvaro|närv|närvarande)\b")


#: A mark in a row of a närvarolista: present (x, ja), absent (-, nej), or a status word.
_ROW_MARK = re.compile(r"(?i)(?<![\w])(?:x|ja|nej|[-–]|närv\w*|frånv\w*|tjg|tjänstgör\w*|ersätter)(?![\w])")


def _table_headings() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("attendance", "table_headings"))


@dataclass
class _State:
    status: str = "present"
    organization: str | None = None
    columns: list[str] = field(default_factory=list)
    last: Attendee | None = None
    role: str | None = None
    in_list: bool = False
    #: Under a table heading ("Befattning Namn Närvarande"): a role word opens a row, not a list.
    in_table: bool = False
    #: The table has a presence column ("NÄRVARO", "Närvarande"): a row with no mark was not there.
    marks: bool = False


def parse_attendees(preamble: list[Line], *, skip: frozenset[int] | set[int] = frozenset()) -> list[Attendee]:
    """Attendees from the lines before the first item (``skip``: line indexes of the heading)."""
    state, people = _State(), list[Attendee]()
    for group in _groups(preamble, skip):
        _read_group(group, state, people)
    return _dedupe(people)


def _groups(lines: list[Line], skip: frozenset[int] | set[int]) -> list[list[Line]]:
    """Lines to read together: a label line with names inline absorbs its wrapped lines."""
    groups: list[list[Line]] = []
    open_label = False
    for line in (piece for whole in lines for piece in _split_labels(whole)):
        text = line.text
        if line.index in skip or not text or line.boilerplate or re.match(r"^\*\)?\s+[a-zåäö]", line.raw.lstrip()):
            # "* ersätter ...": a footnote to the list, not a person.
            open_label = False
            continue
        if STOP.match(text):
            break
        label = _label_start().match(text.replace("\t", " "))
        if open_label and not label and "\t" not in text and not line.bullet and _continues_list(groups[-1], text):
            groups[-1].append(line)
            continue
        if (
            groups
            and _header_label(groups[-1][0].text)
            and not label
            and len(groups[-1]) == 1
            and _header_label(groups[-1][0].text.strip())
            and groups[-1][0].text.strip().rstrip(":").lower() in lexicon.header_labels()
        ):
            groups[-1].append(line)  # the value under a header label alone on its line
            continue
        groups.append([line])
        # A long label line, or a list line under a bare label, may go on on the next line.
        listing = bool(label) or (groups_after_label(groups) and "," in text)
        open_label = listing and len(text) > 40 and not re.search(r"[.]\s*$", text)
    return groups


def groups_after_label(groups: list[list[Line]]) -> bool:
    """Whether the group before the last is a status label alone ("Närvarande:")."""
    return len(groups) >= 2 and bool(_bare_label().match(groups[-2][-1].text.replace("\t", " ").strip()))


def _continues_list(group: list[Line], text: str) -> bool:
    last = group[-1].text.rstrip()
    if last.endswith((",", "och", "samt")):
        return True
    if re.match(r"^[a-zåäö][\wåäö-]*[,\s]", text) and not re.search(r"[.:;!?]$", last):
        return True  # "Tiina – vice" / "litteraturansvarig, Viktor ...": an entry wrapped
    first = text.split()[0] if text.split() else ""
    # "..., Ylva" / "Selander, Olle Ek": a name broken over the line.
    return (
        bool(re.match(rf"^{NAME_WORD}\b", text))
        and not is_first_name(first)
        and bool(re.search(rf"\b{NAME_WORD}$", last))
        and is_first_name(last.split()[-1])
    )


def _split_labels(line: Line) -> list[Line]:
    """Cut a line before status labels inside it (two label columns flattened onto one line)."""
    cuts = [m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _inner_label().finditer(line.text)]
    if not cuts or _label_start().match(line.text) is None:
        return [line]
    out, prev = [], 0
    for cut in [*cuts, len(line.text)]:
        piece = line.text[prev:cut].strip()
        if piece:
            at = line.raw.find(piece[:12])
            start = line.start + (at if at >= 0 else prev)
            out.append(Line(piece, start, start + len(piece), piece, line.index, bullet=line.bullet))
        prev = cut
    return out


def _status(label: str) -> str:
    return lexicon.status_labels().get(re.sub(r"\s+", " ", label.lower().strip()), "present")


def _label_org(label: str, group: str | None) -> str | None:
    if group:
        return group.strip()
    low = label.lower().strip()
    if low in lexicon.group_labels():
        return label.strip()
    return None


_CONTACT = re.compile(r"@|\b(?:tfn|tel|telefon|e-post|mejl|mail)\b", re.IGNORECASE)


def _read_group(group: list[Line], state: _State, people: list[Attendee]) -> None:
    text = " ".join(line.text for line in group) if len(group) > 1 else group[0].text
    if _CONTACT.search(text):
        return  # contact details, not a list of people
    first = group[0]
    flat = text.replace("\t", " ")
    bare = _bare_label().match(flat.strip())
    if bare:
        _set_label(state, bare.group(1), bare.group(2))
        return
    label = _label_start().match(flat)
    if label and state.in_table and ":" not in flat[: label.start("rest")]:
        label = None
    if label:
        _set_label(state, label.group("label"), label.group("group"))
        rest = label.group("rest")
        if _elsewhere().match(rest):
            return
        if rest.strip() and all(w.lower().strip(".:/") in _table_headings() for w in rest.split()):
            state.in_table = True  # "Ledamöter<tab>Parti<tab>Närvaro": the label heads a table
            return
        before = len(people)
        _read_names(rest, first, state, people, offset=first.start + max(0, flat.find(rest)), entries=True)
        role = lexicon.role_labels().get(re.sub(r"\s+", " ", label.group("label").lower()))
        if role:
            for person in people[before:]:
                person.role = person.role or role
        return
    colon = LABEL_LINE.match(flat)
    if colon and not _names(flat):
        # "Beredningsansvariga tjänstemän:" and other group labels: present, no org.
        state.status, state.columns, state.organization = "present", [], None
        return
    if _is_table_heading(flat):
        state.in_table = True
        state.marks = bool(_presence_column().search(flat))
        return
    header = _header_label(flat)
    if header:
        state.in_list, state.columns = False, []
        return
    names = _names(text)
    if (
        not names
        and state.in_list
        and (first.bullet or re.fullmatch(rf"{FIRST_WORD}(?: {NAME_WORD}){{1,2}}", text.strip()))
    ):
        names = _entry_names(text)
    if not names:
        if "\t" in text or re.search(r"\bFör\s+[A-ZÅÄÖ]", text):
            _set_columns(text, first, state)
        elif len(text) <= 80 and not re.search(r"[.!?]\s*$", text):
            # A group heading: "LEDAMÖTER", "ERSÄTTARE", "Kansliet".
            low = text.strip(" :").lower()
            state.status = _status(low) if low in lexicon.status_labels() else "present"
            state.organization = None
        return
    if not state.in_list and not state.columns and not _mostly_names(text, names):
        return  # a name in passing ("Avskrift av protokoll/Anna Berg"), not a list
    _read_names(text, first, state, people, offset=first.start, entries=state.in_list)


def _mostly_names(text: str, names: list[tuple[int, int, str]]) -> bool:
    rest = text
    for _s, _e, name in names:
        rest = rest.replace(name, " ")
    words = re.findall(r"[a-zåäö][\wåäö-]*", rest)
    return len(words) <= 2 * len(names) + 1 and not re.search(r"[/:]", rest)


@lru_cache(maxsize=1)
def _header_start() -> re.Pattern:
    labels = [label for label in lexicon.header_labels() if label not in lexicon.status_labels()]
    return re.compile(rf"^(?:{lexicon.alternation(labels)})(?:\s*:|\s*$)", re.IGNORECASE)


def _header_label(text: str) -> bool:
    """A header label ("Plats", "Tid:"): its value is no list of people."""
    return bool(_header_start().match(text.strip()))


def _set_label(state: _State, label: str, group: str | None) -> None:
    state.status = _status(label)
    state.organization = _label_org(label, group)
    state.columns = []
    state.in_list = True
    if label.lower() not in {w.lower() for w in lexicon.words("attendance", "not_organisations")}:
        state.marks = False  # a new list ("Övriga närvarande"), not a group of the närvarolista


def _is_table_heading(text: str) -> bool:
    words = [w.lower().strip(".:/") for w in text.split()]
    return len(words) >= 2 and sum(w in _table_headings() for w in words) >= len(words) - 1


PARTY_ALTERNATION = "|".join(sorted(lexicon.party_letters(), key=len, reverse=True))
_PARTY_ALT = PARTY_ALTERNATION


def _names(text: str) -> list[tuple[int, int, str]]:
    """Names in a list line: known first names, and capitalised pairs where a list puts names
    (at the start, after a comma or a tab, before party letters or a bracketed role)."""
    found = [(m.start, m.end, m.name) for m in find_names(text)]
    fallback = re.compile(
        rf"(?:^|(?<=\t)|(?<=, )|(?<=,)|(?<=\) ))({FIRST_WORD}(?: {NAME_WORD}){{1,2}})"
        rf"(?=\s*,|\s*\((?i:{_PARTY_ALT})\)|\s*\([a-zåäö]|\s+[a-zåäö]{{1,3}}\d?\s+[xX]\b|\s+och\s)"
    )
    party = re.compile(rf"(?<![\wåäö])({FIRST_WORD}(?: {NAME_WORD}){{1,2}})(?=\s*,?\s*\((?i:{_PARTY_ALT})\))")
    # "Sekreterare<tab>Nikhil Olsson<tab>Ja": a table cell of its own between two others.
    cell = re.compile(rf"(?<=\t)({FIRST_WORD}(?: {NAME_WORD}){{1,2}})(?=\t)")
    for pattern in (fallback, party, cell):
        for m in pattern.finditer(text):
            name = m.group(1)
            if any(s <= m.start(1) < e or m.start(1) <= s < m.end(1) for s, e, _ in found):
                continue
            first = name.split()[0].lower()
            if (
                is_orgish_phrase(name)
                or first in lexicon.status_labels()
                or first in lexicon.header_labels()
                or is_title_word(name.split()[0])
            ):
                continue
            before = text[: m.start(1)].rstrip()
            if pattern is party and before and re.search(rf"{NAME_WORD}$", before) and not before.endswith(")"):
                continue
            found.append((m.start(1), m.end(1), name))
    return sorted(_without_party_tail(text, n) for n in found)


def _without_party_tail(text: str, found: tuple[int, int, str]) -> tuple[int, int, str]:
    """ "Elsa Wallin C X": the party column's letters are no part of the name before them."""
    start, end, name = found
    words = name.split()
    tail = words[-1] if len(words) > 2 else ""
    if tail.isupper() and tail in lexicon.party_letters() and re.match(r"^\s*(?:[xX]\b|[-–]|$)", text[end:]):
        name = " ".join(words[:-1])
        end = start + len(name)
    return start, end, name


def _entry_names(text: str) -> list[tuple[int, int, str]]:
    """Entries of a list that are first names only ("Kerstin – internetansvarig", "Tor-telefonansvarig")."""
    found = []
    for m in re.finditer(r"(?:(?!\s(?:och|samt)\s)[^,;])+", text):
        entry = m.group(0)
        entry = re.sub(r"^\s*(?:och|samt)\s+", lambda x: " " * len(x.group(0)), entry)
        name = re.match(rf"\s*({FIRST_WORD}(?:\s+{NAME_WORD})*?)(?=\s*[–—-]\s*|\s+[a-zåäö]|-[a-zåäö]|\s*$)", entry)
        if name and not is_orgish_phrase(name.group(1)) and name.group(1).lower() not in lexicon.status_labels():
            words = name.group(1).split()
            while len(words) > 1 and is_title_word(words[-1]):
                words.pop()  # "Aran Nur Medlem": the role column is not part of the name
            if is_title_word(words[0]):
                continue
            text_name = " ".join(words)
            start = m.start() + name.start(1)
            found.append((start, start + len(text_name), text_name))
    return found


def _set_columns(text: str, line: Line, state: _State) -> None:
    """A group heading line: "För VGK För VGR", or tab-separated group names."""
    if re.search(r"\bFör\s+\S+", text):
        columns = [c.strip() for c in re.findall(r"\bFör\s+([^\t]+?)(?=\s+För\s|\t|$)", text)]
    else:
        columns = [c.strip() for c in text.split("\t")]
    columns = [c for c in columns if c]
    if not columns or _is_table_heading(" ".join(columns)):
        return
    state.status = "present"
    if line.indented and len(columns) == 1 and len(state.columns) > 1:
        state.columns = [state.columns[0], columns[0]]
    else:
        state.columns = columns + state.columns[len(columns) :]


def _read_names(
    text: str, line: Line, state: _State, people: list[Attendee], *, offset: int, entries: bool = False
) -> None:
    names = _names(text)
    if not names and entries:
        names = _entry_names(text)
    if not names:
        return
    lead = text[: names[0][0]].strip(" ,")
    lead_name = re.fullmatch(rf"{NAME_WORD}(?: {NAME_WORD}){{1,2}}", lead.split("\t")[-1].strip()) if lead else None
    if lead_name and not is_orgish_phrase(lead_name.group(0)) and lead.lower() not in lexicon.status_labels():
        at = text.find(lead_name.group(0))
        names.insert(0, (at, at + len(lead_name.group(0)), lead_name.group(0)))
        lead = text[:at].strip(" ,")
    names = _without_targets(text, names)
    lead_role = _role_before(lead) if lead else None
    if lead and lead_role is None and state.last is not None and not text.startswith("\t"):
        if state.last.organization is None:
            _apply_attributes(state.last, lead)
    for n, (start, end, name) in enumerate(names):
        stop = names[n + 1][0] if n + 1 < len(names) else len(text)
        attendee = Attendee(name=name, status=state.status, span=SourceSpan(offset + start, offset + end))
        before = text[names[n - 1][1] if n else 0 : start]
        role = _role_before(before.split(",")[-1]) if "\t" in text or (n == 0 and not lead) else None
        attendee.role = role or (lead_role if n == 0 else None)
        _apply_attributes(attendee, text[end:stop])
        if state.marks and not _ROW_MARK.search(text[end:stop]):
            attendee.status = "absent"  # an empty presence cell
        if attendee.organization is None:
            attendee.organization = _column_org(text, start, n, len(names), line, state) or state.organization
        people.append(attendee)
        state.last = attendee


def _without_targets(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop the names a substitute serves for ("Lars Holm (S) tjg ers för Maria Sjö (S)"): the replaced
    member is an attribute of the substitute, not another attendee."""
    kept: list[tuple[int, int, str]] = []
    for start, end, name in names:
        if kept:
            gap = text[kept[-1][1] : start]
            mark = _substitute_mark().search(gap)
            if (mark and mark.end() == len(gap)) or re.fullmatch(r"\s*(?:\([A-ZÅÄÖa-zåäö]{1,3}\d?\))?\s*för\s+", gap):
                continue
        kept.append((start, end, name))
    return kept


def _role_before(text: str) -> str | None:
    """A role written before the name in a table row ("Ordförande\tAnna Berg\tJa", "SAMO Anna Berg")."""
    text = text.strip(" \t,")
    if not text or len(text.split()) > 3 or not text[:1].isupper():
        return None
    if ROLE_START.match(text) or _job_title().search(text) or re.fullmatch(r"[A-ZÅÄÖ]{2,6}", text):
        return text
    return None


def _column_org(text: str, start: int, n: int, count: int, line: Line, state: _State) -> str | None:
    if not state.columns:
        return None
    if "\t" in text:
        column = text[:start].count("\t")
    elif count == 1:
        column = 1 if line.indented and len(state.columns) > 1 else 0
    else:
        column = n
    return state.columns[column] if column < len(state.columns) and count <= len(state.columns) else None


def _bare_for(attrs: str) -> re.Match | None:
    """ "Lars Holm (S) för Maria Sjö (S)": a bare "för" right after the name (and party) marks a substitute."""
    m = re.search(r"\bför\s+(?=[A-ZÅÄÖ])", attrs)
    if m and re.fullmatch(r"\s*(?:\([A-ZÅÄÖa-zåäö]{1,3}\d?\))?\s*", attrs[: m.start()]):
        return m
    return None


def _apply_attributes(attendee: Attendee, attrs: str) -> None:
    """Party letters, marks, absence, substitution, part attendance, roles and organisation."""
    substitute = _substitute_mark().search(attrs) or _bare_for(attrs)
    if substitute:
        target = re.match(rf"((?:[A-ZÅÄÖ]\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})?)", attrs[substitute.end() :])
        if target:
            attendee.substitute_for = target.group(1)
        attrs = attrs[: substitute.start()]
    partial = _partial().search(attrs)
    if partial:
        attendee.attendance = partial.group(0).strip()
        attrs = attrs.replace(partial.group(0), " ")
    party = _party(attrs)
    if party:
        attendee.party, attrs = party
    marks = attrs.split()
    if marks and marks[-1].lower() in ("nej", "-", "frånv", "f") and len(marks) <= 3:
        attendee.status = "absent"
        attrs = " ".join(marks[:-1])
    attrs = re.sub(r"(?<!\w)(?:[xX]|Ja|JA|ja)(?!\w)", " ", attrs)
    role_paren = re.search(r"\(([^)]*)\)", attrs)
    if role_paren and (
        ROLE_START.match(role_paren.group(1).strip()) or _job_title().search(role_paren.group(1).strip())
    ):
        attendee.role = role_paren.group(1).strip()
        attrs = attrs.replace(role_paren.group(0), " ")
    if _absent_mark().search(attrs):
        attendee.status = "absent"
        attrs = _absent_mark().sub(" ", attrs)
    attrs = re.sub(r"^\s*[–—-]\s*", "", attrs)
    for piece in (p.strip(" *\t–—-.") for p in re.split(r",|\s[–—]\s|\t", attrs)):
        piece = re.sub(r"\s+(och|samt|som)$", "", piece).strip()
        short = lexicon.load("roles")["short"].get(piece.lower())
        if short and not attendee.role:
            attendee.role = short  # "ordf." is the chair
            continue
        piece = re.sub(r"^(?:som)\s+", "", piece).strip()
        if not piece or piece.lower() in ("och", "samt", "som") or re.fullmatch(r"[\d\s.()]+", piece):
            continue
        _apply_piece(attendee, piece)


def _party(attrs: str) -> tuple[str, str] | None:
    for m in _PARTY.finditer(attrs):
        letters = m.group(1)
        if letters.upper() in _parties() and (letters.isupper() or letters.islower()):
            bracketed = m.group(0).startswith("(")
            if not bracketed and not re.match(
                r"^[\s,]*[A-Za-zÅÄÖåäö]{1,3}\d?\s*(?:[xX]\b|-(?!\w)|–|[Nn]ej\b|[Jj]a\b|$|,)", attrs[m.start() :]
            ):
                continue
            return letters.upper(), attrs.replace(m.group(0), " ", 1)
    return None


def _apply_piece(attendee: Attendee, piece: str) -> None:
    if piece[:1].islower() and _job_title().search(piece) and len(piece.split()) <= 4:
        attendee.role = attendee.role or piece
        return
    if (
        piece[:1].isupper()
        and len(piece.split()) <= 4
        and all(
            is_title_word(w) or _job_title().search(w) or w.lower() in ("tillika", "och", "samt", "vice", "v")
            for w in piece.split()
        )
    ):
        # "Anna Berg Ordförande", "Olle Ek Medlem tillika justeringsperson": a role in a list column.
        attendee.role = attendee.role or piece
        return
    role = ROLE_START.match(piece)
    if role and (piece[:1].islower() or piece[:1].isdigit()):
        if TITLE_ROLE.search(role.group(0)):
            attendee.role = attendee.role or piece
            org = piece[role.end() :].strip()
        else:
            attendee.role = attendee.role or role.group(0).strip()
            org = piece[role.end() :].strip()
        if org and attendee.organization is None and not org[:1].islower():
            attendee.organization = org
        return
    if piece[:1].islower():
        if attendee.organization:
            attendee.organization = f"{attendee.organization}, {piece}"
        return
    if attendee.organization is None and len(piece.split()) <= 6:
        attendee.organization = piece


def _dedupe(people: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for person in people:
        key = re.sub(r"[\s-]+", " ", person.name.lower())
        if key in seen:
            first = seen[key]
            if person.status == "absent":
                first.status = "absent"
            elif first.status in ("called", "invited") and person.status == "present":
                first.status = "present"
            # A later listing may say more (party, role, organisation) than an earlier one.
            first.organization = first.organization or person.organization
            first.role = first.role or person.role
            first.party = first.party or person.party
            first.substitute_for = first.substitute_for or person.substitute_for
            first.attendance = first.attendance or person.attendance
            continue
        seen[key] = person
    return list(seen.values())


def settle(attendees: list[Attendee]) -> list[Attendee]:
    """Resolve substitutes and call lists once the whole list is read.

    A member a substitute serves for is absent; when minutes list both who was
    called and who was present, the called who are not present were absent.
    """
    names = [a.name for a in attendees]
    by_name = {a.name: a for a in attendees}
    for a in attendees:
        if a.substitute_for:
            target = by_name.get(resolve(a.substitute_for, names))
            if target is not None and target is not a:
                a.substitute_for = target.name
                target.status = "absent"
    return attendees


def parse_roster(preamble: list[Line]) -> list[Attendee]:
    """Attendees, where a call list ("Kallade") that names everyone makes the called who are
    not listed as present absent."""
    state, people = _State(), list[Attendee]()
    for group in _groups(preamble, set()):
        _read_group(group, state, people)
    called = {re.sub(r"[\s-]+", " ", a.name.lower()) for a in people if a.status == "called"}
    present = {re.sub(r"[\s-]+", " ", a.name.lower()) for a in people if a.status == "present"}
    roster = bool(called) and len(called & present) >= max(2, len(called) // 2)
    merged = _dedupe(people)
    if roster:
        for a in merged:
            if a.status == "called":
                a.status = "absent"
    return merged


def apply_absences(attendees: list[Attendee], lines: list[Line]) -> list[Attendee]:
    """Absence lists anywhere in the minutes ("Frånvaro: A, B och C") mark people absent."""
    absent_labels = {k for k, v in lexicon.status_labels().items() if v == "absent"}
    by_first: dict[str, list[Attendee]] = {}
    for a in attendees:
        by_first.setdefault(a.name.split()[0], []).append(a)
    by_name = {a.name: a for a in attendees}
    for line in lines:
        label = LABEL_LINE.match(line.text)
        if not label or label.group(1).lower().strip() not in absent_labels:
            continue
        for m in find_names(label.group(3), known=by_name):
            person = by_name.get(m.name)
            if person is None and len(by_first.get(m.name.split()[0], [])) == 1 and not is_first_name(m.name):
                person = by_first[m.name.split()[0]][0]
            if person is not None:
                person.status = "absent"
    return attendees
