"""Extraction speed: the seeds, generated minutes, and hostile inputs that once took minutes.

Run: .venv/bin/python benchmarks/bench_extract.py
Prints seconds, characters/s and documents/s per case. Hostile cases guard
against regexes that grow quadratically with input (long runs of capitalised
words, thousands of label lines, text without sentence ends).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from minutes.extract import default_nlp, extract_meeting
from minutes.ingest import read
from minutes.models import SourceDocument
from minutes.sample import iter_meetings

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def hostile_cases(rng: random.Random) -> dict[str, str]:
    words = ["Anna", "Berg", "Västra", "Götaland", "Region", "Nämnden", "VGR", "och"]
    labels = ["Tid: ", "Plats: ", "Beslut: ", "Ställningstagande: ", "Föredragande: ", "Frånvaro: "]
    phrases = ["Anna Berg", "VGR", "nämnden", "beslutar", "att", "den 3 maj"]
    return {
        "capitalised run": " ".join(rng.choice(words) for _ in range(40_000)),
        "label lines": "\n".join(
            rng.choice(labels) + " ".join(rng.choice(phrases) for _ in range(20)) for _ in range(3_000)
        ),
        "numbered lines": "\n".join(f"{i}. Rubrik {i}" for i in range(1, 3_000)),
    }


def timed(texts: list[str], nlp) -> tuple[float, int]:
    start = time.perf_counter()
    for text in texts:
        extract_meeting(SourceDocument(name="bench.txt", text=text), nlp=nlp)
    return time.perf_counter() - start, sum(len(t) for t in texts)


def main() -> None:
    nlp = default_nlp()
    cases = {}
    if SEEDS.is_dir():
        cases["seeds (5)"] = [read(p).text for p in sorted(SEEDS.glob("*.txt"))]
    cases["generated (200)"] = [text for _, text, _ in iter_meetings(200, seed=1)]
    for name, text in hostile_cases(random.Random(2)).items():
        cases[f"hostile: {name}"] = [text]
    print(f"{'case':28} {'seconds':>8} {'chars/s':>10} {'docs/s':>8}")
    for name, texts in cases.items():
        seconds, chars = timed(texts, nlp)
        print(f"{name:28} {seconds:8.2f} {chars / seconds:10.0f} {len(texts) / seconds:8.1f}")


if __name__ == "__main__":
    main()
