"""Thread pages: the list, one thread's timeline with its per-year chart, links from items."""

from __future__ import annotations

import re

import pytest

from minutes.datasette_plugin.threads import year_bars


def test_threads_year_bars_fill_gaps_and_scale_to_the_tallest():
    bars = year_bars([{"year": 2017, "items": 1}, {"year": 2019, "items": 4}])
    assert [(b["year"], b["count"]) for b in bars] == [(2017, 1), (2018, 0), (2019, 4)]
    assert [b["height"] for b in bars] == [20, 0, 80]
    assert year_bars([]) == []


@pytest.mark.asyncio
async def test_threads_list_timeline_and_item_link(ds):
    listing = await ds.client.get("/-/tradar")
    assert listing.status_code == 200
    ids = re.findall(r'href="/-/trad/(\d+)"', listing.text)
    assert len(ids) == 4  # the seeds hold four issues that run through several meetings
    pages = [await ds.client.get(f"/-/trad/{i}") for i in ids]
    assert all(p.status_code == 200 and "<svg" in p.text for p in pages)
    assert not any("built-in method" in p.text for p in pages)  # bar labels are numbers
    fvm = next(p for p in pages if "Lägesrapport FVM" in p.text)
    assert fvm.text.index("2018-08-29") < fvm.text.index("2021-02-26")  # date order
    item = re.search(r'href="/-/punkt/([^"]+)">8\. Lägesrapport FVM', fvm.text).group(1)
    item_page = await ds.client.get(f"/-/punkt/{item}")
    assert "Del av tråden" in item_page.text
    assert (await ds.client.get("/-/trad/999999")).status_code == 404
