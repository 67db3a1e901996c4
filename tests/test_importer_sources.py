"""iter_sources and read_manifest: folders, zips and hostile archives."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from minutes.importer.sources import Source, iter_sources, read_manifest, unsafe_entry


def _zip(entries: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _summary(sources: list[Source]) -> list[tuple[str, bytes | None, str | None]]:
    return [(s.display_path, s.data, s.error) for s in sources]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "2019" / "vår").mkdir(parents=True)
    (tmp_path / "2018").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "2019" / "vår" / "b.txt").write_bytes(b"B")
    (tmp_path / "2019" / "a.txt").write_bytes(b"A")
    (tmp_path / "2018" / "c.txt").write_bytes(b"C")
    (tmp_path / "top.txt").write_bytes(b"T")
    for junk in (".DS_Store", "Thumbs.db", "~$utkast.docx", ".git/config"):
        (tmp_path / junk).write_bytes(b"junk")
    return tmp_path


def test_importer_sources_walks_nested_folders_sorted_without_junk(tree):
    found = list(iter_sources([tree]))
    assert [Path(s.display_path).relative_to(tree).as_posix() for s in found] == [
        "top.txt",
        "2018/c.txt",
        "2019/a.txt",
        "2019/vår/b.txt",
    ]
    assert [s.data for s in found] == [b"T", b"C", b"A", b"B"]
    assert all(s.ok and s.mtime for s in found)


def test_importer_sources_missing_path_is_an_error_source(tmp_path):
    [source] = iter_sources([tmp_path / "saknas.pdf"])
    assert source.error == "not found: no such file or folder" and source.data is None


def test_importer_sources_oversized_file_names_the_limit(tmp_path):
    (tmp_path / "stor.pdf").write_bytes(b"x" * 3000)
    [source] = iter_sources([tmp_path], max_file_bytes=2048)
    assert source.error == "file too large: 2.9 kB, over the 2 kB limit"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_importer_sources_unreadable_file_is_an_error_source(tmp_path):
    locked = tmp_path / "låst.txt"
    locked.write_bytes(b"hemligt")
    locked.chmod(0)
    try:
        [source] = iter_sources([locked])
    finally:
        locked.chmod(0o600)
    assert source.error.startswith("cannot read file: Permission denied")


def test_importer_sources_zip_entries_read_in_memory(tmp_path):
    archive = tmp_path / "arkiv.zip"
    archive.write_bytes(
        _zip({"2018/b.txt": b"B", "2018/a.txt": b"A", "__MACOSX/._a.txt": b"x", "2018/": b""})
    )
    found = list(iter_sources([tmp_path]))
    assert _summary(found) == [
        (f"{archive}!/2018/a.txt", b"A", None),
        (f"{archive}!/2018/b.txt", b"B", None),
    ]
    assert found[0].name == "a.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arkiv.zip"]


def test_importer_sources_nested_zip_one_level(tmp_path):
    inner = _zip({"protokoll.txt": b"P"})
    innermost = _zip({"deep.txt": _zip({"x.txt": b"X"})})
    archive = tmp_path / "yttre.zip"
    archive.write_bytes(_zip({"inre.zip": inner, "tva.zip": innermost}))
    assert _summary(iter_sources([archive])) == [
        (f"{archive}!/inre.zip!/protokoll.txt", b"P", None),
        (f"{archive}!/tva.zip!/deep.txt", _zip({"x.txt": b"X"}), None),
    ]


@pytest.mark.parametrize("entry", ["../evil.txt", "/etc/passwd", "a/../../evil.txt", "C:/evil.txt", "..\\evil.txt"])
def test_importer_sources_unsafe_zip_path_is_refused(tmp_path, entry):
    archive = tmp_path / "farlig.zip"
    archive.write_bytes(_zip({entry: b"ond", "ok.txt": b"god"}))
    found = {s.display_path: s for s in iter_sources([archive])}
    bad = found[f"{archive}!/{entry}"]
    assert bad.data is None and bad.error.startswith("unsafe path in zip: ")
    assert entry in bad.error
    assert found[f"{archive}!/ok.txt"].data == b"god"
    assert not (tmp_path.parent / "evil.txt").exists()


def test_importer_sources_unsafe_entry_table():
    assert unsafe_entry("../x") and unsafe_entry("/x") and unsafe_entry("D:\\x")
    assert not unsafe_entry("a/b..c/x.pdf") and not unsafe_entry("2018/x.pdf")


def test_importer_sources_zip_bomb_refused_by_size(tmp_path):
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(_zip({"bomb.txt": b"\0" * (4 * 2**20)}))
    [source] = iter_sources([archive], max_file_bytes=2**20)
    assert source.error == "file too large: 4 MB, over the 1 MB limit"


def test_importer_sources_zip_bomb_refused_by_ratio(tmp_path):
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(_zip({"bomb.txt": b"\0" * (4 * 2**20)}))
    [source] = iter_sources([archive])
    assert source.error.startswith("zip bomb refused: entry expands ")
    assert "(limit 200×)" in source.error


def test_importer_sources_zip_bomb_refused_by_total(tmp_path):
    archive = tmp_path / "many.zip"
    archive.write_bytes(_zip({f"{i}.txt": bytes(range(256)) * 40 for i in range(5)}))
    found = list(iter_sources([archive], max_zip_total=25_000))
    assert [s.ok for s in found] == [True, True, False, False, False]
    assert found[2].error == "zip bomb refused: the archive unpacks to more than the 24.4 kB limit"


def test_importer_sources_zip_entry_lying_about_its_size(tmp_path):
    data = bytearray(_zip({"a.txt": b"hej" * 1000}, compression=zipfile.ZIP_STORED))
    local_size = data.index(b"a.txt") - 8  # uncompressed size in the local header
    data[local_size : local_size + 4] = (10).to_bytes(4, "little")
    central = data.rindex(b"PK\x01\x02") + 24  # and in the central directory
    data[central : central + 4] = (10).to_bytes(4, "little")
    archive = tmp_path / "lögn.zip"
    archive.write_bytes(bytes(data))
    [source] = iter_sources([archive])
    assert source.data is None and source.error.startswith(("corrupt zip entry", "zip bomb refused"))


def test_importer_sources_corrupt_zip_is_an_error_source(tmp_path):
    archive = tmp_path / "trasig.zip"
    archive.write_bytes(b"PK\x03\x04 inte en zip")
    [source] = iter_sources([archive])
    assert source.error.startswith("corrupt zip archive: cannot be opened")


def test_importer_sources_manifest_overrides(tmp_path):
    (tmp_path / "filer").mkdir()
    (tmp_path / "filer" / "a.txt").write_bytes(b"A")
    (tmp_path / "b.zip").write_bytes(_zip({"b.txt": b"B"}))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "\ufeffpath,body,body_name,date\n"
        "filer/a.txt,ks,Kommunstyrelsen,2019-04-08\n"
        "b.zip,,Barn- och utbildningsnämnden,\n"
        "saknas.txt,ks,,\n"
        "filer/a.txt,,,8 april\n",
        encoding="utf-8",
    )
    found = list(read_manifest(manifest))
    assert [(Path(s.display_path).name, s.data, s.overrides) for s in found[:2]] == [
        ("a.txt", b"A", {"body": "ks", "body_name": "Kommunstyrelsen", "date": "2019-04-08"}),
        ("b.txt", b"B", {"body_name": "Barn- och utbildningsnämnden"}),
    ]
    assert found[2].error == "not found: no such file or folder"
    assert found[3].error == "manifest line 5: date '8 april' is not YYYY-MM-DD"


def test_importer_sources_manifest_without_path_column(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("fil,date\na.txt,2019-01-01\n", encoding="utf-8")
    [source] = read_manifest(manifest)
    assert source.error == "unreadable manifest: it has no 'path' column"
