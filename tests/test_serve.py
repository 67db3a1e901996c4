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


def test_serve_runs_in_process_and_stopping_it_frees_the_port(tmp_path):
    """Issue 16: ``minutes serve`` is the server; stopping it leaves no child holding the port."""
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    import psutil

    path = tmp_path / "a.db"
    db = open_archive(path)
    document = SourceDocument(
        name="p.txt", path="p.txt", sha256="e" * 64, text="1. Budget\nNämnden noterar informationen.\n"
    )
    save_document(db, document, extract_meeting(document))
    db.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--db", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        assert "Protokollarkivet" in page
        assert psutil.Process(process.pid).children(recursive=True) == []
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_serve_immutable_replica_opens_the_file_immutable_with_precomputed_counts(tmp_path):
    command = datasette_command("x.db", host="127.0.0.1", port=8001)
    assert "-i" not in command
    from minutes.serve import datasette_args

    args = datasette_args("x.db", host="127.0.0.1", port=8001, immutable=True, inspect_file=tmp_path / "c.json")
    assert args[args.index("-i") + 1] == "x.db" and "x.db" not in args[:args.index("-i")]
    assert args[args.index("--inspect-file") + 1] == str(tmp_path / "c.json")


@pytest.mark.asyncio
async def test_serve_immutable_replica_serves_the_archive_and_its_search(tmp_path):
    """Issue 15: a read-only replica (``datasette -i``) is the same app, search included."""
    path = tmp_path / "replika.db"
    db = open_archive(path)
    document = SourceDocument(name="p.txt", path="p.txt", sha256="f" * 64,
                              text="1. Budget för skolan\nNämnden noterar informationen.\n")
    save_document(db, document, extract_meeting(document))
    db.close()
    ds = Datasette(immutables=[str(path)])
    await ds.invoke_startup()
    assert not ds.databases["archive"].is_mutable
    rows = (await ds.client.get("/archive/items.json?_shape=array")).json()
    assert [row["title"] for row in rows] == ["Budget för skolan"]
    page = await ds.client.get("/archive/items?_sok=skolan")
    assert page.status_code == 200 and "Budget för skolan" in page.text
