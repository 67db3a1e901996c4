"""Where documents come from: files, folders, zip archives and manifest CSVs.

``iter_sources`` turns the paths a user names into a deterministic stream of
:class:`Source` objects holding each document's bytes. Problems are data, not
exceptions: an unreadable file, an unsafe zip entry or a zip bomb becomes a
Source with ``error`` set, so one bad file never stops a batch. Zip archives
are read in memory, never extracted to disk, and every entry is checked for
path traversal and decompression size before it is trusted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from minutes.ingest.limits import human_size

#: Names that file managers and Office leave behind; never documents.
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "__macosx", "ehthumbs.db"})
#: Entries below this size are not judged by compression ratio: a small
#: blank form can compress 200× without being a bomb.
RATIO_FLOOR = 2**20
CHUNK = 2**16
#: How deep zips inside zips are opened ("a.zip!/b.zip!/c.pdf" is depth 1).
MAX_ZIP_DEPTH = 1
MANIFEST_FIELDS = ("body", "body_name", "date")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Source:
    """One document's bytes, or the reason they could not be had."""

    display_path: str
    name: str
    data: bytes | None = None
    error: str | None = None
    mtime: float | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    status: str = "failed"  # of a source with an error: failed, or refused (special file, symlink out)
    given_path: str | None = None  # the path as the user typed it, when display_path is label-relative

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Limits:
    """Size limits that keep a hostile archive from exhausting memory."""

    max_file_bytes: int = 100 * 2**20
    max_zip_total: int = 2 * 2**30
    max_zip_ratio: float = 200
    follow_symlinks: bool = False


@dataclass
class _ZipBudget:
    """Bytes still allowed out of one top-level archive (nested zips share it)."""

    remaining: int


def too_large(size: int, limit: int) -> str:
    """The message for a file or zip entry over the size limit."""
    return f"file too large: {human_size(size)}, over the {human_size(limit)} limit"


def is_junk(name: str) -> bool:
    """Hidden files, OS/Office litter and Office lock files ("~$protokoll.docx")."""
    return name.startswith((".", "~$")) or name.lower() in JUNK_NAMES


def is_zip_name(name: str) -> bool:
    return name.lower().endswith(".zip")


# --- files and folders ---------------------------------------------------------


def escaped(text: str | os.PathLike) -> str:
    """A file name as safe text: undecodable bytes as ``\\xe9``, control characters as ``\\n``.

    Names on disk are bytes; an old Windows share's Latin-1 names reach Python
    as lone surrogates, which SQLite and the terminal refuse (issue 13). The
    escaped form is stored, logged and shown; newlines and ANSI escapes in a
    name can then no longer forge log lines or repaint a terminal.
    """
    raw = os.fsencode(text) if isinstance(text, os.PathLike) else text.encode("utf-8", "surrogateescape")
    name = raw.decode("utf-8", "backslashreplace")
    return "".join(_escape_control(c) if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in name)


_CONTROL = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_control(c: str) -> str:
    return _CONTROL.get(c) or f"\\x{ord(c):02x}"


def _source(path: Path, **fields) -> Source:
    return Source(escaped(path), escaped(path.name), **fields)


def iter_sources(
    paths: Iterable[str | Path],
    *,
    max_file_bytes: int = 100 * 2**20,
    max_zip_total: int = 2 * 2**30,
    max_zip_ratio: float = 200,
    follow_symlinks: bool = False,
    labels: dict[str, str] | None = None,
) -> Iterator[Source]:
    """Every document under ``paths``: files, folders (recursively, sorted) and zip entries.

    ``labels`` (path as given → label, :mod:`minutes.archive.roots`) makes the
    display paths relative: what lies under a given path is shown under its
    label, so the importing machine's own folders are never stored.

    A folder is the import root of what is under it: a symlink that leads out
    of it is refused unless ``follow_symlinks``. FIFOs, devices and sockets are
    refused wherever they are (reading a FIFO blocks forever, ``/dev/zero``
    never ends).
    """
    limits = Limits(max_file_bytes, max_zip_total, max_zip_ratio, follow_symlinks)
    for path in map(Path, paths):
        root = path.resolve() if path.is_dir() else None
        label = (labels or {}).get(str(path))
        sources = _iter_path(path, limits, root)
        yield from (_relabelled(sources, escaped(path), label) if label else sources)


def _relabelled(sources: Iterator[Source], given: str, label: str) -> Iterator[Source]:
    """Show what lies under ``given`` under ``label`` instead, keeping the typed path for old archives."""
    for source in sources:
        shown = source.display_path
        if shown == given or shown.startswith((given + "/", given + "!/")):
            source.given_path = shown
            source.display_path = label + shown[len(given):]
        yield source


def _iter_path(path: Path, limits: Limits, root: Path | None) -> Iterator[Source]:
    if root is not None and path.is_symlink() and not limits.follow_symlinks:
        outside = _outside(path, root)
        if outside:
            yield _source(path, error=outside, status="refused")
            return
    if path.is_dir():
        yield from _iter_folder(path, limits, root or path.resolve())
    elif not path.exists():
        broken = path.is_symlink()
        reason = "broken symlink: its target does not exist" if broken else "not found: no such file or folder"
        yield _source(path, error=reason)
    elif is_zip_name(path.name):
        special = _special(path)
        yield from ([special] if special else _iter_zip_file(path, limits))
    else:
        yield read_file(path, max_file_bytes=limits.max_file_bytes)


def _outside(path: Path, root: Path) -> str | None:
    """Why a symlink may not be followed: its target lies outside the import root."""
    target = path.resolve()
    if target == root or root in target.parents:
        return None
    return (f"refused: symlink to {escaped(target)}, outside the imported folder"
            " (use --follow-symlinks to follow it)")


def _iter_folder(folder: Path, limits: Limits, root: Path) -> Iterator[Source]:
    """Walk a folder depth-first in sorted order, skipping hidden and junk entries.

    Sub-folders that cannot be listed are reported, not silently skipped.
    Symlinked folders are walked only with ``follow_symlinks`` (each real
    folder once, so a link loop ends) or when they stay inside the root
    (then their files are found under their real path, and are skipped here).
    """
    failures: list[OSError] = []
    seen: set[Path] = set()
    for top, dirs, files in os.walk(folder, onerror=failures.append, followlinks=limits.follow_symlinks):
        real = Path(top).resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        yield from _folder_errors(failures)
        kept = []
        for d in sorted(d for d in dirs if not is_junk(d)):
            link = Path(top, d)
            if link.is_symlink() and not limits.follow_symlinks:
                outside = _outside(link, root)
                if outside:
                    yield _source(link, error=outside, status="refused")
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if not is_junk(name):
                yield from _iter_path(Path(top, name), limits, root)
    yield from _folder_errors(failures)


def _folder_errors(failures: list[OSError]) -> Iterator[Source]:
    while failures:
        error = failures.pop(0)
        where = Path(error.filename or "")
        yield _source(where, error=f"cannot read folder: {error.strerror or error}")


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((word for test, word in _SPECIAL if test(mode)), "not a regular file")


def _special(path: Path) -> Source | None:
    try:
        kind = _kind(path.stat().st_mode)
    except OSError as error:
        return _source(path, error=f"cannot read file: {error.strerror or error}")
    return _source(path, error=f"refused: {kind}, not a document file", status="refused") if kind else None


def read_file(path: Path, *, max_file_bytes: int) -> Source:
    """One regular file from disk, refused before reading if it is special or over the size limit.

    The file is opened without blocking and checked on the open descriptor,
    so a FIFO swapped in after a check cannot hang the import.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        return _source(path, error=f"cannot read file: {error.strerror or error}")
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            kind = _kind(info.st_mode)
            if kind:
                return _source(path, error=f"refused: {kind}, not a document file", status="refused")
            if info.st_size > max_file_bytes:
                return _source(path, error=too_large(info.st_size, max_file_bytes))
            data = handle.read(max_file_bytes + 1)
        except OSError as error:
            return _source(path, error=f"cannot read file: {error.strerror or error}")
    if len(data) > max_file_bytes:
        return _source(path, error=too_large(len(data), max_file_bytes) + " (it grew while being read)")
    return Source(escaped(path), escaped(path.name), data=data, mtime=info.st_mtime)


# --- zip archives ----------------------------------------------------------------


def _iter_zip_file(path: Path, limits: Limits) -> Iterator[Source]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        yield Source(str(path), path.name, error=f"corrupt zip archive: cannot be opened ({error})")
        return
    with archive:
        yield from _iter_zip(archive, str(path), limits, _ZipBudget(limits.max_zip_total), depth=0)


def unsafe_entry(name: str) -> bool:
    """Absolute paths, drive letters and ".." would escape any folder the entry is put in."""
    normal = name.replace("\\", "/")
    return normal.startswith("/") or re.match(r"^[A-Za-z]:", normal) is not None or ".." in normal.split("/")


def _skipped_entry(info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    return info.is_dir() or any(is_junk(part) for part in parts)


def _iter_zip(
    archive: zipfile.ZipFile, where: str, limits: Limits, budget: _ZipBudget, *, depth: int
) -> Iterator[Source]:
    """Entries of an open archive in name order, each checked before it is read."""
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        display = f"{where}!/{info.filename}"
        name = PurePosixPath(info.filename.replace("\\", "/")).name
        if unsafe_entry(info.filename):
            reason = f'unsafe path in zip: "{info.filename}" points outside the archive'
            yield Source(display, name, error=reason)
            continue
        if _skipped_entry(info):
            continue
        if budget.remaining < 0:
            yield Source(display, name, error=_total_message(limits))
            continue
        source = _read_entry(archive, info, display, name, limits, budget)
        if source.ok and is_zip_name(name):
            yield from _iter_nested(source, limits, budget, depth=depth + 1)
        else:
            yield source


def _total_message(limits: Limits) -> str:
    return f"zip bomb refused: the archive unpacks to more than the {human_size(limits.max_zip_total)} limit"


def _entry_error(info: zipfile.ZipInfo, limits: Limits, budget: _ZipBudget) -> str | None:
    """Refuse an entry on its declared sizes before decompressing anything."""
    if info.flag_bits & 0x1:
        return "encrypted zip entry: password protected, cannot be read"
    if info.file_size > limits.max_file_bytes:
        return too_large(info.file_size, limits.max_file_bytes)
    if info.file_size > budget.remaining:
        budget.remaining = -1
        return _total_message(limits)
    if info.file_size >= RATIO_FLOOR and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
        return _ratio_message(info.file_size, info.compress_size, limits)
    return None


def _ratio_message(size: int, packed: int, limits: Limits) -> str:
    ratio = size / max(packed, 1)
    return f"zip bomb refused: entry expands {ratio:.0f}× (limit {limits.max_zip_ratio:.0f}×)"


def _read_entry(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    display: str,
    name: str,
    limits: Limits,
    budget: _ZipBudget,
) -> Source:
    """Decompress one entry in chunks, stopping as soon as it outgrows what it declared."""
    mtime = dt.datetime(*info.date_time).timestamp()
    error = _entry_error(info, limits, budget)
    if error:
        return Source(display, name, error=error, mtime=mtime)
    try:
        data = _bounded_read(archive, info, limits)
    except ValueError as refused:
        return Source(display, name, error=str(refused), mtime=mtime)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as broken:
        return Source(display, name, error=f"corrupt zip entry: cannot be unpacked ({broken})", mtime=mtime)
    budget.remaining -= len(data)
    return Source(display, name, data=data, mtime=mtime)


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """Read an entry, raising ValueError if its real size breaks a limit (headers can lie)."""
    cap = min(limits.max_file_bytes, max(info.file_size, 0))
    ratio_cap = limits.max_zip_ratio * max(info.compress_size, 1)
    parts, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if total > limits.max_file_bytes:
                raise ValueError(too_large(total, limits.max_file_bytes) + " (more than the zip declared)")
            if total > cap or (total >= RATIO_FLOOR and total > ratio_cap):
                raise ValueError("zip bomb refused: entry unpacks to more than its declared size")
            parts.append(chunk)
    return b"".join(parts)


def _iter_nested(source: Source, limits: Limits, budget: _ZipBudget, *, depth: int) -> Iterator[Source]:
    """Open a zip found inside a zip, one level deep, from memory."""
    if depth > MAX_ZIP_DEPTH:
        reason = "nested zip too deep: only one zip inside a zip is opened"
        yield Source(source.display_path, source.name, error=reason)
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data or b""))
    except zipfile.BadZipFile as error:
        reason = f"corrupt zip archive: cannot be opened ({error})"
        yield Source(source.display_path, source.name, error=reason)
        return
    with archive:
        yield from _iter_zip(archive, source.display_path, limits, budget, depth=depth)


# --- manifest CSVs -----------------------------------------------------------------


def read_manifest(csv_path: str | Path, *, label: str | None = None, **limits) -> Iterator[Source]:
    """Sources listed in a manifest CSV, each carrying its row's metadata as ``overrides``.

    Columns: ``path`` (relative to the CSV's folder), and optionally ``body``,
    ``body_name`` and ``date`` (YYYY-MM-DD), which override what the extractor
    would find in the text. ``limits`` are passed to :func:`iter_sources`;
    with ``label`` (the manifest folder's, :mod:`minutes.archive.roots`) files
    are shown as ``label/path-in-manifest``.
    """
    csv_path = Path(csv_path)
    try:
        rows = _manifest_rows(csv_path)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as error:
        yield _source(csv_path, error=f"unreadable manifest: {error}")
        return
    for line, row in rows:
        yield from _manifest_row(csv_path, line, row, limits, label)


def _manifest_rows(csv_path: Path) -> list[tuple[int, dict[str, str]]]:
    """The CSV's rows with their line numbers; a manifest without ``path`` is refused."""
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "path" not in fields:
            raise ValueError("it has no 'path' column")
        reader.fieldnames = fields
        return [(reader.line_num, _strip_row(row)) for row in reader]


def _strip_row(row: dict) -> dict[str, str]:
    return {key: (value or "").strip() for key, value in row.items() if key}


def _manifest_row(
    csv_path: Path, line: int, row: dict[str, str], limits: dict, label: str | None
) -> Iterator[Source]:
    where = f"{csv_path}:{line}"
    if not row.get("path"):
        yield Source(where, csv_path.name, error=f"manifest line {line}: empty path")
        return
    overrides = {key: row[key] for key in MANIFEST_FIELDS if row.get(key)}
    if "date" in overrides and not _DATE_RE.match(overrides["date"]):
        reason = f"manifest line {line}: date {overrides['date']!r} is not YYYY-MM-DD"
        yield Source(where, row["path"], error=reason)
        return
    target = csv_path.parent / row["path"]
    outside = _outside_manifest(csv_path, row["path"], follow=limits.get("follow_symlinks", False))
    if outside:
        yield Source(escaped(where), escaped(PurePosixPath(row["path"]).name),
                     error=f"manifest line {line}: {outside}", status="refused")
        return
    shown = {str(target): f"{label}/{PurePosixPath(os.path.normpath(row['path'])).as_posix()}"} if label else None
    for source in iter_sources([target], labels=shown, **limits):
        source.overrides = dict(overrides)
        yield source


def _outside_manifest(csv_path: Path, listed: str, *, follow: bool) -> str | None:
    """Why a manifest's path is refused: it leads out of the manifest's folder.

    ``../../../../etc/passwd`` and absolute paths are refused always; a path
    that only leaves through a symlink is followed with ``--follow-symlinks``.
    """
    folder = csv_path.parent.resolve()
    lexical = Path(os.path.normpath(folder / listed))
    if Path(listed).is_absolute() or not (lexical == folder or folder in lexical.parents):
        return f"refused: path {escaped(listed)!r} points outside the manifest's folder"
    if follow:
        return None
    real = lexical.resolve()
    if real != folder and folder not in real.parents:
        return (f"refused: path {escaped(listed)!r} leads through a symlink outside the manifest's folder"
                " (use --follow-symlinks to follow it)")
    return None


# --- counting, for progress bars ------------------------------------------------------


def count_sources(paths: Iterable[str | Path] = (), manifests: Iterable[str | Path] = ()) -> int:
    """About how many Sources the inputs will yield, without reading any document.

    Good enough for a progress bar's ETA: zip entries are counted from the
    central directory, nested zips as one entry, manifest rows as one each.
    """
    total = sum(_count_path(Path(path)) for path in paths)
    for manifest in manifests:
        try:
            total += len(_manifest_rows(Path(manifest)))
        except (OSError, UnicodeDecodeError, csv.Error, ValueError):
            total += 1
    return total


def _count_path(path: Path) -> int:
    if path.is_dir():
        total = 0
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not is_junk(d)]
            total += sum(_count_path(Path(root, name)) for name in files if not is_junk(name))
        return total
    if is_zip_name(path.name) and path.is_file():  # never open a FIFO named .zip: it would block
        try:
            with zipfile.ZipFile(path) as archive:
                return sum(1 for info in archive.infolist() if not _skipped_entry(info)) or 1
        except (OSError, zipfile.BadZipFile):
            return 1
    return 1


_SIZE_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 2**10, "m": 2**20, "mb": 2**20, "g": 2**30, "gb": 2**30}


def parse_size(text: str) -> int:
    """A size limit as people write it ("100MB", "512 kB", "2G", "1048576") in bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _SIZE_UNITS:
        raise ValueError(f"not a size: {text!r} (use e.g. 100MB, 512kB, 2GB)")
    return int(float(match.group(1)) * _SIZE_UNITS[unit])
