"""reportlab, pdfplumber and psutil are extras: without them the features that need them say so (#10)."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.errors import MissingExtra
from minutes.extras import optional_import


def hide(monkeypatch, package: str) -> None:
    """Make ``package`` and its modules (and whatever of ours imported them) look uninstalled."""
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")] or [package]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, package, None)
    monkeypatch.delitem(sys.modules, "minutes.sample.render_pdf", raising=False)


@pytest.mark.parametrize(("module", "extra"), [("reportlab.pdfgen.canvas", "sample"), ("pdfplumber", "bench"),
                                                ("psutil", "bench")])
def test_extras_a_missing_package_names_its_extra(monkeypatch, module, extra):
    hide(monkeypatch, module.split(".")[0])
    with pytest.raises(MissingExtra) as error:
        optional_import(module, extra=extra, purpose="this feature")
    assert str(error.value) == (f"this feature needs {module.split('.')[0]}, which is not installed: "
                                f"pip install 'minutes[{extra}]'")


def test_extras_sample_without_reportlab_writes_text_and_refuses_pdfs_clearly(monkeypatch, tmp_path):
    from minutes.sample import generate_archive

    hide(monkeypatch, "reportlab")
    assert len(generate_archive(tmp_path / "text", meetings=6, seed=1, pdf_share=0.0)) == 6
    result = CliRunner().invoke(cli, ["sample", "--out", str(tmp_path / "pdf"), "--meetings", "6"])
    assert result.exit_code == 1
    assert "writing sample PDFs needs reportlab" in result.output and "minutes[sample]" in result.output
