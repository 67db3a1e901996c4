"""Assignments: who is asked to do what, and by when.

Four shapes, all read from the passages' spaCy annotations:

- a cue of ``lexicon/assignments.yml`` ("får i uppdrag att", "uppdrar åt", "ombeds",
  "ansvarar för", "kommer att") with its subject before it, between verb and cue, or
  after it;
- a person (or initials, or a group) followed by an action verb in the present tense,
  the way association minutes note tasks ("Anna kollar med vaktmästaren", "(AB) bokar
  lokal");
- a passive with its agent ("Kallelse skickas av Anna") and an imperative with its
  assignee at the end ("Uppdatera hemsidan, Erik.");
- action lists ("Åtgärd: ...", "Ansvarig: ...", "Klart till: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.dates import MONTHS, find_dates
from minutes.extract.people import NAME_WORD, find_names, initials_of, resolve

NEXT_MEETING = re.compile(
    r"\b(nästa|nästkommande|kommande|nästföljande)\s+([\wåäö-]*möte[t]?|[\wåäö-]*sammanträde[t]?|[A-ZÅÄÖ]{2,}-möte)",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(
    r"^(det|den|detta|dessa|denna|vi|man|han|hon|de|som|vilket|där|här|en|ett|inget|ingen|alla)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,}\b")
_INITIALS = re.compile(r"\(([A-ZÅÄÖ]{2,4})\)|(?<![\w(])([A-ZÅÄÖ]{2,3})(?![\w)])")


@dataclass
class Found:
    """An assignment read from one sentence."""

    assignees: list[str]
    task: str
    due: str | None
    optional: bool = False


@lru_cache(maxsize=1)
def _actor_word() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('assignments', 'actor_nouns'))})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _action_verb() -> re.Pattern:
    verbs = lexicon.alternation(lexicon.words("assignments", "action_verbs"))
    return re.compile(rf"^(?:också\s+|även\s+|nu\s+|gärna\s+)?(?P<verb>{verbs})\b(?P<rest>.*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _not_action() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('assignments', 'not_action'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _imperative() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('assignments', 'imperatives'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def report_back() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('assignments', 'report_back'))})\b", re.IGNORECASE)


#: "Vid mötet den 5 februari fick Anna i uppdrag ...": the date the task was given, not its deadline.
_GIVEN_AT = re.compile(r"\b(?:vid|på|under)\s+(?:\w+\s+)?(?:mötet|sammanträdet|styrelsemötet)\s+(?:den\s+)?$", re.I)


def due_of(text: str, *, meeting_date: str | None) -> str | None:
    """A due value: an explicit date or month in the text first, else ``next_meeting``."""
    for match in find_dates(text, meeting_date=meeting_date):
        if len(match.value) >= 7 and not _GIVEN_AT.search(text[: match.start]):
            return match.value
    if NEXT_MEETING.search(text):
        return "next_meeting"
    return None


#: A deadline at the end of a task: it becomes the due value, not part of the task.
_TRAILING_DEADLINE = re.compile(
    r",?\s+(?:(?:senast|till|före|innan)\s+(?:den\s+)?\d{1,2}\s+(?:%s)(?:\s+\d{4})?|senast\s+\d{4}-\d{2}-\d{2}"
    r"|(?:till|inför|tills|på)\s+(?:nästa|nästkommande)\s+(?:[\wåäö-]*möte|[\wåäö-]*sammanträde)t?)\s*\.?$".replace(
        "%s", "|".join(sorted(MONTHS, key=len, reverse=True))
    ),
    re.IGNORECASE,
)


#: "..., innehållande: A; B; C", "... enligt följande:": a list the task goes on to spell out.
_LIST_INTRO = re.compile(r"(?:,\s*[\wåäö]+|\s+(?:enligt|med|på)\s+följande)\s*:(?:\s|$)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _recipients() -> re.Pattern:
    """ "Beslutet expedieras till: ...", a flattened protocol's next section after the task."""
    labels = [label for label, (role, _kind) in lexicon.section_roles().items() if role == "recipients"]
    return re.compile(rf"\s(?:{lexicon.alternation(labels)})\b\s*:?", re.IGNORECASE)


def clean_task(text: str) -> str:
    """The task as the sentence says it, without the list it announces, the recipients of the
    decision after it, or a trailing deadline."""
    intro = _LIST_INTRO.search(text)
    if intro and len(text[: intro.start()].split()) >= 3:
        text = text[: intro.start()]
    sent = _recipients().search(text)
    if sent and len(text[: sent.start()].split()) >= 2:
        text = text[: sent.start()]
    text = re.sub(r"^\s*(också|även|därför|dessutom)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^\s*att\s+", "", text).strip().rstrip(".").strip()
    if not re.search(r"\b(återkomm\w*|tar med sig)\b", text, re.IGNORECASE):
        text = _TRAILING_DEADLINE.sub("", text)
    return text.strip(" ,")


def split_assignees(subject: str, *, people: list[str]) -> list[str]:
    """Assignees from a subject phrase: resolved person names, initials, or the groups named."""
    subject = subject.strip(" ,–-")
    names = [resolve(m.name, people) for m in find_names(subject, known=people)]
    for m in _INITIALS.finditer(subject):
        initials = m.group(1) or m.group(2)
        full = resolve(initials, people)
        if full != initials:
            names.append(full)
    if names:
        return list(dict.fromkeys(names))
    single = re.fullmatch(rf"\(?({NAME_WORD})\)?", subject)
    if single:
        return [resolve(single.group(1), people)]
    pieces = re.split(r",\s*|\s+och\s+|\s+samt\s+|/", subject)
    out = []
    for piece in pieces:
        piece = re.sub(r"^(även|också|därefter|sedan)\s+", "", piece.strip(), flags=re.IGNORECASE)
        if piece and len(piece.split()) <= 6:
            out.append(resolve(piece, people) if len(piece.split()) == 1 else piece)
    return out


def is_actor(subject: str, *, people: list[str]) -> bool:
    """Whether a subject can be asked to act: people, bodies, groups or named units."""
    subject = subject.strip(" ,–-")
    if not subject or PRONOUN_SUBJECT.match(subject) or len(subject.split()) > 8:
        return False
    if find_names(subject, known=people) or ACRONYM.search(subject):
        return True
    if any(resolve(w, people) != w for w in re.findall(r"[\wåäöÅÄÖ-]+", subject) if w[:1].isupper()):
        return True
    return any(_actor_word().match(word) for word in re.findall(r"[\wåäö]+", subject))


#: The opening of an att-sats: "Att ", "1. att ", "1. Att<tab>Att " (an "Att" column and the sentence's own).
ATT_OPENING = re.compile(r"^\s*(?:\d+\.\s*)?(?:[Aa]tt\s+)+")


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
    before = ATT_OPENING.sub("", before)  # "Att<tab>Lucas tar på sig ...": an att-sats
    if lexicon.pattern("assignments", "proposed").search(before):
        return None  # "har i motion föreslagit att ge X i uppdrag": asked for, not given
    due = due_of(sentence, meeting_date=meeting_date)
    if cue_id == "uppdrag":
        inner = re.match(r"^(får|fick|ges|gavs|har|erhåller)\s+(.*?)\s*i\s+(uppdrag|uppgift)", cue, re.IGNORECASE)
        subject = inner.group(2) if inner and inner.group(2) else _subject(before)
        if not is_actor(subject, people=people) and not subject:
            return None
        optional = bool(inner and inner.group(1).lower() in ("fick", "gavs", "har"))
        task = after if re.search(r"\batt\s*$", cue) else re.sub(r"^\s*att\s+", "", after)
        return Found(split_assignees(subject, people=people), clean_task(task), due, optional)
    if cue_id == "ger_uppdrag":
        m = re.match(r"^(?:ge|ger|gav|gett|givit)\s+(.*?)\s*i\s+(?:uppdrag|uppgift)\s*(?:åt\s+)?", cue, re.IGNORECASE)
        if m and m.group(1):
            return Found(split_assignees(m.group(1), people=people), clean_task(re.sub(r"^\s*att\s+", "", after)), due)
        m = re.match(r"^\s*(.*?)\s+att\s+(.*)$", after)
        if not m:
            return None
        return Found(split_assignees(m.group(1), people=people), clean_task(m.group(2)), due)
    if cue_id == "uppdras":
        subject = _subject(before, people)
        if not is_actor(subject, people=people):
            return None
        return Found(split_assignees(subject, people=people), clean_task(after), due)
    if cue_id == "ansvar":
        subject = _subject(before, people)
        if not is_actor(subject, people=people):
            return None
        task = re.sub(r"^(?:är|blir)\s+", "", cue + after, flags=re.IGNORECASE)
        # "är (tillsammans) ansvariga för att återställa X": the task is what they restore.
        task = re.sub(r"^(?:\w+\s+)?(?:huvud)?ansvarig\w*\s+för\s+att\s+", "", task, flags=re.IGNORECASE)
        return Found(split_assignees(subject, people=people), clean_task(task), due)
    if cue_id == "kommer":
        subject = _subject(before)
        if not is_actor(subject, people=people):
            return None
        if re.fullmatch(r"[A-ZÅÄÖ]{2,5}", subject) and subject != body and resolve(subject, people) == subject:
            return None  # "DV kommer ersätta ADS": a unit of which something is said, not an assignee
        task = re.sub(r"^kommer\s+(att\s+)?", "", cue + after, flags=re.IGNORECASE)
        passive = bool(re.match(r"^(?:\w+\s+)?\w+as\b", task))  # "VVG kommer (löpande) informeras": nobody acts
        return Found([] if passive else split_assignees(subject, people=people), clean_task(task), due)
    if cue_id == "onskar":
        names = find_names(after, known=people)
        if names and names[0].start <= 1:
            subject, rest = after[: names[0].end], after[names[0].end :]
        else:
            subject, _, rest = after.strip().partition(" ")
        if not is_actor(subject, people=people):
            return None
        return Found(split_assignees(subject, people=people), clean_task(rest), due)
    if cue_id == "paminner":
        return Found([body] if body else [], clean_task(after), due)
    if cue_id == "infor":
        return Found([body] if body else [], clean_task(after), "next_meeting")
    return None


_GAPPED = re.compile(rf"\s+(?:och|samt)\s+(?P<who>{NAME_WORD}(?:\s+{NAME_WORD})?)\s+för\s+att\s+(?P<task>.+)$")


def split_gapped(found: Found, *, people: list[str]) -> list[Found]:
    """ "Anna och Olle ansvarar för att göra A och Olle för att göra B": the second task, its verb
    left out, has a subject of its own."""
    m = _GAPPED.search(found.task)
    if not m or all(resolve(w, people) == w and w not in people for w in m.group("who").split()):
        return [found]
    first = Found(found.assignees, clean_task(found.task[: m.start()]), found.due, found.optional)
    who = split_assignees(m.group("who"), people=people)
    second = Found(who, clean_task(m.group("task")), found.due, found.optional)
    return [first, second]


def _subject(before: str, people: list[str] | None = None) -> str:
    """The subject: the words before the verb, without a leading adverbial clause."""
    before = before.strip()
    pair = _PEOPLE_TAIL.search(before) if people is not None else None
    if pair and people is not None and _pair_of_people(pair.group(0), people):
        return pair.group(0)  # "... Anna och Olle är ansvariga för ...": both
    names = find_names(before)
    if len(names) >= 2 and len(before.split()) <= 16 and not re.search(r"[.!?]\s", before):
        # "Anna Berg, kansliet, och Olle Ek, förvaltningen, får i uppdrag": every name is a subject.
        return before[names[0].start :]
    if names and names[-1].end >= len(before.rstrip(" ,–-")) and len(before.split()) > 4:
        # "... lång mening Anna Berg" : the name right before the verb is the subject.
        return before[names[-1].start :]
    parts = re.split(r"(?<=[,;:])\s+(?=[A-ZÅÄÖ(])|\s+och\s+(?=[A-ZÅÄÖ])", before)
    return parts[-1] if parts else before


_ONE = rf"{NAME_WORD}(?:\s+{NAME_WORD})?"
_PEOPLE_TAIL = re.compile(rf"{_ONE}(?:(?:,\s*|\s+(?:och|samt)\s+){_ONE}){{1,3}}$")


def _pair_of_people(phrase: str, people: list[str]) -> bool:
    """ "Anna och Olle", "Anna, Olle och Eva": people of the meeting joined, nothing else."""
    words = re.split(r",\s*|\s+(?:och|samt)\s+", phrase)
    return 2 <= len(words) <= 4 and all(
        len(w.split()) <= 2 and all(resolve(x, people) != x or x in people for x in w.split()) for w in words
    )


_CLAUSE = re.compile(r"(?:^|[,;:]\s+|\s+[–—-]\s+|\s+(?:och|samt|men|så)\s+(?=[A-ZÅÄÖ(]))")
_SUBJECT_WORD = re.compile(rf"\(?[A-ZÅÄÖ]{{2,4}}\)?|{NAME_WORD}|[A-ZÅÄÖa-zåäö]+")
#: Endings of common nouns in their definite or plural form: such a word is not a name.
_NOUN_ENDING = re.compile(r"(?:en|et|an|na|erna|arna|orna|ning|ningen|tion|tionen|het|heten|are|else|ande)$")


def _subject_at(text: str, people: list[str]) -> list[tuple[list[str], int]]:
    """Possible subjects opening ``text`` (longest first): (assignees, where the verb would start)."""
    words = [(m.group(0), m.end()) for m in _SUBJECT_WORD.finditer(text[:80])]
    out = []
    for n in range(min(len(words), 5), 0, -1):
        phrase = text[: words[n - 1][1]]
        if phrase.count(" ") > n + 2 or re.search(r"[–—:;]|\s-\s", phrase):
            continue  # "Postlådor – Björn bjuder in": a topic, then the clause with its subject
        tail = text[words[n - 1][1] :]
        if not re.match(r"^\s+\S", tail):
            continue
        parts = [w for w, _ in words[:n] if w.lower() not in ("och", "samt", "&")]
        if not parts:
            continue
        known = all(_known(w, people) for w in parts)
        if _actor_word().match(phrase.lower()) or _actor_word().match(parts[-1]):
            out.append(([phrase], words[n - 1][1]))
        elif known or find_names(phrase, known=people):
            names = split_assignees(phrase, people=people)
            if names:
                out.append((names, words[n - 1][1]))
    return out


def _known(word: str, people: list[str]) -> bool:
    """A word that stands for a person here: a known name, initials, or a capitalised word
    that is no common noun (a nickname the list does not have)."""
    bare = word.strip("()")
    if bare.isupper() and 2 <= len(bare) <= 4:
        return True
    if resolve(bare, people) != bare or bare in people or any(p.split()[0] == bare for p in people):
        return True
    return (
        bool(re.fullmatch(NAME_WORD, bare))
        and not _NOUN_ENDING.search(bare.lower())
        and not PRONOUN_SUBJECT.match(bare)
    )


def action_statements(sentence: str, *, people: list[str], meeting_date: str | None) -> list[Found]:
    """ "Martin kollar med Alf", "(GD) mejlar kallelse", "..., Erik bokar matsalen och Olle ringer
    Eva": the tasks noted in passing in a sentence, one per clause that has a person and an action verb."""
    text = sentence.strip(" •-–")
    found: list[Found] = []
    due = due_of(text, meeting_date=meeting_date)
    for clause in _CLAUSE.finditer(text):
        rest_of_text = text[clause.end() :]
        for names, at in _subject_at(rest_of_text, people):
            rest = rest_of_text[at:].lstrip()
            m = _action_verb().match(rest)
            if not m or _not_action().match(rest):
                continue
            task = re.sub(r"^(?:också|även|nu|gärna)\s+", "", rest, flags=re.IGNORECASE)
            # The task ends where the next clause's subject starts ("... och Per Sund ordnar musik").
            task = re.split(
                r"[,;]\s+(?=[A-ZÅÄÖ(])|\s+(?:och|samt)\s+(?=(?:[A-ZÅÄÖ(][\wåäö)-]*\s+(?:och\s+)?){1,3}(?:VERBS)\b)".replace(
                    "VERBS", _verbs()
                ),
                task,
            )[0]
            task = clean_task(task)
            if len(task.split()) >= 2 and not any(f.task == task for f in found):
                found.append(Found(names, task, due))
            break
    trailing = _TRAILING_SUBJECT.search(text)
    if trailing and _action_verb().match(trailing.group("verb")):
        names = split_assignees(trailing.group("who"), people=people)
        obj = re.split(r"[,;:–]\s*", text[: trailing.start()])[-1].strip()
        if names and obj and obj.lower() != trailing.group("verb"):
            found.append(Found(names, clean_task(f"{trailing.group('verb')} {obj}"), due))
    return found


def action_statement(sentence: str, *, people: list[str], meeting_date: str | None) -> Found | None:
    """The first task :func:`action_statements` finds in the sentence."""
    found = action_statements(sentence, people=people, meeting_date=meeting_date)
    return found[0] if found else None


def table_task(line_text: str, *, people: list[str], meeting_date: str | None) -> Found | None:
    """ "Informationsblad till medlemmarna<tab>Björn": a row whose last column names who is responsible."""
    cells = [c.strip() for c in line_text.split("\t") if c.strip()]
    if len(cells) < 2 or len(cells[-1].split()) > 3:
        return None
    who = cells[-1]
    if not all(resolve(w, people) != w or w in people for w in who.split()) and who not in people:
        return None
    task = " ".join(cells[:-1])
    if len(task.split()) < 2:
        return None
    return Found(split_assignees(who, people=people), clean_task(task), due_of(task, meeting_date=meeting_date))


#: "..., förslag Ann Kvist (BE) kontaktar.": initials and verb at the end of the clause, the object before.
_TRAILING_SUBJECT = re.compile(r"\((?P<who>[A-ZÅÄÖ]{2,4})\)\s+(?P<verb>[a-zåäö]+)\s*\.?$")


@lru_cache(maxsize=1)
def _verbs() -> str:
    return lexicon.alternation(lexicon.words("assignments", "action_verbs"))


_AGENT = re.compile(
    rf"^(?P<task>.+?\b\w+(?:as|s))\s+av\s+(?P<agent>\(?[A-ZÅÄÖ]{{2,4}}\)?|{NAME_WORD}(?:\s+{NAME_WORD})?)\s*\.?$"
)


def passive_statement(sentence: str, *, people: list[str], meeting_date: str | None) -> Found | None:
    """ "Verksamhetsberättelse upprättas av (AB)", "Kallelsen skickas av Anna": the agent must act."""
    m = _AGENT.match(sentence.strip())
    if not m:
        return None
    agent = m.group("agent")
    agents = split_assignees(agent, people=people)
    known = agent.startswith("(") or any(a in people or a != agent.strip("()") for a in agents) or _known(agent, people)
    if not agents or not known:
        return None
    task = sentence.strip().rstrip(".")
    task = task if m.group("agent").startswith("(") else m.group("task")
    return Found(agents, clean_task(task), due_of(sentence, meeting_date=meeting_date))


_TRAILING_NAME = re.compile(rf"^(?P<task>.+?),\s*(?P<name>{NAME_WORD})\s*\.?$")


def imperative_statement(sentence: str, *, people: list[str], meeting_date: str | None) -> Found | None:
    """ "Uppdatera hemsidan, Erik.": an imperative task with its assignee named at the end."""
    text = sentence.strip()
    if not _imperative().match(text):
        return None
    m = _TRAILING_NAME.match(text)
    if not m:
        return None
    name = resolve(m.group("name"), people)
    if name == m.group("name") and name not in people:
        return None
    return Found([name], clean_task(m.group("task")), due_of(text, meeting_date=meeting_date))


def _action_label(key: str) -> str:
    return lexicon.alternation(lexicon.load("assignments")["action_labels"][key])


#: "Åtgärd: ..." opening the line, or after a sentence that ends before it (a flattened note).
_ACTION = re.compile(rf"(?:^|(?<=[.!?] ))(?:{_action_label('task')})\s*:\s*(.+)$", re.IGNORECASE)
_RESPONSIBLE = re.compile(rf"\b(?:{_action_label('responsible')})\s*:\s*([^.;]+)", re.IGNORECASE)
_DEADLINE = re.compile(rf"\b(?:{_action_label('deadline')})\s*:\s*([^;]+)", re.IGNORECASE)


def action_items(lines, *, people: list[str], meeting_date: str | None) -> list[tuple[Found, int, int]]:
    """Action-list assignments: "Åtgärd: ..." with "Ansvarig: ..." and "Klart till: ..." nearby.

    A bare "Ansvarig:" line takes the line before it as its task.
    """
    found = []
    texts = [line for line in lines if line.text]
    for n, line in enumerate(texts):
        action = _ACTION.search(line.text)
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
        due = due_of(when, meeting_date=meeting_date) if when else due_of(task, meeting_date=meeting_date)
        found.append((Found(split_assignees(who, people=people), clean_task(task), due), line.start, window[-1].end))
    return found


_SHALL = re.compile(r"\b(?:ska|skall)\s+(?:också\s+|även\s+)?", re.IGNORECASE)


def named_obligation(sentence: str, *, people: list[str], meeting_date: str | None) -> Found | None:
    """ "Karin Lund ska sammanställa anmälningarna till den 1 juni", "... beslutar att Olle ska boka
    lokal": a named person (or a role of the document) who shall do something."""
    text = sentence.strip(" •-–")
    if text.endswith("?"):
        return None
    for shall in _SHALL.finditer(text):
        before = text[: shall.start()]
        starts = [m.end() for m in re.finditer(r"(?:^|[,;:]\s+|\batt\s+|\s+(?:och|samt)\s+)(?=[A-ZÅÄÖ(])", before)]
        clause = text[starts[-1] if starts else 0 :]
        for names, at in _subject_at(clause, people):
            whole = not starts or starts[-1] == 0
            if not _SHALL.match(clause[at:].lstrip()) or not all(
                n in people or (whole and _actor_word().match(n)) for n in names
            ):
                continue  # more than the subject before "ska", or not a person (or, opening the sentence, a group)
            task = clean_task(text[shall.end() :])
            verb = task.split()[0] if task else ""
            if len(task.split()) < 2 or not re.fullmatch(r"[a-zåäö]+", verb) or verb.endswith("s"):
                continue  # "ska lämnas": a passive, no one's task
            if verb in lexicon.words("assignments", "not_after_shall"):
                continue
            return Found(names, task, due_of(text, meeting_date=meeting_date))
    return None


def obligation(sentence: str, *, meeting_date: str | None, assignees: list[str]) -> Found | None:
    """A decision sentence that sets a deadline ("ska ... presenteras i december")."""
    shall = re.search(r"\b(?:ska|skall|planeras)\b\s*(\w*)", sentence, re.IGNORECASE)
    if not shall or len(sentence.split()) > 30:
        return None
    if shall.group(1).lower() in lexicon.words("assignments", "events_after_shall"):
        return None  # "justeringen skall äga rum": an event, nobody's task
    due = due_of(sentence, meeting_date=meeting_date)
    if due is None:
        return None
    return Found(list(assignees), clean_task(sentence), due)


def initials_known(people: list[str]) -> set[str]:
    """Every set of initials that stands for exactly one person of the document."""
    counts: dict[str, int] = {}
    for person in people:
        for i in initials_of(person):
            counts[i] = counts.get(i, 0) + 1
    return {i for i, n in counts.items() if n == 1}
