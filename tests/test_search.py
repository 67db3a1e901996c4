"""Swedish search: parsing, stems, compounds, Unicode forms, ranking and snippets (issue 6)."""

from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database

from minutes.archive import fts as fts_module
from minutes.archive.fts import reversed_text, stem_text
from minutes.archive.schema import FTS_CONFIG
from minutes.archive.search import (
    SEARCHABLE,
    fts_columns,
    fts_query,
    parse,
    search_items,
    snippet,
)
from minutes.archive.store import ensure_db_shape
from minutes.swedish import normalise


@pytest.mark.parametrize(
    "query, kinds",
    [
        ("riktlinje", ["word"]),
        ('"in- och utskrivning"', ["phrase"]),
        ("digitali*", ["prefix"]),
        ("di*", ["word"]),
        ("upp*", ["word"]),  # shorter than MIN_PREFIX: most of the index
        ("uppf*", ["prefix"]),
        ("Covid-19", ["phrase"]),
        ("korttidsvistelse LSS", ["word", "word"]),
        ('"unbalanced', ["word"]),
        ("***", []),
        ("", []),
    ],
)
def test_search_parse_kinds(query, kinds):
    assert [t.kind for t in parse(query)] == kinds


@pytest.mark.parametrize(
    "query", ['"', "AND", "OR (", "NEAR(a b", "^x", "a:b", "{title}: x", "-", "'; drop table items"]
)
def test_search_malformed_query_never_errors(query):
    db = _tiny_archive()
    search_items(db, query)  # must not raise


def test_search_fts_columns_match_schema():
    for table in SEARCHABLE:
        assert FTS_CONFIG[table] == fts_columns(table)


def test_search_normalise_keeps_swedish_letters_and_folds_others():
    assert normalise("FÖR Idé") == "för ide"
    assert normalise(unicodedata.normalize("NFD", "Överenskommelsen")) == "överenskommelsen"


def test_search_shadow_columns():
    assert stem_text("Riktlinjerna och besluten") == "riktlinj och beslut"
    assert reversed_text("webbplattformen webbplattform och") == "webbplattform"[::-1]


def _tiny_archive(rows=None) -> Database:
    db = Database(memory=True)
    ensure_db_shape(db)
    db.table("meetings").insert({"id": "m", "source": "x.txt", "date": "2020-01-01"})
    for n, row in enumerate(rows or []):
        values = {"id": f"i{n}", "meeting_id": row.get("meeting_id", "m"), "number": str(n)}
        values.update(row)
        values.update(fts_module.search_values("items", values))
        db.table("items").insert(values)
    return db


def _numbers(db, query):
    return [r["number"] for r in search_items(db, query)]


@pytest.mark.parametrize(
    "query, text",
    [
        ("riktlinje", "Ny riktlinjen antogs"),
        ("riktlinje", "Två riktlinjer"),
        ("beslut", "Besluten fattades"),
        ("plattform", "En gemensam webbplattformen"),
        ("avvikelse", "Rutin för avvikelsehantering"),
        ("ÖVERENSKOMMELSE", unicodedata.normalize("NFD", "överenskommelsen gäller")),
        (unicodedata.normalize("NFD", "överenskommelse"), "Överenskommelsen gäller"),
        ('"in- och utskrivning"', "samverkan vid in- och utskrivning"),
        ("utskriv*", "utskrivningsklara patienter"),
    ],
)
def test_search_finds_inflections_compounds_and_forms(query, text):
    db = _tiny_archive([{"title": "Punkt", "text": text}])
    assert _numbers(db, query) == ["0"]


def test_search_does_not_fold_swedish_letters():
    db = _tiny_archive([{"title": "Punkt", "text": "för"}])
    assert _numbers(db, "for") == []


#: Unrelated items, so that IDF behaves as in a real archive (a stem is not in every row).
FILLER = [{"title": f"Ärende {n}", "text": "Mötet noterar informationen om ekonomi"} for n in range(20)]


def test_search_ranks_title_above_body_and_exact_above_inflection():
    db = _tiny_archive(
        FILLER
        + [
            {"title": "Övrigt", "text": "Vi talade om riktlinjen länge och väl"},
            {"title": "Övrigt", "text": "Vi talade om riktlinje länge och väl"},
            {"title": "Riktlinjer för vård", "text": "Text"},
        ]
    )
    assert _numbers(db, "riktlinje") == ["22", "21", "20"]


def test_search_recent_meeting_breaks_ties():
    db = _tiny_archive()
    db.table("meetings").insert_all(
        [{"id": "old", "date": "2018-01-01"}, {"id": "new", "date": "2024-01-01"}]
    )
    for n, (meeting, date) in enumerate([("old", "2018-01-01"), ("new", "2024-01-01")]):
        row = {"id": f"x{n}", "meeting_id": meeting, "number": meeting, "date": date,
               "title": "Samma", "text": "egenvård"}
        row.update(fts_module.search_values("items", row))
        db.table("items").insert(row)
    assert _numbers(db, "egenvård") == ["new", "old"]


def test_search_snippet_highlights_inflected_hits():
    text = "Inledning. Arbetsgruppen har förtydligat riktlinjen inför beslutet."
    assert "[riktlinjen]" in snippet(text, "riktlinje")
    assert snippet(text, "riktlinje").count("[") == 1


def test_search_snippet_escapes_html():
    from minutes.archive.search import html_snippet

    out = html_snippet("<b>riktlinjer</b>", "riktlinje")
    assert "<mark>riktlinjer</mark>" in out and "<b>" not in out


def test_search_old_index_is_rebuilt_with_shadow_columns():
    db = Database(memory=True)
    ensure_db_shape(db)
    db["items"].disable_fts()
    db["items"].enable_fts(["title", "text"], create_triggers=True)
    db.table("meetings").insert({"id": "m", "source": "x.txt"})
    db.table("items").insert({"id": "a", "meeting_id": "m", "number": "1", "title": "Riktlinjerna"})
    ensure_db_shape(db)
    assert _numbers(db, "riktlinje") == ["1"]


def test_search_seed_archive_plattform_finds_compound(seed_archive):
    results = search_items(Database(seed_archive), "plattform", limit=10)
    assert {(r["source"][:3], r["number"]) for r in results} >= {("000", "5"), ("002", "5")}
    assert all({"source", "number", "title", "date", "body", "snippet"} <= r.keys() for r in results)


def test_search_fts_query_only_quoted_tokens():
    expression = fts_query('x" OR title:y NEAR(')
    assert "NEAR(" not in expression and ":y" not in expression


def _dated_archive(n: int) -> Database:
    """``n`` identical items from meetings a year apart (ties), one better hit, and filler."""
    db = _tiny_archive(FILLER)
    for year in range(2000, 2000 + n):
        meeting = f"m{year}"
        db.table("meetings").insert({"id": meeting, "date": f"{year}-05-01"})
        row = {"id": f"x{year}", "meeting_id": meeting, "number": str(year),
               "date": f"{year}-05-01", "title": "Mötets öppnande", "text": "Ordföranden öppnade mötet"}
        row.update(fts_module.search_values("items", row))
        db.table("items").insert(row)
    row = {"id": "best", "meeting_id": "m", "number": "best", "date": "1999-01-01",
           "title": "Öppnande öppnande", "text": "Mötets öppnande"}
    row.update(fts_module.search_values("items", row))
    db.table("items").insert(row)
    return db


@pytest.mark.parametrize("many", [1000, 2])
def test_search_ties_at_the_cutoff_go_to_the_newest(monkeypatch, many):
    """Only the top ``limit`` hits are read, yet ties across the cut-off still go to the newest."""
    from minutes.archive import search as search_module

    monkeypatch.setattr(search_module, "MANY", many)  # 2: the date-index walk for ties
    db = _dated_archive(12)
    search_module.register_functions(db.conn, plain=True)
    sql = search_module.search_sql("items")
    rows = [r["number"] for r in db.query(sql, {"q": "öppnande", "limit": 4})]
    assert rows == ["best", "2011", "2010", "2009"]


@pytest.mark.parametrize("many", [1000, 2])
def test_search_by_date_is_newest_first_on_both_paths(monkeypatch, many):
    from minutes.archive import search as search_module

    monkeypatch.setattr(search_module, "MANY", many)
    db = _dated_archive(6)
    search_module.register_functions(db.conn, plain=True)
    sql = search_module.search_sql("items", by_date=True)
    rows = [r["number"] for r in db.query(sql, {"q": "öppnande", "limit": 3})]
    assert rows == ["2005", "2004", "2003"]


def _common_word_archive() -> Database:
    """Items with "budget" in titles and bodies, from meetings a year apart, and filler.

    bm25 puts the exact title first and the short, budget-heavy body of the
    oldest item second; newest first with titles first puts it last.
    """
    db = _tiny_archive(FILLER)
    rows = [
        # (year, title, text)
        (2001, "Övrigt", "Budget budget budget"),
        (2002, "Budget för 2003", "Förslaget godkändes"),
        (2003, "Rapporter", "Kvartalsrapporten och budgeten redovisades för nämnden i sin helhet"),
        (2004, "Budgetuppföljning", "Uppföljningen godkändes"),
        (2005, "Övrigt", "Frågan om budget bordlades till nästa möte av ordföranden"),
    ]
    for year, title, text in rows:
        meeting = f"m{year}"
        db.table("meetings").insert({"id": meeting, "date": f"{year}-05-01"})
        row = {"id": f"b{year}", "meeting_id": meeting, "number": str(year),
               "date": f"{year}-05-01", "title": title, "text": text}
        row.update(fts_module.search_values("items", row))
        db.table("items").insert(row)
    return db


def _search(monkeypatch, db, query, *, many_hits, many=1000, by_date=False, limit=10):
    from minutes.archive import search as search_module

    monkeypatch.setattr(search_module, "MANY_HITS", many_hits)
    monkeypatch.setattr(search_module, "MANY", many)
    search_module.register_functions(db.conn, plain=True)
    sql = search_module.search_sql("items", by_date=by_date)
    return [r["number"] for r in db.query(sql, {"q": query, "limit": limit})]


def test_search_few_hits_keep_bm25_order(monkeypatch):
    db = _common_word_archive()
    rows = _search(monkeypatch, db, "budget", many_hits=5)
    assert rows == ["2002", "2001", "2004", "2005", "2003"]  # exact title, then budget ×3
    assert rows == _numbers(db, "budget")  # the default threshold


@pytest.mark.parametrize("many", [1000, 1])  # 1: both parts found by walking the date index
def test_search_many_hits_titles_first_then_newest_first(monkeypatch, many):
    db = _common_word_archive()
    rows = _search(monkeypatch, db, "budget", many_hits=4, many=many)
    assert rows == ["2004", "2002", "2005", "2003", "2001"]
    assert _search(monkeypatch, db, "budget", many_hits=4, many=many, limit=3) == [
        "2004", "2002", "2005"
    ]
    # A word in fewer items than the threshold in the same archive is still ranked by bm25.
    assert _search(monkeypatch, db, "kvartalsrapport", many_hits=4, many=many) == ["2003"]


@pytest.mark.parametrize("many", [1000, 1])
def test_search_many_hits_by_date_is_newest_first(monkeypatch, many):
    db = _common_word_archive()
    rows = _search(monkeypatch, db, "budget", many_hits=4, many=many, by_date=True)
    assert rows == ["2005", "2004", "2003", "2002", "2001"]


def test_search_many_hits_on_tables_without_heading(monkeypatch):
    from minutes.archive import search as search_module

    monkeypatch.setattr(search_module, "MANY_HITS", 1)
    db = _tiny_archive()
    for year in (2001, 2003, 2002):
        db.table("meetings").insert({"id": f"m{year}", "date": f"{year}-01-01"})
        row = {"id": f"d{year}", "meeting_id": f"m{year}", "item_id": None,
               "date": f"{year}-01-01", "kind": "beslut", "text": "Budgeten fastställs"}
        row.update(fts_module.search_values("decisions", row))
        db["decisions"].insert(row)
    search_module.register_functions(db.conn, plain=True)
    sql = search_module.search_sql("decisions")
    assert [r["id"] for r in db.query(sql, {"q": "budget", "limit": 5})] == ["d2003", "d2002", "d2001"]


def test_search_heading_and_rest_expressions_split_the_hits():
    assert fts_query("budget", "items", "heading").startswith("({title}:")
    assert " NOT " in fts_query("budget", "items", "rest")
    assert fts_query("budget", "decisions", "rest") == fts_query("budget", "decisions")
    assert fts_query("", "items", "rest") == ""


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("tjänstemän", "tjänsteman"), ("gårdsförmännen", "gårdsförman"), ("justeringsmän", "justeringsman")],
)
def test_search_man_plurals_share_the_singular_stem(plural, singular):
    from minutes.swedish import stem

    assert stem(plural) == stem(singular)
