"""How many times its text an archive is, and where the bytes go (issue 15).

Text is the documents' extracted text (``documents.text``, UTF-8 bytes): what
a reader of the minutes would call their content. The archive is the file
after ``VACUUM`` (free pages from re-linking would otherwise count). Prints
the ratio with and without the Swedish search columns (the ``*_stem`` and
``*_rev`` shadow columns and the FTS5 indexes), and the largest tables and
indexes from ``dbstat``.

    minutes sample --out /tmp/s5000 --meetings 5000
    minutes ingest --db /tmp/a5000.db /tmp/s5000
    .venv/bin/python benchmarks/bench_size.py /tmp/a5000.db [--contentless]

``--contentless`` also measures the copy with its full-text indexes made
contentless (``content=''``, fed with the stems computed here) and the shadow
columns dropped from the tables: what not storing them would save.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from minutes.archive.fts import reversed_text, stem_text
from minutes.archive.schema import FTS_CONFIG, FTS_TOKENIZE, SEARCH_SOURCES


def text_bytes(conn: sqlite3.Connection) -> int:
    return conn.execute("select coalesce(sum(length(cast(text as blob))), 0) from documents").fetchone()[0]


def sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Bytes per table or index, from dbstat (FTS5 shadow tables by their own names)."""
    return dict(conn.execute("select name, sum(pgsize) from dbstat group by name"))


def shadow_bytes(conn: sqlite3.Connection) -> int:
    """Bytes of the stored shadow columns (their text; their pages are shared with the rows)."""
    total = 0
    for table, sources in SEARCH_SOURCES.items():
        parts = [f"coalesce(length(cast({c}_stem as blob)), 0) + coalesce(length(cast({c}_rev as blob)), 0)"
                 for c in sources]
        try:
            total += conn.execute(f"select coalesce(sum({' + '.join(parts)}), 0) from {table}").fetchone()[0]
        except sqlite3.OperationalError:  # the shadow columns are not stored in this archive
            pass
    return total


def make_contentless(conn: sqlite3.Connection) -> None:
    """Rebuild every FTS index contentless from the rows, then drop the stored shadow columns."""
    for table, columns in FTS_CONFIG.items():
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"drop trigger if exists [{table}_{suffix}]")
        conn.execute(f"drop table if exists [{table}_fts]")
        conn.execute(f"create virtual table [{table}_fts] using fts5({', '.join(columns)}, content='', "
                     f"tokenize='{FTS_TOKENIZE}')")
        sources = SEARCH_SOURCES[table]
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        rows = conn.execute(f"select rowid, {', '.join(sources)} from [{table}]").fetchall()
        conn.executemany(
            f"insert into [{table}_fts] (rowid, {', '.join(columns)}) values ({marks})",
            [(rowid, *values, *map(stem_text, values), *map(reversed_text, values)) for rowid, *values in rows],
        )
        for column in sources:
            conn.execute(f"alter table [{table}] drop column [{column}_stem]")
            conn.execute(f"alter table [{table}] drop column [{column}_rev]")
    conn.commit()


def measure(path: Path, *, contentless: bool = False) -> dict:
    """Vacuum a copy of the archive and account for its bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp, "archive.db")
        source = sqlite3.connect(path)
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close()
        if contentless:
            make_contentless(target)
        target.execute("vacuum")
        by_name = sizes(target)
        total = copy.stat().st_size
        fts = sum(size for name, size in by_name.items() if any(name.startswith(f"{t}_fts") for t in FTS_CONFIG))
        report = {"file": total, "text": text_bytes(target), "fts": fts, "shadow": shadow_bytes(target),
                  "largest": sorted(by_name.items(), key=lambda kv: -kv[1])[:12]}
        target.close()
    return report


def format_size(report: dict) -> list[str]:
    text, total = report["text"], report["file"]
    without = total - report["fts"] - report["shadow"]
    mib = 2**20
    lines = [
        f"text {text / mib:.1f} MiB; archive {total / mib:.1f} MiB = {total / text:.2f}× its text "
        f"(target ≤ 3×)",
        f"  search: FTS5 indexes {report['fts'] / mib:.1f} MiB, "
        f"stored shadow columns {report['shadow'] / mib:.1f} MiB; "
        f"without them {without / mib:.1f} MiB = {without / text:.2f}× its text",
        "  largest: " + ", ".join(f"{name} {size / mib:.1f}" for name, size in report["largest"]) + " MiB",
    ]
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--contentless", action="store_true", help="also measure contentless FTS indexes")
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"no archive at {args.db}")
    print("\n".join(format_size(measure(args.db))))
    if args.contentless:
        print("contentless FTS5, shadow columns not stored:")
        print("\n".join(format_size(measure(args.db, contentless=True))))


if __name__ == "__main__":
    main()
