"""The ingest, reprocess and bench commands: exit status, plain lines, quiet, summary."""

from __future__ import annotations

import io

from click.testing import CliRunner

from minutes.cli import cli
from minutes.importer.bulk import FileResult
from minutes.importer.progress import make_progress
from minutes.importer.sources import parse_size

TEXT = """Protokoll fört vid sammanträde med styrelsen
Datum: 2019-03-01
1. Mötets öppnande
Ordföranden öppnar mötet.
"""


def _folder(tmp_path, *, broken: bool):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    if broken:
        (folder / "b.pdf").write_bytes(b"not a pdf")
    return folder


def test_cli_ingest_reports_failures_and_exits_1(tmp_path):
    folder = _folder(tmp_path, broken=True)
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "a.db"), "-w", "1", str(folder)])
    assert result.exit_code == 1
    assert "[1/2] imported  in/a.txt" in result.output  # relative to the import root (issue 13)
    assert "FAILED in/b.pdf: named .pdf but is not a PDF" in result.output
    assert result.output.endswith("1 imported, 0 already in archive, 0 duplicates, 1 failed\n")


def test_cli_ingest_quiet_prints_only_the_summary_and_exits_0(tmp_path):
    folder = _folder(tmp_path, broken=False)
    args = ["ingest", "--db", str(tmp_path / "a.db"), "-w", "1", "--quiet", str(folder)]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.output) == (0, "1 imported, 0 already in archive, 0 duplicates, 0 failed\n")
    again = CliRunner().invoke(cli, args)
    assert again.output == "0 imported, 1 already in archive, 0 duplicates, 0 failed\n"


def test_cli_ingest_needs_something_to_import(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and "name at least one file" in result.output


def test_cli_ingest_size_limit_option(tmp_path):
    folder = _folder(tmp_path, broken=False)
    args = ["ingest", "--db", str(tmp_path / "a.db"), "-w", "1", "-q", "--max-file-size", "10", str(folder)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "file too large" in result.output
    bad = CliRunner().invoke(cli, [*args[:-2], "ten", str(folder)])
    assert bad.exit_code == 2 and "not a size" in bad.output


def test_cli_ingest_parse_size():
    assert [parse_size(s) for s in ("100MB", "512 kB", "2G", "1048576")] == [
        100 * 2**20, 512 * 2**10, 2 * 2**30, 2**20,
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_ingest_progress_bar_on_a_terminal_shows_rate_and_eta():
    stream = _Terminal()
    progress = make_progress(3, stream=stream)
    for path in ("a", "b", "c"):
        progress(FileResult(path, "imported"))
    progress.close()
    shown = stream.getvalue()
    assert "3/3" in shown and "file/s" in shown and "<" in shown  # elapsed<remaining


def test_cli_ingest_plain_lines_and_quiet_off_a_terminal():
    stream = io.StringIO()
    make_progress(2, stream=stream)(FileResult("x.pdf", "failed", "truncated PDF"))
    assert stream.getvalue() == "[1/2] failed    x.pdf: truncated PDF\n"
    quiet = io.StringIO()
    make_progress(2, quiet=True, stream=quiet)(FileResult("x.pdf", "imported"))
    assert quiet.getvalue() == ""


def test_cli_reprocess_command(tmp_path):
    folder = _folder(tmp_path, broken=False)
    db = str(tmp_path / "a.db")
    CliRunner().invoke(cli, ["ingest", "--db", db, "-w", "1", "-q", str(folder)])
    result = CliRunner().invoke(cli, ["reprocess", "--db", db, "-w", "1", "-q"])
    assert (result.exit_code, result.output) == (0, "1 reprocessed, 0 failed\n")


def test_cli_bench_help_has_an_example():
    result = CliRunner().invoke(cli, ["bench", "--help"])
    assert result.exit_code == 0 and "minutes bench --files 200" in result.output
