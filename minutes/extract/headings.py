"""Item headings: which lines start an item, with what number.

Each heading *form* of the lexicon (``lexicon/headings.yml``: "§ 12", "12 §",
"1.", "1)", "1<tab>", "4.1", "a)", "Punkt 3", markdown) recognises candidate
lines. A *scheme* then decides which candidates number the document:

- ``paragraph``: protocols numbered by §; numbers rise, gaps allowed (an excerpt);
  "Punkt N" under a § is its sub-item "§.N".
- ``numbered``: agendas numbered 1, 2, 3; a number must follow the one before (gaps
  of a few allowed for dotted numbers); a list that restarts at 1 inside an item is
  a list, unless it stands right under its item's heading (then it numbers the
  item's sub-items "5.1", "5.2"); a numbering that restarts with the first title
  again means the earlier run was the agenda.
- ``unnumbered``: markdown headings, or short title lines between paragraphs.

Sub-items ("4.1", "a)") count only where they stand right under their item's
heading or continue a run of sub-items: an outline number after body text is a
heading inside a report, not an agenda item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from minutes.extract import lexicon
from minutes.extract.lines import Line
from minutes.extract.people import find_names
from minutes.extract.sections import section_label

#: Forms that carry an item's main number.
MAIN_FORMS = ("numbered", "numbered_space", "number_alone", "punkt", "numbered_paren")
#: How far a dotted number may jump ahead of the one before (excerpts skip items).
MAX_GAP = {"numbered": 3, "punkt": 3, "number_alone": 1, "numbered_space": 1, "numbered_paren": 3}


@dataclass
class Candidate:
    """A line that has the form of a heading."""

    form: str
    level: int
    line: Line
    num: str | None
    sub: str | None
    title: str
    organ: str | None = None
    punct: str = ""

    @property
    def style(self) -> str:
        """The form with its punctuation: "1." and "1)" are different numberings."""
        return f"{self.form}{self.punct}"


@dataclass
class Heading:
    """A heading that starts an item: number as printed ("4", "4.1", "12a", None)."""

    number: str | None
    title: str
    line: Line
    is_sub: bool = False
    form: str = ""
    #: The title was empty on the heading line ("§ 12" alone): it is on the next line.
    title_below: bool = False


@lru_cache(maxsize=1)
def _section_titles() -> frozenset[str]:
    return frozenset(lexicon.section_roles())


@lru_cache(maxsize=1)
def _agenda() -> re.Pattern:
    return lexicon.regex("headings", "agenda", whole=True)


def is_section_title(title: str) -> bool:
    """A title that is a section of an item ("Förslag", "Beslut"), not an item."""
    return title.lower().strip(" :.") in _section_titles()


def _title_ok(title: str) -> bool:
    return bool(title) and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'”“«(")


def candidate(line: Line) -> Candidate | None:
    """The first heading form the line has, if any."""
    if not line.text or line.boilerplate:
        return None
    text = line.text.replace("\t", " ") if not line.text[:3].strip().isalpha() else line.text
    if line.heading:
        if _is_label(line.text) or is_section_title(line.text) or section_label(line.text) is not None:
            return None  # "**Beslut**", "### Yrkanden": a label in bold or as a heading, not an item
        numbered = _form_of(line, text)
        if numbered is not None and numbered.form not in ("markdown", "number_alone"):
            return numbered  # "## § 4 Årsredovisning", "### 2. Budget": the number is the item's
        return Candidate("markdown", 1, line, None, None, line.text.strip())
    return _form_of(line, text)


def _form_of(line: Line, text: str) -> Candidate | None:
    for form, level, pattern in lexicon.heading_forms():
        if form == "markdown":
            continue
        source = line.text if form == "lettered_tab" else text
        m = pattern.match(source)
        if not m:
            continue
        groups = m.groupdict()
        title = (groups.get("title") or "").strip()
        if title and not _title_ok(title) and form not in ("paragraph", "paragraph_after", "lettered"):
            continue
        if form in ("paragraph", "paragraph_after") and title and not _title_ok(title):
            continue
        if line.bullet and form in MAIN_FORMS + ("outline",):
            continue
        if groups.get("roman"):
            form, groups["num"] = "numbered", str(_roman(groups["roman"]))
        return Candidate(
            form,
            level,
            line,
            groups.get("num"),
            groups.get("sub"),
            title,
            groups.get("organ"),
            groups.get("punct") or "",
        )
    return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int:
    """ "IV" -> 4, "XII" -> 12."""
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def find_headings(lines: list[Line]) -> list[Heading]:
    """The item and sub-item headings of the document, in order."""
    program = _program_scheme(lines)
    if program:
        return program
    candidates = _organ_numbers([c for line in lines if (c := candidate(line))])
    if any(c.form in ("paragraph", "paragraph_after") for c in candidates):
        return _paragraph_scheme(candidates, lines)
    headings = _numbered_scheme(candidates, lines)
    if headings:
        return _with_unnumbered_subs(headings, lines)
    return _unnumbered_scheme(candidates, lines)


# --- § protocols --------------------------------------------------------------------------------


def _organ_numbers(candidates: list[Candidate]) -> list[Candidate]:
    """ "Sn 49 Budget" / "Sn 50 Taxor" are paragraphs when two or more share the organ; else no heading."""
    not_organs = {w.lower() for w in lexicon.words("headings", "not_organs")}
    counts: dict[str, int] = {}
    for c in candidates:
        if c.form == "organ_number" and (c.organ or "").lower() not in not_organs:
            counts[c.organ or ""] = counts.get(c.organ or "", 0) + 1
    out = []
    for c in candidates:
        if c.form == "organ_number":
            if counts.get(c.organ or "", 0) < 2 or (c.organ or "").lower() in not_organs:
                continue
            c = replace(c, form="paragraph")
        out.append(c)
    return out


def _paragraph_scheme(candidates: list[Candidate], lines: list[Line]) -> list[Heading]:
    headings: list[Heading] = []
    last: int | None = None
    punkt: int | None = None
    for c in candidates:
        if c.form in ("paragraph", "paragraph_after"):
            number = int(c.num or 0)
            if last is not None and number <= last:
                continue
            last, punkt = number, None
            headings.append(Heading(str(number), c.title, c.line, form=c.form, title_below=not c.title))
        elif c.form == "punkt" and last is not None:
            number = int(c.num or 0)
            if punkt is None and number == 1 or punkt is not None and number == punkt + 1:
                punkt = number
                headings.append(
                    Heading(f"{last}.{number}", c.title, c.line, is_sub=True, form=c.form, title_below=not c.title)
                )
    return headings


# --- numbered agendas ---------------------------------------------------------------------------


def _body_between(lines: list[Line], start: int, stop: int) -> bool:
    """Whether body text (a sentence, not a wrapped title or a label) stands between two lines."""
    for line in lines[start + 1 : stop]:
        text = line.text
        if not text or text in (".", "-") or len(text) <= 2:
            continue
        words = text.split()
        if len(words) > 3 and (re.search(r"[.!?:]\s*$", text) or len(text) > 70):
            return True
        if line.bullet:
            return True
    return False


def _same_title(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 85


@dataclass
class _Run:
    """State of the numbered scheme while it walks the candidates."""

    main: int | None = None
    main_line: int = -1
    main_form: str = ""
    inner: int | None = None  # last number of a list inside an item
    inner_is_sub: bool = False
    letter: str = "a"
    outline: int = 0
    inner_form: str = ""


def _closes_list(run: _Run, c: Candidate, number: int) -> bool:
    """A number that both continues a list inside the item and follows the item is the next item
    when it has the item's style ("3." after "1)", "2)") or is a closing item ("3. Avslutning")."""
    if run.main is None or number != run.main + 1:
        return False
    closing = lexicon.pattern("headings", "closing_items").match(c.title or "")
    return (c.style == run.main_form and run.inner_form != run.main_form) or bool(closing)


def _numbered_scheme(candidates: list[Candidate], lines: list[Line]) -> list[Heading]:
    headings: list[Heading] = []
    run = _Run()
    first: Heading | None = None
    previous = -1
    for c in candidates:
        if run.inner is not None and not run.inner_is_sub and _list_ended(lines, previous, c.line.index):
            run.inner, run.inner_is_sub = None, False
        previous = c.line.index
        if c.form in MAIN_FORMS and c.num is not None:
            number = int(c.num)
            title_below = c.form == "number_alone" or not c.title
            if title_below and not _next_title(lines, c.line.index):
                continue
            if c.form != "number_alone" and not _title_ok(c.title):
                continue
            if run.inner is not None and number == run.inner + 1 and not _closes_list(run, c, number):
                run.inner = number
                if run.inner_is_sub:
                    headings.append(_sub(run, f"{run.main}.{number}", c, title_below))
                continue
            gap = MAX_GAP.get(c.form, 1)
            fits = (
                run.main is None
                or run.main < number <= run.main + gap
                or (
                    # Numbers lost on the way (an OCR'd table): the run picks up where two more follow in step.
                    run.main < number <= run.main + 8 and c.style == run.main_form and _runs_on(candidates, c, 2)
                )
                or (
                    # "2. Mötet öppnades / 2. Val av justerare": a number printed twice in a row.
                    number == run.main
                    and c.style == run.main_form
                    and not _body_between(lines, run.main_line, c.line.index)
                    and c.line.index - run.main_line <= 2
                    and not any(h.is_sub for h in headings[-1:])
                    and bool(headings)
                    and not _same_title(c.title, headings[-1].title)
                )
            )
            if fits and not (
                run.main is None and c.form == "numbered_space" and number > 1 and not _continues(candidates, c)
            ):
                heading = Heading(str(number), c.title, c.line, form=c.form, title_below=title_below)
                headings.append(heading)
                first = first or heading
                run = _Run(main=number, main_line=c.line.index, main_form=c.style)
                continue
            if first is not None and number == int(first.number or 0) and _same_title(c.title, first.title):
                # The first run was the agenda: the items proper start again here.
                heading = Heading(str(number), c.title, c.line, form=c.form, title_below=title_below)
                headings, first = [heading], heading
                run = _Run(main=number, main_line=c.line.index, main_form=c.style)
                continue
            if number == 1 and run.main is not None:
                run.inner, run.inner_form = 1, c.style
                run.inner_is_sub = not _body_between(lines, run.main_line, c.line.index) and (
                    c.style != run.main_form
                    or (
                        not is_section_title(_previous_text(lines, c.line.index))
                        and _returns_to(candidates, c, run.main + 1)
                    )
                )
                if run.inner_is_sub:
                    headings.append(_sub(run, f"{run.main}.1", c, title_below))
            continue
        if run.main is None:
            continue
        if c.form == "outline" and c.num is not None and int(c.num) == run.main and "." not in (c.sub or ""):
            sub = int(c.sub or 0)
            if is_section_title(c.title) or _signature_item(headings):
                continue
            introduced = _previous_text(lines, c.line.index).endswith(":")
            if (
                sub == run.outline + 1
                and not (introduced and not run.outline)
                and (
                    run.outline
                    or not _body_between(lines, run.main_line, c.line.index)
                    or _agenda_subs(candidates, run.main)
                )
            ):
                run.outline = sub
                headings.append(_sub(run, f"{run.main}.{sub}", c, False))
            continue
        if (
            c.form in ("lettered", "lettered_tab")
            and c.sub
            and c.sub.lower() == run.letter
            and not _repeated_mark(candidates, c)
        ):
            if run.letter == "a" and _letters_are_content(candidates, c):
                run.letter = "-"  # the item's notes in outline letters ("a. 17:16.", "a. Anna valdes ...")
                continue
            if run.letter == "a" and _body_between(lines, run.main_line, c.line.index) and c.form == "lettered":
                # Letters after body text are a list in the item, unless they run on.
                if not _letters_follow(candidates, c):
                    continue
            headings.append(_sub(run, f"{run.main}{run.letter}", c, False))
            run.letter = chr(ord(run.letter) + 1)
    return headings if len([h for h in headings if not h.is_sub]) >= 1 else []


def _list_ended(lines: list[Line], previous: int, index: int) -> bool:
    """A list inside an item ends at a line of text that starts a sentence of its own."""
    for line in lines[previous + 1 : index]:
        if line.text and not line.text[:1].islower() and not line.bullet:
            return True
    return False


def _previous_text(lines: list[Line], index: int) -> str:
    for line in reversed(lines[:index]):
        if line.text:
            return line.text.rstrip()
    return ""


def _agenda_subs(candidates: list[Candidate], main: int) -> bool:
    """An item's outline sub-headings number agenda sub-items (not a report's sections) when
    there are several of them and none has sub-sections of its own ("8.1.1")."""
    subs = [c for c in candidates if c.form == "outline" and c.num is not None and int(c.num) == main]
    deep = [c for c in subs if "." in (c.sub or "")]
    spread = any(b.line.index - a.line.index > 2 for a, b in zip(subs, subs[1:]))
    return len(subs) >= 2 and spread and not deep and not any(is_section_title(c.title) for c in subs)


def _signature_item(headings: list[Heading]) -> bool:
    """The current item is the signature section ("18 Signaturer"): its sub-headings are signature roles."""
    main = next((h for h in reversed(headings) if not h.is_sub), None)
    return main is not None and bool(
        re.match(r"^(?:signaturer|underskrifter|underskrift|justering|signering)\b", main.title, re.IGNORECASE)
    )


def _topic_line(line: Line) -> bool:
    """A line that can be an unnumbered topic heading: short, capitalised, no sentence."""
    text = line.text.strip()
    if not text or line.bullet or len(text) > 60 or len(text.split()) > 8 or not text[0].isupper():
        return False
    if re.search(r"[:;,]$", text) or (text.endswith(".") and len(text.split()) > 4):
        return False
    from minutes.extract.layout import TIMEBOX, kind_labels, presenter_label

    if text.lower() in kind_labels() or presenter_label().match(text) or TIMEBOX.match(text):
        return False
    return not (is_section_title(text) or candidate(line) is not None or _is_label(text) or find_names(text))


def _next_text(lines: list[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1 :] if line.text), None)


def _with_unnumbered_subs(headings: list[Heading], lines: list[Line]) -> list[Heading]:
    """Unnumbered topics under a numbered item ("6 Beslutspunkter" / "Nästa stämma" / text ...).

    Only where the item's text opens with such a topic line; then every later topic line
    in the item that follows a finished sentence and precedes longer text is one too.
    """
    out: list[Heading] = []
    for n, heading in enumerate(headings):
        out.append(heading)
        if heading.is_sub or (n + 1 < len(headings) and headings[n + 1].is_sub):
            continue
        stop = headings[n + 1].line.index if n + 1 < len(headings) else len(lines)
        first = _next_text(lines, heading.line.index)
        if first is None or first.index >= stop or not _topic_line(first) or not _followed_by_text(lines, first):
            continue
        topics = []
        for line in lines[first.index : stop]:
            if not _topic_line(line) or not _followed_by_text(lines, line):
                continue
            before = _previous_text(lines, line.index)
            if line is first or re.search(r"[.!?”\"]$", before) or is_section_title(before):
                topics.append(Heading(None, line.text.strip(), line, is_sub=True, form="topic"))
        if len(topics) >= 2:  # one short line under an item is its text, several are its topics
            out += topics
    return out


def _followed_by_text(lines: list[Line], line: Line) -> bool:
    nxt = _next_text(lines, line.index)
    return nxt is not None and len(nxt.text) > len(line.text) and not _topic_line(nxt) and candidate(nxt) is None


def _sub(run: _Run, number: str, c: Candidate, title_below: bool) -> Heading:
    return Heading(number, c.title, c.line, is_sub=True, form=c.form, title_below=title_below)


def _continues(candidates: list[Candidate], c: Candidate) -> bool:
    """A first "N Title" line is an item only when N + 1 follows in the same form."""
    later = [x for x in candidates if x.line.index > c.line.index and x.form == c.form and x.num]
    return any(int(x.num or 0) == int(c.num or 0) + 1 for x in later[:6])


def _repeated_mark(candidates: list[Candidate], c: Candidate) -> bool:
    """ "e<tab>Lekplatser" / "e<tab>Grönytor": the same letter line after line is a bullet read by OCR."""
    nxt = next((x for x in candidates if x.line.index > c.line.index), None)
    before = next((x for x in reversed(candidates) if x.line.index < c.line.index), None)
    return any(
        x is not None and x.form == c.form and x.sub == c.sub and abs(x.line.index - c.line.index) <= 2
        for x in (nxt, before)
    )


def _returns_to(candidates: list[Candidate], c: Candidate, next_main: int) -> bool:
    """ "7. Motioner / 1. A / 2. B / 8. Val": a list numbered 1, 2, ... in the items' own style
    right under an item, after which the items' numbering goes on, numbers the item's sub-items."""
    if re.match(r"(?i)att\s", c.title):
        return False  # att-satser are what is proposed or decided, not sub-items
    expected = 2
    for x in candidates:
        if x.line.index <= c.line.index or x.style != c.style or not x.num:
            continue
        number = int(x.num)
        if re.match(r"(?i)att\s", x.title):
            return False
        if number == next_main and expected > 2:
            return True
        if number != expected:
            return False
        expected += 1
    return False


def _runs_on(candidates: list[Candidate], c: Candidate, count: int) -> bool:
    """The next ``count`` numbered headings in ``c``'s style go on from its number in step."""
    later = [x for x in candidates if x.line.index > c.line.index and x.style == c.style and x.num]
    wanted = [int(c.num or 0) + k for k in range(1, count + 1)]
    return [int(x.num or 0) for x in later[:count]] == wanted


def _letters_are_content(candidates: list[Candidate], c: Candidate) -> bool:
    """Outline letters under an item that hold what was said or done, not sub-items: one of them
    reads as a reported sentence (a count, two sentences, a decision or election)."""
    run, letter = [], c.sub.lower() if c.sub else "a"
    for x in candidates:
        if x.line.index < c.line.index:
            continue
        if x.form in MAIN_FORMS:
            break
        if x.form in ("lettered", "lettered_tab") and (x.sub or "").lower() == letter:
            run.append(x.title)  # "a.", "b.", ... in order; "i." under "a." is a list of its own
            letter = chr(ord(letter) + 1)
    return any(_reads_as_content(title) for title in run)


def _reads_as_content(title: str) -> bool:
    title = re.split(r"\s[–—]\s?|\s-\s", title)[0]  # "Lekplatser – dags för byte av sand": the topic
    return bool(
        re.match(r"\d", title)
        or re.search(r"[.!?]\s+[A-ZÅÄÖ]", title)
        or re.search(r",\s+(?:men|så|och\s+det)\s", title)
        or (title.endswith(".") and re.search(r"\s(?:var|är|blev|blir|har|hade|kommer)\s", title))
        or lexicon.pattern("headings", "reported").search(title)
    )


def _letters_follow(candidates: list[Candidate], c: Candidate) -> bool:
    later = [x for x in candidates if x.line.index > c.line.index and x.form == c.form]
    return bool(later) and (later[0].sub or "").lower() == "b" and not _short_gap(c, later[0])


def _short_gap(a: Candidate, b: Candidate) -> bool:
    return b.line.index - a.line.index <= 1


def _next_title(lines: list[Line], index: int) -> str:
    for line in lines[index + 1 : index + 4]:
        if line.text and line.text not in (".",):
            return line.text if _title_ok(line.text) else ""
    return ""


# --- programme tables ---------------------------------------------------------------------------

_CLOCK_CELL = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?(?:\s*\(\d+\s*min\))?$", re.IGNORECASE
)
_TIMEBOX_CELL = re.compile(r"^\(?\d+\s*min(?:uter)?\)?$", re.IGNORECASE)


def _program_scheme(lines: list[Line]) -> list[Heading]:
    """Rows of a programme table (Tid | Ämne | Föredragande): the topic after each clock time."""
    columns = lexicon.load("headings")["program_columns"]
    texts = [(n, line.text.strip().rstrip(":")) for n, line in enumerate(lines) if line.text.strip()]
    header_end = None
    for i in range(len(texts) - 2):
        window = [t.lower() for _n, t in texts[i : i + 3]]
        if (
            window[0] in (w.lower() for w in columns["time"])
            and window[1] in (w.lower() for w in columns["topic"])
            and window[2] in (w.lower() for w in columns["presenter"])
        ):
            header_end = texts[i + 2][0]
            break
    if header_end is None:
        return []
    headings = []
    rows = [(n, t) for n, t in texts if n > header_end]
    for k, (_n, text) in enumerate(rows):
        if not _CLOCK_CELL.match(text):
            continue
        for m, title in rows[k + 1 : k + 4]:
            if _TIMEBOX_CELL.match(title) or _CLOCK_CELL.match(title):
                continue
            headings.append(Heading(None, title, lines[m], form="program"))
            break
    return headings if len(headings) >= 2 else []


# --- unnumbered ---------------------------------------------------------------------------------


def _unnumbered_scheme(candidates: list[Candidate], lines: list[Line]) -> list[Heading]:
    marked = [c for c in candidates if c.form == "markdown"]
    first = next((line for line in lines if line.text), None)
    if len(marked) == 1 and marked[0].line is first:
        marked = []  # "# Minnesanteckningar från möte": the document's title, its topics are bullets
    if marked:
        return _markdown_headings(marked, lines)
    topics = _bullet_topics(lines)
    if topics:
        tables = [
            Heading(None, line.text, line, form="title")
            for n, line in enumerate(lines)
            if not line.bullet and _opens_action_table(lines, n)
        ]
        return sorted(topics + tables, key=lambda h: h.line.index)
    return _title_lines(lines)


def _bullet_topics(lines: list[Line]) -> list[Heading]:
    """Notes whose topics are bullets that open with the topic and go on with what was said
    ("– Tidplan Anna informerar om tidplanen. ...", "– Risker"): each such bullet is an item."""
    from minutes.extract.titles import statement_start

    bullets = [line for line in lines if line.bullet and not line.indent and line.text]
    topics = [
        line
        for line in bullets
        if statement_start(line.text, people=True)
        or (len(line.text.split()) <= 6 and not re.search(r"[.:!?]$", line.text))
    ]
    if len(topics) < 2 or len(topics) < 0.67 * len(bullets):
        return []
    return [Heading(None, line.text, line, form="bullet_topic") for line in topics]


def _is_label(text: str) -> bool:
    low = text.lower().strip(" :")
    return low in lexicon.status_labels() or low in lexicon.header_labels() or bool(_agenda().match(text.strip(" :")))


def _markdown_headings(marked: list[Candidate], lines: list[Line]) -> list[Heading]:
    """Markdown headings (and, in a markdown outline, top-level bullets with sub-bullets) are items."""
    from minutes.extract.dates import find_dates

    headings: list[Heading] = []
    top = min(c.line.heading for c in marked)
    tops = sum(1 for c in marked if c.line.heading == top)
    for c in marked:
        title = c.title
        if (
            c is marked[0]
            and c.line.heading == top
            and len(marked) > 1
            and (tops == 1 or _doc_type().search(title) or find_dates(title))
        ):
            continue  # the document's title: alone at the top level, "Protokoll ...", or dated
        undated = title
        for d in reversed(find_dates(title)):
            undated = undated[: d.start] + undated[d.end :]
        if _is_label(title) or (undated != title and len(undated.split()) <= 1):
            continue
        headings.append(Heading(None, title, c.line, form="markdown"))
    heading_lines = {h.line.index for h in headings}
    if not headings:
        return []
    first = headings[0].line.index
    for n, line in enumerate(lines):
        if n <= first or n in heading_lines or not line.bullet or line.indent:
            continue
        nxt = next((x for x in lines[n + 1 :] if x.text), None)
        if nxt is not None and nxt.bullet and nxt.indent > line.indent:
            headings.append(Heading(None, line.text, line, form="bullet"))
    return sorted(headings, key=lambda h: h.line.index)


def _title_lines(lines: list[Line]) -> list[Heading]:
    """Short title lines standing alone between paragraphs (news-style decision summaries)."""
    texts = [
        line
        for line in lines
        if line.text and not line.boilerplate and not _doc_type().fullmatch(line.text.strip(" :"))
    ]
    if not texts:
        return []
    dense = _dense(lines)
    headings = []
    for n, line in enumerate(lines):
        if not _title_line(lines, n, dense=dense) or line is texts[0]:
            continue
        headings.append(Heading(None, line.text.rstrip(":"), line, form="title"))
    if headings and any(_opens_section(line.text) for line in texts if line.index < headings[0].line.index):
        return []  # a protocol excerpt ("Yrkanden: ..."): one item, not a news summary
    return headings


def _opens_section(text: str) -> bool:
    """A protocol section label opening the line ("Yrkanden: ..."); action lists ("Åtgärd: ...")
    are as much at home in notes and do not count."""
    head, sep, _rest = text.partition(":")
    role = lexicon.section_roles().get(head.lower().strip(" :."))
    return bool(sep) and role is not None and role[0] != "actions"


_DOC_TYPE = None


def _doc_type() -> re.Pattern:
    global _DOC_TYPE
    if _DOC_TYPE is None:
        _DOC_TYPE = re.compile(
            rf"\b(?:{lexicon.alternation(lexicon.words('documents', 'types'))}|protokoll\w*)\b", re.IGNORECASE
        )
    return _DOC_TYPE


def _dense(lines: list[Line]) -> bool:
    """Text without blank lines between paragraphs (as PDF text comes out)."""
    texts = sum(1 for line in lines if line.text)
    blanks = sum(1 for a, b in zip(lines, lines[1:]) if a.text and not b.text)
    return texts >= 6 and blanks <= texts * 0.05


def _title_line(lines: list[Line], n: int, *, dense: bool = False) -> bool:
    line = lines[n]
    text = line.text
    if text and _opens_action_table(lines, n):
        return True  # "Åtgärdslista" over the table "Åtgärd | Ansvarig | Klart till"
    if not text or line.bullet or line.boilerplate or len(text) > 90 or len(text.split()) > 12:
        return False
    if re.search(r"[.!?,;]\s*$", text) or not text[0].isupper() or _is_label(text) or _doc_type().search(text):
        return False
    if (text.endswith(":") and len(text.split()) > 4) or re.search(r"\s(?:är|var|har|hade|blir|blev)\s", text):
        return False  # a sentence, not a title
    if re.search(r"\([A-ZÅÄÖ]{1,3}\d?\)", text) or find_names(text):
        return False  # a name line
    if is_section_title(text) or ":" in text.rstrip(":"):
        return False
    before = lines[n - 1] if n else None
    after = lines[n + 1] if n + 1 < len(lines) else None
    below = _next_text(lines, n)
    if below is not None and _said_again(text, below.text) and len(text.split()) <= 6:
        return True  # "Tidplan" / "Anna informerar om tidplan.": the topic, said again below it
    if dense:
        # No blank lines to go by: a short line between a finished sentence and longer text.
        previous = _previous_text(lines, n)
        nxt = _next_text(lines, n)
        after_sentence = re.search(r"[.!?]$", previous) is not None or not re.search(r"[a-zåäö]{3,}", previous)
        return (
            bool(previous)
            and (after_sentence or n <= 3)
            and (nxt is not None and len(nxt.text) > max(len(text) + 5, 45) and not _title_line_simple(nxt.text))
        )
    if before is not None and before.text or after is None:
        return False
    if after.text:
        if text.isupper() and len(text) >= 4 and not after.text.isupper():
            return True  # "AVSLUTNING" / "Mötet avslutades.": a heading in capitals over its text
        # "Sandlådan" / "Sanden behöver bytas ...": a topic right above its paragraph.
        return (
            len(text.split()) <= 6
            and after.text[:1].isupper()
            and not after.bullet
            and len(after.text) > len(text) + 10
            and re.search(r"[.!?]\s*$", after.text) is not None
            and not _title_line_simple(after.text)
        )
    nxt = next((x for x in lines[n + 1 :] if x.text), None)
    return nxt is not None and (len(nxt.text) > len(text) or nxt.bullet) and not _title_line_simple(nxt.text)


def _opens_action_table(lines: list[Line], n: int) -> bool:
    from minutes.extract.action_table import header, is_table_title

    nxt = _next_text(lines, n)
    return is_table_title(lines[n].text) and nxt is not None and header().match(nxt.text) is not None


def _said_again(title: str, sentence: str) -> bool:
    """The title's words, in order, in the sentence below it, which ends as a sentence does."""
    phrase = r"\s+".join(map(re.escape, title.lower().split()))
    return (
        re.search(r"[.!?]$", sentence) is not None
        and not re.search(r"[.!?:]$", title)
        and re.search(rf"(?<![\wåäö]){phrase}(?![\wåäö])", sentence.lower()) is not None
    )


def _title_line_simple(text: str) -> bool:
    return len(text) <= 60 and not re.search(r"[.!?:]\s*$", text) and len(text.split()) <= 6
