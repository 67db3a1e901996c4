"""Assignments: who is asked to do what, and by when.

Cues come from the span ruler (``ASSIGN`` patterns in ``patterns/cues.jsonl``);
this module turns a cue in a sentence into assignees, a task and a due value.
The subject is read from the words before the cue ("Processledarna får i
uppdrag att ...") or, in inverted order, between verb and cue ("fick Eva
Lind i uppdrag att ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.extract.dates import find_dates
from minutes.extract.people import find_names, resolve

NEXT_MEETING = re.compile(
    r"\b(nästa|nästkommande|kommande)\s+([\wåäö-]*möte|sammanträde|[A-ZÅÄÖ]{2,}-möte)",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(
    r"^(det|den|detta|dessa|denna|vi|man|han|hon|de|som|vilket|där|här|en|ett|inget|ingen|alla)\b",
    re.IGNORECASE,
)
ACTOR_WORD = re.compile(
    r"(gruppen|gruppena|grupperna|ledaren|ledarna|beredningen|kansliet|förvaltningen|nämnden|"
    r"styrelsen|projektet|sekretariatet|representanterna|kommunerna|regionen|ordföranden|"
    r"sekreteraren|utskottet|rådet|chefen|cheferna|parterna|huvudmännen|kontoret|ansvariga|"
    r"samordnaren|samordnarna|tjänstemännen|ledningen|ledamöterna)$",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,}\b")


@dataclass
class Found:
    """An assignment read from one sentence."""

    assignees: list[str]
    task: str
    due: str | None
    optional: bool = False


def due_of(text: str, *, meeting_date: str | None) -> str | None:
    """A due value: an explicit date or month in the text first, else ``next_meeting``."""
    for match in find_dates(text, meeting_date=meeting_date):
        if len(match.value) >= 7:
            return match.value
    if NEXT_MEETING.search(text):
        return "next_meeting"
    return None


#: A deadline at the end of a task: it becomes the due value, not part of the task.
_TRAILING_DEADLINE = re.compile(
    r",?\s+(?:senast\s+(?:den\s+)?\d{1,2}\s+\w+(?:\s+\d{4})?|senast\s+\d{4}-\d{2}-\d{2}"
    r"|(?:till|inför)\s+nästa\s+(?:möte|sammanträde))\s*\.?$",
    re.IGNORECASE,
)


def _clean_task(text: str) -> str:
    text = re.sub(r"^\s*(också|även|därför|dessutom)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^\s*att\s+", "", text).strip().rstrip(".").strip()
    if not re.search(r"\b(återkomm\w*|tar med sig)\b", text, re.IGNORECASE):
        text = _TRAILING_DEADLINE.sub("", text)
    return text


def split_assignees(subject: str, *, people: list[str]) -> list[str]:
    """Assignees from a subject phrase: resolved person names, or the groups named."""
    subject = subject.strip(" ,–-")
    names = [resolve(m.name, people) for m in find_names(subject, known=people)]
    if names:
        return list(dict.fromkeys(names))
    pieces = re.split(r",\s*|\s+och\s+|\s+samt\s+", subject)
    out = []
    for piece in pieces:
        piece = re.sub(r"^(även|också|därefter|sedan)\s+", "", piece.strip(), flags=re.IGNORECASE)
        if piece and len(piece.split()) <= 6:
            out.append(piece)
    return out


def is_actor(subject: str, *, people: list[str]) -> bool:
    """Whether a subject can be asked to act: people, bodies, groups or named units."""
    subject = subject.strip(" ,–-")
    if not subject or PRONOUN_SUBJECT.match(subject) or len(subject.split()) > 8:
        return False
    if find_names(subject, known=people) or ACRONYM.search(subject):
        return True
    return any(ACTOR_WORD.search(word) for word in re.findall(r"[\wåäö]+", subject))


def from_cue(
    sentence: str,
    cue_id: str,
    cue_start: int,
    cue_end: int,
    *,
    people: list[str],
    body: str | None,
    meeting_date: str | None,
) -> Found | None:
    """Read an assignment from ``sentence`` given the cue the span ruler found in it."""
    before, cue, after = sentence[:cue_start], sentence[cue_start:cue_end], sentence[cue_end:]
    due = due_of(sentence, meeting_date=meeting_date)
    if cue_id == "uppdrag":
        inner = re.match(r"^(får|fick|ges|gavs|har)\s+(.*?)\s*i\s+(uppdrag|uppgift)", cue, re.IGNORECASE)
        subject = inner.group(2) if inner and inner.group(2) else _subject(before)
        optional = bool(inner and inner.group(1).lower() in ("fick", "gavs", "har"))
        return Found(split_assignees(subject, people=people), _clean_task(after), due, optional)
    if cue_id == "uppdrar":
        m = re.match(r"^\s*(.*?)\s+att\s+(.*)$", after)
        if not m:
            return None
        return Found(split_assignees(m.group(1), people=people), _clean_task(m.group(2)), due)
    if cue_id == "uppdras":
        subject = _subject(before)
        if not is_actor(subject, people=people):
            return None
        return Found(split_assignees(subject, people=people), _clean_task(after), due)
    if cue_id == "tar_med":
        subject = _subject(before)
        if not is_actor(subject, people=people):
            return None
        return Found(split_assignees(subject, people=people), _clean_task(cue + after), due)
    if cue_id == "kommer":
        subject = _subject(before)
        if not is_actor(subject, people=people):
            return None
        task = re.sub(r"^kommer\s+(att\s+)?", "", cue + after, flags=re.IGNORECASE)
        return Found(split_assignees(subject, people=people), _clean_task(task), due)
    if cue_id == "onskar":
        names = find_names(after, known=people)
        if names and names[0].start <= 1:
            subject, rest = after[: names[0].end], after[names[0].end :]
        else:
            subject, _, rest = after.strip().partition(" ")
        if not is_actor(subject, people=people):
            return None
        return Found(split_assignees(subject, people=people), _clean_task(rest), due)
    if cue_id == "paminner":
        return Found([body] if body else [], _clean_task(after), due)
    if cue_id == "infor":
        return Found([body] if body else [], _clean_task(after), "next_meeting")
    return None


def _subject(before: str) -> str:
    """The subject: the words before the verb, without a leading adverbial clause."""
    before = before.strip()
    names = find_names(before)
    if names and names[-1].end >= len(before.rstrip(" ,–-")) and len(before.split()) > 4:
        # "... lång mening Anna Berg" : the name right before the verb is the subject.
        return before[names[-1].start :]
    parts = re.split(r"(?<=[,;:])\s+(?=[A-ZÅÄÖ])", before)
    return parts[-1] if parts else before


REPORT_BACK = re.compile(r"^(Återrapportering|Återkoppling|Redovisning|Rapportering|Svar)\b", re.IGNORECASE)


_ACTION = re.compile(r"^(?:Åtgärd|Åtgärder|Uppdrag|Att göra|Action)\s*:\s*(.+)$", re.IGNORECASE)
_RESPONSIBLE = re.compile(r"\b(?:Ansvarig|Ansvariga|Ansvar)\s*:\s*([^.;]+)", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(?:Klart till|Klart senast|Klart|Senast|Deadline|Tidplan|Återrapporteras)\s*:\s*([^;]+)", re.IGNORECASE
)


def action_items(lines, *, people: list[str], meeting_date: str | None) -> list[tuple[Found, int, int]]:
    """Action-list assignments: "Åtgärd: ..." with "Ansvarig: ..." and "Klart till: ..." nearby.

    A bare "Ansvarig:" line takes the line before it as its task.
    """
    found = []
    texts = [line for line in lines if line.text]
    for n, line in enumerate(texts):
        action = _ACTION.match(line.text)
        responsible = _RESPONSIBLE.search(line.text)
        if not action and not (responsible and responsible.start() == 0 and n > 0):
            continue
        if action:
            task = _RESPONSIBLE.split(_DEADLINE.split(action.group(1))[0])[0]
            window = texts[n : n + 3]
        else:
            task, window = texts[n - 1].text, texts[n : n + 2]
        who = next((m.group(1) for w in window if (m := _RESPONSIBLE.search(w.text))), "")
        when = next((m.group(1) for w in window if (m := _DEADLINE.search(w.text))), "")
        found.append(
            (
                Found(split_assignees(who, people=people), _clean_task(task), due_of(when, meeting_date=meeting_date) if when else due_of(task, meeting_date=meeting_date)),
                line.start,
                window[-1].end,
            )
        )
    return found


def obligation(sentence: str, *, meeting_date: str | None, assignees: list[str]) -> Found | None:
    """A decision sentence that sets a deadline ("ska ... presenteras i december")."""
    if not re.search(r"\b(ska|skall|planeras)\b", sentence, re.IGNORECASE):
        return None
    due = due_of(sentence, meeting_date=meeting_date)
    if due is None:
        return None
    return Found(list(assignees), _clean_task(sentence), due)
