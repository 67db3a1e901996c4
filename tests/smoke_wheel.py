"""The installed wheel serves the whole app: run by ``make smoke`` with the wheel's own Python.

Outside the checkout, it generates and imports a small sample archive with the
installed ``minutes``, starts ``minutes serve`` and asks for the home page, a
search, a meeting, the open assignments, the calendar and the Atom feed, each
of which must answer 200 with its Swedish words (issue 16). Not collected by
pytest (its name does not start with ``test_``).
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent


def run(*args: str) -> str:
    return subprocess.run([str(BIN / "minutes"), *args], check=True, capture_output=True, text=True).stdout


def get(base: str, path: str, words: str) -> str:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        text = response.read().decode("utf-8")
        assert response.status == 200, (path, response.status)
    assert words in text, f"{path}: {words!r} not on the page"
    print(f"ok  {path}  ({words})")
    return text


def main() -> None:
    run("sample", "--out", "sample", "--meetings", "12")
    run("ingest", "--quiet", "--db", "served.db", "sample")
    word = json.loads(run("search", "--db", "served.db", "--format", "json", "--in", "all", "mötet"))[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(BIN / "minutes"), "serve", "--db", "served.db", "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        home = get(base, "/", "Följ ett ämne")
        assert '<html lang="sv"' in home
        get(base, "/-/sok?q=m%C3%B6tet", "träffar för")
        get(base, f"/-/mote/{word['meeting_id']}", "Närvarande")
        get(base, "/-/uppdrag", "Öppna uppdrag")
        get(base, "/-/uppdrag.ics", "BEGIN:VCALENDAR")
        get(base, "/-/beslut.atom", "<feed")
        get(base, "/about", "Om arkivet")
        link = re.search(r'href="(/-/static-plugins/minutes/[^"]+)"', home)
        assert link, "the home page links no stylesheet of the plugin"
        css = link.group(1)
        get(base, css, ".minutes-hit")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
