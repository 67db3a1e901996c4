"""The command line: help everywhere, documented in the README, the main path works."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from minutes.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out += all_commands(command, f"{prefix}{name} ")
    return out


@pytest.mark.parametrize(("name", "command"), all_commands(cli))
def test_cli_every_command_has_help_with_an_example(name, command):
    result = CliRunner().invoke(cli, [*name.split(), "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    if not isinstance(command, click.Group):
        assert "Example:" in result.output, name


@pytest.mark.parametrize("name", [n for n, _ in all_commands(cli) if " " not in n])
def test_cli_every_command_is_in_the_readme(name):
    assert re.search(rf"minutes {name}\b", README), f"`minutes {name}` is not documented in README.md"


def test_cli_extract_prints_gold_json(seeds_dir):
    result = CliRunner().invoke(
        cli, ["extract", "--json", str(seeds_dir / "000_ff889c0526b2183e.txt")], catch_exceptions=False
    )
    data = json.loads(result.output)
    assert data["source"] == "000_ff889c0526b2183e.txt"
    assert [i["number"] for i in data["items"]] == [str(n) for n in range(1, 9)]


def test_cli_extract_names_the_file_of_a_bad_input(tmp_path):
    bad = tmp_path / "protokoll.pdf"
    bad.write_bytes(b"not a pdf at all")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "protokoll.pdf" in result.output and "not a PDF" in result.output


def test_cli_ingest_export_search_on_the_seeds(seeds_dir, tmp_path):
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "--db", db, "--quiet", str(seeds_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["ingest", "--db", db, "--quiet", str(seeds_dir)], catch_exceptions=False)
    assert again.exit_code == 0
    out = tmp_path / "out"
    runner.invoke(cli, ["export", "--db", db, "--format", "json", "--out", str(out)], catch_exceptions=False)
    assert sorted(p.name for p in out.glob("*.json")) == sorted(
        [p.stem + ".json" for p in seeds_dir.glob("*.txt")] + ["threads.json"]
    )
    found = runner.invoke(
        cli, ["search", "--db", db, "--format", "json", "--limit", "5", "webbplattform"], catch_exceptions=False
    )
    results = json.loads(found.output)
    assert results and {"source", "number", "title", "date", "body", "snippet"} <= set(results[0])
    assert {(r["source"][:3], r["number"]) for r in results} >= {("000", "5"), ("002", "5")}


@pytest.mark.parametrize(
    "args",
    [["serve"], ["search", "budget"], ["export", "--out", "out"], ["threads"]],
)
def test_cli_missing_db_is_a_usage_error_and_creates_nothing(tmp_path, args):
    """Issue 16: a mistyped --db must not be served, searched or exported as an empty archive."""
    missing = tmp_path / "finns-inte.db"
    result = CliRunner().invoke(cli, [*args, "--db", str(missing)])
    assert result.exit_code == 2
    assert f"no archive at {missing}" in result.output
    assert not missing.exists() and not list(tmp_path.iterdir())


def test_cli_extract_prints_unnumbered_topics(tmp_path):
    notes = tmp_path / "anteckningar.txt"
    notes.write_text(
        "Minnesanteckningar\nDatum: 2021-01-11\nNärvarande: Anna Berg, Olle Ek\n\n"
        "– Tidplan\nAnna Berg informerar om tidplanen.\n– Budget\nOlle Ek informerar om budgeten.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", str(notes)])
    assert result.exit_code == 0, result.output
    assert "Tidplan" in result.output and "Budget" in result.output
