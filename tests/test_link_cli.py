"""The link commands: `minutes link`, `threads`, `assignments list/close/reopen` (issue 7)."""

from __future__ import annotations

from click.testing import CliRunner

from minutes.archive import open_archive
from minutes.archive.store import save_document
from minutes.cli import cli
from minutes.models import Assignment, Item, Meeting, SourceDocument


def build(path) -> None:
    db = open_archive(path)
    for n, date in ((1, "2019-02-14"), (2, "2019-04-11")):
        doc = SourceDocument(name=f"m{n}.txt", text=str(n), sha256=f"{n:02d}".ljust(64, "0"), path=f"m{n}.txt")
        items = [Item(number="1", title="Budget", assignments=[
            Assignment(task=f"ta fram underlag {n}", assignees=["Anna Berg"], due="next_meeting")])]
        save_document(db, doc, Meeting(source=doc.name, body="VSX", date=date, items=items))
    db.conn.commit()


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_link_cli_close_survives_relinking(tmp_path):
    path = str(tmp_path / "a.db")
    build(path)
    assert "assignments:" in run("link", "--db", path).output
    listed = run("assignments", "list", "--db", path, "--open").output.splitlines()
    assert len(listed) == 2 and listed[0].startswith("2019-04-11")
    assignment_id = listed[0].split()[2]
    assert run("assignments", "close", assignment_id, "--db", path, "--note", "klart").output == \
        f"{assignment_id}: done (klart)\n"
    run("link", "--db", path)
    assert len(run("assignments", "list", "--db", path, "--open").output.splitlines()) == 1
    assert "done" in run("assignments", "list", "--db", path, "--person", "Berg").output
    run("assignments", "reopen", assignment_id, "--db", path)
    run("link", "--db", path)
    assert len(run("assignments", "list", "--db", path, "--open", "--body", "VSX").output.splitlines()) == 2


def test_link_cli_unknown_assignment_is_an_error(tmp_path):
    path = str(tmp_path / "a.db")
    build(path)
    result = CliRunner().invoke(cli, ["assignments", "close", "nope", "--db", path])
    assert result.exit_code == 1 and "no linked assignment" in result.output


def test_link_cli_threads_lists_nothing_on_an_unthreaded_archive(tmp_path):
    path = str(tmp_path / "a.db")
    build(path)
    run("link", "--db", path)
    assert run("threads", "--db", path).output == ""


def test_link_cli_commands_have_examples():
    for args in (["link"], ["threads"], ["assignments"], ["assignments", "close"],
                 ["assignments", "reopen"], ["assignments", "list"]):
        assert "Example:" in run(*args, "--help").output


def test_link_cli_new_links_only_what_is_new(tmp_path):
    path = str(tmp_path / "a.db")
    build(path)
    assert run("link", "--db", path, "--new").output == "linked in full (the archive had no link state)\n"
    assert run("link", "--db", path, "--new").output == "0 meetings linked, 0 threads touched\n"
    db = open_archive(path)
    doc = SourceDocument(name="m3.txt", text="3", sha256="03".ljust(64, "0"), path="m3.txt")
    save_document(db, doc, Meeting(source=doc.name, body="VSX", date="2019-06-13",
                                   items=[Item(number="1", title="Budget")]))
    db.conn.commit()
    assert run("link", "--db", path, "--new").output.startswith("1 meetings linked")
