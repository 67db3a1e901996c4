"""Score extraction on a generated archive, per family of minutes.

Generates an archive with `minutes.sample.generate_archive`, extracts every document with
the current extractor (``extract_meeting``, as tests/test_extract_sample.py does), links
the archive for its threads (import, link, export) and runs ``../shared/eval/score.py`` on
each family's documents, then on the whole archive. It shows where extraction fails on
layouts the seeds do not have.

    .venv/bin/python benchmarks/score_families.py --meetings 80 --seed 11
    .venv/bin/python benchmarks/score_families.py --families kommunal --json out.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
LIST_FIELDS = ("items", "attendees", "decisions", "assignments", "speakers", "presenters", "dates",
               "signatories", "proposals", "votes", "reservations", "threads")
ACC_FIELDS = ("meeting.body", "meeting.date", "meeting.start_time", "meeting.location", "item.title",
              "decision.kind", "attendee.status", "attendee.role", "attendee.party", "item.case_number",
              "proposal.by", "assignment.assignees", "assignment.due")


def family_of(path: Path) -> str:
    """The family a generated file belongs to, from its folder name."""
    head = path.parts[-3].split("-")
    return head[0] if head[0] in ("kommunal", "regional", "forening", "minnes") else "classic"


def score(gold: Path, pred: Path) -> dict:
    report = pred.parent / f"{pred.name}.score.json"
    subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--pred", str(pred), "--json", str(report)],
                   check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))["total"]


def figure(report: dict, field: str) -> str:
    value = report.get(field)
    if value is None:
        return "  -  "
    number = value.get("f1", value.get("accuracy"))
    return "  -  " if number is None else f"{number:.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, default=80)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--pdf-share", type=float, default=0.3)
    parser.add_argument("--families", default=None)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="write the archive and predictions here")
    args = parser.parse_args(argv)

    from minutes.archive import export_json, open_archive
    from minutes.extract import extract_meeting
    from minutes.importer.bulk import ingest_paths
    from minutes.ingest import read
    from minutes.link import link_archive
    from minutes.models import to_gold
    from minutes.sample import generate_archive

    base = args.keep or Path(tempfile.mkdtemp(prefix="score-families-"))
    archive = base / "archive"
    for name in ("pred", "linked"):
        shutil.rmtree(base / name, ignore_errors=True)
    (base / "archive.db").unlink(missing_ok=True)
    paths = generate_archive(archive, meetings=args.meetings, seed=args.seed, pdf_share=args.pdf_share,
                             families=args.families)
    # facts as the extraction tests read them (extract_meeting, then the gold shape) ...
    (base / "pred").mkdir(parents=True)
    for path in paths:
        meeting = extract_meeting(read(path))
        (base / "pred" / f"{path.stem}.json").write_text(json.dumps(to_gold(meeting), ensure_ascii=False),
                                                         encoding="utf-8")
    # ... and threads as the archive links them (import, link, export)
    db = open_archive(base / "archive.db")
    ingest_paths(db, paths)
    link_archive(db)
    export_json(db, base / "linked")
    shutil.copy(base / "linked" / "threads.json", base / "pred" / "threads.json")
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[family_of(path.relative_to(archive))].append(path)
    gold_threads = json.loads((archive / "_truth" / "threads.json").read_text(encoding="utf-8"))
    pred_threads = json.loads((base / "pred" / "threads.json").read_text(encoding="utf-8"))
    reports = {}
    for family, files in sorted(groups.items()) + [("all", paths)]:
        gold, pred = base / f"gold-{family}", base / f"pred-{family}"
        for folder in (gold, pred):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        names = {p.name for p in files}
        stems = {p.stem for p in files}
        for path in files:
            shutil.copy(archive / "_truth" / f"{path.stem}.json", gold / f"{path.stem}.json")
            extracted = base / "pred" / f"{path.stem}.json"
            if extracted.exists():
                shutil.copy(extracted, pred / extracted.name)
        mine = [t for t in gold_threads if all(m[0] in names for m in t["members"])]
        if mine:
            (gold / "threads.json").write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
            theirs = [{"label": t["label"], "members": [m for m in t["members"] if Path(m[0]).stem in stems]}
                      for t in pred_threads]
            (pred / "threads.json").write_text(json.dumps(theirs, ensure_ascii=False), encoding="utf-8")
        reports[family] = score(gold, pred)
        reports[family]["documents"] = len(files)
    columns = list(reports)
    print(f"{'field':22}" + "".join(f"{c:>10}" for c in columns))
    print(f"{'documents':22}" + "".join(f"{reports[c]['documents']:>10}" for c in columns))
    for field in ("headline_f1",) + LIST_FIELDS + ACC_FIELDS:
        cells = [f"{reports[c]['headline_f1']:.3f}" if field == "headline_f1" else figure(reports[c], field)
                 for c in columns]
        print(f"{field:22}" + "".join(f"{cell:>10}" for cell in cells))
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
