"""The app's metadata (titles, descriptions, facets, canned queries) as package data.

Two sources, merged once per server by the ``get_metadata`` hook:

* the fact tables' titles, descriptions, column descriptions, facets and sort
  order, derived from their declarations (:mod:`minutes.archive.facts`);
* ``metadata.yml``, which ships in the wheel: the site's own keys, the other
  tables and the canned queries. It wins where both say something.

So ``datasette archive.db`` with the plugin installed and ``minutes serve``
from a wheel show the same Swedish app as the checkout. A deployment's own
``--metadata`` still takes precedence (Datasette merges local configuration
over plugin metadata).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib.resources import files

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


@lru_cache(maxsize=1)
def package_metadata() -> dict:
    """The parsed ``metadata.yml`` of the plugin package (read once)."""
    import yaml

    text = files("minutes.datasette_plugin").joinpath("metadata.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def merged(base: dict, over: dict) -> dict:
    """``base`` with ``over`` laid on it: nested dicts merge key by key, anything else ``over`` wins."""
    result = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def metadata_for(datasette) -> dict:
    """The declared fact tables under the package metadata, with the links that depend on ``base_url``."""
    from minutes.datasette_plugin.urls import url_for

    cached = getattr(datasette, "_minutes_metadata", None)
    if cached is None:
        cached = merged(fact_metadata(), package_metadata())
        cached["about_url"] = url_for(datasette, "om")
        datasette._minutes_metadata = cached
    return copy.deepcopy(cached)  # Datasette merges local metadata into what it is given
