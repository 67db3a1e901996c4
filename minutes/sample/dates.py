"""Swedish date expressions paired with the value a careful reader would assign.

Each helper returns (text as printed, value) so the generator can record the date
in the truth at the very moment it writes it: the truth can then never list a date
the page does not show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .vocabulary import MONTH_ABBREVIATIONS, MONTHS, SEASONS, WEEKDAYS


def iso(day: date) -> str:
    """ISO form used both on the page (some bodies) and as the truth value."""
    return day.isoformat()


def long_form(day: date, *, year: bool = True) -> str:
    """'3 november 2019' (or '3 november' when the year is clear from context)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def clock(hhmm: str, sep: str = ".") -> str:
    """'13:30' printed as '13.30' or '9.00' (hours without a leading zero)."""
    hour, minute = hhmm.split(":")
    return f"{int(hour)}{sep}{minute}"


def later_day(rng: random.Random, day: date, *, same_year: bool) -> date:
    """A day some weeks after `day`, optionally kept inside the same calendar year."""
    candidate = day + timedelta(days=rng.randint(10, 120))
    if same_year and candidate.year != day.year:
        candidate = date(day.year, 12, rng.randint(1, 20))
        if candidate <= day:
            candidate = day
    return candidate


def mention(rng: random.Random, day: date) -> tuple[str, str, str]:
    """A varied future date expression relative to the meeting day.

    Returns (text, value, due) where `due` is the value usable as an assignment due
    date (ISO or YYYY-MM) or "" when the expression is too vague to be a deadline.
    """
    roll = rng.random()
    target = later_day(rng, day, same_year=roll < 0.45)
    if roll < 0.25:
        text = f"den {long_form(target, year=False)}"
        return text, iso(target), iso(target)
    if roll < 0.45:
        month = MONTHS[target.month - 1]
        value = f"{target.year}-{target.month:02d}"
        return f"i {month}", value, value
    if roll < 0.65:
        return f"den {long_form(target)}", iso(target), iso(target)
    if roll < 0.75:
        return iso(target), iso(target), iso(target)
    if roll < 0.88:
        value = f"{target.year}-{target.month:02d}"
        return f"under {MONTHS[target.month - 1]} {target.year}", value, value
    season, _ = SEASONS[rng.randrange(2)]
    year = day.year + 1
    return f"{season} {year}", str(year), ""


def period(rng: random.Random, day: date) -> tuple[str, list[tuple[str, str]]]:
    """A validity period, e.g. 'f o m 1 jan t o m 24 september 2019' or ISO range."""
    year = day.year + 1
    end = date(year + rng.randint(0, 2), rng.choice((6, 12)), 30 if rng.random() < 0.5 else 1)
    if end.month == 12 and end.day == 30:
        end = end.replace(day=31)
    start = date(year, 1, 1)
    roll = rng.random()
    if roll < 0.35:
        texts = (iso(start), iso(end))
        text = f"{texts[0]} – {texts[1]}"
    elif roll < 0.6 and end.year == year:
        texts = (f"1 {MONTH_ABBREVIATIONS[0]}", long_form(end))
        text = f"f o m {texts[0]} t o m {texts[1]}"
    else:
        texts = (long_form(start), long_form(end))
        text = f"från och med den {texts[0]} till och med den {texts[1]}"
    return text, [(texts[0], iso(start)), (texts[1], iso(end))]


def weekday_date(day: date) -> str:
    """'torsdag 11 februari' as used in lists of meeting dates."""
    return f"{WEEKDAYS[day.weekday()]} {long_form(day, year=False)}"


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (0-based) given weekday of a month: bodies meet e.g. 'second Thursday'."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * nth)
