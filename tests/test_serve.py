"""`minutes serve`: safe defaults, and any archive file is served as the `archive` database."""

from __future__ import annotations

import pytest
from datasette.app import Datasette

from minutes.archive import open_archive, save_document
from minutes.extract import extract_meeting
from minutes.models import SourceDocument
from minutes.serve import datasette_command


def test_serve_binds_loopback_and_limits_sql_by_default():
    command = datasette_command("x.db", host="127.0.0.1", port=8001)
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert "sql_time_limit_ms" in command
    assert "default_allow_sql" not in command
    public = datasette_command("x.db", host="0.0.0.0", port=8001, public=True)
    assert public[public.index("default_allow_sql") + 1] == "off"


@pytest.mark.asyncio
async def test_serve_any_archive_file_is_the_archive_database(tmp_path):
    path = tmp_path / "kommunens-protokoll.db"
    db = open_archive(path)
    text = "1. Budget\nNämnden noterar informationen.\n"
    document = SourceDocument(name="p.txt", path="p.txt", sha256="d" * 64, text=text)
    save_document(db, document, extract_meeting(document))
    db.close()
    ds = Datasette([str(path)])
    await ds.invoke_startup()
    response = await ds.client.get("/archive/items.json?_shape=array")
    assert response.status_code == 200
    assert [row["title"] for row in response.json()] == ["Budget"]
