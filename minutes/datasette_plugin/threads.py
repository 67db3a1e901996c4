"""Thread pages: every issue that runs through several meetings, and one thread's timeline.

The timeline lists the thread's items in date order across bodies, with a small
bar chart of items per year (issue 7), drawn as inline SVG so the page needs
no script. A thread made by a case number is a case (issue 12): its page shows
the case's path, each body's decision, vote and reservations in date order.
"""

from __future__ import annotations

from datasette.utils.asgi import NotFound

from minutes.archive.web import case_path_sql

BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 28, 8, 80


def year_bars(counts: list[dict]) -> list[dict]:
    """Bars for the items-per-year chart: x, height and label of each year (gaps filled)."""
    by_year = {row["year"]: row["items"] for row in counts if row["year"]}
    if not by_year:
        return []
    top = max(by_year.values())
    years = range(min(by_year), max(by_year) + 1)
    return [
        {
            "year": year,
            "count": by_year.get(year, 0),
            "x": n * (BAR_WIDTH + BAR_GAP),
            "height": round(CHART_HEIGHT * by_year.get(year, 0) / top),
        }
        for n, year in enumerate(years)
    ]


async def _linked(datasette) -> bool:
    """Whether ``minutes link`` has found threads: before it runs the thread table is empty (issue 16)."""
    db = datasette.get_database("archive")
    if not await db.table_exists("threads"):
        return False
    return bool((await db.execute("select exists(select 1 from threads)")).first()[0])


async def thread_list_page(datasette, request, *, rows, render):
    """All threads, the longest-running first (none before the archive is linked)."""
    if not await _linked(datasette):
        return await render(datasette, request, "minutes_threads.html", {"threads": [], "unlinked": True})
    threads = await rows(
        datasette,
        "select id, label, first_date, last_date, meetings, bodies, case_number from threads "
        "order by meetings desc, last_date desc",
        [],
    )
    return await render(datasette, request, "minutes_threads.html", {"threads": threads})


async def thread_page(datasette, request, *, rows, render):
    """One thread: its items in date order and a chart of items per year."""
    thread_id = request.url_vars["id"]
    if not await _linked(datasette):
        raise NotFound("Arkivet är inte länkat än: kör minutes link")
    found = await rows(datasette, "select * from threads where id = ?", [thread_id])
    if not found:
        raise NotFound("Tråden finns inte i arkivet")
    items = await rows(
        datasette, "select * from thread_timeline where thread_id = ? order by position", [thread_id]
    )
    counts = await rows(
        datasette, "select year, items from topic_counts_by_year where thread_id = ?", [thread_id]
    )
    bars = year_bars(counts)
    path = []
    if found[0].get("case_number"):
        path = await rows(datasette, *case_path_sql(thread_id))
    context = {
        "thread": found[0],
        "path": path,
        "items": items,
        "bars": bars,
        "chart": {"width": max(1, len(bars)) * (BAR_WIDTH + BAR_GAP), "height": CHART_HEIGHT,
                  "bar": BAR_WIDTH},
    }
    return await render(datasette, request, "minutes_thread.html", context)
