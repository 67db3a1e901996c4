"""The app's own pages as users meet them (issue 16): search, topics, assignments, feeds, status."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from click.testing import CliRunner
from datasette_fixtures import make_datasette

from minutes.archive import open_archive, save_document
from minutes.archive.store import record_failure
from minutes.cli import cli
from minutes.extract import extract_meeting
from minutes.models import SourceDocument

#: Invented minutes: two meetings of one committee, a year apart, and a formality.
MINUTES = {
    "ekby-2021.txt": """Protokoll
Socialnämnden i Ekby kommun
Datum: 2021-03-04

Närvarande
Eva Ek, ordförande
Olle Lind, ledamot

1. Godkännande av dagordning
Nämnden beslutar att godkänna dagordningen.

2. Riktlinjer för hemtjänst
Förvaltningen redovisar förslaget "Trygg vardag" om nya riktlinjer.
Nämnden beslutar att anta riktlinjerna.
Eva Ek får i uppdrag att återkomma med en plan senast 2021-06-30.
""",
    "ekby-2022.txt": """Protokoll
Socialnämnden i Ekby kommun
Datum: 2022-03-03

Närvarande
Eva Ek, ordförande

1. Uppföljning av riktlinjen för hemtjänst
Nämnden noterar informationen om riktlinjen.
Olle Lind får i uppdrag att redovisa kostnaderna senast 2022-05-31.
""",
}


@pytest.fixture(scope="module")
def web_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "arkiv.db"
    db = open_archive(path)
    for n, (name, text) in enumerate(MINUTES.items()):
        document = SourceDocument(name=name, path=name, sha256=f"{n}" * 64, text=text)
        save_document(db, document, extract_meeting(document))
    record_failure(db, path="trasig.pdf", name="trasig.pdf", sha256="f" * 64,
                   error="truncated PDF: the file is incomplete (cut off before its end marker)")
    db.conn.commit()
    db.close()
    return path


@pytest.fixture
def web_ds(web_archive):
    return make_datasette(web_archive)


async def _get(ds, url, status=200):
    response = await ds.client.get(url)
    assert response.status_code == status, (url, response.text[:800])
    return response


def _cli_search(db, *args):
    result = CliRunner().invoke(cli, ["search", "--db", str(db), "--format", "json", *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.asyncio
async def test_web_search_page_shows_readable_swedish_results(web_ds):
    html = (await _get(web_ds, "/-/sok?q=riktlinjer")).text
    assert '<html lang="sv"' in html and "<title>Sök i protokollen: riktlinjer" in html
    assert re.search(r"\d+ träffar för ”riktlinjer”", html)
    assert re.search(r'<a href="/-/punkt/[^"]+">2\. Riktlinjer för hemtjänst</a>', html)
    assert "<mark>riktlinjerna</mark>" in html.lower() and "Socialnämnden" in html
    visible = re.sub(r"<[^>]+>", " ", html).lower()
    for internal in ("bm25", "select ", "score", "hits.part", "_fts"):
        assert internal not in visible


@pytest.mark.asyncio
async def test_web_snippets_are_escaped_once(web_ds):
    html = (await _get(web_ds, "/-/sok?q=vardag")).text
    assert "&#34;Trygg <mark>vardag</mark>&#34;" in html or "&quot;Trygg <mark>vardag</mark>&quot;" in html
    assert "&amp;quot;" not in html and "&amp;#34;" not in html


@pytest.mark.asyncio
async def test_web_filters_have_counts_and_narrow_the_hits(web_ds):
    everything = (await _get(web_ds, "/-/sok.json?q=riktlinje")).json()
    counts = everything["counts"]
    assert everything["total"] == sum(counts["type"].values()) > 0
    assert sum(counts["year"].values()) == everything["total"]
    decided = (await _get(web_ds, "/-/sok.json?q=riktlinje&typ=beslut")).json()
    assert decided["total"] == counts["type"]["decision"]
    assert {r["type"] for r in decided["results"]} == {"decision"}
    later = (await _get(web_ds, "/-/sok.json?q=riktlinje&fran=2022")).json()
    assert later["total"] == counts["year"]["2022"] and {r["date"][:4] for r in later["results"]} == {"2022"}
    kind = next(iter(counts["kind"]))
    by_kind = (await _get(web_ds, f"/-/sok.json?q=riktlinje&beslutstyp={kind}")).json()
    assert by_kind["total"] == counts["kind"][kind] and {r["kind"] for r in by_kind["results"]} == {kind}
    html = (await _get(web_ds, "/-/sok?q=riktlinje")).text
    assert "Organ</h2>" in html and "Beslutstyp</h2>" in html and "Typ</h2>" in html
    assert 'href="/-/sok?q=riktlinje&amp;typ=beslut"' in html  # a filter is a bookmarkable link


@pytest.mark.asyncio
async def test_web_search_page_ranks_as_minutes_search(generated_ds, generated_archive):
    """The page's JSON and ``minutes search`` list the same hits in the same order, every type."""
    conn = sqlite3.connect(generated_archive)
    titles = [r[0] for r in conn.execute("select title from items where title is not null order by rowid limit 400")]
    words = sorted({max(t.split(), key=len).strip(".,:").lower() for t in titles if t.split()})[::9][:8]
    assert len(words) >= 5
    for word in words:
        for typ, option in (("", "all"), ("arende", "items"), ("beslut", "decisions")):
            page = (await _get(generated_ds, f"/-/sok.json?q={word}&typ={typ}")).json()
            cli_hits = _cli_search(generated_archive, "--in", option, "--limit", "20", word)
            assert [r["id"] for r in page["results"]] == [r["id"] for r in cli_hits], (word, typ)


@pytest.mark.asyncio
async def test_web_paging_continues_the_same_ranking(generated_ds, generated_archive):
    first = (await _get(generated_ds, "/-/sok.json?q=mötet")).json()
    assert first["total"] > 20 and first["pages"] >= 2 and first["next"]
    second = (await _get(generated_ds, first["next"])).json()
    both = [r["id"] for r in first["results"] + second["results"]]
    assert both == [r["id"] for r in _cli_search(generated_archive, "--in", "all", "--limit", "40", "mötet")]
    html = (await _get(generated_ds, "/-/sok?q=mötet")).text
    assert 'rel="next"' in html and "Sida 1 av" in html


@pytest.mark.asyncio
async def test_web_follow_a_topic_oldest_first_across_pages(generated_ds):
    url, dates = "/-/folj.json?q=mötet", []
    while url and len(dates) < 60:
        data = (await _get(generated_ds, url)).json()
        dates += [r["date"] for r in data["results"]]
        url = data["next"]
    assert len(dates) > 20 and dates == sorted(dates)
    html = (await _get(generated_ds, "/-/folj?q=mötet")).text
    assert "<h1>Följ ett ämne</h1>" in html and "minutes-year" in html


@pytest.mark.asyncio
async def test_web_home_page_has_search_and_entry_points(web_ds):
    html = (await _get(web_ds, "/")).text
    assert '<form class="minutes-searchbox" action="/-/sok"' in html
    for words in ("Sök beslut", "Följ ett ämne", "Öppna uppdrag", "Importstatus", "Nya beslut (Atom)"):
        assert words in html
    assert "Socialnämnden" in html


@pytest.mark.asyncio
async def test_web_table_pages_hide_internal_columns_and_search_in_swedish(web_ds):
    items = (await _get(web_ds, "/archive/items")).text
    assert 'data-column="title"' in items and 'data-column="title_stem"' not in items
    assert 'class="col-text_rev' not in items
    documents = (await _get(web_ds, "/archive/documents")).text
    assert 'data-column="name"' in documents and 'data-column="text"' not in documents
    found = (await _get(web_ds, "/archive/items.json?_search=riktlinjer&_shape=array")).json()
    assert {r["title"] for r in found} >= {"Riktlinjer för hemtjänst", "Uppföljning av riktlinjen för hemtjänst"}


@pytest.mark.asyncio
async def test_web_missing_page_is_a_swedish_404_without_traceback(web_ds, capfd):
    for url in ("/-/finns-inte", "/-/punkt/finns-inte", "/archive/finns_inte"):
        response = await _get(web_ds, url, status=404)
        assert "Sidan finns inte" in response.text and '<html lang="sv"' in response.text
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err


@pytest.mark.asyncio
async def test_web_assignments_page_links_people_items_and_bodies(web_ds):
    html = (await _get(web_ds, "/-/uppdrag")).text
    assert "återkomma med en plan" in html and "2021-06-30" in html
    assert re.search(r'<a href="/-/person/\d+">Eva Ek</a>', html)
    assert re.search(r'<a href="/-/punkt/[^"]+">2\. Riktlinjer för hemtjänst</a>', html)
    assert re.search(r'<a href="/-/organ/\d+">', html) and "öppet" in html


@pytest.mark.asyncio
async def test_web_calendar_is_rfc5545_all_day_events_without_reported_ones(web_archive):
    from icalendar import Calendar

    ds = make_datasette(web_archive)
    text = (await _get(ds, "/-/uppdrag.ics")).text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events = Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 2
    for event in events:
        assert event.decoded("dtstart").isoformat() in ("2021-06-30", "2022-05-31")
        assert "VALUE=DATE" in event["dtstart"].to_ical().decode() or event["dtstart"].params.get("VALUE") == "DATE"
        assert event.get("dtstamp") and event.get("uid") and event.get("status") == "CONFIRMED"
        assert str(event["url"]).startswith("http://localhost/-/punkt/")
    conn = sqlite3.connect(web_archive)
    conn.execute("update assignments set status = 'reported' where due_date = '2021-06-30'")
    conn.commit()
    conn.close()
    fresh = make_datasette(web_archive)
    assert len(Calendar.from_ical((await _get(fresh, "/-/uppdrag.ics")).text).walk("VEVENT")) == 1
    every = Calendar.from_ical((await _get(fresh, "/-/uppdrag.ics?alla=1")).text).walk("VEVENT")
    assert sorted(str(e["status"]) for e in every) == ["CANCELLED", "CONFIRMED"]


@pytest.mark.asyncio
async def test_web_atom_feed_has_absolute_links_and_no_formalities(web_ds):
    feed = ET.fromstring((await _get(web_ds, "/-/beslut.atom")).text)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert entries and all(urlparse(e.find("a:id", ns).text).scheme == "http" for e in entries)
    assert all(e.find("a:link", ns).get("href").startswith("http://localhost/-/punkt/") for e in entries)
    titles = " ".join(e.find("a:title", ns).text for e in entries)
    assert "Riktlinjer för hemtjänst" in titles and "dagordning" not in titles.lower()


@pytest.mark.asyncio
async def test_web_import_status_lists_failures_in_swedish(web_ds):
    html = (await _get(web_ds, "/-/import")).text
    assert "trasig.pdf" in html and "PDF-filen är ofullständig" in html
    assert "misslyckades: 1" in html and "inläst: 2" in html
    failed = (await _get(web_ds, "/-/import?status=failed")).text
    assert "trasig.pdf" in failed and "ekby-2021.txt" not in failed


@pytest.mark.asyncio
async def test_web_pages_work_on_an_archive_never_linked(web_ds):
    assert "inte länkats" in (await _get(web_ds, "/-/tradar")).text
    await _get(web_ds, "/-/trad/1", status=404)


def _links(html: str, base: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"#]+)', html):
        url = urljoin(base, href.replace("&amp;", "&"))
        parsed = urlparse(url)
        if parsed.netloc in ("", "localhost") and not parsed.path.startswith("/-/static"):
            found.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return found


@pytest.mark.asyncio
async def test_web_crawl_from_home_depth_two_finds_no_errors(generated_ds):
    seen, frontier, broken = {"/"}, ["/"], []
    for _depth in range(2):
        following = []
        for url in frontier:
            response = await generated_ds.client.get(url)
            if response.status_code >= 400:
                broken.append((url, response.status_code))
                continue
            if "html" not in response.headers.get("content-type", ""):
                continue
            for link in _links(response.text, "http://localhost" + url):
                if link not in seen and len(seen) < 400:
                    seen.add(link)
                    following.append(link)
        frontier = following
    for url in frontier:  # the pages found at depth two must answer too
        status = (await generated_ds.client.get(url)).status_code
        if status >= 400:
            broken.append((url, status))
    assert len(seen) > 50 and not broken, broken


def test_web_bookmarkable_parameters_are_swedish():
    from minutes.datasette_plugin.urls import path_for

    url = path_for("sok", q="riktlinje", typ=["beslut"], organ=["SRO", "VVG"], fran=2019, ordning="nyast")
    assert parse_qs(urlparse(url).query) == {
        "q": ["riktlinje"], "typ": ["beslut"], "organ": ["SRO", "VVG"], "fran": ["2019"], "ordning": ["nyast"],
    }


@pytest.mark.asyncio
async def test_web_links_follow_the_base_url(web_archive):
    """Behind a proxy at /protokoll/ every link of the app's pages stays under it (datasette.urls)."""
    from datasette.app import Datasette

    ds = Datasette([str(web_archive)], settings={"base_url": "/protokoll/"})
    for url in ("/", "/-/sok?q=riktlinje", "/-/uppdrag"):  # the client adds the base_url
        html = (await _get(ds, url)).text
        paths = [h for h in re.findall(r'href="(/[^"]*)"', html)]
        outside = [h for h in paths if not h.startswith("/protokoll/")]
        assert paths and all(h.startswith("/protokoll/") for h in paths), outside


@pytest.mark.asyncio
async def test_web_canned_search_snippets_are_escaped_once(web_ds):
    html = (await _get(web_ds, "/archive/sok?q=vardag")).text
    assert "<mark>vardag</mark>" in html and "&amp;quot;" not in html and "&amp;#34;" not in html
