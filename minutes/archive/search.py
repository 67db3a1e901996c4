"""Swedish search over items, decisions and assignments, shared by the CLI and Datasette.

A user's query is parsed into terms (plain words, ``"phrases"``, ``prefix*``)
and turned into an FTS5 expression over the original and shadow columns
(see :mod:`minutes.archive.fts`). The expression is built in Python and
only ever contains quoted tokens, so no input can raise an FTS5 syntax error.
Both are exposed as SQL functions (``minutes_fts``, ``minutes_snippet``) so
Datasette's canned queries run the very same SQL as ``minutes search``.

Ranking, best first:

* a query with up to :data:`MANY_HITS` (10,000) hits is ranked by bm25: a
  title hit above a body hit, an exact form above an inflection, the most
  recent meeting first among equals;
* a query with more hits (a word in one item of a hundred at a million items)
  lists the items with the whole query in their title first, newest first,
  then all other hits, newest first. bm25 would have to score every hit (half
  a second for the commonest words at a million items), and when a word is
  everywhere its frequency in one item says little: the recent decisions are
  what staff and researchers look for. No hit is lost, only ordered by date.

The hits are counted in the FTS index (capped at :data:`MANY_HITS` + 1) inside
the same SQL statement, which then runs one branch or the other.
"""

from __future__ import annotations

import html
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from minutes.archive.facts import FACTS, REVERSED_WEIGHT, STEM_WEIGHT, Fact
from minutes.archive.fts import MIN_AFFIX_STEM, MIN_COMPOUND
from minutes.archive.schema import INDEXES
from minutes.errors import MinutesError
from minutes.swedish import WORD, normalise, stem

#: Searchable text columns per table; FTS indexes each plus ``_stem`` and ``_rev``.
SEARCHABLE: dict[str, list[str]] = {f.table: f.search_columns for f in FACTS if f.search_columns}

#: Shortest prefix a user may ask for; shorter ones are searched as plain words.
#: At 1,000,000 generated items a 3-letter prefix matched 320,000 items (p50) and
#: took 0.5 s p50, 1.6 s max to rank, against 0.15 s and 0.5 s for 4 letters.
MIN_PREFIX = 4

#: bm25 weights per FTS column, in FTS_CONFIG order: originals, then stems, then reversed.
#: A title hit outweighs any body hit; an exact form also matches its stem, so it
#: scores above an inflected form found only through the stem.
WEIGHTS: dict[str, tuple[float, ...]] = {
    f.table: tuple(
        [c.weight for c in f.columns if c.weight]
        + [STEM_WEIGHT * c.weight for c in f.columns if c.weight]
        + [REVERSED_WEIGHT * c.weight for c in f.columns if c.weight]
    )
    for f in FACTS if f.search_columns
}


def fts_columns(table: str) -> list[str]:
    """The FTS5 columns of ``table``: originals, their stems, their reversed stems."""
    columns = SEARCHABLE[table]
    return columns + [f"{c}_stem" for c in columns] + [f"{c}_rev" for c in columns]


@dataclass(frozen=True)
class Term:
    """One unit of a query: ``kind`` is "word", "phrase" or "prefix"; words are normalised."""

    kind: str
    words: tuple[str, ...]


_QUERY = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<chunk>[^\s"]+)')


#: The longest query and the most terms a search takes (issue 13: ``riktlinj*`` × 1500,
#: 21 kB, took 7 s past the time limit). Real searches are a few words.
MAX_QUERY_CHARS = 300
MAX_TERMS = 12


class QueryTooLong(MinutesError):
    """A search query over :data:`MAX_QUERY_CHARS` characters or :data:`MAX_TERMS` terms.

    ``swedish`` is the message the web pages show; ``str()`` the command line's.
    """

    def __init__(self, message: str, swedish: str) -> None:
        super().__init__(message)
        self.swedish = swedish


class SearchTimeout(MinutesError):
    """A search ran past its time limit (also inside the project's SQL functions)."""

    swedish = "Sökningen tog för lång tid och avbröts. Försök med färre eller mer precisa ord."


def check_query(query: str | None) -> None:
    """Refuse a query longer or with more terms than the search takes, with a clear message."""
    text = query or ""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLong(
            f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})",
            f"Sökfrågan är för lång: {len(text)} tecken (högst {MAX_QUERY_CHARS}). Korta den och sök igen.",
        )
    count = len(_parse(text))
    if count > MAX_TERMS:
        raise QueryTooLong(
            f"too many search terms: {count} (at most {MAX_TERMS})",
            f"Sökfrågan har för många ord: {count} (högst {MAX_TERMS}). Ta bort några och sök igen.",
        )


_deadline = threading.local()


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Interrupt ``conn``'s statements and this thread's SQL function calls after ``seconds``.

    SQLite's progress handler stops statements between steps; the project's
    SQL functions check the same deadline, since a handler never runs while a
    Python function does. Raises SearchTimeout.
    """
    if not seconds:
        yield
        return
    deadline = time.monotonic() + seconds
    _deadline.at = deadline
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
    try:
        yield
    except sqlite3.OperationalError as error:
        if time.monotonic() > deadline:
            raise SearchTimeout(f"the search ran past its {seconds:g} s limit and was stopped") from error
        raise
    finally:
        conn.set_progress_handler(None, 1000)
        _deadline.at = None


def _check_deadline() -> None:
    at = getattr(_deadline, "at", None)
    if at is not None and time.monotonic() > at:
        raise SearchTimeout("past the search time limit")


def parse(query: str | None) -> list[Term]:
    """Split what a user typed into terms; anything that is not a word is ignored.

    A hyphenated chunk such as *Covid-19* is a phrase; a trailing ``*`` makes a
    prefix (if at least :data:`MIN_PREFIX` letters long, else a plain word).
    Work is bounded whatever the caller passed: text past
    :data:`MAX_QUERY_CHARS` and terms past :data:`MAX_TERMS` are left out
    (callers that face users refuse such queries first, :func:`check_query`).
    """
    return _parse((query or "")[:MAX_QUERY_CHARS])[:MAX_TERMS]


def _parse(query: str) -> list[Term]:
    terms = []
    for match in _QUERY.finditer(normalise(query)):
        text = match.group("phrase") if match.group("chunk") is None else match.group("chunk")
        found = tuple(WORD.findall(text))
        if len(found) > 1:
            terms.append(Term("phrase", found))
        elif found:
            is_prefix = bool(match.group("chunk")) and text.endswith("*")
            kind = "prefix" if is_prefix and len(found[0]) >= MIN_PREFIX else "word"
            terms.append(Term(kind, found))
    return terms


def _in(columns: list[str], phrase: str, *, prefix: bool = False) -> str:
    return "{" + " ".join(columns) + '}: "' + phrase + '"' + ("*" if prefix else "")


def term_expression(term: Term, columns: list[str]) -> str:
    """The FTS5 expression for one term over ``columns`` and their shadow columns."""
    stems = [f"{c}_stem" for c in columns]
    if term.kind == "prefix":
        return _in(columns + stems, term.words[0], prefix=True)
    if term.kind == "phrase":
        stemmed = " ".join(stem(w) for w in term.words)
        return f"({_in(columns, ' '.join(term.words))} OR {_in(stems, stemmed)})"
    word = term.words[0]
    root = stem(word)
    parts = [_in(columns, word)]
    if len(root) >= MIN_AFFIX_STEM:
        parts.append(_in(stems, root, prefix=True))  # inflections and compound heads
        parts.append(_in([f"{c}_rev" for c in columns], root[::-1], prefix=True))  # tails
    else:
        parts.append(_in(stems, root))
        if len(word) >= MIN_AFFIX_STEM + 1:
            # A short stem ("läkare" -> "läk") misses forms Snowball cuts elsewhere ("läkares" -> "läkar"):
            # the written form as a prefix finds them.
            parts.append(_in(columns, word, prefix=True))
    return "(" + " OR ".join(parts) + ")"


#: The heading column of a table whose hits in it come first in a very large hit set.
HEADING = {f.table: f.heading for f in FACTS if f.heading}


def fts_query(query: str | None, table: str = "items", part: str = "all") -> str:
    """A safe FTS5 MATCH expression for ``query`` on ``table``; "" when nothing to search.

    ``part`` narrows it for the newest-first order of very large hit sets:
    ``"heading"`` matches the whole query in the heading column (items' titles)
    alone, ``"rest"`` every other hit. A table without a heading has no
    heading hits and every hit is in the rest.
    """
    terms = parse(query)
    everywhere = " AND ".join(term_expression(t, SEARCHABLE[table]) for t in terms)
    if part == "all" or not everywhere:
        return everywhere
    heading = HEADING.get(table)
    in_heading = " AND ".join(term_expression(t, [heading]) for t in terms) if heading else ""
    if part == "heading":
        return in_heading
    return f"({everywhere}) NOT ({in_heading})" if in_heading else everywhere


def word_matches(word: str, term: Term) -> bool:
    """Whether one normalised word of a text is a hit for ``term`` (mirrors the FTS rules)."""
    root = stem(word)
    if term.kind == "prefix":
        return word.startswith(term.words[0]) or root.startswith(term.words[0])
    if term.kind == "phrase":
        return word in term.words or root in {stem(w) for w in term.words}
    wanted = stem(term.words[0])
    if word == term.words[0] or root == wanted:
        return True
    if len(wanted) < MIN_AFFIX_STEM:
        return False
    return root.startswith(wanted) or (len(root) >= MIN_COMPOUND and root.endswith(wanted))


@lru_cache(maxsize=128)
def _hit_test(query: str | None):
    """``word -> is it a hit for query?``, memoised per query (texts repeat their words)."""
    terms = parse(query)
    seen: dict[str, bool] = {}

    def is_hit(token: str) -> bool:
        hit = seen.get(token)
        if hit is None:
            word = normalise(token)
            hit = any(word_matches(word, term) for term in terms)
            if len(seen) < 50_000:
                seen[token] = hit
        return hit

    return is_hit


def snippet(
    text: str | None,
    query: str | None,
    *,
    width: int = 24,
    mark: tuple[str, str] = ("[", "]"),
    escape=lambda s: s,
) -> str:
    """About ``width`` words of ``text`` around the first hit, each hit wrapped in ``mark``.

    Only the words up to the first hit and those in the window are tested, each
    distinct word once per query: a page of snippets costs well under a millisecond.
    """
    if not text:
        return ""
    is_hit = _hit_test(query)
    tokens = WORD.findall(text)
    if not tokens:
        return escape(" ".join(text.split()))
    first = next((i for i, token in enumerate(tokens) if is_hit(token)), 0)
    start = max(0, first - width // 4)
    end = min(len(tokens), start + width)
    spans = [m.span() for _, m in zip(range(end), WORD.finditer(text))]
    # Hits are wrapped in control characters (stray ones in the text are dropped)
    # so that the window is escaped in one call and the marks put in afterwards.
    pieces, cursor = [], spans[start][0]
    for i in range(start, end):
        left, right = spans[i]
        if is_hit(tokens[i]):
            pieces.append(text[cursor:left].replace("\x02", "").replace("\x03", ""))
            pieces.append(f"\x02{tokens[i]}\x03")
            cursor = right
    pieces.append(text[cursor : spans[end - 1][1]].replace("\x02", "").replace("\x03", ""))
    out = " ".join(escape("".join(pieces)).split())
    out = out.replace("\x02", mark[0]).replace("\x03", mark[1])
    return ("… " if start > 0 else "") + out + (" …" if end < len(tokens) else "")


def html_snippet(text: str | None, query: str | None) -> str:
    """A snippet safe to embed in HTML: text escaped, hits in ``<mark>``."""
    return snippet(text, query, mark=("<mark>", "</mark>"), escape=html.escape)


def register_functions(conn: sqlite3.Connection, *, plain: bool = False) -> None:
    """Make ``minutes_fts(query, table)`` and ``minutes_snippet(text, query)`` callable in SQL.

    Datasette gets HTML snippets (``<mark>``); ``plain`` gives the CLI ``[hit]`` text.
    """
    conn.create_function("minutes_fts", 2, _sql_fts_query, deterministic=True)
    conn.create_function("minutes_fts", 3, _sql_fts_query, deterministic=True)
    conn.create_function("minutes_snippet", 2, _sql_snippet(plain), deterministic=True)


def _sql_snippet(plain: bool):
    def call(text: str | None, query: str | None) -> str:
        _check_deadline()
        return snippet(text, query) if plain else html_snippet(text, query)

    return call


def _sql_fts_query(query: str | None, table: str | None, part: str | None = "all") -> str:
    # An empty MATCH is an FTS5 error; a quoted empty phrase matches nothing, quietly.
    _check_deadline()
    table = table if table in SEARCHABLE else "items"
    return fts_query(query, table, part if part in ("heading", "rest") else "all") or '""'


def _select(fact: Fact) -> str:
    """What a search hit on ``fact``'s table lists: its id, source, item, shown columns, snippet."""
    t = fact.table
    columns = [f"{t}.id", "meetings.source", "meetings.document_id"]
    if fact.parent == "item":
        columns += ["items.number", "items.title as item_title"]
    columns += [f"{t}.{c}" for c in fact.shown]
    columns += [f"{t}.date", f"{t}.body", f"{t}.meeting_id"]
    if fact.parent == "item":
        columns.append(f"{t}.item_id")
    snippet = fact.snippet or f"{t}.{fact.search_columns[0]}"
    columns += [f"minutes_snippet({snippet}, :q) as snippet", "hits.score", "hits.part"]
    return ", ".join(columns)


_SELECT = {f.table: _select(f) for f in FACTS if f.search_columns}


#: Above this many candidates, ties are broken by walking the date index instead
#: of reading each candidate's row (boilerplate titles tie by the tens of thousands).
MANY = 1000

#: Above this many hits a query is not ranked by bm25 but newest first, heading
#: hits before the rest (see :func:`search_sql`): bm25 costs time in proportion
#: to the hits, and a word in this many items says little about any one of them.
MANY_HITS = 10_000

#: Tables with an index on ``date`` (from the schema): the walk needs one.
DATE_INDEXED = {table for table, columns in INDEXES if columns == ["date"]}

# SQLite (3.40) evaluates a WHERE term such as ``(select n from counted) > 5`` for
# every row it scans, not once: a branch that must not run is switched off where
# it costs nothing instead, by an FTS5 MATCH of '""' (no hits) or by LIMIT 0.


def _fts_rows(t: str, condition: str, where: str, score: str = "") -> str:
    """``select rowid`` (and ``score``) of the hits in ``t``'s index for ``condition``.

    ``where`` filters the hits on columns of ``t`` (body, year, kind); each
    hit's row is then looked up by rowid, while the FTS index still drives.
    """
    if not where:
        return f"select rowid{score} from {t}_fts where {condition}"
    return (
        f"select {t}_fts.rowid as rowid{score} from {t}_fts join {t} on {t}.rowid = {t}_fts.rowid"
        f" where {condition} and ({where})"
    )


def _all_hits(t: str, name: str, condition: str, where: str) -> str:
    """A CTE of every hit's rowid, run only when ``condition`` holds (many hits)."""
    return f""",
{name} as materialized (
  {_fts_rows(t, _match(t, "all", condition), where)}
)"""


def _match(t: str, part: str, when: str) -> str:
    """MATCH ``part`` of the query on ``t``'s index if ``when``, else match nothing."""
    args = f"'{t}'" if part == "all" else f"'{t}', '{part}'"
    return f"""{t}_fts match case when {when} then minutes_fts(:q, {args}) else '""' end"""


def _newest(t: str, name: str, part: int, limit: str, direction: str = "desc") -> str:
    """SQL rows (rowid, score, date, part) for the hits in CTE ``name``, newest (or oldest) first.

    Up to :data:`MANY` hits are read and sorted; more are found by walking the
    date index in ``direction`` until ``limit`` of them are seen.
    """
    return f"""
    select * from (
      select {name}.rowid, null, {t}.date, {part}
      from {name} join {t} on {t}.rowid = {name}.rowid
      limit case when (select count(*) from {name}) <= {MANY} then {MANY} else 0 end
    )
    union all
    select * from (
      select {t}.rowid, null, {t}.date, {part}
      from {t}
      where +{t}.rowid in (select rowid from {name})
      order by {t}.date {direction}, {t}.rowid {direction}
      limit case when (select count(*) from {name}) > {MANY} then {limit} else 0 end
    )"""


def search_sql(
    table: str = "items",
    *,
    limit: str = ":limit",
    by_date: bool = False,
    oldest: bool = False,
    where: str = "",
    offset: str | None = None,
) -> str:
    """The search SQL for ``table``: best first, or by date with ``by_date`` (newest first, or
    ``oldest`` first).

    ``where`` is an SQL condition on columns of ``table`` that every hit must
    meet (see :mod:`minutes.archive.filters`); ``offset`` skips that many of
    the ordered hits (paging).

    One statement serves every query. ``counted`` counts the hits in the FTS
    index alone, up to :data:`MANY_HITS` + 1, and decides which branches run.

    **Up to** :data:`MANY_HITS` **hits** are ranked inside the FTS index.
    ``ranked`` computes every hit's bm25 score once and is materialised; only
    then are rows of ``table`` read, for as few hits as the order allows:

    * best first (``score, date desc``): the score of the ``limit``-th best hit
      is the cut-off, and only hits at least that good are candidates (the top
      ``limit`` plus any hits tied with the last of them). When ties make the
      candidates many, the strictly better ones are read and the tied ones are
      taken newest first from the date index, which stops after ``limit``.
    * by date (``date desc, score``, or ascending): every hit's date matters;
      with many hits the date index is walked until ``limit`` hits are seen.

    The order is exactly that of sorting all hits, ties last by rowid (newest
    written first; oldest first reverses that too).

    **Above** :data:`MANY_HITS` **hits** no bm25 is computed (it would cost
    time in proportion to the hits, up to half a second at a million items).
    Best first becomes: hits with the whole query in the heading (items'
    titles) newest first, then the other hits newest first (``heading`` and
    ``rest``, rowids from the FTS index; ``rest`` is only looked up when
    ``heading`` has fewer than ``limit`` hits). By date stays by date, ties by
    rowid instead of score (``found``). Each walks the date index until
    ``limit`` hits are seen.

    Snippets (Python calls) are computed for the returned page only.
    """
    page = f"limit {limit}" + (f" offset {offset}" if offset else "")
    if offset:
        limit = f"({limit} + {offset})"  # every branch must reach past the skipped hits
    weights = ", ".join(str(w) for w in WEIGHTS[table])
    t = table
    walk = t in DATE_INDEXED
    d = "asc" if by_date and oldest else "desc"
    order = f"date {d}, score, rowid {d}" if by_date else "part, score, date desc, rowid desc"
    huge = f"(select n from counted) > {MANY_HITS}"
    match_all = _match(t, "all", f"not {huge}") if walk else f"{t}_fts match minutes_fts(:q, '{t}')"
    bm25 = f", bm25({t}_fts, {weights}) as score"
    ranked = f"""ranked as materialized (
  {_fts_rows(t, match_all, where, bm25)}
)"""
    if walk:
        every = _fts_rows(t, f"{t}_fts match minutes_fts(:q, '{t}')", where)
        ranked = f"""counted as materialized (
  select count(*) as n from (
    {every} limit {MANY_HITS + 1}
  )
),
{ranked}"""
    if by_date:
        few = "select * from (\n"
        few += f"      select ranked.rowid as rowid, ranked.score as score, {t}.date as date, 0 as part\n"
        few += f"      from ranked join {t} on {t}.rowid = ranked.rowid"
        few += f"\n      limit case when (select count(*) from ranked) <= {MANY} then {MANY} else 0 end" if walk else ""
        few += "\n    )"
        many = f"""
    union all
    select * from (
      select {t}.rowid, ranked.score, {t}.date, 0
      from {t} join ranked on ranked.rowid = +{t}.rowid
      order by {t}.date {d}, ranked.score, {t}.rowid {d}
      limit case when (select count(*) from ranked) > {MANY} then {limit} else 0 end
    )""" if walk else ""
        ctes = ranked
        if walk:
            ctes += _all_hits(t, "found", huge, where)
            many += "\n    union all" + _newest(t, "found", 0, limit, d)
    else:
        few = f"select top.rowid as rowid, top.score as score, {t}.date as date, 0 as part\n"
        few += f"    from top join {t} on {t}.rowid = top.rowid"
        if walk:
            few += f"\n    where (select count(*) from top) <= {MANY}"
            few += " or top.score < (select score from cut)"
        many = f"""
    union all
    select * from (
      select {t}.rowid, (select score from cut), {t}.date, 0
      from {t}
      where +{t}.rowid in (select rowid from top where score = (select score from cut))
      order by {t}.date desc, {t}.rowid desc
      limit case when (select count(*) from top) > {MANY} then {limit} else 0 end
    )""" if walk else ""
        ctes = f"""{ranked},
cut as materialized (
  select max(score) as score from (select score from ranked order by score limit {limit})
),
top as materialized (
  select rowid, score from ranked where score <= (select score from cut)
)"""
        if walk and t in HEADING:
            rest_when = f"{huge} and (select count(*) from heading) < {limit}"
            ctes += f""",
heading as materialized (
  {_fts_rows(t, _match(t, "heading", huge), where)}
),
rest as materialized (
  {_fts_rows(t, _match(t, "rest", rest_when), where)}
)"""
            many += "\n    union all" + _newest(t, "heading", 1, limit)
            many += "\n    union all" + _newest(t, "rest", 2, limit)
        elif walk:
            ctes += _all_hits(t, "rest", huge, where)
            many += "\n    union all" + _newest(t, "rest", 2, limit)
    join = f"join meetings on meetings.id = {t}.meeting_id"
    if t != "items":
        join += f"\nleft join items on items.id = {t}.item_id"
    final = order.replace("date", f"{t}.date").replace("score", "hits.score")
    final = final.replace("rowid", f"{t}.rowid").replace("part", "hits.part")
    return f"""
with {ctes},
hits as (
  select rowid, score, date, part from (
    {few}{many}
  )
  order by {order}
  {page}
)
select {_SELECT[t]}
from hits join {t} on {t}.rowid = hits.rowid
{join}
order by {final}
"""


#: Items, best first: title above body, exact form above inflection, newest on ties.
ITEM_SEARCH_SQL = search_sql("items")


def search_items(db, query: str, *, limit: int = 20) -> list[dict]:
    """Items matching ``query``, best first, each with source, number, title, date, body, snippet.

    ``db`` is a sqlite-utils ``Database`` or a plain ``sqlite3.Connection``.
    """
    if not fts_query(query):
        return []
    conn = getattr(db, "conn", db)
    register_functions(conn, plain=True)
    cursor = conn.execute(ITEM_SEARCH_SQL, {"q": query, "limit": limit})
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
