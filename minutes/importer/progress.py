"""How an import reports progress: a bar on a terminal, plain lines otherwise, or nothing.

A bar (tqdm, with files/s and ETA) is for a person watching; a log file or a
pipe gets one line per file, which greps well and never fills with carriage
returns; ``--quiet`` prints nothing until the summary.
"""

from __future__ import annotations

import sys
from typing import TextIO

from minutes.importer.bulk import FileResult
from minutes.importer.sources import escaped


class LineProgress:
    """One line per file: ``[12/200] imported  path`` (plus the reason when it failed)."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self.total, self.stream, self.done = total, stream, 0

    def __call__(self, result: FileResult) -> None:
        self.done += 1
        where = f"[{self.done}/{self.total}]" if self.total else f"[{self.done}]"
        reason = f": {escaped(result.reason)}" if result.reason and not result.ok else ""
        print(f"{where} {result.outcome:9} {escaped(result.path)}{reason}", file=self.stream, flush=True)

    def close(self) -> None:
        """Nothing to tear down; here so every reporter closes alike."""


class BarProgress:
    """A tqdm bar counting files, with files/s, ETA and the running failure count."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="file", file=stream, dynamic_ncols=True, desc="import")
        self.failed = 0

    def __call__(self, result: FileResult) -> None:
        if not result.ok:
            self.failed += 1
            self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


class NoProgress:
    """``--quiet``: say nothing per file."""

    def __call__(self, result: FileResult) -> None:
        return None

    def close(self) -> None:
        return None


def make_progress(
    total: int | None, *, quiet: bool = False, stream: TextIO | None = None
) -> LineProgress | BarProgress | NoProgress:
    """The reporter that suits ``stream`` (stderr by default): bar on a TTY, lines elsewhere."""
    stream = stream or sys.stderr
    if quiet:
        return NoProgress()
    if stream.isatty():
        return BarProgress(total, stream)
    return LineProgress(total, stream)


def failure_lines(failed: list[tuple[str, str]]) -> list[str]:
    """One line per failed file, naming it and the reason (control characters escaped)."""
    return [f"FAILED {escaped(path)}: {escaped(reason)}" for path, reason in failed]


def summary_line(summary) -> str:
    """The closing line of an import: how many files went which way."""
    return (
        f"{len(summary.imported)} imported, {len(summary.unchanged)} already in archive, "
        f"{len(summary.duplicates)} duplicates, {len(summary.failed)} failed"
    )
