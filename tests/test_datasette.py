"""Datasette side of the archive, through Datasette's in-process client (issue 6)."""

from __future__ import annotations

import pytest
import yaml
from datasette_fixtures import make_datasette

from minutes.serve import DEPLOY_DIR, datasette_command


async def _json(ds, url):
    response = await ds.client.get(url)
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.asyncio
async def test_datasette_search_query_ranks_and_highlights(ds):
    rows = await _json(ds, "/archive/sok.json?q=riktlinje&_shape=array")
    assert rows and "riktlinje" in rows[0]["title"].lower()
    assert any("<mark>riktlinjen</mark>" in r["snippet"].lower() for r in rows)


@pytest.mark.asyncio
@pytest.mark.parametrize("query", ['"', "NEAR(", "a:b", "*", "OR"])
async def test_datasette_malformed_search_is_not_an_error(ds, query):
    response = await ds.client.get("/archive/sok", params={"q": query})
    assert response.status_code == 200
    assert "fts5" not in response.text.lower() and "syntax error" not in response.text.lower()


@pytest.mark.asyncio
async def test_datasette_sok_filter_keeps_facets(ds):
    data = await _json(ds, "/archive/items.json?_sok=plattform&_facet=body&_facet=year&_shape=objects")
    assert {r["number"] for r in data["rows"]} >= {"5"}
    assert {f["value"] for f in data["facet_results"]["body"]["results"]} == {"VVG", "SRO"}


@pytest.mark.parametrize("table", ["decisions", "assignments"])
@pytest.mark.asyncio
async def test_datasette_sok_on_fact_tables(ds, table):
    data = await _json(ds, f"/archive/{table}.json?_sok=uppdrag&_shape=objects")
    assert "rows" in data


@pytest.mark.asyncio
async def test_datasette_trace_topic_in_date_order(ds):
    rows = await _json(ds, "/archive/folj_amne.json?q=utskrivning&_shape=array")
    dates = [r["date"] for r in rows]
    assert len({r["body"] for r in rows}) >= 2 and dates == sorted(dates, reverse=True)


@pytest.mark.asyncio
async def test_datasette_meeting_page(ds):
    meeting = (await _json(ds, "/archive/meetings.json?source=001_c076427a13f39c63.txt&_shape=array"))[0]
    html = (await ds.client.get(f"/-/mote/{meeting['id']}")).text
    assert "Närvarande" in html and "Vårdplaneringar" in html and "/-/dokument/" in html


@pytest.mark.asyncio
async def test_datasette_item_and_document_pages_show_spans(ds):
    decision = (await _json(ds, "/archive/decisions.json?_shape=array&_size=1&start__notblank=1"))[0]
    item = await ds.client.get(f"/-/punkt/{decision['item_id']}")
    assert item.status_code == 200 and decision["text"][:20] in item.text
    meeting = (await _json(ds, f"/archive/meetings/{decision['meeting_id']}.json?_shape=array"))[0]
    document = await ds.client.get(f"/-/dokument/{meeting['document_id']}")
    assert f'id="fakta-{decision["id"]}"' in document.text
    assert "fact-decisions" in document.text


@pytest.mark.asyncio
async def test_datasette_person_page(ds):
    person = (await _json(ds, "/archive/people.json?_shape=array&_size=1"))[0]
    html = (await ds.client.get(f"/-/person/{person['id']}")).text
    assert person["name"] in html and "/-/mote/" in html


@pytest.mark.asyncio
async def test_datasette_unknown_page_is_404(ds):
    assert (await ds.client.get("/-/mote/finns-inte")).status_code == 404


@pytest.mark.asyncio
async def test_datasette_canned_queries_all_run(ds):
    metadata = yaml.safe_load((DEPLOY_DIR / "metadata.yml").read_text(encoding="utf-8"))
    for name in metadata["databases"]["archive"]["queries"]:
        assert (await ds.client.get(f"/archive/{name}.json")).status_code == 200, name


@pytest.mark.asyncio
async def test_datasette_feeds(ds):
    ics = await ds.client.get("/archive/kalender_uppdrag.ics?organ=VVG")
    assert ics.status_code == 200 and "BEGIN:VCALENDAR" in ics.text
    atom = await ds.client.get("/archive/nya_beslut.atom?organ=SRO")
    assert atom.status_code == 200 and "<feed" in atom.text and "SRO" in atom.text


@pytest.mark.asyncio
async def test_datasette_about_page_states_accuracy(ds):
    html = (await ds.client.get("/about")).text
    assert "Om arkivet" in html and "1,000" in html


@pytest.mark.asyncio
async def test_datasette_swedish_metadata(ds):
    html = (await ds.client.get("/archive/items")).text
    assert "Ärenden" in html


@pytest.mark.asyncio
async def test_datasette_public_mode_refuses_arbitrary_sql(seed_archive):
    public = make_datasette(seed_archive, public=True)
    response = await public.client.get("/archive.json?sql=select+1")
    assert response.status_code == 403
    assert (await public.client.get("/archive/sok.json?q=beslut")).status_code == 200


@pytest.mark.asyncio
async def test_datasette_read_only(ds):
    response = await ds.client.get("/archive.json?sql=delete+from+items")
    assert response.status_code in (400, 403)


def test_datasette_serve_command_safe_defaults(tmp_path):
    command = datasette_command(tmp_path / "a.db", host="127.0.0.1", port=8001, public=True)
    joined = " ".join(command)
    assert "--host 127.0.0.1" in joined and "sql_time_limit_ms" in joined
    assert "default_allow_sql off" in joined and "suggest_facets off" in joined


@pytest.mark.asyncio
async def test_datasette_fact_tables_are_labelled_from_their_declarations(ds):
    from minutes.archive.facts import DECISION

    await ds.invoke_startup()
    assert ds.metadata("title", database="archive", table="decisions") == DECISION.label == "Beslut"
    kind = ds.metadata("columns", database="archive", table="decisions")["kind"]
    assert kind.startswith("Beslutstyp (") and "referred = återremitterat" in kind
    assert ds.metadata("facets", database="archive", table="items") == ["body", "year", "kind", {"array": "presenters"}]
    assert ds.metadata("title", database="archive", table="documents") == "Källdokument"  # from metadata.yml
    html = (await ds.client.get("/archive/decisions")).text
    assert "Beslut" in html and "Beslutstyp" in html
