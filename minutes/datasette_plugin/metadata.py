"""Datasette metadata of the fact tables, derived from their declarations.

Table titles, descriptions, column descriptions, facets and sort order of
every fact table come from :mod:`minutes.archive.facts`, through the
``get_metadata`` hook; ``datasette/metadata.yml`` keeps the site's own keys,
the other tables and the canned queries, and wins where both say something.
"""

from __future__ import annotations

from functools import lru_cache

from minutes.archive.facts import FACTS, Fact, column_labels


def _facets(fact: Fact) -> list:
    """The columns Datasette facets the table by: context first, then the declared ones."""
    facets: list = ["body", "year"] if fact.context else []
    for column in fact.columns:
        if column.facet == "array":
            facets.append({"array": column.name})
        elif column.facet:
            facets.append(column.name)
    return facets


def _table(fact: Fact) -> dict:
    table: dict = {"title": fact.label, "columns": column_labels(fact)}
    if fact.description:
        table["description"] = fact.description
    if facets := _facets(fact):
        table["facets"] = facets
    if fact.sort:
        table["sort"] = fact.sort
    if fact.sort_desc:
        table["sort_desc"] = fact.sort_desc
    return table


@lru_cache(maxsize=1)
def fact_metadata() -> dict:
    """``{"databases": {"archive": {"tables": …}}}`` for every fact table."""
    return {"databases": {"archive": {"tables": {fact.table: _table(fact) for fact in FACTS}}}}
