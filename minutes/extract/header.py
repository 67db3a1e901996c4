"""Meeting header fields: body, date, start and end time, location, signatories."""

from __future__ import annotations

import re
from collections import Counter

from minutes.extract.dates import find_dates, infer_meeting_year
from minutes.extract.lines import Line
from minutes.extract.people import find_names, is_first_name

DOC_TYPES = (
    r"Minnesanteckningar|Minnesanteckning|Mötesanteckningar|Mötesanteckning|Protokoll|"
    r"Sammanträdesprotokoll|Anteckningar|Protokollsutdrag"
)
LABEL = re.compile(
    r"^(Tid|Datum|Dag|Sammanträdesdatum|Mötesdatum|Datum och tid|Tid och datum|Plats|"
    r"Plats och tid|Lokal|Mötesform|Mötesplats)\s*:\s*(.*)$"
    r"|^(Sammanträdesdatum|Mötesdatum|Datum)\s+(\d.*)$",
    re.IGNORECASE,
)
#: Words that end a body's name in a heading: "Socialnämnden i X kommun" -> "Socialnämnden".
BODY_NOUN = re.compile(
    r"^(?=[A-ZÅÄÖ])[\wåäö-]*(?i:(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|rådet|beredningen|"
    r"organet|gruppen|förbundet|kommittén|delegationen|presidiet|samverkan))$"
)
PARTY_LETTERS = {"M", "S", "C", "L", "KD", "V", "MP", "SD", "FP"}
TIME_RANGE = re.compile(
    r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?"
)
ACRONYM = re.compile(r"\b([A-ZÅÄÖ]{2,6})\b")
#: Decision statements whose subject is the body ("VVG noterar informationen").
DECISION_SUBJECT = re.compile(
    r"(?:Ställningstagande|Beslut)\s*:?\s*\*?([A-ZÅÄÖ]{2,6})\s+"
    r"(?:noterar|ställer|beslutar|godkänner|tillstyrker|önskar|fastställer|antar|uppdrar)"
)
SIGNATURE_WORDS = re.compile(
    r"\b(ordf|ordförande|vice|sekreterare|justerare|justeras|direktör|\w+direktör|"
    r"vid protokollet|protokollförare|sign|underskrift)\b",
    re.IGNORECASE,
)
VIDEO_MEETING = re.compile(r"\b(Teams|Zoom|Skype|videomöte|digitalt)\b", re.IGNORECASE)


def header_fields(preamble: list[Line]) -> dict[str, str]:
    """Labelled header lines ("Tid: ...", "Plats: ...") as a dict keyed by lower-case label."""
    fields: dict[str, str] = {}
    for line in preamble:
        for part in re.split(r"\t| {2,}(?=[A-ZÅÄÖ]\w+\s*:)|(?<=\S) (?=Mötesform:|Plats:)", line.text):
            m = LABEL.match(part.strip())
            if m:
                key, value = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                if value.strip():
                    fields.setdefault(key.lower(), value.strip())
    return fields


def meeting_date(fields: dict[str, str], preamble_text: str, full_text: str) -> str | None:
    """The meeting date from the header, with the year inferred when not printed."""
    for key in ("datum", "sammanträdesdatum", "mötesdatum", "datum och tid", "tid och datum", "dag", "tid"):
        if key in fields:
            found = _first_date(fields[key], full_text)
            if found:
                return found
    found = _first_date(preamble_text[:600], full_text) if preamble_text else None
    if found:
        return found
    year = infer_meeting_year(full_text)
    return str(year) if year else None


def _first_date(text: str, full_text: str) -> str | None:
    for match in find_dates(text):
        if len(match.value) == 10:
            return match.value
    day_month = re.search(r"(\d{1,2})\s+([a-zåäö]+)", text)
    if day_month:
        year = infer_meeting_year(full_text)
        if year:
            found = find_dates(f"{day_month.group(0)} {year}")
            if found and len(found[0].value) == 10:
                return found[0].value
    return None


def meeting_times(fields: dict[str, str], preamble_text: str) -> tuple[str | None, str | None]:
    """Start and end time as HH:MM from "kl 13.30-16.30" or "Tid: 9.00 – 11.00"."""
    for text in [fields.get(k, "") for k in ("tid", "datum och tid", "tid och datum", "datum", "dag")]:
        text = re.sub(r"\d{4}-\d{2}-\d{2}", " ", text)
        m = TIME_RANGE.search(text)
        if m and _plausible(m):
            return _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    m = re.search(r"kl\.?\s*" + TIME_RANGE.pattern, preamble_text)
    if m and _plausible(m):
        return _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    return None, None


def _plausible(m: re.Match) -> bool:
    return int(m.group(1)) < 24 and int(m.group(3)) < 24 and int(m.group(3)) >= int(m.group(1))


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"


def meeting_location(fields: dict[str, str]) -> str | None:
    """The place as written; "Teams" (or the like) for a video meeting without a place."""
    for key in ("plats", "lokal", "mötesplats", "plats och tid"):
        if key in fields:
            # "Kommunhuset, kl. 13.00–15.30": the time is not part of the place.
            place = re.split(r",?\s*\b(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\b", fields[key])[0]
            return place.rstrip(". ,") or None
    form = fields.get("mötesform")
    if form:
        video = VIDEO_MEETING.search(form)
        return video.group(1) if video else form.rstrip(". ")
    return None


def meeting_body(preamble: list[Line], text: str) -> tuple[str | None, str | None]:
    """(short name, full name) of the body, from the heading or from decision statements."""
    heading = " ".join(_heading_lines(preamble))
    short, full = None, None
    paren = re.search(r"([A-ZÅÄÖ][\w\s,-]{1,120}?)\s*\(([A-ZÅÄÖ]{2,6})\)", heading)
    doc_type = re.match(rf"^\s*(?:{DOC_TYPES})\b\s*(.*)$", heading, re.IGNORECASE)
    if paren:
        full, short = _strip_doc_type(paren.group(1)), paren.group(2)
    elif doc_type:
        rest = doc_type.group(1).strip()
        acronym = re.match(r"^([A-ZÅÄÖ]{2,6})\b\s*[–—-]?\s*(.*)$", rest)
        if acronym:
            short, full = acronym.group(1), acronym.group(2).strip() or None
        else:
            full = _cut_heading(rest) or None
    if full is None and short is None:
        named = next((t for t in _heading_lines(preamble) if BODY_NOUN.match(t.split()[0])), None)
        if named:
            full = named.title() if named.isupper() else named
    if short in PARTY_LETTERS:
        short = None
    subjects = Counter(m.group(1) for m in DECISION_SUBJECT.finditer(text) if m.group(1) not in PARTY_LETTERS)
    if short is None and subjects:
        short = subjects.most_common(1)[0][0]
    if short is None and full and BODY_NOUN.match(full.split()[0]):
        short = full.split()[0]
    if full:
        full = re.sub(r"\s+", " ", full).strip(" –-,")
    elif short:
        full = expansion(short, text)
    return short, full


def expansion(acronym: str, text: str) -> str | None:
    """The full name an acronym is introduced with: "Full Name (ACR)" or "Full Name, ACR"."""
    words = r"[A-ZÅÄÖ][\wåäö]+(?: (?:[A-ZÅÄÖ][\wåäö]+|och|i|för|mellan)){0,6}"
    m = re.search(rf"({words})\s*(?:\(|,\s*){re.escape(acronym)}\b", text)
    return m.group(1) if m else None


def _heading_lines(preamble: list[Line]) -> list[str]:
    """The title lines: those before the first label, column heading or list line."""
    out = []
    for line in preamble:
        text = line.text
        if not text:
            continue
        if ":" in text or "\t" in text or text.startswith("För ") or len(out) >= 4 or len(text) > 150:
            break
        out.append(text)
    return out


def _strip_doc_type(text: str) -> str:
    return re.sub(rf"^\s*(?:{DOC_TYPES})\b\s*", "", text, flags=re.IGNORECASE).strip()


def _cut_heading(text: str) -> str:
    """The body's name ends where the attendee list or a group heading begins."""
    text = re.split(r"\s(?:För [A-ZÅÄÖ]{2,}|Närvarande|Inbjudna|Datum|Tid|Plats)\b", text)[0]
    return text.strip()


def signatories(lines: list[Line], known: list[str]) -> tuple[list[str], int]:
    """Names in the signature block at the end, and the index of its first line.

    Reads upwards from the last line while lines look like signatures: names
    with titles ("ordförande", "direktör VästKom") or title-only lines, and
    no sentences.
    """
    names: list[str] = []
    first = len(lines)
    saw_title = False
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].text.replace("\t", "  ")
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
            first = i
        elif not found and _title_only(text):
            first = i
        else:
            break
    if not saw_title:
        return [], len(lines)
    return names, first


_TOP_SIGNATURES = re.compile(r"^Underskrifter\b", re.IGNORECASE)
_SIGNATURE_ROLE = re.compile(r"^(Sekreterare|Ordförande|Justerande|Justerare|Vice ordförande)\b", re.IGNORECASE)


def top_signatories(preamble: list[Line], known: list[str]) -> list[str]:
    """Names under an "Underskrifter" block on a protocol's first page.

    Municipal protocols often print the signature fields (secretary, chair,
    adjuster) before the attendee list, each role followed by a name line.
    """
    names: list[str] = []
    lines = [line for line in preamble if line.text]
    start = next((i for i, line in enumerate(lines) if _TOP_SIGNATURES.match(line.text)), None)
    if start is None:
        return []
    for line in lines[start : start + 12]:
        text = re.sub(r"^Underskrifter\s*", "", line.text, flags=re.IGNORECASE)
        if ":" in text and not _SIGNATURE_ROLE.match(text):
            break
        text = _SIGNATURE_ROLE.sub("", text)
        names += [m.name for m in find_names(text, known=known)]
    return list(dict.fromkeys(names))


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
    if not words or len(words) > 8:
        return False
    return bool(SIGNATURE_WORDS.search(text)) or all(
        w[:1].isupper() or w in ("och", "v") for w in words
    )
