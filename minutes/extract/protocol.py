"""Fields of formal protocols: yrkanden, omröstningar, reservationer, protokollsanteckningar, jäv.

Kommunallagen (5 kap.) makes protocols record who moved what, how a vote went
and who reserved against the decision. The phrases are ``lexicon/protocol.yml``;
the names are read as printed ("Anna Berg (S)") and resolved to attendees only
where the document makes it certain.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from minutes.extract import lexicon
from minutes.extract.passage import Passage
from minutes.extract.people import FIRST_WORD, NAME_WORD, find_names, is_orgish_phrase, resolve
from minutes.models import Ballot, Proposal, ProtocolNote, Recusal, Reservation, SourceSpan, Vote

#: "Anna Berg (S)", "Olle Ek, m", "Pär Löfstrand": a person as protocols print them.
_PERSON = re.compile(rf"({FIRST_WORD}(?:\s+{NAME_WORD}){{1,3}})(\s*\((?:[A-ZÅÄÖa-zåäö]{{1,3}}\d?)\))?")
_PARTY_LIST = re.compile(r"^\s*(?:[A-ZÅÄÖ]{1,3}\d?)(?:\s*(?:,|och|samt)\s*[A-ZÅÄÖ]{1,3}\d?)*\s*\.?\s*$")


@cache
@cache
def _rx(key: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return _compile(lexicon.load("protocol")[key], flags)


def _compile(pattern: str, flags: int) -> re.Pattern:
    """A pattern of protocol.yml, ``{N}`` standing for a count in digits or words."""
    words = "|".join(sorted(lexicon.load("protocol")["number_words"], key=len, reverse=True))
    return re.compile(pattern.replace("{N}", rf"(\d+|{words})"), flags)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else lexicon.load("protocol")["number_words"].get(word.lower(), 0)


_NOT_FIRST = re.compile(r"^(?:Ja|Nej|Mot|Med|Vid|Beslut|Jäv|Reservation\w*|Yrkande\w*|Kommun\w*|Region\w*|Lands\w*)$")


def _people_in(text: str, *, people: list[str], listed: bool = False) -> list[str]:
    """People in ``text`` as printed, with a bracketed party kept ("Anna Berg (S)").

    ``listed``: the text is a list of people (after "reserverade sig", before "yrkar"), so a
    pair of capitalised words there is a name even when its first name is not known.
    """
    found = []
    for m in _PERSON.finditer(text):
        name = m.group(1)
        words = name.split()
        while words and _NOT_FIRST.match(words[0]):
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        known = find_names(name, known=people) or name in people or m.group(2)
        if not known and not (listed and not is_orgish_phrase(name)):
            continue
        found.append(name + (m.group(2) or ""))
    return found


@lru_cache(maxsize=1)
def _party_names() -> re.Pattern:
    names = sorted(lexicon.party_names(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")s?\b")


def _parties_in(text: str) -> list[str]:
    """Parties named in words ("Moderaterna", "Centerpartiets ledamöter"), as their names."""
    return list(dict.fromkeys(m.group(1) for m in _party_names().finditer(text)))


def _span(passage: Passage, start: int, end: int, page_of) -> SourceSpan:
    a, b = passage.source(start), passage.source(end)
    return SourceSpan(a, b, page_of(a))


def _kind(text: str) -> str:
    for kind, pattern in lexicon.load("protocol")["kinds"].items():
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return "other"


#: "återremiss av ärendet med hänvisning till att ...": the motivation after a complete återremiss.
_MOTIVATION = re.compile(
    r"^(återremiss\w*(?:\s+av\s+ärendet)?)\s+(?:med\s+hänvisning\s+till|pga\.?|på\s+grund\s+av)\s", re.I
)


def _clean(text: str) -> str:
    text = re.sub(r"[.…]{3,}.*$", "", text).strip()
    motivated = _MOTIVATION.match(text)
    if motivated:
        return motivated.group(1)
    return text.strip(" ,;").rstrip(".") if not re.search(r"\.\s*$", text) or len(text.split()) <= 6 else text.strip()


# --- proposals -----------------------------------------------------------------------------------


def proposals(passages: list[Passage], *, people: list[str], page_of) -> list[Proposal]:
    """The yrkanden moved at the meeting."""
    found: list[Proposal] = []
    previous_names: list[str] = []
    passage_was_names = False
    listing = False
    for passage in passages:
        if passage.role == "proposal":
            continue
        if listing and passage.bullet:
            found.append(
                Proposal(_clean(passage.text), [], _kind(passage.text), _span(passage, 0, len(passage.text), page_of))
            )
            continue
        listing = False
        for start, _end, sentence in passage.sentences():
            found += _motions(passage, start, sentence, people=people, previous=previous_names, page_of=page_of)
            if _rx("proposal_list").search(sentence):
                listing = True
        if passage.role == "motions" and not _rx("motion_verbs").search(passage.text):
            found += _movers_lines(passage, people, page_of)
        names = _people_in(passage.text, people=people, listed=True)
        if names and len(passage.text) - sum(len(n) for n in names) < 12 * len(names) + 10:
            # A paragraph of names only: movers for a "yrkar ..." that follows (they may run over lines).
            previous_names = (previous_names if passage_was_names else []) + names
            passage_was_names = True
        else:
            previous_names = names if names and len(passage.text) - sum(len(n) for n in names) < 40 * len(names) else []
            passage_was_names = False
    return found


def _movers_lines(passage: Passage, people: list[str], page_of) -> list[Proposal]:
    """Under "Yrkanden": a proposal a "Name (P): what" line, the lines run together or not."""
    out: list[tuple[int, Proposal]] = []
    for start, end, sentence in passage.sentences():
        line = _movers_line(sentence, people)
        if line:
            movers, what = line
            out.append((start, Proposal(what, movers, _kind(what), _span(passage, start, end, page_of))))
        elif out:
            first, last = out[-1]
            last.text = f"{last.text} {sentence.strip()}"  # the proposal goes on
            last.span = _span(passage, first, end, page_of)
    return [proposal for _start, proposal in out]


def _movers_line(text: str, people: list[str]) -> tuple[list[str], str] | None:
    """ "Anna Berg (S): Bifall ...", "Anna Berg (S) och Olle Ek (M): Återremiss ...", "Anna Berg, fp:
    Avslag": the movers before the colon, what they move after it."""
    head, sep, what = text.partition(":")
    if not sep or not what.strip() or len(head) > 160:
        return None
    movers = _people_in(head, people=people, listed=True)
    rest = head
    for name in movers:
        rest = rest.replace(name, " ")
    rest = re.sub(r"\((?:[A-ZÅÄÖa-zåäö]{1,3}\d?)\)|\b(?:och|samt)\b|[,&]", " ", rest)
    if not movers or len(rest.split()) > len(movers):
        return None  # more than a party letter a name: a sentence, not movers
    return [re.sub(r"\s*\([^)]*\)$", "", m) for m in movers], what.strip()


def _motions(passage: Passage, start: int, sentence: str, *, people, previous, page_of) -> list[Proposal]:
    out = []
    verb = _rx("motion_verbs").search(sentence)
    if verb:
        before, after = sentence[: verb.start()], sentence[verb.end() :]
        movers = (
            _people_in(before, people=people, listed=True)
            or (previous if not before.strip() else [])
            or (_parties_in(before) if len(before.split()) <= 6 else [])  # "Liberalerna yrkade avslag"
        )
        filler = _rx("motion_fillers").match(after.strip())
        what = _clean(_rx("motion_fillers").sub("", after.strip()))
        kind = _kind(filler.group(0)) if filler else "other"  # "yrkar som ett tilläggsyrkande att ..."
        if movers and what:
            kind = kind if kind != "other" else _kind(what)
            out.append(Proposal(what, movers, kind, _span(passage, start, start + len(sentence), page_of)))
    for m in _rx("motion_nouns").finditer(sentence):
        if verb and m.start() > verb.start():
            continue
        text = _clean(sentence[m.start() :])
        by = m.group("by")
        by = next((b for b in _people_in(by, people=people)), by)
        out.append(Proposal(text, [by], _kind(text), _span(passage, start + m.start(), start + len(sentence), page_of)))
    proposes = _rx("proposes").search(sentence)
    quoted = re.search(r"[”\"“]([^”\"“]{10,})[”\"“]", sentence)
    if proposes and quoted and not verb:
        before = re.sub(r",?\s*understödd\s+av\s+[^,]+,", " ", sentence[: proposes.start()])
        movers = _people_in(before, people=people)
        if movers:
            out.append(
                Proposal(
                    quoted.group(1).strip(), movers[:1], "other", _span(passage, start, start + len(sentence), page_of)
                )
            )
    return out


def alternatives(passages: list[Passage], *, page_of) -> list[Proposal]:
    """Numbered alternatives before a votering ("1. utskottet", "2. res. 1 (s, v, mp)")."""
    found = []
    for n, passage in enumerate(passages):
        text = passage.text.strip()
        if not passage.bullet or len(text.split()) > 8 or not passage.lines:
            continue
        if not re.match(r"^\d+[.)]", passage.lines[0].text):
            continue
        later = passages[n + 1 : n + 6]
        if not any(p.role == "vote" or _rx("vote_words").search(p.text) for p in later):
            continue
        parties = re.search(r"\(([^)]+)\)", text)
        by = [p.strip() for p in re.split(r",|\s+och\s+", parties.group(1))] if parties else []
        by = [p for p in by if p.upper() in lexicon.party_letters()]
        found.append(Proposal(text, by, _kind(text), _span(passage, 0, len(text), page_of)))
    return found


# --- votes ---------------------------------------------------------------------------------------


def votes(passages: list[Passage], *, people: list[str], page_of) -> list[Vote]:
    """Each omröstning/votering: counts as printed, what Ja and Nej stood for, and the named list."""
    found: list[Vote] = []
    for i, passage in enumerate(passages):
        text = passage.text
        if _rx("acclamation").search(text):
            continue
        if passage.role == "vote" or _rx("vote_words").search(text):
            vote = _alternatives(passages[i : i + 4]) or _counts(text)
            if vote is None and re.search(r"\b(?:votering|omröstning)\b", text, re.IGNORECASE) and not found:
                if re.search(
                    r"\b(?:votering\s+om|efter\s+votering|(?:omröstning|votering)\s+(?:genomförs|genomfördes|verkställs|begärs|begärdes)|votering\s*:)",
                    text,
                    re.IGNORECASE,
                ):
                    vote = Vote()
            if vote is None:
                continue
            vote.span = _span(passage, 0, len(text), page_of)
            _means(vote, " ".join(p.text for p in passages[max(0, i - 4) : i + 1]))
            _ballots(vote, passages[i : i + 6], people=people)
            _check_ballots(vote)
            if found and found[-1].yes is None and found[-1].no is None and vote.yes is not None:
                found[-1] = vote
            elif not any(v.yes == vote.yes and v.no == vote.no and v.yes is not None for v in found):
                found.append(vote)
    return found


def _counts(text: str) -> Vote | None:
    def first(key: str) -> int | None:
        m = _rx(f"vote_{key}").search(text)
        return _number(m.group(1)) if m else None

    yes, no = first("yes"), first("no")
    if yes is None and no is None:
        for pattern in lexicon.load("protocol")["vote_pairs"]:
            m = _compile(pattern, re.IGNORECASE).search(text)
            if m:
                yes, no = _number(m.group(1)), _number(m.group(2))
                break
        else:
            return None
    return Vote(yes=yes, no=no, abstain=first("abstain"), absent=first("absent"))


def _alternatives(passages: list[Passage]) -> Vote | None:
    """ "Votering: 154 för utskottet / 147 för res. 1 / 48 frånvarande" over several lines."""
    counts, absent, means = [], None, []
    for passage in passages:
        for line in passage.lines or []:
            m = re.match(lexicon.load("protocol")["alternative"], line.text.strip(), re.IGNORECASE)
            if m:
                counts.append(int(m.group(1)))
                means.append(m.group(2).strip())
            a = re.match(r"^(\d+)\s+frånvarande\b", line.text.strip(), re.IGNORECASE)
            if a:
                absent = int(a.group(1))
    if len(counts) < 2:
        return None
    return Vote(yes=counts[0], no=counts[1], absent=absent, yes_means=means[0], no_means=means[1])


def _means(vote: Vote, text: str) -> None:
    for key in ("yes_means", "no_means"):
        if getattr(vote, key):
            continue
        m = _rx(key).search(text)
        if m:
            setattr(vote, key, (m.group("what") or m.group("what2") or "").strip())


def _table_ballots(passages: list[Passage]) -> list[Ballot]:
    """A vote list as a table: "Ledamot | Ja | Nej | Avstår" and a row a member, an X in the
    column of the vote (markdown or tab-separated; the cells must keep their places)."""
    labels = [(key, re.compile(pattern + "$", re.IGNORECASE)) for key, pattern in _ballot_labels().items()]
    columns: list[str | None] | None = None
    out: list[Ballot] = []
    for passage in passages:
        for line in passage.lines or []:
            cells = _cells(line.raw or line.text)  # the raw row keeps its empty cells
            if columns is None:
                keys = [next((k for k, rx in labels if rx.match(c)), None) for c in cells[1:]]
                if len(cells) >= 3 and sum(k is not None for k in keys) >= 2:
                    columns = [None, *keys]
                continue
            if len(cells) < 2 or re.fullmatch(r"[-:| ]*", line.raw or line.text):
                continue
            marked = [k for k, c in zip(columns, cells) if k and re.fullmatch(r"[xX✓✔×]", c)]
            name = cells[0]
            if len(marked) != 1 or not re.search(r"[A-ZÅÄÖ][a-zåäö]", name):
                continue
            party = re.search(r"\(([A-Za-zÅÄÖåäö]{1,3}\d?)\)\s*$", name)
            bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)
            out.append(Ballot(bare, marked[0], party.group(1).upper() if party else None))
    return out


def _cells(text: str) -> list[str]:
    """A table row's cells, empty ones kept: "| A | X |  |" or "A<tab>X<tab><tab>"."""
    if text.strip().startswith("|"):
        return [c.strip() for c in text.strip().strip("|").split("|")]
    return [c.strip() for c in text.split("\t")] if "\t" in text else [text.strip()]


@lru_cache(maxsize=1)
def _ballot_labels() -> dict[str, str]:
    """The ballot labels without the colon and spaces they may take before names."""
    return {k: re.sub(r"\\s\*:\?\\s\*$", "", p) for k, p in lexicon.load("protocol")["ballot_labels"].items()}


def _ballots(vote: Vote, passages: list[Passage], *, people: list[str]) -> None:
    """The named vote list: a ballot label ("Ja:", "Nej-röster:", or alone on its line) switches the
    vote for the names after it, wherever the passage's line breaks fall; or a table of X marks."""
    table = _table_ballots(passages)
    if table:
        vote.ballots.extend(table)
        return
    labels = [
        (key, re.compile(pattern, re.IGNORECASE)) for key, pattern in lexicon.load("protocol")["ballot_labels"].items()
    ]
    current: str | None = None
    for passage in passages:
        for piece in _ballot_pieces(passage):
            for key, pattern in labels:
                m = pattern.match(piece)
                rest = piece[m.end() :].strip() if m else ""
                if m and (":" in m.group(0) or not rest or rest[:1].isupper()):
                    current, piece = key, rest  # "Nej: Olle Ek", "Nej" alone, "Nej Olle Ek (M)"
                    break
            if current is None:
                continue
            for name in _people_in(piece, people=people):
                party = re.search(r"\((\w+)\)", name)
                vote.ballots.append(
                    Ballot(re.sub(r"\s*\(\w+\)", "", name), current, party.group(1).upper() if party else None)
                )


def _check_ballots(vote: Vote) -> None:
    """A member votes once, and a named list must add up to the counts it sits under (issue 12).

    Names read again from the passages after the list (a reservation naming the
    same members) are dropped; a list that still disagrees with a printed count
    is dropped whole: no list is better than a wrong one.
    """
    seen: set[str] = set()
    kept = []
    for ballot in vote.ballots:
        if ballot.name not in seen:
            seen.add(ballot.name)
            kept.append(ballot)
    tally = {key: sum(b.vote == key for b in kept) for key in ("yes", "no", "abstain")}
    printed = {"yes": vote.yes, "no": vote.no, "abstain": vote.abstain}
    if any(printed[k] is not None and printed[k] != tally[k] for k in tally):
        kept = []
    vote.ballots = kept


_BALLOT_LABEL = re.compile(r"(?<=\S)\s+(?=(?:Ja|Nej|Avstår|Avstod|Frånvarande)(?:-?röster)?\s*:)")


def _ballot_pieces(passage: Passage) -> list[str]:
    """The passage's lines, each cut again before an inline ballot label ("... (C) Nej: Olle Ek")."""
    texts = [line.text for line in passage.lines if line.text] or [passage.text]
    if len(texts) == 1:
        texts = [passage.text]
    return [piece for text in texts for piece in _BALLOT_LABEL.split(text)]


# --- reservations, notes, jäv, recipients ----------------------------------------------------------


def reservations(passages: list[Passage], *, people: list[str], page_of) -> list[Reservation]:
    """Who reserved against the decision, as written: names with party, or party letters."""
    found: list[Reservation] = []
    for passage in passages:
        if passage.role == "reservation":
            first = passage.sentences()[0] if passage.sentences() else (0, len(passage.text), passage.text)
            text = first[2]
            if _PARTY_LIST.match(text):
                for letters in re.findall(r"[A-ZÅÄÖ]{1,3}\d?", text):
                    found.append(Reservation(letters, span=_span(passage, first[0], first[1], page_of)))
                continue
        for start, end, sentence in passage.sentences():
            m = _rx("reserves", 0).search(sentence)
            if not m and passage.role != "reservation":
                continue
            # "... reserverar sig till förmån för A:s yrkande": who they favour is no reserver.
            who = re.split(
                r"\b(?:till\s+förmån\s+för|mot\s+beslutet|mot\s+förmån|avseende|med\s+hänvisning)\b", sentence
            )[0]
            names = _people_in(who, people=people, listed=True) or _parties_in(who)
            reason = (
                "skriftlig" if re.search(r"skriftlig|reservationsmotivering|bilaga", sentence, re.IGNORECASE) else None
            )
            for name in names:
                if not any(r.by == name for r in found):
                    found.append(Reservation(name, reason, _span(passage, start, end, page_of)))
            if passage.role == "reservation" and names:
                break
    return found


def notes(passages: list[Passage], *, people: list[str], page_of) -> list[ProtocolNote]:
    """Protokollsanteckningar and särskilda yttranden."""
    found = []
    for passage in passages:
        if passage.role == "note":
            found.append(
                ProtocolNote(
                    passage.text.strip(),
                    _people_in(passage.text, people=people),
                    _span(passage, 0, len(passage.text), page_of),
                )
            )
            continue
        for start, end, sentence in passage.sentences():
            if _rx("notes", 0).search(sentence):
                found.append(
                    ProtocolNote(sentence, _people_in(sentence, people=people), _span(passage, start, end, page_of))
                )
    return found


def recusals(passages: list[Passage], *, people: list[str], page_of) -> list[Recusal]:
    """Members who because of jäv took no part in the item."""
    found = []
    for passage in passages:
        for start, end, sentence in passage.sentences():
            if _rx("recusal", 0).search(sentence):
                for name in _people_in(sentence, people=people):
                    found.append(
                        Recusal(resolve(re.sub(r"\s*\(\w+\)", "", name), people), _span(passage, start, end, page_of))
                    )
    return found


def recipients(passages: list[Passage]) -> list[str]:
    """Who the decision is sent to ("Expedieras till: Socialnämnden, Ekonomienheten")."""
    out: list[str] = []
    for passage in passages:
        if passage.role != "recipients":
            continue
        texts = [line.text for line in passage.lines if line.text]
        if not (len(texts) > 1 and all(len(t.split()) <= 5 and t[:1].isupper() for t in texts)):
            texts = [passage.text]  # a list wrapped over lines; otherwise one recipient a line
        for piece in (p for text in texts for p in re.split(r",|;|\s+och\s+|\n", text)):
            piece = piece.strip(" .•-–")
            if piece and len(piece.split()) <= 6:
                out.append(piece)
    return list(dict.fromkeys(out))


def immediately_adjusted(passages: list[Passage]) -> bool:
    """The paragraph was declared immediately adjusted (omedelbart justerad)."""
    return any(_rx("immediately_adjusted", 0).search(p.text) for p in passages)
