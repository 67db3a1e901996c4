"""A real browser searches, applies a facet and opens a meeting (issue 6).

Drives Debian's chromium (installed by ``.ci/install-browser``) through
Playwright against ``datasette`` served on 127.0.0.1; skipped without it.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from minutes.serve import datasette_command

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(seed_archive):
    """``minutes serve``'s datasette command on a free local port, stopped afterwards."""
    port = _free_port()
    process = subprocess.Popen(
        datasette_command(seed_archive, host="127.0.0.1", port=port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def test_browser_search_facet_meeting(server):
    playwright = pytest.importorskip("playwright.sync_api")
    OUTPUT.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.goto(server + "/archive/sok")
        page.fill("input[name=q]", "riktlinje")
        page.locator("form.sql input[type=submit]").click()
        page.wait_for_selector("mark")
        assert "riktlinje" in page.locator("mark").first.inner_text().lower()
        page.goto(server + "/archive/items?_sok=riktlinje&_facet=body")
        page.locator(".facet-info a", has_text="VVG").first.click()
        page.wait_for_url("**body=VVG**")
        assert "VVG" in page.locator("table.rows-and-columns").inner_text()
        page.locator("td.col-meeting_id a").first.click()
        page.locator(".minutes-goto a").click()
        page.wait_for_selector("h1.minutes-meeting")
        assert "Närvarande" in page.content()
        page.screenshot(path=str(OUTPUT / "meeting.png"), full_page=True)
        browser.close()
    assert (OUTPUT / "meeting.png").stat().st_size > 0
