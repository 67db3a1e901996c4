"""Families of Swedish minutes and how an archive mixes them.

A family is one kind of organisation with its own layouts: ``classic`` (the care
cooperation groups, political consultation bodies, committees and boards the generator
started with), ``kommunal`` (a municipality's nämnd, arbetsutskott, kommunstyrelse and
kommunfullmäktige writing §-protokoll, with cases passing between them), ``regional`` (a
region's nämnd and styrelse protocols and the assembly's published decision lists),
``forening`` (associations and student unions) and ``minnes`` (minnesanteckningar of
working groups). An archive's meetings are split between the chosen families by weight,
each family splits its share into units (a body, a council, a club, a group) and the units
are interleaved, so the first thousand meetings of a huge archive already hold every family.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping

from .council import allocate

FAMILY_NAMES = ("classic", "kommunal", "regional", "forening", "minnes")
#: The default mix: a little over a third classic, the rest the families of issue 11.
DEFAULT_MIX = {"classic": 0.35, "kommunal": 0.3, "regional": 0.1, "forening": 0.15, "minnes": 0.1}
#: Upper bound of meetings per unit (a council, a club, a working group).
UNIT_MEETINGS = {"kommunal": 45, "regional": 30, "forening": 16, "minnes": 12}
MIN_UNITS = {"kommunal": 1, "regional": 1, "forening": 2, "minnes": 1}


def resolve(families: str | Iterable[str] | Mapping[str, float] | None) -> dict[str, float]:
    """Weights per family from None (the default mix), "mix"/"all", "classic" or
    "kommunal,forening", a list of names, or a mapping name -> weight."""
    if families is None:
        return dict(DEFAULT_MIX)
    if isinstance(families, str):
        if families.strip() in ("mix", "all", ""):
            return dict(DEFAULT_MIX)
        families = [f.strip() for f in families.split(",") if f.strip()]
    if isinstance(families, Mapping):
        weights = {name: float(w) for name, w in families.items()}
    else:
        names = list(families)
        weights = {name: DEFAULT_MIX.get(name, 0.0) for name in names}
    unknown = sorted(set(weights) - set(FAMILY_NAMES))
    if unknown:
        raise ValueError(f"unknown sample families {', '.join(unknown)}; choose from {', '.join(FAMILY_NAMES)}")
    if not weights or any(w < 0 for w in weights.values()) or not sum(weights.values()):
        raise ValueError("choose at least one sample family with a positive weight")
    return {name: weights[name] for name in FAMILY_NAMES if name in weights}


def unit_counts(family: str, total: int) -> list[int]:
    """How many meetings each unit of a family gets."""
    if total <= 0:
        return []
    units = max(MIN_UNITS[family], math.ceil(total / UNIT_MEETINGS[family]))
    units = min(units, total)
    base, extra = divmod(total, units)
    return [base + (1 if i < extra else 0) for i in range(units)]


def _kommunal_units(family: str, total: int, seed: int, pdf_share: float) -> Iterator[Iterator]:
    from .council_writer import council_meetings

    for index, count in enumerate(unit_counts(family, total)):
        yield council_meetings(family, index, count, seed, pdf_share)


def _forening_units(total: int, seed: int, pdf_share: float) -> Iterator[Iterator]:
    from .association import club_days, make_club, write_club_meeting

    def meetings(index: int, count: int):
        club = make_club(index, seed)
        days = club_days(club, count, seed)
        boards = [d for d, kind in days if kind == "board"]
        for k, (day, kind) in enumerate(days):
            later = [d for d in boards if d > day]
            yield write_club_meeting(club, k, day, kind, later[0] if later else None, seed, pdf_share)

    for index, count in enumerate(unit_counts("forening", total)):
        yield meetings(index, count)


def _minnes_units(total: int, seed: int, pdf_share: float) -> Iterator[Iterator]:
    from .notes import group_days, make_group, write_notes

    def meetings(index: int, count: int):
        group = make_group(index, seed)
        days = group_days(group, count, seed)
        for k, day in enumerate(days):
            yield write_notes(group, k, day, days[k + 1] if k + 1 < len(days) else None, seed, pdf_share)

    for index, count in enumerate(unit_counts("minnes", total)):
        yield meetings(index, count)


def _classic_units(total: int, seed: int, pdf_share: float) -> Iterator[Iterator]:
    from .generate import classic_units

    yield from classic_units(total, seed, pdf_share)


def family_units(family: str, total: int, seed: int, pdf_share: float) -> Iterator[Iterator]:
    """The units of one family, each an iterator of Generated documents (all lazy)."""
    if family == "classic":
        return _classic_units(total, seed, pdf_share)
    if family in ("kommunal", "regional"):
        return _kommunal_units(family, total, seed, pdf_share)
    if family == "forening":
        return _forening_units(total, seed, pdf_share)
    return _minnes_units(total, seed, pdf_share)


def iter_families(meetings: int, seed: int, pdf_share: float, families=None) -> Iterator:
    """All documents of an archive: families' units taken in turn, each unit whole."""
    weights = resolve(families)
    names = list(weights)
    counts = allocate(meetings, [weights[n] for n in names])
    streams = [family_units(name, count, seed, pdf_share) for name, count in zip(names, counts) if count]
    while streams:
        alive = []
        for stream in streams:
            unit = next(stream, None)
            if unit is None:
                continue
            yield from unit
            alive.append(stream)
        streams = alive
