"""Agenda items that are procedure, not issues, and so never belong to a thread.

Every set of minutes opens the meeting, approves the agenda and the previous
minutes and lists coming meeting dates; linking those would tie every meeting
to every other. The titles are matched as data (regular expressions over the
case-folded title) so a new formula is one line here, not a code change.

It lives in the archive, below both of its readers: the link step (threads
leave formalities out) and the web app's decisions feed (which does too).
"""

from __future__ import annotations

import re

from minutes.swedish import normalise

#: Case-folded title patterns, matched at the start of the title.
FORMAL_TITLE_PATTERNS = (
    r"(mötets|sammanträdets|mötet|sammanträdet) (öppnas|öppnande|avslutande|avslutas)",
    r"öppnande\b",
    r"(närvaro|upprop|närvarokontroll)\b",
    r"val av (protokoll)?justerare",
    r"val av (sekreterare|ordförande för mötet|mötesordförande)",
    r"(justering|justerare)\b",
    r"((godkännande|fastställande|genomgång) av )?(dagens |förslag till )?(agenda|dagordning)",
    r"((godkännande|genomgång|justering) av )?föregående\b",
    r"(minnesanteckningar|protokoll) från (föregående|förra) (möte|sammanträde)",
    r"(mötestider|mötesplan|mötesdatum|sammanträdestider|sammanträdesplan)\b",
    r"(kommande|nästa) (möte|möten|sammanträde|sammanträden)\b",
    r"övrig(a)? fråg(a|or)\W*$",
    r"(anmälningsärenden|anmälningar|meddelanden)\b",
    r"(anmälan av )?(delegationsbeslut|delegeringsbeslut)\b",
    r"skriftlig information\b",
    # Standing report slots: news *from* an organisation or group, whatever the issue of the day.
    r"(information|aktuellt|nytt|rapport|rapporter|återrapportering|återkoppling) från ",
)

_FORMAL = re.compile("|".join(f"(?:{p})" for p in FORMAL_TITLE_PATTERNS))


def is_formality(title: str | None) -> bool:
    """True for procedural items and standing report slots (opening, agenda, minutes, dates, 'Övriga frågor')."""
    text = normalise(title or "").strip(" \t.:-–")
    return not text or bool(_FORMAL.match(text))
