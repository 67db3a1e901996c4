"""A real browser walks the four users' journeys (issues 6, 16).

Drives Debian's chromium (installed by ``.ci/install-browser``) through
Playwright against ``minutes serve`` on 127.0.0.1; skipped without it. Under
``make test`` the server is the installed wheel's (``MINUTES_SERVE_BIN``), so
what is tested is what ships. Each journey saves a screenshot under
``test-output/`` and checks the Swedish words a user reads.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


def _serve_command(db_path: Path, port: int) -> list[str]:
    """``minutes serve``: the installed wheel's when ``MINUTES_SERVE_BIN`` names it, else this one."""
    installed = os.environ.get("MINUTES_SERVE_BIN")
    program = [installed] if installed and Path(installed).exists() else [sys.executable, "-m", "minutes"]
    return [*program, "serve", "--db", str(db_path), "--port", str(port)]


def _start(db_path: Path):
    port = _free_port()
    process = subprocess.Popen(_serve_command(db_path, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait_for(url, process)
    return process, url


def _wait_for(url: str, process, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def _stop(process) -> None:
    process.terminate()
    process.wait(timeout=15)


@pytest.fixture
def server(seed_archive):
    process, url = _start(seed_archive)
    try:
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def generated_server(generated_archive):
    process, url = _start(generated_archive)
    try:
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    OUTPUT.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 760}, locale="sv-SE")
    yield context.new_page()
    context.close()


def _shot(page, name: str, *, full_page: bool = True) -> None:
    page.screenshot(path=str(OUTPUT / name), full_page=full_page)
    assert (OUTPUT / name).stat().st_size > 0


def test_browser_search_facet_meeting(server, page):
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
    _shot(page, "meeting.png")


def test_browser_staff_search_filter_and_open_the_source(generated_server, page):
    """Staff: search from the home page, keep one body, open a hit, then its place in the source."""
    page.goto(generated_server + "/")
    assert page.locator("html").get_attribute("lang") == "sv"
    page.fill("#minutes-q", "mötet")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_selector(".minutes-hit")
    assert re.search(r"\d+ träffar för ”mötet”", page.locator(".minutes-total").inner_text())
    body = page.locator(".minutes-filters h2", has_text="Organ").locator("xpath=following-sibling::ul[1]//a").first
    name = body.inner_text()
    body.click()
    page.wait_for_url("**organ=**")
    metas = page.locator(".minutes-hit .meta").all_inner_texts()
    assert metas and all(m.startswith(name + " ·") for m in metas)
    _shot(page, "sok.png", full_page=False)
    page.locator(".minutes-hit h3 a").first.click()
    page.wait_for_selector("h1")
    assert "Möte:" in page.locator(".content").inner_text()
    _shot(page, "arende.png", full_page=False)
    if page.locator("a", has_text="[källa").count():
        page.locator("a", has_text="[källa").first.click()
    else:
        page.locator("a[href*='/-/dokument/']").first.click()
    page.wait_for_selector(".minutes-source")
    assert "Källtext" in page.locator("h1").inner_text()
    assert page.locator(".minutes-source .fact").count() > 0
    _shot(page, "kalla.png", full_page=False)


def test_browser_researcher_follows_a_topic_across_years(generated_server, page):
    page.goto(generated_server + "/-/folj")
    page.fill("#minutes-q", "budget")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_selector(".minutes-year")
    years = page.locator(".minutes-year").all_inner_texts()
    assert len(years) >= 2 and years == sorted(years)
    assert "äldst först" in page.locator(".minutes-total").inner_text()
    _shot(page, "folj.png", full_page=False)
    page.get_by_role("link", name="Nästa →").click()
    page.wait_for_url("**sida=2**")
    later = page.locator(".minutes-year").all_inner_texts()
    assert later and later[0] >= years[-1]


def test_browser_person_opens_assignments_and_downloads_the_calendar(generated_server, page):
    page.goto(generated_server + "/-/uppdrag")
    assert "Öppna uppdrag" in page.locator("h1").inner_text()
    person = page.locator("table.minutes-list a[href*='/-/person/']").first
    name = person.inner_text()
    person.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == name and "Uppdrag (" in page.content()
    _shot(page, "person.png", full_page=False)
    link = page.get_by_role("link", name="Mina uppdrag som kalender (.ics)")
    calendar = page.request.get(generated_server + link.get_attribute("href"))
    assert calendar.ok and calendar.headers["content-type"].startswith("text/calendar")
    text = calendar.text()
    assert "BEGIN:VEVENT" in text and "DTSTART;VALUE=DATE:" in text and name.split()[0] in text


def test_browser_administrator_reads_the_import_status(generated_server, page):
    page.goto(generated_server + "/")
    page.get_by_role("link", name="Importstatus").first.click()
    page.wait_for_selector("h1")
    text = page.locator(".content").inner_text()
    assert "Importstatus" in text and "inläst: 60" in text and "misslyckades: 1" in text
    assert "PDF-filen är ofullständig" in text and "trasig.pdf" in text
    _shot(page, "import.png", full_page=False)
