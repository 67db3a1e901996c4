"""Datasette pages for issue 12: a person's votes, reservations per party, an item's vote, a case's path."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from datasette_fixtures import make_datasette
from sqlite_utils import Database


@pytest.fixture(scope="module")
def council_archive(tmp_path_factory) -> Path:
    """Generated kommunal protocols (cases across bodies, votes with named lists), ingested and linked."""
    from minutes.archive import open_archive
    from minutes.importer.bulk import ingest_paths
    from minutes.link import link_archive
    from minutes.sample import generate_archive

    out = tmp_path_factory.mktemp("council_pages")
    generate_archive(out / "files", meetings=80, seed=3, pdf_share=0.0, families="kommunal,regional")
    path = out / "archive.db"
    db = open_archive(path)
    ingest_paths(db, [out / "files"])
    link_archive(db, today=dt.date(2030, 1, 1))
    db.close()
    return path


@pytest.fixture
def cds(council_archive):
    return make_datasette(council_archive)


def _voter(db: Database) -> tuple[int, str, list[dict]]:
    """A person who voted in several named votes: their people id, name and ballots."""
    counts = Counter(r["name"] for r in db.query("select name from ballots"))
    for name, _ in counts.most_common():
        row = db.execute("select id from people where name = ?", [name]).fetchone()
        if row:
            ballots = list(db.query("select * from ballots where name = ?", [name]))
            return row[0], name, ballots
    raise AssertionError("no voter is a stored person")


@pytest.mark.asyncio
async def test_person_page_shows_how_they_voted(cds, council_archive):
    db = Database(council_archive)
    person_id, name, ballots = _voter(db)
    assert len(ballots) >= 2
    page = await cds.client.get(f"/-/person/{person_id}")
    assert page.status_code == 200
    assert f"Röster i omröstningar ({len(ballots)})" in page.text
    for b in ballots:
        assert f'href="/-/punkt/{b["item_id"]}"' in page.text
    votes = re.findall(r"<td>(ja|nej|avstår|frånvarande)</td>", page.text)
    labels = {"yes": "ja", "no": "nej", "abstain": "avstår", "absent": "frånvarande"}
    assert Counter(votes) == Counter(labels[b["vote"]] for b in ballots)


@pytest.mark.asyncio
async def test_votes_per_person_table_is_faceted_and_filterable(cds, council_archive):
    _, name, ballots = _voter(Database(council_archive))
    response = await cds.client.get("/archive/person_votes.json",
                                    params={"name": name, "_shape": "objects", "_facet": "vote"})
    assert response.status_code == 200
    data = response.json()
    assert len(data["rows"]) == len(ballots)
    results = data["facet_results"]
    results = results.get("results", results)  # Datasette 1.0 nests the facets one level deeper
    facet = {f["value"]: f["count"] for f in results["vote"]["results"]}
    assert facet == dict(Counter(b["vote"] for b in ballots))
    html = await cds.client.get("/archive/person_votes")
    assert html.status_code == 200 and "Röster per ledamot" in html.text


@pytest.mark.asyncio
async def test_reservations_per_party_carry_the_party(cds, council_archive):
    db = Database(council_archive)
    rows = list(db.query("select * from reservations_by_party"))
    assert len(rows) >= 5
    assert sum(r["party"] is not None for r in rows) / len(rows) >= 0.9
    page = await cds.client.get("/archive/reservations_by_party")
    assert page.status_code == 200 and "Reservationer per parti" in page.text
    faceted = (await cds.client.get("/archive/reservations_by_party.json", params={"_facet": "party"})).json()
    results = faceted["facet_results"]
    counts = {f["value"]: f["count"] for f in results.get("results", results)["party"]["results"]}
    assert counts == dict(Counter(r["party"] for r in rows if r["party"] is not None))


@pytest.mark.asyncio
async def test_item_page_shows_proposals_the_named_vote_and_reservations(cds, council_archive):
    db = Database(council_archive)
    vote = next(db.query("""select v.* from votes v where exists (select 1 from ballots b where b.vote_id = v.id)
                            and exists (select 1 from reservations r where r.item_id = v.item_id)
                            and exists (select 1 from proposals p where p.item_id = v.item_id)"""))
    ballots = list(db.query("select * from ballots where vote_id = ?", [vote["id"]]))
    page = await cds.client.get(f"/-/punkt/{vote['item_id']}")
    assert page.status_code == 200
    assert "Yrkanden" in page.text and "Omröstning" in page.text and "Reservationer" in page.text
    assert f"ja {vote['yes']}, nej {vote['no']}" in page.text
    table = page.text.split('class="minutes-ballots"')[1].split("</table>")[0]
    assert table.count("<tr class=") == len(ballots) == (vote["yes"] or 0) + (vote["no"] or 0) + (vote["abstain"] or 0)
    for r in db.query("select id from reservations where item_id = ? and start is not null", [vote["item_id"]]):
        assert f"#fakta-{r['id']}" in page.text
    document = db.execute("select document_id from meetings where id = ?", [vote["meeting_id"]]).fetchone()[0]
    source = await cds.client.get(f"/-/dokument/{document}")
    assert "fact-reservations" in source.text and "fact-votes" in source.text


@pytest.mark.asyncio
async def test_case_page_shows_the_path_in_date_order_with_each_decision(cds, council_archive):
    db = Database(council_archive)
    thread = next(db.query("""select * from threads where case_number is not null and bodies like '%, %, %'
                              order by meetings desc, id"""))
    path = list(db.query("select * from case_path where thread_id = ? order by position", [thread["id"]]))
    assert len({p["body"] for p in path}) >= 3
    assert [p["date"] for p in path] == sorted(p["date"] for p in path)
    page = await cds.client.get(f"/-/trad/{thread['id']}")
    assert page.status_code == 200
    assert "Ärendets väg" in page.text and thread["case_number"] in page.text
    section = page.text.split("Ärendets väg")[1].split("Tidslinje")[0]
    positions = [section.index(f'href="/-/punkt/{p["item_id"]}"') for p in path]
    assert positions == sorted(positions)
    decided = [p for p in path if p["decision"]]
    assert len(decided) >= 2
    for p in decided:
        assert p["decision"][:40] in section
    listing = await cds.client.get("/-/tradar")
    assert f"(ärende {thread['case_number']})" in listing.text
