"""The sample generator: determinism, formats, truth shape and laziness (speed: benchmarks/bench_sample.py)."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes import models
from minutes.sample import generate_archive, iter_meetings, render_pdf_from_text

GOLD_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"
MEETING_KEYS = {"body", "body_name", "date", "start_time", "end_time", "location", "signatories"}
ATTENDEE_KEYS = {"name", "organization", "role", "party", "status"}
ITEM_KEYS = {"number", "title", "kind", "presenters", "speakers", "decisions", "assignments"}
DECISION_KINDS = set(models.DECISION_KINDS)  # the codes the archive knows (#10: one place)
STATUSES = set(models.ATTENDEE_STATUSES)
ITEM_KINDS = {None, *models.ITEM_KINDS}
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    paths = generate_archive(out, meetings=300, seed=0)
    return out, paths


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_same_seed_gives_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate_archive(a, meetings=40, seed=7)
    generate_archive(b, meetings=40, seed=7)
    assert digest(a) == digest(b)


def test_other_seed_gives_other_archive():
    first = [t for _, t, _ in iter_meetings(10, 1)]
    second = [t for _, t, _ in iter_meetings(10, 2)]
    assert first != second


def test_archive_of_300_meetings_is_complete(archive):
    # How long it takes is benchmarks/bench_sample.py's to say, not a test's (#10).
    out, paths = archive
    assert len(paths) == 300
    assert len({p.stem for p in paths}) == 300
    assert len(list((out / "_truth").glob("*.json"))) == 301
    assert {p.suffix for p in paths} == {".txt", ".pdf"}


def test_numbering_formats_appear(archive):
    _, paths = archive
    texts = [decode(p) for p in paths if p.suffix == ".txt"]
    joined = "\n".join(texts)
    assert re.search(r"^§ \d+", joined, re.M)
    assert re.search(r"^\d+ § ", joined, re.M)
    assert re.search(r"^\d+\. ", joined, re.M)
    assert re.search(r"^\d+\) ", joined, re.M)
    assert re.search(r"^[ab]\) ", joined, re.M)
    for marker in ("Ställningstagande:", "Föredragande:", "Frånvarande", "Inbjudna:", "Justeras",
                   "Mötestider", "Återrapportering", "får i uppdrag att", "\t"):
        assert marker in joined, marker


def decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def test_encodings_vary_and_cp1252_files_decode(archive):
    _, paths = archive
    raw = [p.read_bytes() for p in paths if p.suffix == ".txt"]
    not_utf8 = []
    for data in raw:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(data)
    assert not_utf8, "expected some cp1252 files"
    assert all("å" in d.decode("cp1252") or "ä" in d.decode("cp1252") for d in not_utf8)
    assert any(d.startswith(b"\xef\xbb\xbf") for d in raw)
    assert any(b"\r\n" in d for d in raw)


def test_pdfs_open_and_contain_text(archive):
    pdfplumber = pytest.importorskip("pdfplumber")
    out, paths = archive
    pdf = next(p for p in paths if p.suffix == ".pdf")
    truth = json.loads((out / "_truth" / f"{pdf.stem}.json").read_text(encoding="utf-8"))
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert truth["meeting"]["body_name"] in text
    assert truth["items"][-1]["title"].split()[0] in text


def check_truth_shape(truth: dict) -> None:
    assert set(truth) == {"source", "meeting", "attendees", "items", "dates"}
    assert set(truth["meeting"]) == MEETING_KEYS
    assert VALUE.match(truth["meeting"]["date"])
    for attendee in truth["attendees"]:
        assert set(attendee) == ATTENDEE_KEYS
        assert attendee["status"] in STATUSES
    for item in truth["items"]:
        assert set(item) == ITEM_KEYS
        assert item["kind"] in ITEM_KINDS
        for decision in item["decisions"]:
            assert set(decision) == {"text", "kind", "optional"}
            assert decision["kind"] in DECISION_KINDS
        for assignment in item["assignments"]:
            assert set(assignment) == {"assignees", "task", "due", "optional"}
            due = assignment["due"]
            assert due is None or due == "next_meeting" or VALUE.match(due)
    for mention in truth["dates"]:
        assert set(mention) == {"text", "value"} and VALUE.match(mention["value"])


def test_truth_has_exactly_the_gold_keys():
    for _, _, truth in iter_meetings(60, 3, families="classic"):
        check_truth_shape(truth)


@pytest.mark.skipif(not GOLD_DIR.exists(), reason="shared gold not mounted")
def test_truth_keys_match_real_gold():
    gold = json.loads(next(GOLD_DIR.glob("0*.json")).read_text(encoding="utf-8"))
    _, _, truth = next(iter_meetings(1, 0))
    assert set(truth) == set(gold)
    assert set(truth["meeting"]) == set(gold["meeting"])
    assert set(truth["items"][0]) == set(gold["items"][0])


def test_truth_is_on_the_page():
    for _, text, truth in iter_meetings(40, 5):
        flat = " ".join(text.split())
        for attendee in truth["attendees"]:
            assert attendee["name"] in flat
        for item in truth["items"]:
            assert item["title"] in flat
            for decision in item["decisions"]:
                assert decision["text"] in flat
            for assignment in item["assignments"]:
                assert assignment["task"] in flat
        for mention in truth["dates"]:
            assert mention["text"] in flat
        for name in truth["meeting"]["signatories"]:
            assert name in flat


def test_threads_cross_meetings_and_bodies(archive):
    out, _ = archive
    threads = json.loads((out / "_truth" / "threads.json").read_text(encoding="utf-8"))
    assert threads and all(len(t["members"]) > 1 for t in threads)
    assert any(len({m[0].split("_")[0] for m in t["members"]}) > 1 for t in threads)


def test_iter_meetings_is_lazy():
    # Its speed is timed by benchmarks/bench_sample.py (#10).
    assert isinstance(iter_meetings(10**6, 0), Iterator)
    items = sum(len(t["items"]) for _, _, t in itertools.islice(iter_meetings(10**6, 0), 2000))
    assert items > 10000


def test_render_pdf_from_arbitrary_text(tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    text = ("\ufeffTid: 2019-03-14 kl 13.00\r\nNärvarande:\tÅsa Öberg\tÄrlig Ödman\n\n"
            + "• punkt med åäö\n" + "1. " + "mycket lång rad med ord " * 40 + "\n") * 30
    path = tmp_path / "x.pdf"
    render_pdf_from_text(text, path, header="Nämnd 2019-03-14", footer="{page} ({pages})",
                         bullets="zapf")
    with pdfplumber.open(path) as doc:
        assert len(doc.pages) > 2
        first = doc.pages[0].extract_text()
        last = doc.pages[-1].extract_text()
    assert "Åsa Öberg" in first and "Nämnd 2019-03-14" in first
    assert f"{len(doc.pages)} ({len(doc.pages)})" in last
