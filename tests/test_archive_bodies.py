"""One identity per body (issue 16): shared acronyms stay apart, spellings of one body join."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from minutes.archive import open_archive, save_document
from minutes.archive.bodies import canonical, clean, same_body
from minutes.extract import extract_meeting
from minutes.models import SourceDocument


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("samrådet mellan Norrkom och Region Norrland", "politiska Samrådet mellan Norrkom och Region Norrland", True),
        ("Samrådsorganet mellan Kommunförbundet Ekby och Region Ekby",
         "Samrådsorganet mellan Kommunförbundet Åby och Region Åby", False),
        ("Vårdsamverkan Ekby", "Vårdsamverkan Ekby Eva Ek (ordförande) Olle Lind", True),  # next line read in
        ("Styrelsen för Samordningsförbundet Ekby", "Styrelsen för Samordningsförbundet Ekby 2", False),
        ("Socialnämnden i Ekby kommun", "Socialnämnden i Åby kommun", False),
    ],
)
def test_bodies_same_body_only_when_no_proper_noun_differs(a, b, same):
    assert same_body(a, b) is same and same_body(b, a) is same


def test_bodies_names_never_end_in_the_meeting_date():
    assert clean("Styrelsen för Ekbyförbundet  Sammanträdesdatum 2022-04-04") == "Styrelsen för Ekbyförbundet"
    assert canonical(None, " Vårdsamverkan Ekby. ") == ("Vårdsamverkan Ekby", "Vårdsamverkan Ekby")
    assert canonical(None, None) is None


def _save(db, n: int, body: str | None, body_name: str | None, title: str = "Budget") -> None:
    document = SourceDocument(name=f"{n}.txt", path=f"{n}.txt", sha256=f"{n:x}" * 64,
                              text=f"1. {title}\nNämnden noterar informationen.\n")
    overrides = {"body": body, "body_name": body_name}
    save_document(db, document, extract_meeting(document), overrides={k: v for k, v in overrides.items() if v})


def test_bodies_sharing_an_acronym_stay_apart_and_are_labelled_apart(db_path):
    db = open_archive(db_path)
    _save(db, 1, "SRO", "Samrådet mellan Ekbykom och Region Ekby")
    assert [r[0] for r in db.execute("select distinct body from items")] == ["SRO"]
    _save(db, 2, "SRO", "Samrådet mellan Åbykom och Region Åby")
    _save(db, 3, "SRO", "samrådet mellan Ekbykom och Region Ekby")  # another spelling of the first
    labels = [r[0] for r in db.execute("select short_name from bodies order by id")]
    assert labels == ["SRO (Samrådet mellan Ekbykom och Region Ekby)", "SRO (Samrådet mellan Åbykom och Region Åby)"]
    per_meeting = dict(db.execute("select source, body_id from meetings").fetchall())
    assert per_meeting["1.txt"] == per_meeting["3.txt"] != per_meeting["2.txt"]
    facet = dict(db.execute("select body, count(*) from items group by body").fetchall())
    assert facet == {labels[0]: 2, labels[1]: 1}  # the first body's rows were relabelled


def test_bodies_a_meeting_without_full_name_joins_the_only_body_of_its_short_name(db_path):
    db = open_archive(db_path)
    _save(db, 1, "VGK", None)
    _save(db, 2, "VGK", "Vårdgruppen Ekby")
    _save(db, 3, "VGK", None)
    assert db.execute("select id, short_name, name from bodies").fetchall() == [(1, "VGK", "Vårdgruppen Ekby")]
    assert {r[0] for r in db.execute("select body_id from meetings")} == {1}


def test_bodies_one_key_per_generated_body(generated_archive):
    """Every generated body (its folder) is one stored body, and every stored body one generated body."""
    conn = sqlite3.connect(generated_archive)
    pairs = conn.execute(
        "select p.path, m.body_id from meetings m join document_paths p on p.document_id = m.document_id"
    ).fetchall()
    folders = {}
    for path, body_id in pairs:
        folder = Path(path).parts[-3]  # <body>/<year>/<file>
        folders.setdefault(folder, set()).add(body_id)
    assert len(folders) == 6 and all(len(ids) == 1 for ids in folders.values()), folders
    assert len({next(iter(ids)) for ids in folders.values()}) == 6
    labels = [r[0] for r in conn.execute("select short_name from bodies")]
    assert len(labels) == 6 and sum(label.startswith("SRO (") for label in labels) == 2
