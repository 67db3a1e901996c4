"""``minutes search`` starts fast: no numpy, no sqlite_utils, one Snowball stemmer (issue 15).

Start-up is checked by what is imported once the command has run (measure
its time with ``python -X importtime -m minutes search …``), not by
wall-clock time, which on a shared machine says more about the neighbours.
"""

from __future__ import annotations

import subprocess
import sys

from minutes.archive import open_archive, save_document
from minutes.extract import extract_meeting
from minutes.models import SourceDocument

#: Runs the command line in a fresh interpreter, then lists every module it has loaded.
RUN_AND_LIST = """
import sys
from minutes.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""


def imported_modules(*args: str, cwd) -> tuple[set[str], str]:
    """The modules a ``minutes ARGS`` run loaded, and what it printed."""
    run = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *args], cwd=cwd,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return set(run.stderr.split()), run.stdout


def test_cli_startup_search_imports_neither_numpy_nor_sqlite_utils_nor_other_stemmers(tmp_path):
    db = open_archive(tmp_path / "a.db")
    document = SourceDocument(name="p.txt", path="p.txt", sha256="a" * 64,
                              text="1. Budget för skolan\nNämnden noterar informationen.\n")
    save_document(db, document, extract_meeting(document))
    db.close()
    modules, out = imported_modules("search", "--db", "a.db", "skolan", cwd=tmp_path)
    assert "Budget för skolan" in out  # it really searched
    assert "minutes.archive.search" in modules
    heavy = {m for m in modules if m.split(".")[0] in {"numpy", "sqlite_utils", "spacy", "datasette", "pandas"}}
    assert not heavy
    stemmers = {m for m in modules if m.startswith("snowballstemmer.") and m.endswith("_stemmer")}
    assert stemmers == {"snowballstemmer.swedish_stemmer"}


def test_cli_startup_the_real_snowball_package_still_imports_after_ours():
    code = ("import minutes.swedish, snowballstemmer; "
            "print(snowballstemmer.stemmer('swedish').stemWord('riktlinjer'), minutes.swedish.stem('riktlinjer'))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["riktlinj", "riktlinj"], run.stderr
