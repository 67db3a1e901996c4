"""Meeting header fields: body, date, start and end time, location, signatories.

The header is read as label-value pairs (``lexicon/header.yml``): "Plats och tid
Stadshuset kl 13-16" in a kommunal label table, "Tid: 9.00" in association
minutes, a label alone on its line with the value below it (web transcripts), or
labels cut out of a flattened line by ``segment``. What the labels do not give is
taken from the title lines ("Kyrkorådets sammanträde 11.11.2019") and from the
opening and closing sentences ("Ordföranden öppnade mötet kl 13.05").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.dates import find_dates, infer_meeting_year
from minutes.extract.lines import Line
from minutes.extract.people import find_names, is_first_name

TIME_RANGE = re.compile(
    r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?"
)
CLOCK = re.compile(r"(?<![\d.:/-])([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d|[.:/-]\d|\s*(?:kr|%|tkr|mkr))")
_RANGE_SEP = re.compile(r"\d\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?\d")
#: Decision statements whose subject is the body ("VVG noterar informationen").
DECISION_SUBJECT = re.compile(
    r"(?:Ställningstagande|Beslut)\s*:?\s*\*?([A-ZÅÄÖ]{2,6})\s+"
    r"(?:noterar|ställer|beslutar|godkänner|tillstyrker|önskar|fastställer|antar|uppdrar)"
)
SIGNATURE_WORDS = re.compile(
    r"\b(ordf|ordförande|vice|sekreterare|sekr|justerare|justeras|justerande|direktör|\w+direktör|"
    r"vid protokollet|protokollförare|sign|underskrift|mötesordförande|mötessekreterare)\b",
    re.IGNORECASE,
)
_DOTS = re.compile(r"[.…_]{4,}|_{3,}")


@dataclass
class Field:
    """A labelled header value: the field it fills, its text, and the text of the lines below it."""

    field: str
    label: str
    value: str
    continuation: str = ""


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern:
    body = lexicon.alternation(list(lexicon.header_labels()))
    return re.compile(rf"^(?P<label>{body})(?:\s*:\s*|\s+|$)(?P<value>.*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern:
    words = list(lexicon.header_labels()) + list(lexicon.status_labels())
    return re.compile(rf"^(?:{lexicon.alternation(words)})(?:\s*:|\s*$|\s+(?-i:[A-ZÅÄÖ\d]))", re.IGNORECASE)


def is_label_line(text: str) -> bool:
    """A line that opens with a header or attendance label."""
    return bool(_any_label().match(text))


@lru_cache(maxsize=1)
def _label_parts() -> re.Pattern:
    """Where a line holds several "Label: value" pairs: at tabs, wide gaps, or before "Label:"."""
    body = lexicon.alternation(list(lexicon.header_labels()))
    return re.compile(
        rf"\t|(?<=\S) {{2,}}(?=[A-ZÅÄÖ]\w+\s*:)|(?<=\S) (?=(?-i:(?=[A-ZÅÄÖ]))(?:{body})\s*:)", re.IGNORECASE
    )


def header_fields(preamble: list[Line]) -> list[Field]:
    """Labelled header values, in document order."""
    texts = _join_wrapped_labels([line.text for line in preamble])
    fields: list[Field] = []
    for n, text in enumerate(texts):
        parts = [p.strip() for p in _label_parts().split(text) if p.strip()]
        for k, part in enumerate(parts):
            m = _label_line().match(part)
            if not m:
                continue
            label = re.sub(r"\s+", " ", m.group("label").lower())
            value = m.group("value").strip(" :")
            if not value and k + 1 < len(parts) and not _label_line().match(parts[k + 1]):
                value = parts[k + 1]  # "Plats och tid<tab>Kommunhuset": the value in the next column
            below = _values_below(texts, n)
            if not value:
                value, below = (below[0], below[1:]) if below else ("", [])
            fields.append(Field(lexicon.header_labels()[label], label, value, " ".join(below[:1])))
    return fields


def _join_wrapped_labels(texts: list[str]) -> list[str]:
    """ "Datum och<tab>2021-05-10 18.30" / "tid:": a label cell a PDF table wrapped onto the next
    line is joined again ("Datum och tid<tab>2021-05-10 18.30")."""
    out = list(texts)
    for n in range(len(out) - 1):
        head, sep, rest = out[n].partition("\t")
        tail = out[n + 1].strip()
        if not sep or not re.search(r"\s(?:och|samt|&)$", head.strip()) or not re.fullmatch(r"[\wåäöÅÄÖ]+:?", tail):
            continue
        label = f"{head.strip()} {tail.rstrip(':')}"
        if label.lower() in lexicon.header_labels():
            out[n], out[n + 1] = f"{label}:\t{rest}", ""
    return out


def _values_below(texts: list[str], n: int) -> list[str]:
    """Lines under a label line that continue its value (up to the next label)."""
    out: list[str] = []
    blanks = 0
    for text in texts[n + 1 : n + 7]:
        if not text:
            blanks += 1
            if blanks > 1 and out:
                break
            continue
        if is_label_line(text) or _DOTS.search(text):
            break
        out.append(text)
        blanks = 0
        if len(out) >= 3:
            break
    return out


def _field_values(fields: list[Field], *names: str) -> list[str]:
    return [f.value for name in names for f in fields if f.field == name and f.value]


# --- date ---------------------------------------------------------------------------------------


def meeting_date(fields: list[Field], title_text: str, full_text: str) -> str | None:
    """The meeting date from the header, with the year inferred when not printed."""
    ordered = sorted(
        (f for f in fields if f.field in ("date", "date_time", "time", "place_time")),
        key=lambda f: 0 if "sammanträde" in f.label or "möte" in f.label else 1,
    )
    for f in ordered:
        found = _first_date(f"{f.value} {f.continuation}" if f.field == "date" else f.value, full_text)
        if found:
            return found
    found = _first_date(title_text[:600], full_text) if title_text else None
    if found:
        return found
    year = infer_meeting_year(full_text)
    return str(year) if year else None


def _first_date(text: str, full_text: str) -> str | None:
    for match in find_dates(text):
        if len(match.value) == 10 and not re.match(r"^[\s,]*§", text[match.end :]):
            return match.value  # (a date before "§ 111" cites another meeting's paragraph)
    day_month = re.search(r"(\d{1,2})\s+([a-zåäö]+)", text)
    if day_month:
        year = infer_meeting_year(full_text)
        if year:
            found = find_dates(f"{day_month.group(0)} {year}")
            if found and len(found[0].value) == 10:
                return found[0].value
    return None


# --- times --------------------------------------------------------------------------------------


def meeting_times(fields: list[Field], preamble_text: str, body_text: str) -> tuple[str | None, str | None]:
    """Start and end time as HH:MM from the header, else from the opening and closing sentences.

    A header that gives only the start ("Tid: 16.31") leaves the end to the closing sentence
    ("Mötet avslutades kl 19.54").
    """
    for value in _field_values(fields, "time", "date_time", "date", "place_time"):
        times = _times(value)
        if times:
            start, end = times
            return start, end or _sentence_time(body_text, "closing")
    m = re.search(r"\bkl\.?\s*" + TIME_RANGE.pattern, preamble_text, re.IGNORECASE)
    if m and _plausible(m):
        return _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    ranged = _CLOCK_RANGE.search(re.sub(r"\d{4}[-./]\d{2}[-./]\d{2}", " ", preamble_text))
    if ranged and _plausible(ranged):
        # "Möte 2021-05-03 18.00–20.30 i Bygdegården": the title gives the times.
        return _hhmm(ranged.group(1), ranged.group(2)), _hhmm(ranged.group(3), ranged.group(4))
    return _sentence_time(body_text, "opening"), _sentence_time(body_text, "closing")


#: "18:00-20:00", "18.00–20.30": a range of clock times with minutes on both sides, "kl" or not.
_CLOCK_RANGE = re.compile(
    r"(?<![\d.:/-])([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:-|–|—|till)\s*([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d])"
)


def _times(value: str) -> tuple[str | None, str | None] | None:
    text = re.sub(r"\d{4}[-./]\d{2}[-./]\d{2}|\d{1,2}\.\d{1,2}\.\d{4}", " ", value)
    ranged = _CLOCK_RANGE.search(text)
    if ranged and _plausible(ranged):
        return _hhmm(ranged.group(1), ranged.group(2)), _hhmm(ranged.group(3), ranged.group(4))
    clocks = CLOCK.findall(text)
    if clocks:
        start = _hhmm(*clocks[0])
        end = _hhmm(*clocks[-1]) if len(clocks) > 1 and _RANGE_SEP.search(text) else None
        return start, end
    m = TIME_RANGE.search(text)
    if m and _plausible(m) and re.search(r"\bkl", text, re.IGNORECASE):
        return _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    single = re.search(r"\bkl\.?\s*(\d{1,2})\b", text, re.IGNORECASE)
    if single and int(single.group(1)) < 24:
        return _hhmm(single.group(1), None), None
    return None


def _sentence_time(text: str, which: str) -> str | None:
    cue = re.compile(lexicon.load("header")[which])
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if len(line) > 200:
            continue
        m = cue.search(line)
        if not m:
            continue
        clock = CLOCK.search(line, m.start() if which == "closing" else 0)
        if clock and (which == "closing" or abs(clock.start() - m.start()) < 80):
            return _hhmm(*clock.groups())
        if clock is None and n + 1 < len(lines) and len(lines[n + 1]) <= 24:
            # "1. Mötet öppnas." / "a. 17.16.": the time alone on the line below.
            clock = CLOCK.search(lines[n + 1])
            if clock:
                return _hhmm(*clock.groups())
    return None


def _plausible(m: re.Match) -> bool:
    return int(m.group(1)) < 24 and int(m.group(3)) < 24 and int(m.group(3)) >= int(m.group(1))


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"


# --- location -----------------------------------------------------------------------------------


#: "Måndagen den 3 maj 2021 ...", "3 maj 2021 ...", "2021-05-03 ...": a value that opens with its date.
_STARTS_WITH_DATE = re.compile(r"^\s*(?:[A-ZÅÄÖa-zåäö]+dag(?:en)?\s+)?(?:den\s+)?\d")


def meeting_location(fields: list[Field], text: str) -> str | None:
    """The place as written; "Teams" (or the like) for a video meeting without a place."""
    for f in fields:
        if f.field not in ("place", "place_time") or not f.value:
            continue
        value = f.value
        if (
            f.continuation
            and not CLOCK.search(value)
            and not re.search(r"\bkl\b", value)
            and len(f.continuation) < 70
            and re.search(r"\d", f.continuation)
        ):
            value = f"{value} {f.continuation}"
        # "Kommunhuset, kl. 13.00–15.30": the time is not part of the place.
        pieces = [p for p in re.split(r",?\s*\b(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\b|,?\s*\bkl\.?\s*\d", value) if p]
        if len(pieces) > 1 and _STARTS_WITH_DATE.match(pieces[0]) and find_dates(pieces[0]):
            # "Måndagen den 3 maj 2021 kl. 18.00, Bygdegården": the date and time first, the place after.
            pieces = [re.sub(r"^[\s\d.:–-]*,?\s*", "", p) for p in pieces[1:]]
        place = pieces[0] if pieces else ""
        place = re.sub(r"\s*\b\d{4}-\d{2}-\d{2}\b.*$", "", place)
        place = place.rstrip(". ,")
        if place:
            return place
    form = next((f.value for f in fields if f.field == "form" and f.value), None)
    if form:
        video = lexicon.regex("header", "video").search(form)
        return video.group(0) if video else form.rstrip(". ")
    held = re.search(lexicon.load("header")["held"], text[:1500])
    if held:
        return held.group("place").strip()
    return None


# --- body ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _doc_types() -> re.Pattern:
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('documents', 'types'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _meeting_words() -> re.Pattern:
    words = list(lexicon.words("documents", "meetings")) + [
        "styrelsemöte",
        "styrelsesammanträde",
        "utskottssammanträde",
    ]
    return re.compile(rf"(?<![\wåäö])[\wåäö-]*(?:{lexicon.alternation(words)})(?:n|t|et)?(?![\wåäö])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _body_nouns() -> dict[str, str]:
    return dict(lexicon.load("documents")["body_nouns"])


def body_word(word: str) -> str | None:
    """The body a word names, in the definite form: "Kyrkorådets" -> "Kyrkorådet",
    "Styrelsesammanträdet" -> "Styrelsen", "Kommittésammanträde" -> "Kommittén"."""
    low = word.lower().strip(".,:;()")
    found = _noun_in(low)
    if found:
        return found
    for ending in lexicon.words("documents", "meeting_compounds"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return _noun_in(low[: -len(ending)])
    return None


def _noun_in(low: str) -> str | None:
    nouns = _body_nouns()
    for noun in sorted(nouns, key=len, reverse=True):
        definite = nouns[noun]
        for form in (definite + "s", definite, noun + "s", noun):
            if low.endswith(form):
                result = low[: len(low) - len(form)] + definite
                return result[:1].upper() + result[1:]
    return None


def _title_lines(preamble: list[Line]) -> list[str]:
    """The title lines: those before the first label, column heading or list line."""
    out: list[str] = []
    for line in preamble:
        text = line.text
        if not text or line.boilerplate:
            continue
        group = text.strip(" :").lower() in lexicon.group_labels()
        parts = text.split("\t")
        if len(parts) > 1 and all(len(p.split()) == 1 and not is_label_line(p) for p in parts) and not out:
            text = " ".join(parts)  # "Ekby\tsamfällighet": one name a scan or PDF printed in columns
        if not out and len(text) > 150 and not is_label_line(text):
            # A flattened page: the title is the line's opening words, up to its first sentence.
            head = re.split(r"(?<=[.!?])\s|\s[–—-]\s", text, maxsplit=1)[0]
            out.append(" ".join(head.split()[:14]))
            break
        if (
            (is_label_line(text) and not group)
            or "\t" in text
            or text.startswith("För ")
            or len(out) >= 5
            or len(text) > 150
        ):
            break
        out.append(text)
    return out


def meeting_body(preamble: list[Line], fields: list[Field], text: str) -> tuple[str | None, str | None]:
    """(short name, full name) of the body: an "Organ" label, the title lines, or the decisions' subject."""
    organ = next((f.value for f in fields if f.field == "body" and f.value), None)
    if organ:
        return organ.strip(" ."), None
    titles = _title_lines(preamble)
    heading = " ".join(titles)
    short, full = _acronym_body(heading, text)
    if short or full:
        return short, full
    subjects = Counter(m.group(1) for m in DECISION_SUBJECT.finditer(text) if m.group(1) not in lexicon.party_letters())
    doc_type = re.match(
        rf"^\s*(?:{lexicon.alternation(lexicon.words('documents', 'types'))})\b\s*(.*)$", heading, re.IGNORECASE
    )
    if subjects and doc_type:
        # "Mötesanteckning politiskt samrådsorgan mellan A och B" + "SRO noterar ...".
        return subjects.most_common(1)[0][0], re.split(
            r"\s(?:För [A-ZÅÄÖ]{2,}|Närvarande|Inbjudna|Datum|Tid|Plats)\b", doc_type.group(1)
        )[0].strip() or None
    breadcrumb = next((t for t in titles if t.count(">") >= 2), None)
    if breadcrumb:
        parts = [p.strip() for p in breadcrumb.split(">")]
        named = [p for p in parts if body_word(p.split()[-1]) and len(p.split()) <= 3]
        if named:
            org = next((p for p in parts if re.search(r"\b(?:kommun|region|landsting)\b", p, re.IGNORECASE)), None)
            return named[-1], f"{named[-1]}, {org}" if org else None
    for title in titles:
        proper = _proper_name(title)
        if proper and _is_municipality(proper):
            # "Region Ekby", "Ekby kommun": the organisation the body belongs to, not the body.
            named = [b for t in titles for w in re.findall(r"[\wåäöÅÄÖ-]+", t) if (b := body_word(w)) and len(b) > 4]
            if named:
                best = max(named, key=len)
                return best, f"{best}, {proper}"
        if proper:
            acronym = _acronym_in(proper, text)
            return (acronym, proper) if acronym else (proper, None)
    found = [b for title in titles for w in re.findall(r"[\wåäöÅÄÖ-]+", title) if (b := body_word(w)) and len(b) > 4]
    first = [b for title in titles if title.split() and (b := body_word(title.split()[0])) and len(b) > 4]
    if found:
        # A body named first on its title line ("Styrelsen för ...") before one named inside it.
        best = _qualified(max(first or found, key=len), titles)
        return best, _full_name(best, titles) or _title_of(best, titles)
    subjects = Counter(m.group(1) for m in DECISION_SUBJECT.finditer(text) if m.group(1) not in lexicon.party_letters())
    if subjects:
        return subjects.most_common(1)[0][0], None
    return _subject_body(text), None


def _qualified(body: str, titles: list[str]) -> str:
    """The body as the title names it in full: the elided first half of a compound ("Vård- och
    omsorgsnämnden"), and an association's place ("Hembygdsföreningen i Ekby")."""
    for title in titles:
        word = re.search(rf"(?<![\wåäö])[\wåäö-]*{re.escape(body.lower())}(?![\wåäö])", title.lower())
        if not word:
            continue
        start, end = word.start(), word.end()
        elided = re.search(r"((?:[\wåäöÅÄÖ]+-,?\s+)+(?:och|samt|eller)\s+)$", title[:start])
        if elided:
            start = elided.start()
        noun = body_word(title[word.start() : word.end()]) or body
        if any(o in noun.lower() for o in lexicon.words("documents", "organisation_nouns")):
            place = re.match(
                r"\s+(?:i|vid|på)\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:högskola|universitet|kommun|stad))?", title[end:]
            )
            if place:
                end += place.end()
        if elided or end > word.end():
            phrase = title[start:end]
            return phrase[:1].upper() + phrase[1:]
    return body


def _title_of(body: str, titles: list[str]) -> str | None:
    """The title line that names the body, as its full name ("SOCIALNÄMNDEN" -> "Socialnämnden")."""
    for title in titles:
        words = title.split()
        if (
            words
            and body_word(words[0]) == body
            and not _doc_types().search(title)
            and not find_dates(title)
            and not _meeting_words().fullmatch(words[0])
        ):
            return title.capitalize() if title.isupper() else title
    return None


def _full_name(body: str, titles: list[str]) -> str | None:
    org = next(
        (
            m.group(0)
            for t in titles
            for m in [
                re.search(r"\b[A-ZÅÄÖ][\wåäö]+\s+(?:kommun|region|landsting|stad)\b|\b[A-ZÅÄÖ][\wåäö]+regionen\b", t)
            ]
            if m
        ),
        None,
    )
    return f"{body}, {org}" if org else None


@lru_cache(maxsize=1)
def _calendar_words() -> re.Pattern:
    from minutes.extract.dates import MONTHS

    return re.compile(rf"\b(?:{'|'.join(MONTHS)}|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?)\b\.?", re.IGNORECASE)


def _proper_name(title: str) -> str | None:
    """An organisation named in a title: "Protokoll Börje Sportklubb styrelsemöte" -> "Börje Sportklubb".

    What is left of the title without document type, meeting words, dates and numbers
    must look like a name: quoted, a genitive phrase ("Xs förbund"), an acronym or
    mixed-case word ("LiTHe"), a body-like ending or two capitalised words, and not a person.
    """
    quoted = re.search(r"[\"”“«]([A-ZÅÄÖ][^\"”“»]{1,60})[\"”“»]", title)
    if quoted:
        return quoted.group(1).strip()
    text = title.split("|")[0]
    text = _doc_types().sub(" ", text)
    text = _meeting_words().sub(" ", text)
    text = _calendar_words().sub(" ", text)
    text = re.sub(r"#\s*\d+|\bnr\.?\s*\d+|\b[\d/:.-]+\b", " ", text)
    words = [w for w in re.split(r"[\s|,;:()–—/-]+", text) if re.search(r"\w", w)]
    edge = re.compile(r"^(?:fört|förd|vid|från|med|den|för|av|i|och|ur|om|på)$", re.IGNORECASE)
    while words and edge.match(words[0]):
        words = words[1:]
    while words and edge.match(words[-1]):
        words = words[:-1]  # "fört vid ... årsmöte den": the edges are the title's words, not the name's
    if not words or len(words) > 5 or not words[0][:1].isupper():
        return None
    if len(words) > 1 and re.search(rf"\b{re.escape(words[-1])}\s+{_meeting_words().pattern}", title, re.IGNORECASE):
        # "Ekby kods höstmöte": the name in the genitive before the meeting word.
        words[-1] = re.sub(r"(?<=[^s])s$", "", words[-1])
    name = " ".join(words)
    if body_word(words[0]):
        return None  # "Socialnämnden i Ekby kommun": the body noun names the body
    genitive = words[0].lower().endswith("s") and len(words[0]) > 3
    if find_names(name) or (not genitive and any(w[:1].islower() and body_word(w) for w in words)):
        return None
    if len(words) == 1:
        word = words[0]
        return word if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", word) or (re.search(r"[a-zåäö][A-ZÅÄÖ]", word)) else None
    genitive = words[0].lower().endswith("s") and len(words[0]) > 3
    mixed = any(re.search(r"[a-zåäö][A-ZÅÄÖ]", w) or re.fullmatch(r"[A-ZÅÄÖ]{2,6}", w) for w in words)
    orgish = any(body_word(w) or _orgish(w) for w in words)
    capitals = sum(1 for w in words if w[:1].isupper()) >= 2
    if not (genitive or mixed or orgish or capitals):
        return None
    return name.capitalize() if name.isupper() else name


def _orgish(word: str) -> bool:
    from minutes.extract.people import is_orgish

    return is_orgish(word)


def _month_or_day(text: str) -> bool:
    return bool(re.search(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\w*\b", text, re.IGNORECASE))


def _acronym_body(heading: str, text: str) -> tuple[str | None, str | None]:
    """ "Full Name (ACR)", "Protokoll ACR – Full Name", "ACR Minnesanteckningar"."""
    doc_types = lexicon.alternation(lexicon.words("documents", "types"))
    short, full = None, None
    paren = re.search(r"([A-ZÅÄÖ][\w\s,-]{1,120}?)\s*\(([A-ZÅÄÖ]{2,6})\)", heading)
    doc_type = re.match(rf"^\s*(?:{doc_types})\b\s*(.*)$", heading, re.IGNORECASE)
    leading = re.match(rf"^\s*((?-i:[A-ZÅÄÖ]{{2,6}}))\s+(?:{doc_types})\b", heading, re.IGNORECASE)
    if paren:
        full, short = (
            re.sub(rf"^\s*(?:{doc_types})\b\s*", "", paren.group(1), flags=re.IGNORECASE).strip(),
            paren.group(2),
        )
    elif leading:
        short = leading.group(1)
    elif doc_type:
        rest = doc_type.group(1).strip()
        acronym = re.match(r"^([A-ZÅÄÖ]{2,6})\b\s*[–—-]\s*(.*)$", rest) or re.match(r"^([A-ZÅÄÖ]{2,6})\s*$", rest)
        if acronym:
            short = acronym.group(1)
            full = acronym.group(2).strip() if acronym.lastindex and acronym.lastindex >= 2 else None
    if short in lexicon.party_letters() or (short and short.isdigit()):
        short = None
    if full:
        full = re.sub(r"\s+", " ", full).strip(" –-,") or None
    elif short:
        full = expansion(short, text)
    return short, full


def _is_municipality(name: str) -> bool:
    return bool(
        re.match(r"(?i)^(?:region|landstinget)\s+\S", name)
        or re.search(r"(?i)\s(?:kommun|stad|region|landsting)$", name)
    )


def _acronym_in(name: str, text: str) -> str | None:
    """The acronym the minutes use for a name they print in full once ("Ekby Universitets Datorförening"
    -> "EUDF" when the text says "EUDF" again): the short name minutes go by."""
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return None
    initials = "".join(w[0] for w in words).upper()
    counts = Counter(m.group(0) for m in re.finditer(r"(?<![\wåäöÅÄÖ])[A-ZÅÄÖ]{2,6}(?![\wåäöÅÄÖ])", text))
    found = [a for a, n in counts.items() if a.startswith(initials) and len(a) <= len(initials) + 2 and n >= 2]
    return max(found, key=lambda a: counts[a]) if found else None


def _subject_body(text: str) -> str | None:
    """The body that decides in the text ("Kyrkomötet beslöt", "finner att kommunfullmäktige beslutar")."""
    counts: Counter[str] = Counter()
    pattern = re.compile(
        r"\b([A-ZÅÄÖa-zåäö][\wåäö]+)\s+(?:beslutar|beslutade|beslöt|har\s+omfattat|fastställde|godkänner|godkände|avslår|avslog)\b"
    )
    for m in pattern.finditer(text):
        found = body_word(m.group(1))
        if found and found.lower() not in ("mötet",):
            counts[found] += 1
    return counts.most_common(1)[0][0] if counts else None


def expansion(acronym: str, text: str) -> str | None:
    """The full name an acronym is introduced with: "Full Name (ACR)" or "Full Name, ACR"."""
    words = r"[A-ZÅÄÖ][\wåäö]+(?: (?:[A-ZÅÄÖ][\wåäö]+|och|i|för|mellan)){0,6}"
    m = re.search(rf"({words})\s*(?:\(|,\s*){re.escape(acronym)}\b", text)
    return m.group(1) if m else None


# --- signatures ---------------------------------------------------------------------------------


def signatories(lines: list[Line], known: list[str]) -> tuple[list[str], int, dict[str, str]]:
    """Names in the signature block at the end, the index of its first line, and their roles.

    Reads upwards from the last line while lines look like signatures: names
    with titles ("ordförande", "direktör VästKom"), title-only lines, rules
    ("______") and no sentences. A role line above names gives them that role.
    """
    names: list[str] = []
    first = len(lines)
    saw_title = False
    roles: dict[str, str] = {}
    pending: list[str] = []
    below: list[str | None] = []  # roles in columns on the line under names ("ordförande<tab>sekreterare")
    for i in range(len(lines) - 1, -1, -1):
        text = _DOTS.sub(" ", lines[i].text.replace("\t", "  ")).strip()
        if not text:
            continue
        if len(text) > 110 or re.search(r"[.!?]\s*$", text) and not SIGNATURE_WORDS.search(text):
            break
        found = [n.name for n in find_names(text, known=known)]
        found = [n for n in found if is_first_name(n.split()[0]) or n in known]
        if SIGNATURE_WORDS.search(text):
            saw_title = True
        if found and _only_names_and_titles(text, found):
            names = found + names
            pending = found + pending
            first = i
            if len(below) == len(found) > 1:
                for n, role in zip(found, below):
                    if role:
                        roles.setdefault(n, role)
            below = []
            title = _role_of(text)
            if title:
                for n in found:
                    roles.setdefault(n, title)
        elif not found and _title_only(text):
            cells = [c for c in lines[i].text.split("\t") if c.strip()]
            below = [_role_of(c) for c in cells] if len(cells) > 1 else []
            title = _role_of(text)
            if title:
                for n in pending:
                    roles.setdefault(n, title)
            pending = []
            first = i
        else:
            break
    if not saw_title:
        return [], len(lines), {}
    return names, first, roles


_ROLE_WORDS = {
    "sekreterare": "sekreterare",
    "sekr": "sekreterare",
    "vid protokollet": "sekreterare",
    "protokollförare": "sekreterare",
    "mötessekreterare": "sekreterare",
    "ordförande": "ordförande",
    "ordf": "ordförande",
    "mötesordförande": "ordförande",
    "justerare": "justerare",
    "justerande": "justerare",
    "justeras": "justerare",
}


def _role_of(text: str) -> str | None:
    low = text.lower()
    for word, role in _ROLE_WORDS.items():
        if re.search(rf"\b{word}\b", low):
            return role
    return None


def top_signatories(preamble: list[Line], known: list[str]) -> tuple[list[str], dict[str, str]]:
    """Names under an "Underskrift(er)" block on a protocol's first page, with their roles.

    Kommunal protocols print the signature fields (secretary, chair, adjusters)
    before the attendance list, each role followed by the name below the line.
    """
    lines = [line for line in preamble if line.text]
    start = next(
        (i for i, line in enumerate(lines) if re.match(r"^Underskrift(?:er)?\b", line.text, re.IGNORECASE)), None
    )
    if start is None:
        return [], {}
    names: list[str] = []
    roles: dict[str, str] = {}
    role: str | None = None
    for line in lines[start : start + 14]:
        text = re.sub(r"^Underskrift(?:er)?\s*", "", line.text, flags=re.IGNORECASE)
        text = re.sub(r"\bParagrafer\s*(?:§§?\s*)?[\d\s,–-]*", " ", text, flags=re.IGNORECASE)
        if re.match(r"^(?:ANSLAG|BEVIS)\b", text) or (is_label_line(text) and not _role_of(text)):
            break
        # A flattened block holds several roles on one line: "Anna Berg Ordförande ..... Olle Ek".
        for piece in _SIGNER_ROLE.split(text):
            label = _role_of(piece) if _SIGNER_ROLE.fullmatch(piece.strip()) else None
            if label:
                role = label
                continue
            piece = _DOTS.sub(" ", piece)
            found = [m.name for m in find_names(piece, known=known)] or _name_line(piece.strip())
            for name in found:
                names.append(name)
                if role:
                    roles.setdefault(name, role)
    return list(dict.fromkeys(names)), roles


_SIGNER_ROLE = re.compile(r"(\b(?:Vice ordförande|Sekreterare|Ordförande|Justerande|Justerare)\b)", re.IGNORECASE)


def _name_line(text: str) -> list[str]:
    """A line of only capitalised words read as names, two or three words each."""
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(re.fullmatch(r"[A-ZÅÄÖ][\wåäöéü-]+", w) for w in words):
        return []
    if len(words) in (2, 3):
        return [" ".join(words)]
    return [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)] if len(words) % 2 == 0 else []


def signature_roles(lines: list[Line], names: list[str]) -> dict[str, str]:
    """Titles written after a name on a signature line ("Anna Berg, ordförande nämnden")."""
    roles = {}
    for line in lines:
        text = line.text.replace("\t", "  ")
        spots = sorted((text.find(n), n) for n in names if n in text)
        for k, (pos, name) in enumerate(spots):
            stop = spots[k + 1][0] if k + 1 < len(spots) else len(text)
            title = text[pos + len(name) : stop].strip(" ,\t")
            if title[:1].islower() and SIGNATURE_WORDS.search(title) and len(title) < 60:
                roles[name] = title
    return roles


def _only_names_and_titles(text: str, names: list[str]) -> bool:
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    words = re.findall(r"[\wåäöÅÄÖ-]+", rest)
    lowercase = [w for w in words if w[:1].islower() and not SIGNATURE_WORDS.search(w)]
    return len(lowercase) <= 3 and len(words) <= 10


def _title_only(text: str) -> bool:
    words = re.findall(r"[\wåäöÅÄÖ-]+", text)
    if not words:
        return not text.strip(" _.-–")
    if len(words) > 8:
        return False
    return bool(SIGNATURE_WORDS.search(text)) or all(w[:1].isupper() or w in ("och", "v") for w in words)
