"""Where the archive's own pages live, in one table, built through ``datasette.urls``.

Templates call ``minutes_url("punkt", item_id)`` or ``minutes_url("sok", q="…")``
(an ``extra_template_vars`` function), so every link honours Datasette's
``base_url`` and no template spells a path.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

#: Pages without an id: name -> path.
PAGES = {
    "hem": "/",
    "sok": "/-/sok",
    "sok_json": "/-/sok.json",
    "folj": "/-/folj",
    "folj_json": "/-/folj.json",
    "uppdrag": "/-/uppdrag",
    "kalender": "/-/uppdrag.ics",
    "flode": "/-/beslut.atom",
    "import": "/-/import",
    "organ_lista": "/-/organ",
    "tradar": "/-/tradar",
    "om": "/about",
    "tabeller": "/archive",
}

#: Pages of one thing: name -> path prefix (the id follows, quoted).
PREFIXES = {
    "mote": "/-/mote/",
    "punkt": "/-/punkt/",
    "dokument": "/-/dokument/",
    "person": "/-/person/",
    "trad": "/-/trad/",
    "organ": "/-/organ/",
}


def path_for(name: str, value=None, **params) -> str:
    """The path of page ``name`` (of thing ``value``), with query ``params`` (lists repeat)."""
    path = PREFIXES[name] + quote(str(value), safe="") if value is not None else PAGES[name]
    query = {k: v for k, v in params.items() if v not in (None, "", [], ())}
    return path + ("?" + urlencode(query, doseq=True) if query else "")


def url_for(datasette, name: str, value=None, **params) -> str:
    """``path_for`` under the server's ``base_url``."""
    return datasette.urls.path(path_for(name, value, **params))
