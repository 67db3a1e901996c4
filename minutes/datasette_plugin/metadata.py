"""The app's metadata (titles, descriptions, facets, canned queries) as package data.

``metadata.yml`` ships in the wheel and reaches Datasette through the
``get_metadata`` hook, so ``datasette archive.db`` with the plugin installed and
``minutes serve`` from a wheel show the same Swedish app as the checkout.
A deployment's own ``--metadata`` still takes precedence (Datasette merges
local configuration over plugin metadata).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def package_metadata() -> dict:
    """The parsed ``metadata.yml`` of the plugin package (read once)."""
    import yaml

    text = files("minutes.datasette_plugin").joinpath("metadata.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def metadata_for(datasette) -> dict:
    """The package metadata with the links that depend on the server's ``base_url``."""
    from minutes.datasette_plugin.urls import url_for

    cached = getattr(datasette, "_minutes_metadata", None)
    if cached is None:
        cached = copy.deepcopy(package_metadata())
        cached["about_url"] = url_for(datasette, "om")
        datasette._minutes_metadata = cached
    return copy.deepcopy(cached)  # Datasette merges local metadata into what it is given
