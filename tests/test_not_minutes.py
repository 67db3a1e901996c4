"""A file with no meeting structure is recorded as not minutes, not as an empty meeting (issue 16)."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from minutes.cli import cli
from minutes.datasette_plugin.labels import reason_sv


def test_not_minutes_recorded_with_reason_and_real_minutes_kept(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inkopslista.txt").write_text("Mjölk\nÄgg\nSmör\nKnäckebröd\n", encoding="utf-8")
    (folder / "LASMIG.txt").write_text("Installation\n\n1. Packa upp filerna\n2. Starta programmet\n", encoding="utf-8")
    (folder / "kort.txt").write_text("1. Budget\nNämnden noterar informationen.\n", encoding="utf-8")
    db = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db), str(folder)])
    assert result.exit_code == 1 and "1 imported" in result.output and "2 failed" in result.output
    conn = sqlite3.connect(db)
    statuses = dict(conn.execute("select name, status from documents").fetchall())
    assert statuses == {"inkopslista.txt": "not_minutes", "LASMIG.txt": "not_minutes", "kort.txt": "ok"}
    assert [r[0] for r in conn.execute("select source from meetings")] == ["kort.txt"]
    error = conn.execute("select error from documents where name = 'inkopslista.txt'").fetchone()[0]
    assert reason_sv(error).startswith("inte ett protokoll")
