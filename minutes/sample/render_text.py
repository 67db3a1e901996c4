"""Lay a planned meeting out as plain text in the body's style of the era.

Layout choices never change content: everything the truth lists is printed here
exactly once in the chosen form. The only truth written here is the header date,
because its printed form ('2018-08-29', '22 oktober 2025', '26 februari') depends
on the layout.
"""

from __future__ import annotations

import random
from itertools import zip_longest

from . import dates as D
from . import vocabulary as V
from .bodies import period_of
from .model import Item, Meeting, Person, Style


def person_text(p: Person, *, org: bool = True, paren_role: bool = False) -> str:
    """'Name (S), Org, ordförande' or 'Name (ordförande)' as printed in attendee lists."""
    text = p.name + (f" ({p.party})" if p.party else "")
    if paren_role and p.role:
        return f"{text} ({p.role})"
    parts = [text] + ([p.org] if org and p.org else []) + ([p.role] if p.role else [])
    return ", ".join(parts)


def join_names(texts: list[str]) -> str:
    """'A, B och C' — the usual Swedish list."""
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " och " + texts[-1]


def header_lines(m: Meeting) -> list[str]:
    """Date, time and place lines; records the printed meeting date in the truth."""
    day, style = m.day, m.style
    start, end = m.start, m.end
    place = f"{style.online_label.split(':')[0]}: Teams" if m.online else f"Plats: {m.location}"
    if style.header == "tid_iso":
        date_text = day.isoformat()
        lines = [f"Tid: {date_text} kl {D.clock(start)}-{D.clock(end)}", place]
    elif style.header == "tid_long":
        date_text = D.long_form(day)
        lines = [f"Tid: {date_text} kl. {D.clock(start, ':')}-{D.clock(end, ':')}.", place]
    elif style.header == "datum_long":
        date_text = D.long_form(day)
        lines = [f"Datum: {date_text}", f"Tid: {D.clock(start)} – {D.clock(end)}", place]
    elif style.header == "dag_noyear":
        date_text = D.long_form(day, year=False)
        time = f"Tid: kl. {D.clock(start)}-{D.clock(end)}"
        lines = [f"Dag: {date_text}", f"{time} {place}" if m.online else time, *([] if m.online else [place])]
    else:
        date_text = day.isoformat()
        where = "Teams" if m.online else m.location
        lines = [f"Sammanträdesdatum {date_text}", f"Plats och tid: {where}, kl. {D.clock(start)}–{D.clock(end)}"]
    m.dates.insert(0, (date_text, day.isoformat()))
    return lines


def title_lines(m: Meeting, rng: random.Random) -> list[str]:
    """Document title naming the body (full name, and the short name where used)."""
    body, style = m.body, m.style
    if body.kind in ("committee", "board"):
        return [style.doc_title.upper() if rng.random() < 0.5 else style.doc_title, body.full]
    if body.kind == "political":
        return [f"{style.doc_title} {body.short} –", body.full]
    if rng.random() < 0.5:
        return [style.doc_title, "", f"{body.full} ({body.short})"]
    return [f"{style.doc_title} {body.short} – {body.full}"]


def two_columns(left: list[str], right: list[str], sep: str) -> list[str]:
    """A two-column table flattened into lines, as copied out of Word."""
    return [f"{a}{sep}{b}".rstrip() for a, b in zip_longest(left, right, fillvalue="")]


def grouped_column(groups: list[tuple[str, list[str]]]) -> list[str]:
    """Heading followed by its names, for each group in one column."""
    lines = []
    for heading, names in groups:
        lines.append(heading)
        lines.extend(names)
    return lines


def attendee_lines(m: Meeting, rng: random.Random) -> list[str]:
    """The attendee blocks in the body's style (statuses match the truth)."""
    style = m.style
    by_status: dict[str, list[Person]] = {}
    for person, status in m.attendees:
        by_status.setdefault(status, []).append(person)
    absent = by_status.get("absent", [])
    main = by_status.get("present", [])
    if style.absent != "block":
        main = [p for p, s in m.attendees if s in ("present", "absent")]
    suffix = {p.name: " – ej med" for p in absent} if style.absent == "suffix" else {}
    roster = {p.name for p in m.body.rosters[period_of(m.day.year)][0]}
    lines: list[str] = []
    sep = "\t" if rng.random() < 0.6 else "   "

    if style.attendees == "grouped":
        groups: dict[str, list[str]] = {}
        for p in main:
            groups.setdefault(p.org or "Övriga", []).append(
                person_text(p, org=False, paren_role=True) + suffix.get(p.name, "")
            )
        items = list(groups.items())
        half = (len(items) + 1) // 2
        lines += two_columns(grouped_column(items[:half]), grouped_column(items[half:]), sep)
    elif style.attendees == "political":
        members = [p for p in main if p.name in roster]
        others = [p for p in main if p not in members]
        half = (len(members) + 1) // 2
        fmt = [person_text(p) + suffix.get(p.name, "") for p in members]
        lines += two_columns(["För kommunerna"] + fmt[:half], ["För regionen"] + fmt[half:], sep)
        lines += [""] + [person_text(p) + suffix.get(p.name, "") for p in others]
    elif style.attendees == "inline":
        lines.append("Närvarande: " + join_names([person_text(p) + suffix.get(p.name, "") for p in main]))
    elif style.attendees == "protocol":
        members = [p for p in main if p.name in roster]
        others = [p for p in main if p not in members]
        lines += ["Beslutande:"] + [person_text(p) + suffix.get(p.name, "") for p in members]
        lines += ["", "Övriga närvarande:"] + [person_text(p) + suffix.get(p.name, "") for p in others]
    else:
        lines += ["Närvarande:"] + [person_text(p) + suffix.get(p.name, "") for p in main]

    for status, heading in (("invited", "Inbjudna:"), ("called", "Kallade:")):
        people = by_status.get(status)
        if people:
            lines += ["", f"{heading} " + join_names([person_text(p) for p in people])]
    if absent and style.absent == "block":
        lines += ["", rng.choice(("Frånvarande:", "Ej närvarande:"))]
        lines += [person_text(p) for p in absent]
    elif absent and style.absent == "names_later":
        lines += ["", "Frånvarande: " + join_names([p.name for p in absent])]
    return lines


def number_lines(item: Item, style: Style, child: bool) -> list[str]:
    """The numbered title line(s): '4.', '4)', '§ 12', '12 §' or 'a)'."""
    if child:
        return [f"{item.number[-1]}) {item.title}"]
    n, title = item.number, item.title
    return {
        "dot": [f"{n}. {title}"],
        "paren": [f"{n}) {title}"],
        "para_before": [f"§ {n} {title}"],
        "para_after": [f"{n} § {title}"],
        "para_own_line": [f"§ {n}", title],
    }[style.numbering]


def split_long_title(line: str, rng: random.Random) -> list[str]:
    """Long titles often wrap onto a second line in the source documents."""
    if len(line) < 60 or rng.random() < 0.4:
        return [line]
    cut = line.rfind(" ", 0, 55)
    return [line[:cut], line[cut + 1 :]] if cut > 10 else [line]


def decision_lines(m: Meeting, texts: list[str], bulleted: bool) -> list[str]:
    """A decision block in the body's habit ('Ställningstagande:', 'Beslut:' ...)."""
    style = m.style
    label = "Beslut:" if m.body.kind in ("committee", "board") else "Ställningstagande:"
    joined = " ".join(texts)
    if bulleted:
        return [label] + [f"{style.bullet} {t}" for t in texts]
    if style.decision == "inline":
        return [f"{label} {joined}"]
    if style.decision == "plain":
        return [joined]
    if style.decision == "heading":
        return [label.rstrip(":"), joined]
    return [label, joined]


def block_lines(m: Meeting, block: tuple, rng: random.Random) -> list[str]:
    """Lines of one content block (paragraph, list, decision ...)."""
    kind = block[0]
    if kind in ("p", "formal"):
        return [block[1]]
    if kind == "bullets":
        return [f"{m.style.bullet} {t}" for t in block[1]]
    if kind == "numbered":
        indent = "  " if rng.random() < 0.5 else ""
        return [f"{indent}{i}. {t}" for i, t in enumerate(block[1], 1)]
    if kind == "outline":
        return [f"- {t}" if m.style.links else t for t in block[1]]
    if kind == "lines":
        return list(block[1])
    return decision_lines(m, block[1], block[2])


def item_lines(m: Meeting, item: Item, rng: random.Random, child: bool = False) -> list[str]:
    """Title, kind label, presenters, then the content blocks of one item."""
    style = m.style
    lines: list[str] = []
    for line in number_lines(item, style, child):
        lines += split_long_title(line, rng)
    if item.kind:
        lines.append(V.KIND_LABELS[item.kind][0])
    if item.presenters:
        names = join_names([p.name + (f", {p.org}" if p.org else "") for p in item.presenters])
        lines.append(f"{style.presenter_label} {names}" if style.presenter_label else names)
    if style.links and item.topic:
        lines.append(f"- [Underlag {item.title}.pdf](#)")
    for block in item.blocks:
        lines += block_lines(m, block, rng)
        if block[0] != "p" or rng.random() < 0.8:
            lines.append("")
    for sub in item.children:
        lines += item_lines(m, sub, rng, child=True)
    lines.append("")
    return lines


def signature_lines(m: Meeting) -> list[str]:
    """Closing signatures: 'A / B', two names side by side, or a protocol's justering."""
    style, people = m.style, m.signatories
    if not people:
        return []
    if style.signature == "slash":
        return ["", "", f"{people[0].name} / {people[1].name}", "ordförande / sekreterare"]
    if style.signature == "two_col":
        return ["", "", f"{people[0].name}, ordförande {m.body.short}     {people[1].name}, sekreterare"]
    secretary, chair, checker = people
    return [
        "",
        "Vid protokollet",
        "",
        "",
        secretary.name,
        "",
        "Justeras",
        "",
        "",
        f"{chair.name}\t\t{checker.name}",
        "ordförande\t\tjusterare",
    ]


def hard_wrap(lines: list[str], width: int) -> list[str]:
    """Break long lines like text copied out of a PDF (trailing space kept, as in such copies)."""
    out = []
    for line in lines:
        while len(line) > width and "\t" not in line and "   " not in line:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut] + " ")
            line = line[cut + 1 :]
        out.append(line + " " if line else line)
    return out


def page_artifacts(lines: list[str], every: int) -> list[str]:
    """Blank and space-only lines where page breaks used to be."""
    out = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0:
            out += ["", "", "", " ", "", " ", ""]
    return out


def render(m: Meeting) -> str:
    """The whole document as one string with '\\n' line ends."""
    rng = random.Random(m.stem)
    style = m.style
    title, header, people = title_lines(m, rng), header_lines(m), attendee_lines(m, rng)
    if style.header_first:
        lines = title + [""] + header + [""] + people + [""]
    else:
        lines = title + [""] + people + [""] + header + [""]
    lines.append(rng.choice(("Dagordning", "Agenda", "Ärenden")) if style.attendees != "protocol" else "")
    lines.append("")
    for item in m.items:
        lines += item_lines(m, item, rng)
    lines += signature_lines(m)
    if style.wrap and not m.pdf:
        lines = hard_wrap(lines, style.wrap)
    if style.page_artifacts and not m.pdf:
        lines = page_artifacts(lines, 48)
    return "\n".join(lines) + "\n"


def encode(text: str, style: Style) -> bytes:
    """Bytes as the body's office software would save them (encoding, BOM, CRLF)."""
    return text.replace("\n", style.newline).encode(style.encoding)
