"""Case threads (issue 12): case numbers read, references resolved, a case one thread."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from minutes.link import link_archive
from minutes.link.cases import (
    CaseItem,
    normalise_case_number,
    parse_case_number,
    printed_case_number,
    references,
    resolve,
)
from minutes.link.score import known_threads, pairwise_scores, stored_threads

LATER = dt.date(2030, 1, 1)
#: The done-when bar of issue 12: a case is one thread in at least this share (pairwise F1).
CASE_F1_FLOOR = 0.95


@pytest.mark.parametrize(("printed", "normal"), [
    ("KS 2023/123", "KS 2023/123"),
    ("Dnr KS 2023/0123", "KS 2023/123"),
    ("Diarienummer: KS/2023:123", "KS 2023/123"),
    ("KS 2023.0123", "KS 2023/123"),
    ("ks 123/23", "KS 2023/123"),
    ("2023/45", "2023/45"),
    ("Ärendenr: BUN 2019/7", "BUN 2019/7"),
    ("se bilaga", None),
    ("", None),
])
def test_case_number_normalised(printed, normal):
    assert normalise_case_number(printed) == normal


def test_case_numbers_fit_across_prefixes_only_when_one_is_missing():
    ks, bare, bun = (parse_case_number(t) for t in ("KS 2023/45", "2023/45", "BUN 2023/45"))
    assert ks.fits(bare) and bare.fits(bun)
    assert not ks.fits(bun)


def test_case_number_printed_in_a_heading_is_found():
    found = printed_case_number("Budget 2024 Diarienummer", "KS/2023:77\nSammanfattning av ärendet")
    assert str(found) == "KS 2023/77"


def test_references_name_body_date_and_paragraph():
    text = ("Underlag för beslut\nTjänsteskrivelse 2023-04-20\nKommunstyrelsens protokoll 2023-05-12 § 57\n"
            "Ärendet bordlades vid sammanträdet 2023-04-03, § 12.")
    found = references(text)
    assert [(r.body, r.date, r.number) for r in found] == [
        ("Kommunstyrelsens", "2023-05-12", "57"), ("", "2023-04-03", "12")]


def _item(id_, meeting, date, body, number, title):
    return CaseItem(id=id_, meeting_id=meeting, date=date, body=body, number=number, title=title, case=None)


def test_reference_resolves_to_the_one_item_that_fits():
    citing = _item("c", "m3", "2023-06-01", "KF", "4", "Taxa för bygglov 2024")
    ks = _item("k", "m1", "2023-05-12", "Kommunstyrelsen", "57", "Taxa för bygglov 2024")
    other_body = _item("o", "m2", "2023-05-12", "Socialnämnden", "57", "Taxa för bygglov 2024")
    ref = references("Kommunstyrelsens protokoll 2023-05-12 § 57")[0]
    assert resolve(ref, citing, [ks, other_body]) is ks
    # Two municipalities' boards met that day: the title decides, and a tie names none.
    elsewhere = _item("e", "m4", "2023-05-12", "Kommunstyrelsen", "57", "Riktlinjer för skolskjuts")
    assert resolve(ref, citing, [ks, elsewhere]) is ks
    twin = _item("t", "m5", "2023-05-12", "Kommunstyrelsen", "57", "Taxa för bygglov 2024")
    assert resolve(ref, citing, [ks, twin]) is None


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """Generated kommunal and regional protocols, ingested and linked, with their known threads."""
    from minutes.archive import open_archive
    from minutes.importer.bulk import ingest_paths
    from minutes.sample import generate_archive

    out = tmp_path_factory.mktemp("councils")
    generate_archive(out / "files", meetings=60, seed=7, pdf_share=0.0, families="kommunal,regional")
    db = open_archive(out / "archive.db")
    ingest_paths(db, [out / "files"])
    link_archive(db, today=LATER)
    truth = json.loads((out / "files" / "_truth" / "threads.json").read_text("utf-8"))
    return db, truth


def test_case_is_one_thread_on_generated_councils(councils):
    db, truth = councils
    known = known_threads(db, truth)
    assert len(known) >= 20  # the archive has cases across bodies
    scores = pairwise_scores(stored_threads(db), known)
    assert scores["f1"] >= CASE_F1_FLOOR, scores


def test_case_threads_carry_their_number_and_pass_several_bodies(councils):
    db, _ = councils
    rows = list(db.query("select case_number, bodies from threads where case_number is not null"))
    assert len(rows) >= 20
    assert sum(", " in r["bodies"] for r in rows) / len(rows) >= 0.9


def test_named_vote_lists_sum_to_the_counts(councils):
    db, _ = councils
    votes = list(db.query(
        """select v.id, v.yes, v.no, v.abstain, v.absent,
                  sum(b.vote = 'yes') as y, sum(b.vote = 'no') as n, sum(b.vote = 'abstain') as a,
                  sum(b.vote = 'absent') as x
           from votes v join ballots b on b.vote_id = v.id group by v.id"""))
    assert len(votes) >= 3
    wrong = [v for v in votes if (v["y"], v["n"], v["a"]) != (v["yes"] or 0, v["no"] or 0, v["abstain"] or 0)]
    assert wrong == []
