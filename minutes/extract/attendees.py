"""Attendee lists: labels, group headings, flattened columns, party letters, absentees.

Lists come in many shapes: "Inbjudna: A VGR, B VästKom, ..." wrapped over lines;
one person per line under a status label; two columns flattened into one line
under headings ("För VGK För VGR", or tab-separated group names). A person's
attributes are the words between their name and the next name; an attribute
that is missing is taken from the column heading the person stands under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes.extract.lines import Line
from minutes.extract.people import (
    NAME_WORD,
    find_names,
    is_first_name,
    is_orgish_phrase,
)
from minutes.models import Attendee, SourceSpan

STATUS_LABELS = {
    "inbjudna": "invited", "inbjuden": "invited", "inbjudna gäster": "invited",
    "kallade": "called", "kallad": "called",
    "frånvarande": "absent", "ej närvarande": "absent", "frånvaro": "absent",
    "förhindrade": "absent", "anmält förhinder": "absent", "ej närvarande ledamöter": "absent",
    "närvarande": "present", "beslutande": "present", "ledamöter": "present",
    "ersättare": "present", "tjänstgörande ersättare": "present", "övriga närvarande": "present",
    "övriga deltagare": "present", "deltagare": "present", "närvarande ledamöter": "present",
    "närvarande ersättare": "present", "tjänstemän": "present", "närvarande tjänstemän": "present",
    "justerare": "present", "sekreterare": "present", "ej tjänstgörande ersättare": "present",
    "ordförande": "present", "vice ordförande": "present", "mötesordförande": "present",
    "protokollförare": "present", "justerande": "present",
    "övriga": "present", "närvarande tjänstepersoner": "present", "tjänstepersoner": "present",
}
ABSENT_LABELS = {k for k, v in STATUS_LABELS.items() if v == "absent"}
#: Labels that name a role, given to the people listed after them ("Sekreterare: Anna Berg").
ROLE_LABELS = {"ordförande", "vice ordförande", "mötesordförande", "sekreterare", "justerare", "justerande", "protokollförare"}
PARTIES = {"M", "S", "C", "L", "KD", "V", "MP", "SD", "FP", "FI"}
ROLE_START = re.compile(
    r"^(\d\s*(?::e)?\s*v(?:ice)?\.?\s*ordf\w*\.?|v(?:ice)?\.?\s*ordf\w*\.?|ordf\w*\.?|"
    r"sekreterare|justerare|beredning|adjungerad|ersättare|ledamot|"
    r"[\wåäö-]*(?:\s+och\s+[\wåäö]+)?direktör)\b",
    re.IGNORECASE,
)
TITLE_ROLE = re.compile(r"direktör\b", re.IGNORECASE)
#: Job titles written after a name or organisation ("förvaltningschef", "utvecklingsledare").
JOB_TITLE = re.compile(
    r"(chef|ledare|ansvarig|samordnare|sekreterare|handläggare|strateg|direktör|ordförande|"
    r"controller|sjuksköterska|läkare|utredare|konsult|kommunikatör|ekonom|jurist|ombud|"
    r"koordinator|rådgivare|specialist|assistent|tjänsteman|tjänsteperson|planerare|analytiker)$",
    re.IGNORECASE,
)
ABSENT_MARK = re.compile(r"[–—-]?\s*\b(ej med|ej närvarande|frånvarande|förhindrad|har förhinder)\b", re.IGNORECASE)
LABEL_LINE = re.compile(r"^([A-ZÅÄÖa-zåäö][\wåäö ]{2,40}?)\s*:\s*(.*)$")
#: A status label alone on its line, without a colon ("Beslutande", "Tjänstgörande ersättare").
BARE_LABEL = re.compile(rf"^({'|'.join(sorted(STATUS_LABELS, key=len, reverse=True))})\s*$", re.IGNORECASE)
STOP = re.compile(r"^(Agenda|Dagordning|Föredragningslista|Ärenden|Ärendelista)\b", re.IGNORECASE)
_FALLBACK_NAME = re.compile(rf"(?:^|(?<=\t))({NAME_WORD}(?: {NAME_WORD}){{1,2}})(?=\s*,|\s*\((?:{'|'.join(PARTIES)})\))")


@dataclass
class _State:
    status: str = "present"
    columns: list[str] = field(default_factory=list)
    last: Attendee | None = None


def parse_attendees(preamble: list[Line], *, skip: set[int] = frozenset()) -> list[Attendee]:
    """Attendees from the lines before the first item (``skip``: line indexes of the heading)."""
    state, people = _State(), []
    for group in _groups(preamble, skip):
        _read_group(group, state, people)
    return _dedupe(people)


def _groups(lines: list[Line], skip: set[int]) -> list[list[Line]]:
    """Lines to read together: a label line with names inline absorbs its wrapped lines."""
    groups: list[list[Line]] = []
    open_label = False
    for line in lines:
        text = line.text
        if line.index in skip or not text or line.raw.lstrip().startswith(("* ", "*)")):
            open_label = False
            continue
        if STOP.match(text):
            break
        label = LABEL_LINE.match(text.replace("\t", " "))
        is_label = bool(label and label.group(1).lower().strip() in STATUS_LABELS)
        if open_label and not is_label and not label and "\t" not in text:
            groups[-1].append(line)
            continue
        groups.append([line])
        open_label = is_label and bool(label.group(2).strip()) and len(text) > 60
    return groups


def _read_group(group: list[Line], state: _State, people: list[Attendee]) -> None:
    text = " ".join(line.text for line in group) if len(group) > 1 else group[0].text
    first = group[0]
    flat = text.replace("\t", " ")
    bare = BARE_LABEL.match(flat.strip())
    if bare:
        state.status = STATUS_LABELS[bare.group(1).lower()]
        return
    label = LABEL_LINE.match(flat)
    if label and label.group(1).lower().strip() in STATUS_LABELS:
        key = label.group(1).lower().strip()
        state.status = STATUS_LABELS[key]
        rest = label.group(2)
        if re.match(r"^se (nedan|bilaga)", rest, re.IGNORECASE):
            state.status = "present"
            return
        before = len(people)
        _read_names(rest, first, state, people, offset=first.start + flat.index(rest) if rest else 0)
        if key in ROLE_LABELS:
            for person in people[before:]:
                person.role = person.role or key
            state.status = "present"
        return
    if label and not _names(flat):
        # "Beredningsansvariga tjänstemän:" and other group labels: present, no org.
        state.status, state.columns = "present", []
        return
    names = _names(text)
    if not names:
        if "\t" in text or re.search(r"\bFör\s+[A-ZÅÄÖ]", text):
            _set_columns(text, first, state)
        elif len(text) <= 80:
            # A group heading: the status of the label above it does not reach past it.
            state.status = "present"
        return
    _read_names(text, first, state, people, offset=first.start)


def _names(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start, m.end, m.name) for m in find_names(text)]
    for m in _FALLBACK_NAME.finditer(text):
        if not any(s <= m.start(1) < e for s, e, _ in found) and not is_orgish_phrase(m.group(1)):
            found.append((m.start(1), m.end(1), m.group(1)))
    return sorted(found)


def _set_columns(text: str, line: Line, state: _State) -> None:
    """A group heading line: "För VGK För VGR", or tab-separated group names."""
    if re.search(r"\bFör\s+\S+", text):
        columns = [c.strip() for c in re.findall(r"\bFör\s+([^\t]+?)(?=\s+För\s|\t|$)", text)]
    else:
        columns = [c.strip() for c in text.split("\t")]
    columns = [c for c in columns if c]
    if not columns:
        return
    state.status = "present"
    if line.indented and len(columns) == 1 and len(state.columns) > 1:
        state.columns = [state.columns[0], columns[0]]
    else:
        state.columns = columns + state.columns[len(columns) :]


def _read_names(text: str, line: Line, state: _State, people: list[Attendee], *, offset: int) -> None:
    names = _names(text)
    if not names:
        return
    lead = text[: names[0][0]].strip(" ,")
    if lead and state.last is not None and state.last.organization is None and not text.startswith("\t"):
        _apply_attributes(state.last, lead)
    for n, (start, end, name) in enumerate(names):
        stop = names[n + 1][0] if n + 1 < len(names) else len(text)
        attendee = Attendee(
            name=name,
            status=state.status,
            span=SourceSpan(offset + start, offset + end),
        )
        _apply_attributes(attendee, text[end:stop])
        if attendee.organization is None:
            attendee.organization = _column_org(text, start, n, len(names), line, state)
        people.append(attendee)
        state.last = attendee


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


def _apply_attributes(attendee: Attendee, attrs: str) -> None:
    """Party letters, absence marks, roles and organisation from the words after a name."""
    party = re.search(r"\(([A-ZÅÄÖ]{1,3})\)", attrs)
    if party and party.group(1) in PARTIES:
        attendee.party = party.group(1)
        attrs = attrs.replace(party.group(0), " ")
    role_paren = re.search(r"\(([^)]*)\)", attrs)
    if role_paren and (ROLE_START.match(role_paren.group(1).strip()) or JOB_TITLE.search(role_paren.group(1).strip())):
        attendee.role = role_paren.group(1).strip()
        attrs = attrs.replace(role_paren.group(0), " ")
    if ABSENT_MARK.search(attrs):
        attendee.status = "absent"
        attrs = ABSENT_MARK.sub(" ", attrs)
    for piece in (p.strip(" *\t") for p in attrs.split(",")):
        piece = re.sub(r"\s+(och|samt)$", "", piece).strip()
        if not piece or piece.lower() in ("och", "samt"):
            continue
        _apply_piece(attendee, piece)


def _apply_piece(attendee: Attendee, piece: str) -> None:
    if piece[:1].islower() and JOB_TITLE.search(piece) and len(piece.split()) <= 4:
        attendee.role = attendee.role or piece
        return
    role = ROLE_START.match(piece)
    if role and piece[:1].islower() or (role and piece[:1].isdigit()):
        if TITLE_ROLE.search(role.group(0)):
            attendee.role = attendee.role or piece
            org = piece[role.end() :].strip()
        else:
            attendee.role = attendee.role or role.group(0).strip()
            org = piece[role.end() :].strip()
        if org and attendee.organization is None:
            attendee.organization = org
        return
    if attendee.organization is None:
        attendee.organization = piece
    elif piece[:1].islower():
        attendee.organization = f"{attendee.organization}, {piece}"


def _dedupe(people: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for person in people:
        if person.name in seen:
            first = seen[person.name]
            if person.status == "absent":
                first.status = "absent"
            # A later listing may say more (party, role, organisation) than an earlier one.
            first.organization = first.organization or person.organization
            first.role = first.role or person.role
            first.party = first.party or person.party
            continue
        seen[person.name] = person
    return list(seen.values())


def apply_absences(attendees: list[Attendee], lines: list[Line]) -> list[Attendee]:
    """Absence lists anywhere in the minutes ("Frånvaro: A, B och C") mark people absent."""
    by_first = {}
    for a in attendees:
        by_first.setdefault(a.name.split()[0], []).append(a)
    by_name = {a.name: a for a in attendees}
    for line in lines:
        label = LABEL_LINE.match(line.text)
        if not label or label.group(1).lower().strip() not in ABSENT_LABELS:
            continue
        for m in find_names(label.group(2), known=by_name):
            person = by_name.get(m.name)
            if person is None and len(by_first.get(m.name.split()[0], [])) == 1 and not is_first_name(m.name):
                person = by_first[m.name.split()[0]][0]
            if person is not None:
                person.status = "absent"
    return attendees
