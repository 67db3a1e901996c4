"""The sample generator's families beyond the classic one: kommunal §-protokoll with cases
that pass between bodies, regional decision lists, associations and student unions,
minnesanteckningar, and their web-transcript variants. The known answers must be
consistent with the text and with themselves."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes.sample import generate_archive, iter_meetings
from minutes.sample.families import FAMILY_NAMES, resolve
from minutes.sample.generate import iter_generated

NEW_FAMILIES = ("kommunal", "regional", "forening", "minnes")
GOLD_ITEM_KEYS = {"number", "title", "kind", "presenters", "speakers", "decisions", "assignments"}
PROTOCOL_KEYS = {"case_number", "proposals", "votes", "reservations"}
EXTRA_ITEM_KEYS = {"notes", "recusals", "recipients", "immediately_adjusted"}
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def mixed():
    """Documents of a default-mix archive of 160 meetings (seed 4), without the disk."""
    return list(iter_generated(160, 4, 0.0))


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """A written archive of municipalities and regions only, with its truth folder."""
    out = tmp_path_factory.mktemp("councils")
    generate_archive(out, meetings=150, seed=9, pdf_share=0.2, families="kommunal,regional")
    truth = {p.stem: json.loads(p.read_text("utf-8")) for p in (out / "_truth").glob("*.json")
             if p.stem != "threads"}
    threads = json.loads((out / "_truth" / "threads.json").read_text("utf-8"))
    return out, truth, threads


def test_default_mix_holds_every_family(mixed):
    counts = Counter(g.family for g in mixed)
    assert set(counts) == set(FAMILY_NAMES)
    assert counts["classic"] < len(mixed) / 2


def test_families_can_be_chosen_alone_or_together():
    assert {g.family for g in iter_generated(30, 1, families="classic")} == {"classic"}
    assert {g.family for g in iter_generated(30, 1, families=["forening", "minnes"])} == {"forening", "minnes"}
    assert {g.family for g in iter_generated(30, 1, families={"kommunal": 1})} == {"kommunal"}
    with pytest.raises(ValueError, match="nämnd"):
        resolve("classic,nämnd")


@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_each_family_is_deterministic(family):
    first = [(name, text) for name, text, _ in iter_meetings(25, 6, families=family)]
    again = [(name, text) for name, text, _ in iter_meetings(25, 6, families=family)]
    other = [(name, text) for name, text, _ in iter_meetings(25, 7, families=family)]
    assert first == again and len(first) == 25
    assert first != other


def test_archive_counts_and_unique_files(tmp_path):
    paths = generate_archive(tmp_path, meetings=70, seed=2, families="kommunal,regional,forening,minnes")
    assert len(paths) == 70 and len({p.name for p in paths}) == 70
    assert len(list((tmp_path / "_truth").glob("*.json"))) == 71


def test_truth_is_on_the_page_in_every_family(mixed):
    for generated in (g for g in mixed if g.family != "classic"):
        text, truth = flat(generated.text), generated.truth
        where = generated.filename
        for attendee in truth["attendees"]:
            assert attendee["name"] in text, where
        for name in truth["meeting"]["signatories"]:
            assert name in text, where
        assert truth["meeting"]["location"] in text, where
        for mention in truth["dates"]:
            assert mention["text"] in text, (where, mention)
        for item in truth["items"]:
            assert item["title"] in text, where
            for decision in item["decisions"]:
                assert decision["text"] in text, (where, decision)
            for assignment in item["assignments"]:
                assert assignment["task"] in text, (where, assignment)
            for proposal in item.get("proposals", []):
                assert proposal["text"] in text, (where, proposal)
                assert all(by in text for by in proposal["by"]), where
            for reserver in item.get("reservations", []):
                assert reserver in text, where
            if item.get("case_number"):
                assert item["case_number"] in text, where


def test_truth_shape_of_new_families(mixed):
    for generated in (g for g in mixed if g.family != "classic"):
        truth = generated.truth
        protocol = any(PROTOCOL_KEYS & set(item) for item in truth["items"])
        for item in truth["items"]:
            keys = set(item)
            assert keys == (GOLD_ITEM_KEYS | PROTOCOL_KEYS | EXTRA_ITEM_KEYS if protocol else GOLD_ITEM_KEYS)
            for decision in item["decisions"]:
                assert decision["kind"] in {"noted", "endorsed", "decided", "referred", "other"}
            for assignment in item["assignments"]:
                due = assignment["due"]
                assert due is None or due == "next_meeting" or VALUE.match(due)
            for vote in item.get("votes", []):
                assert all(vote[k] is None or isinstance(vote[k], int) for k in ("yes", "no", "abstain", "absent"))
        for mention in truth["dates"]:
            assert VALUE.match(mention["value"])
        assert VALUE.match(truth["meeting"]["date"])
        if protocol and generated.family in ("kommunal", "regional") and truth["attendees"]:
            assert all({"substitute_for", "attendance"} <= set(a) for a in truth["attendees"])


def test_named_vote_lists_sum_to_the_counts(councils):
    _, truth, _ = councils
    checked = 0
    for doc in truth.values():
        for item in doc["items"]:
            for vote in item.get("votes", []):
                if vote.get("ballots"):
                    tally = Counter(b["vote"] for b in vote["ballots"])
                    assert tally["yes"] == vote["yes"] and tally["no"] == vote["no"]
                    assert tally["abstain"] == vote["abstain"]
                    names = [b["name"] for b in vote["ballots"]]
                    assert len(names) == len(set(names))
                    assert not set(names) & set(item["recusals"])
                    checked += 1
    assert checked >= 5


def test_ballots_are_cast_by_serving_members(councils):
    _, truth, _ = councils
    for doc in truth.values():
        present = {a["name"] for a in doc["attendees"] if a["status"] == "present"}
        for item in doc["items"]:
            for vote in item.get("votes", []):
                assert {b["name"] for b in vote.get("ballots", [])} <= present


def test_every_case_number_reaches_two_bodies_in_date_order(councils):
    _, truth, _ = councils
    seen = defaultdict(list)
    for doc in truth.values():
        for item in doc["items"]:
            if item.get("case_number"):
                seen[item["case_number"]].append((doc["meeting"]["date"], doc["meeting"]["body"]))
    assert len(seen) >= 20
    decided_in_assembly = 0
    for number, stages in seen.items():
        stages.sort()
        assert len({body for _, body in stages}) >= 2, number
        assert len({day for day, _ in stages}) == len(stages), number
        assert all(a[1] != b[1] for a, b in zip(stages, stages[1:])), number
        bodies = [body for _, body in stages]
        if any(b.endswith("styrelsen") for b in bodies[:-1]) and bodies[-1].endswith("fullmäktige"):
            decided_in_assembly += 1
    assert decided_in_assembly >= 5


def test_case_threads_are_the_items_sharing_a_case_number(councils):
    _, truth, threads = councils
    by_case = defaultdict(set)
    for _stem, doc in truth.items():
        for item in doc["items"]:
            if item.get("case_number"):
                by_case[item["case_number"]].add((doc["source"], item["number"]))
    cases = [t for t in threads if "(" in t["label"]]
    members = [{tuple(m) for m in t["members"]} for t in cases]
    for case_number, items in by_case.items():
        assert items in members, case_number


def test_substitutes_and_partial_attendance(councils):
    _, truth, _ = councils
    partial = substitutes = 0
    for doc in truth.values():
        people = {a["name"]: a for a in doc["attendees"]}
        numbers = [int(i["number"]) for i in doc["items"] if i["number"] and i["number"].isdigit()]
        for a in doc["attendees"]:
            if a.get("substitute_for"):
                substitutes += 1
                assert a["status"] == "present"
                assert people[a["substitute_for"]]["status"] == "absent"
            if a.get("attendance"):
                partial += 1
                low, high = map(int, re.findall(r"\d+", a["attendance"]))
                assert min(numbers) <= low <= high <= max(numbers)
        assert set(doc["meeting"]["signatories"]) <= {a["name"] for a in doc["attendees"]} or not doc["attendees"]
    assert substitutes >= 10 and partial >= 2


def test_protocol_fields_appear(councils):
    _, truth, _ = councils
    items = [i for doc in truth.values() for i in doc["items"]]
    assert sum(bool(i["proposals"]) for i in items) >= 10
    assert sum(bool(i["reservations"]) for i in items) >= 5
    assert sum(bool(i["recusals"]) for i in items) >= 1
    assert sum(bool(i["recipients"]) for i in items) >= 10
    assert any(i["immediately_adjusted"] for i in items)
    assert any(len(p["by"]) > 1 for i in items for p in i["proposals"])
    assert any(v["yes"] is None for i in items for v in i["votes"])  # "Votering." without counts


def test_text_shows_the_protocol_layout(councils):
    out, _, _ = councils
    texts = "\n".join(decode(p) for p in out.rglob("*.txt"))
    for marker in ("Plats och tid", "Justeringens plats och tid", "ANSLAG/BEVIS", "Paragrafer",
                   "Förvaringsplats för protokollet", "Datum för anslags uppsättande", "LEDAMÖTER",
                   "ERSÄTTARE", "Tjg § ", "yrkar bifall till", "reserverar sig mot beslutet",
                   "Beslut: Enligt förslag.", "Reservation: ", "ja-röster", "Propositionsordning"):
        assert marker in texts, marker
    assert re.search(r"^(KS|RS) § \d+", texts, re.M)
    assert re.search(r"Dnr:? (KS|RS)", texts)


def decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def test_att_sats_decisions_are_the_approved_att_satser(mixed):
    checked = 0
    for generated in (g for g in mixed if g.family == "forening"):
        lines = [line.strip(" *#-") for line in generated.text.splitlines()]
        decided = {d["text"] for i in generated.truth["items"] for d in i["decisions"] if not d["optional"]}
        for k, line in enumerate(lines):
            if line.startswith("Attsats 1"):
                start = max(j for j in range(k) if lines[j].startswith("1. Att "))
                proposal = lines[start:k]
                first = proposal[0][3:]
                assert first in decided, generated.filename
                if "avslås" in line:
                    second = next(p for p in proposal if p.startswith("2. "))[3:]
                    assert second not in decided
                checked += 1
    assert checked >= 3


def test_tasks_in_passing_name_people_the_list_makes_certain(mixed):
    for generated in (g for g in mixed if g.family == "forening"):
        names = {a["name"] for a in generated.truth["attendees"]}
        for item in generated.truth["items"]:
            for assignment in item["assignments"]:
                if not assignment["optional"]:
                    assert set(assignment["assignees"]) <= names


def test_web_variants_flat_and_markdown(mixed):
    texts = [g.text for g in mixed if g.family != "classic"]
    flat_docs = [t for t in texts if max(len(line) for line in t.splitlines()) > 1500]
    markdown = [t for t in texts if re.search(r"^## ", t, re.M)]
    assert flat_docs and markdown
    assert any(re.search(r"^- ", t, re.M) for t in markdown)
    assert all(len(t.splitlines()) < 40 for t in flat_docs)


def test_generated_files_parse(tmp_path):
    from minutes.ingest import read

    paths = generate_archive(tmp_path, meetings=40, seed=3, pdf_share=0.4,
                             families="kommunal,regional,forening,minnes")
    suffixes = Counter(p.suffix for p in paths)
    assert suffixes[".pdf"] and suffixes[".txt"]
    for path in paths:
        truth = json.loads((tmp_path / "_truth" / f"{path.stem}.json").read_text("utf-8"))
        document = read(path)
        text = flat(document.text)
        assert truth["items"] and flat(truth["items"][0]["title"]) in text, path.name


def test_cli_sample_families(tmp_path):
    from minutes.cli import cli

    result = CliRunner().invoke(cli, ["sample", "--out", str(tmp_path / "a"), "--meetings", "12",
                                      "--families", "minnes", "--truth"])
    assert result.exit_code == 0, result.output
    assert {p.parts[-3].split("-")[0] for p in (tmp_path / "a").rglob("*.txt")} <= {"minnes"}
    result = CliRunner().invoke(cli, ["sample", "--out", str(tmp_path / "b"), "--families", "nämnd"])
    assert result.exit_code != 0 and "nämnd" in result.output


@pytest.mark.skipif(not (SHARED / "realworld").is_dir(), reason="../shared is not beside the checkout")
def test_people_are_invented(mixed):
    shared = " ".join(flat(p.read_text("utf-8", errors="ignore"))
                      for folder in (SHARED / "realworld" / "texts", SHARED / "seeds")
                      for p in folder.glob("*") if p.is_file())
    names = {a["name"] for g in mixed if g.family != "classic" for a in g.truth["attendees"]}
    assert names and not [n for n in names if n in shared]


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="../shared/eval is not beside the checkout")
def test_score_families_reports_every_family(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "score_families", Path(__file__).resolve().parent.parent / "benchmarks" / "score_families.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--meetings", "14", "--seed", "3", "--keep", str(tmp_path / "run"),
                        "--json", str(tmp_path / "report.json")]) == 0
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert set(report) == set(FAMILY_NAMES) | {"all"}
    assert sum(report[f]["documents"] for f in FAMILY_NAMES) == report["all"]["documents"] == 14
    assert report["classic"]["items"]["f1"] > 0.5  # the classic layouts are the ones the extractor knows
    assert "kommunal" in capsys.readouterr().out
