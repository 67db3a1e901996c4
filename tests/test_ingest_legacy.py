"""Old office formats and saved web pages, each read from a file the test builds (issue 14).

.doc: rebuilt with LibreOffice headless when it is installed, else the copy in
tests/data (made the same way, see its README); read with each converter that
is installed (catdoc, antiword). RTF, .odt and HTML are written out here byte
by byte.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.errors import UnsupportedFormat
from minutes.extract import extract_meeting
from minutes.ingest import legacy, read, read_bytes, sniff

DATA = Path(__file__).parent / "data"

LINES = [
    "Protokoll fört vid styrelsemöte i Föreningen Kvarnen",
    "Datum: 1998-05-12",
    "Närvarande: Åsa Öberg, Lennart Ståhl, Märta Ek",
    "§ 1 Mötets öppnande",
    "Ordföranden Åsa Öberg förklarade mötet öppnat och hälsade alla välkomna till årets första "
    "möte i den nya lokalen vid torget.",
    "Punkt\tÄrende\tAnsvarig",
    "2\tBudget 1999\tLennart Ståhl",
    "§ 3 Mötets avslutande",
]


def _docx(path: Path) -> Path:
    """The minutes as .docx: heading, paragraphs, a three-column table."""
    document = docx.Document()
    document.add_heading(LINES[0], 1)
    for line in LINES[1:5]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for r, line in enumerate(LINES[5:7]):
        for c, cell in enumerate(line.split("\t")):
            table.cell(r, c).text = cell
    document.add_paragraph(LINES[7])
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory) -> Path:
    """A Word 97-2003 file: made by LibreOffice here when it is installed, else the committed copy."""
    if not shutil.which("soffice"):
        return DATA / "protokoll-1998.doc"
    folder = tmp_path_factory.mktemp("doc")
    source = _docx(folder / "protokoll.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / "protokoll.doc"


INSTALLED = [name for name, _ in legacy.DOC_CONVERTERS if shutil.which(name)]


@pytest.mark.skipif(not INSTALLED, reason="neither catdoc nor antiword is installed (.ci/install-ocr installs them)")
@pytest.mark.parametrize("converter", INSTALLED or ["none"])
def test_ingest_legacy_doc_reads_paragraphs_and_table_rows(doc_file, converter, monkeypatch):
    monkeypatch.setattr(legacy, "DOC_CONVERTERS", tuple(c for c in legacy.DOC_CONVERTERS if c[0] == converter))
    document = read(doc_file)
    assert document.format == "doc"
    assert document.text.split("\n") == LINES


def test_ingest_legacy_committed_doc_is_a_word_97_file():
    data = (DATA / "protokoll-1998.doc").read_bytes()
    assert sniff(data, ".doc") == "doc"
    assert sniff(data, "") == "doc"  # the magic decides, not the name


def test_ingest_legacy_doc_without_converter_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UnsupportedFormat, match="install catdoc or antiword"):
        read(DATA / "protokoll-1998.doc")


def test_ingest_legacy_excel_file_is_refused_by_name():
    fake_xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        read_bytes(fake_xls, name="budget.xls")


RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}
\pard Protokoll f\'f6rt vid styrelsem\'f6te i F\'f6reningen Kvarnen\par
\pard Datum: 1998-05-12\par
\pard N\'e4rvarande: \'c5sa \'d6berg, Lennart St\'e5hl, M\'e4rta Ek\par
\pard \'a7 1 M\'f6tets \'f6ppnande\par
\pard Ordf\'f6randen \'c5sa \'d6berg f\'f6rklarade m\'f6tet \'f6ppnat och h\'e4lsade alla v\'e4lkomna till \'e5rets f\'f6rsta m\'f6te i den nya lokalen vid torget.\par
\trowd\cellx2000\cellx6000\cellx9000
\intbl Punkt\cell \u196?rende\cell Ansvarig\cell\row
\trowd\cellx2000\cellx6000\cellx9000
\intbl 2\cell Budget 1999\cell Lennart St\'e5hl\cell\row
\pard \'a7 3 M\'f6tets avslutande\par
}"""  # noqa: E501 (an RTF paragraph is one line)


def test_ingest_legacy_rtf_reads_code_page_unicode_and_table():
    document = read_bytes(RTF, name="protokoll.rtf")
    assert document.format == "rtf"
    assert document.text.split("\n") == LINES


def test_ingest_legacy_rtf_is_known_by_its_magic():
    assert sniff(RTF, ".txt") == "rtf"


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
<office:automatic-styles>
 <text:list-style style:name="Numrerad">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
 </text:list-style>
</office:automatic-styles>
<office:body><office:text>
 <text:h text:outline-level="1">Protokoll fört vid <text:span>årsmöte</text:span> i Föreningen Kvarnen</text:h>
 <text:p>Datum:<text:s/>1998-05-12<text:line-break/>Plats: Bygdegården</text:p>
 <text:list text:style-name="Numrerad">
  <text:list-item><text:p>Mötets öppnande</text:p></text:list-item>
  <text:list-item><text:p>Val av justerare</text:p>
   <text:list><text:list-item><text:p>Förslag från valberedningen</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:p>Budget 1999</text:p></text:list-item>
 </text:list>
 <table:table>
  <table:table-row><table:table-cell><text:p>Namn</text:p></table:table-cell><table:table-cell><text:p>Uppdrag</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>Åsa Öberg</text:p></table:table-cell><table:table-cell><text:p>Ordförande</text:p></table:table-cell></table:table-row>
 </table:table>
</office:text></office:body></office:document-content>"""  # noqa: E501 (a table row is one line)


def _odt(content: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
    return buffer.getvalue()


def test_ingest_legacy_odt_reads_headings_numbered_lists_and_tables():
    document = read_bytes(_odt(ODT_CONTENT), name="arsmote.odt")
    assert document.format == "odt"
    assert document.text.split("\n") == [
        "Protokoll fört vid årsmöte i Föreningen Kvarnen",
        "Datum: 1998-05-12",
        "Plats: Bygdegården",
        "1. Mötets öppnande",
        "2. Val av justerare",
        "a) Förslag från valberedningen",
        "3. Budget 1999",
        "Namn\tUppdrag",
        "Åsa Öberg\tOrdförande",
    ]


HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Protokoll</title>
<style>p { color: red }</style><script>var sida = "Sida 1";</script></head>
<body>
<nav><a href="/">Start</a></nav>
<h1>Protokoll fört vid styrelsemöte i Föreningen Kvarnen</h1>
<p>Datum: 1998-05-12<br>Närvarande: Åsa Öberg, Lennart Ståhl, Märta Ek</p>
<h2>§ 1 Mötets öppnande</h2>
<p>Ordföranden <b>Åsa Öberg</b> förklarade
   mötet öppnat.</p>
<ol><li>Styrelsen beslutade att anta budgeten.</li><li>Lennart Ståhl får i uppdrag att beställa arbetet.</li></ol>
<table><tr><th>Punkt</th><th>Ärende</th><th>Ansvarig</th></tr>
<tr><td>2</td><td>Budget&nbsp;1999</td><td>Lennart Ståhl</td></tr></table>
<h2>§ 3 Mötets avslutande</h2>
<!-- sparad från webben -->
</body></html>""".encode("cp1252")


def test_ingest_legacy_saved_web_page_keeps_headings_lists_and_table_rows():
    document = read_bytes(HTML, name="protokoll.htm")
    assert document.format == "html"
    assert document.text.split("\n") == [
        "Start",
        "Protokoll fört vid styrelsemöte i Föreningen Kvarnen",
        "Datum: 1998-05-12",
        "Närvarande: Åsa Öberg, Lennart Ståhl, Märta Ek",
        "§ 1 Mötets öppnande",
        "Ordföranden Åsa Öberg förklarade mötet öppnat.",
        "1. Styrelsen beslutade att anta budgeten.",
        "2. Lennart Ståhl får i uppdrag att beställa arbetet.",
        "Punkt\tÄrende\tAnsvarig",
        "2\tBudget 1999\tLennart Ståhl",
        "§ 3 Mötets avslutande",
    ]


def test_ingest_legacy_web_page_saved_without_suffix_is_known():
    assert sniff(HTML, "") == "html"


def test_ingest_legacy_web_page_feeds_extraction():
    meeting = extract_meeting(read_bytes(HTML, name="protokoll.html"))
    assert [item.number for item in meeting.items] == ["1", "3"]
    assert meeting.date == "1998-05-12"


def test_ingest_legacy_cli_imports_every_format(tmp_path, doc_file):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "a.rtf").write_bytes(RTF)
    (folder / "b.odt").write_bytes(_odt(ODT_CONTENT))
    (folder / "c.htm").write_bytes(HTML)
    expected = 3
    if INSTALLED:
        shutil.copy(doc_file, folder / "d.doc")
        expected += 1
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "a.db"), str(folder)])
    assert result.exit_code == 0, result.output
    assert f"{expected} imported" in result.output
