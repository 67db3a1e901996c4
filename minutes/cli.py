"""The ``minutes`` command line: one thin command per verb over the library.

Command bodies open the archive, call one library function and print; parsing
and SQL live in the library, never here.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import sys
from pathlib import Path

import click

from minutes.errors import MinutesError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def db_option(f):
    """The ``--db`` option every command shares, defaulting to ./archive.db."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default="archive.db",
        show_default=True,
        help="Archive database file.",
    )(f)


def _archive_must_exist(ctx, param, value: Path) -> Path:
    """Commands that read the archive refuse a missing one instead of creating it empty."""
    if not value.is_file():
        raise click.BadParameter(
            f"no archive at {value} (import minutes first: minutes ingest --db {value} FOLDER)",
            ctx=ctx,
            param=param,
        )
    return value


def existing_db_option(f):
    """``--db`` for commands that only read the archive: it must exist (exit status 2)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default="archive.db",
        show_default=True,
        callback=_archive_must_exist,
        help="Archive database file (must exist).",
    )(f)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="minutes")
def cli():
    """A searchable archive of the minutes of Swedish public bodies.

    \b
    Example:
        minutes ingest minutes-folder/
        minutes search "avvikelsehantering"
        minutes serve
    """


class SizeType(click.ParamType):
    """A byte size written as people write it: 100MB, 512kB, 2GB."""

    name = "size"

    def convert(self, value, param, ctx):
        from minutes.importer.sources import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


def workers_option(f):
    """``--workers``, shared by ingest, reprocess and bench."""
    return click.option(
        "--workers",
        "-w",
        type=click.IntRange(min=1),
        default=None,
        help="Parser/extractor processes (default: the machine's cores).",
    )(f)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option(
    "--manifest",
    "manifests",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with a 'path' column and optional body, body_name, date overrides.",
)
@workers_option
@click.option("--ocr", is_flag=False, flag_value="auto", default="off", metavar="[=redo]",
              help="OCR scanned pages (ocrmypdf, Tesseract Swedish); --ocr=redo also re-reads earlier OCR.")
@click.option("--max-file-size", type=SizeType(), default="100MB", show_default=True,
              help="Refuse files (and zip entries) larger than this.")
@click.option("--max-zip-size", type=SizeType(), default="2GB", show_default=True,
              help="Refuse a zip archive that unpacks to more than this.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Read and extract on this Dask scheduler's workers (tcp://host:8786); store here "
                   "(--workers does not apply: the cluster has its own).")
@click.option("--max-seconds", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Wall time one file may take to read and extract.")
@click.option("--max-memory", type=SizeType(), default="2GB", show_default=True,
              help="Memory a worker may grow by while reading one file.")
@click.option("--max-pages", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Refuse documents with more pages than this.")
@click.option("--max-unpacked", type=SizeType(), default="256MB", show_default=True,
              help="Refuse a .docx/.odt whose parts unpack to more than this.")
@click.option("--max-text", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Refuse documents with more characters of text than this.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symlinks that lead out of the imported folder (refused by default).")
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="When another import is running on the archive: wait for it, or stop at once.")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary line.")
def ingest(paths, db_path, manifests, workers, ocr, max_file_size, max_zip_size, max_seconds, max_memory,
           max_pages, max_unpacked, max_text, follow_symlinks, wait, cluster, quiet):
    """Import minutes (PDF, text, Word), folders, zip archives and manifests into the archive.

    Content already in the archive is skipped, and a copy under another name is
    recorded as such. A file that cannot be read, or is over one of the limits,
    is recorded with its reason and the import goes on; the exit status is 1
    when any file failed. A bar shows progress on a terminal, one line per file
    otherwise. One import runs at a time per archive: a second one waits.

    \b
    Example:
        minutes ingest --db archive.db ~/protokoll/ 2019.zip extra.pdf
        minutes ingest --manifest scans/manifest.csv --workers 2 --ocr
        minutes ingest --ocr=redo skannade-1990-tal/
        minutes ingest --cluster tcp://scheduler:8786 /mnt/protokoll/
        minutes ingest --max-seconds 30 --max-pages 500 okänd-mapp/
    """
    from minutes.archive import open_archive
    from minutes.importer.bulk import ingest_paths
    from minutes.importer.lock import import_lock
    from minutes.importer.progress import failure_lines, make_progress, summary_line
    from minutes.importer.sources import Limits, count_sources
    from minutes.ingest.limits import FileLimits

    if ocr not in ("off", "auto", "redo"):  # "--ocr FOLDER": the flag, then a path
        if not Path(ocr).exists():
            raise click.BadParameter(f"{ocr!r} is neither auto, redo nor an existing path", param_hint="--ocr")
        paths, ocr = (Path(ocr), *paths), "auto"
    if not paths and not manifests:
        raise click.UsageError("name at least one file, folder, zip or --manifest")
    limits = Limits(max_file_bytes=max_file_size, max_zip_total=max_zip_size)
    file_limits = FileLimits(seconds=max_seconds, memory=max_memory, pages=max_pages,
                             decompressed=max_unpacked, text_chars=max_text)
    with _stopped_cleanly(db_path), import_lock(db_path, wait=wait, on_wait=lambda m: click.echo(m, err=True)):
        db = open_archive(db_path)
        progress = make_progress(None if quiet else count_sources(paths, manifests), quiet=quiet)
        try:
            summary = ingest_paths(db, paths, manifests=manifests, workers=workers, ocr=ocr != "off" and ocr,
                                   limits=limits, file_limits=file_limits, follow_symlinks=follow_symlinks,
                                   progress=progress, cluster=cluster)
        finally:
            progress.close()
    for line in failure_lines(summary.failed):
        click.echo(line, err=True)
    _warn_unmatched(summary.unmatched_overrides)
    click.echo(summary_line(summary))
    sys.exit(0 if summary.ok else 1)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop between documents, say how to finish."""


def _on_sigterm(signum, frame):
    raise _Terminated


@contextlib.contextmanager
def _stopped_cleanly(db_path: Path):
    """SIGTERM behaves like SIGINT; an interrupt, a running import or a full disk ends in one message."""
    from minutes.errors import ArchiveUnwritable

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    except KeyboardInterrupt as stop:
        how = "terminated" if isinstance(stop, _Terminated) else "interrupted"
        raise click.ClickException(
            f"{how}: every document stored so far is complete; run the same command again to finish"
        ) from None
    except ArchiveUnwritable as error:
        raise click.ClickException(str(error)) from None
    except MinutesError as error:  # ImportRunning with --no-wait
        raise click.ClickException(str(error)) from None
    except (OSError, sqlite3.Error) as error:  # creating or shaping the archive on a full disk
        from minutes.archive.faults import storage_fault, unwritable

        fault = storage_fault(error)
        if fault is None:
            raise
        raise click.ClickException(str(unwritable(str(db_path), fault, error))) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command()
@db_option
@workers_option
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary line.")
def reprocess(db_path, workers, quiet):
    """Extract every stored document again from its stored text, without re-reading files.

    Run it after the extraction rules improve. Each meeting is replaced in its
    own transaction; manifest overrides are kept. Exit status 1 if any failed.

    \b
    Example:
        minutes reprocess --db archive.db --workers 2
    """
    from minutes.archive import open_archive
    from minutes.importer.lock import import_lock
    from minutes.importer.progress import failure_lines, make_progress
    from minutes.importer.reprocess import count_stored, reprocess_archive

    with _stopped_cleanly(db_path), import_lock(db_path, on_wait=lambda m: click.echo(m, err=True)):
        db = open_archive(db_path)
        progress = make_progress(count_stored(db), quiet=quiet)
        try:
            summary = reprocess_archive(db, workers=workers, progress=progress)
        finally:
            progress.close()
    for line in failure_lines(summary.failed):
        click.echo(line, err=True)
    click.echo(f"{len(summary.reprocessed)} reprocessed, {len(summary.failed)} failed")
    sys.exit(0 if summary.ok else 1)


@cli.command()
@click.option("--files", "-n", type=click.IntRange(min=1), default=200, show_default=True,
              help="How many PDFs to generate.")
@click.option("--workers", "-w", "worker_counts", type=click.IntRange(min=1), multiple=True,
              help="Worker counts to time (repeatable; default: 1 and 2).")
@click.option("--pdfs", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Time this folder of PDFs instead of generated ones.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Take every measurement this many times and keep the fastest.")
@click.option("--json", "as_json", is_flag=True, help="Print the raw figures as JSON.")
@click.option("--ocr", is_flag=True, help="Time OCR instead: pages per second per core on 300 dpi scans.")
@click.pass_context
def bench(ctx, files, worker_counts, pdfs, repeat, as_json, ocr):
    """Time the whole import of N generated PDFs beside pdfplumber reading the same files.

    Prints pages/s, docs/s and peak memory for each worker count, and the
    ratios the import is held to (≥ 4× pdfplumber, 2 workers ≥ 1.7× one).

    \b
    Example:
        minutes bench --files 200
        minutes bench --files 50 -w 1 -w 2 --repeat 2 --json
        minutes bench --ocr --files 3
    """
    from minutes.bench import format_bench, format_ocr_bench, run_bench, run_ocr_bench

    if ocr:
        given = ctx.get_parameter_source("files") is not click.core.ParameterSource.DEFAULT
        report = run_ocr_bench(files if given else 3)  # about 4 s a page: a few files by default
        click.echo(json.dumps(report, indent=2) if as_json else "\n".join(format_ocr_bench(report)))
        return

    try:
        report = run_bench(files, workers=worker_counts or (1, 2), folder=pdfs, repeat=repeat)
    except MinutesError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    for line in format_bench(report):
        click.echo(line)


@cli.command()
@existing_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write one file per meeting into.",
)
def export(db_path, fmt, out_dir):
    """Export every meeting as gold-shaped JSON (one file per meeting, plus threads.json).

    \b
    Example:
        minutes export --format json --out out/
    """
    from minutes.archive import export_json, open_archive

    written = export_json(open_archive(db_path), out_dir)
    click.echo(f"wrote {len(written)} files to {out_dir}")


@cli.command()
@click.argument("query")
@existing_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits (paging).")
@click.option("--in", "tables", type=click.Choice(["items", "decisions", "assignments", "all"]),
              default="items", show_default=True, help="What to search.")
@click.option("--sort", "order", type=click.Choice(["best", "newest", "oldest"]), default="best",
              show_default=True)
@click.option("--body", "bodies", multiple=True, help="Only this body (as listed in facets); repeatable.")
@click.option("--from-year", type=int, help="Only meetings from this year on.")
@click.option("--to-year", type=int, help="Only meetings up to this year.")
@click.option("--kind", "kinds", multiple=True,
              help="Only decisions of this kind (decided, endorsed, noted, referred, other).")
def search(query, db_path, fmt, limit, offset, tables, order, bodies, from_year, to_year, kinds):
    """Search agenda items (or decisions, assignments) in Swedish; best matches first.

    The same search, filters and ranking as the web search page.

    \b
    Example:
        minutes search "riktlinje"
        minutes search --format json --limit 5 '"in- och utskrivning"'
        minutes search --in all --sort oldest --from-year 2019 utskrivning
    """
    from minutes.archive.busy import connect_readonly
    from minutes.archive.find import TABLES, Query, find

    # A name typed in a non-UTF-8 terminal reaches Python as lone surrogates: keep what can be read.
    query = query.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    wanted = Query(
        query, tables=TABLES if tables == "all" else (tables,), bodies=bodies,
        year_from=from_year, year_to=to_year, decision_kinds=kinds, order=order,
        offset=offset, limit=limit,
    )
    conn = connect_readonly(db_path)
    try:
        results = find(conn, wanted, with_counts=False, html=False).hits
    except MinutesError as e:  # too long, too many terms, past the time limit
        raise click.ClickException(str(e)) from None
    finally:
        conn.close()
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        what = "" if r["type"] == "item" else f" [{r['type']}]"
        click.echo(f"{r['date'] or '?':10}  {r['body'] or '?':6} {r['source']} #{r['number']}{what}")
        click.echo(f"            {r['title']}")
        click.echo(f"            {r['snippet']}")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the gold-shaped JSON.")
@click.option("--spans", is_flag=True, help="Include source spans (page, start, end).")
def extract(path, as_json, spans):
    """Extract one file and print the result, without touching the archive.

    \b
    Example:
        minutes extract --json protokoll-2018-08-29.pdf
    """
    from dataclasses import asdict

    from minutes.extract import extract_meeting
    from minutes.ingest import read
    from minutes.models import to_gold

    try:
        meeting = extract_meeting(read(path))
    except MinutesError as e:
        raise click.ClickException(f"{path}: {e}") from e
    data = asdict(meeting) if spans else to_gold(meeting)
    if as_json or spans:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{meeting.body} {meeting.date} {meeting.location or ''}")
    for item in meeting.items:
        click.echo(f"  {item.number or '':4} {item.title}")
        for d in item.decisions:
            click.echo(f"       [{d.kind}] {d.text}")
        for a in item.assignments:
            click.echo(f"       -> {', '.join(a.assignees) or '?'}: {a.task} ({a.due})")


@cli.command()
@existing_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--public", is_flag=True, help="Disable arbitrary SQL (for public deployments).")
@click.option("--site", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A deployment's own metadata.yml, templates/ and static/ (override the package's).")
@click.option("--base-url", help="Serve under this path, e.g. /protokoll/ behind a proxy.")
@click.option("--immutable", is_flag=True, help="A read-only replica: no locks, cached counts (docs/DEPLOY.md).")
@click.option("--inspect-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Table counts from `datasette inspect`, for --immutable replicas.")
def serve(db_path, host, port, public, site, base_url, immutable, inspect_file):
    """Serve the archive with Datasette: Swedish search, meetings, assignments, feeds.

    The server runs in this process; Ctrl-C stops it.

    \b
    Example:
        minutes serve --port 8001
        minutes serve --public --host 0.0.0.0 --site datasette/
        minutes serve --public --immutable --inspect-file counts.json
    """
    from minutes.serve import serve as run

    click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
    run(db_path, host=host, port=port, public=public, site=site, base_url=base_url, immutable=immutable,
        inspect_file=inspect_file)


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="sample-archive",
    show_default=True,
)
@click.option("--meetings", type=int, default=300, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--truth/--no-truth",
    default=False,
    show_default=True,
    help="Also write the known answers (gold-shaped JSON) beside the archive, in a separate folder.",
)
@click.option(
    "--families",
    default="mix",
    show_default=True,
    help="Families of minutes: mix, or a comma list of classic, kommunal, regional, forening, minnes.",
)
def sample(out_dir, meetings, seed, truth, families):
    """Write the built-in sample archive: generated Swedish minutes as text and PDF.

    \b
    Example:
        minutes sample --out sample-archive --meetings 300
        minutes sample --out kommun --families kommunal,regional --truth
        minutes ingest sample-archive
    """
    from minutes.sample import generate_archive
    from minutes.sample.families import resolve

    try:
        chosen = resolve(families)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--families") from None
    try:
        paths = generate_archive(out_dir, meetings=meetings, seed=seed, with_truth=truth, families=chosen)
    except MinutesError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"wrote {len(paths)} files to {out_dir}")


@cli.command()
@db_option
@click.option("--new", "only_new", is_flag=True,
              help="Link only the meetings imported or removed since the last link (as ingest does).")
def link(db_path, only_new):
    """Link the archive across meetings: threads, people, assignment follow-up.

    Every import links what it imported (--new); run it in full after changing
    assignment statuses by hand in the database or to refresh overdue states.

    \b
    Example:
        minutes link --db archive.db
        minutes link --db archive.db --new
    """
    from minutes.archive import open_archive
    from minutes.link import link_archive, link_new

    if only_new:
        counts = link_new(open_archive(db_path))
        click.echo(f"{max(counts['meetings'], 0)} meetings linked, {counts['threads']} threads touched"
                   if counts["meetings"] >= 0 else "linked in full (the archive had no link state)")
        return
    counts = link_archive(open_archive(db_path))
    statuses = ", ".join(f"{n} {s}" for s, n in counts["assignments"].items()) or "none"
    click.echo(
        f"{counts['threads']} threads ({counts['threaded_items']} items), "
        f"{counts['persons']} people, assignments: {statuses}"
    )
    _warn_unmatched(counts["overrides"]["unmatched"])


def _warn_unmatched(unmatched: int) -> None:
    """Say so when statuses set by hand no longer match an assignment (they are kept, not dropped)."""
    if unmatched:
        click.echo(f"warning: {unmatched} assignment statuses set by hand match no assignment any more"
                   " (list them: minutes assignments overrides --unmatched)", err=True)


@cli.command()
@existing_db_option
@click.option("--thread", "thread_id", type=int, help="Show one thread's timeline.")
def threads(db_path, thread_id):
    """List threads (issues followed across meetings), or one thread in date order.

    \b
    Example:
        minutes threads
        minutes threads --thread 3
    """
    from minutes.archive import open_archive
    from minutes.link.threads import list_threads, thread_timeline

    db = open_archive(db_path)
    if thread_id is None:
        for t in list_threads(db):
            click.echo(f"{t['id']:4}  {t['first_date']}…{t['last_date']}  {t['meetings']:3} meetings  {t['label']}")
        return
    for row in thread_timeline(db, thread_id):
        click.echo(f"{row['date'] or '?':10}  {row['body'] or '?':8} #{row['number']:4} {row['title']}")


@cli.group()
def assignments():
    """Follow assignments: list them, close or reopen them by hand.

    \b
    Example:
        minutes assignments list --open --person "Anna"
        minutes assignments close 1a2b3c4d-5-t0 --note "Klart enligt mejl"
    """


def _set_status(db_path, assignment_id, status, note):
    from minutes.archive import open_archive
    from minutes.archive.overrides import set_override
    from minutes.archive.store import now

    db = open_archive(db_path)
    try:
        with db.atomic():
            row = set_override(db, assignment_id, status=status, note=note, now=now())
    except LookupError as e:
        raise click.ClickException(str(e)) from e
    db.conn.commit()
    click.echo(f"{row['id']}: {row['status']}" + (f" ({row['note']})" if row["note"] else ""))


@assignments.command("close")
@click.argument("assignment_id")
@db_option
@click.option("--note", help="Why it is closed; kept with the status.")
def assignments_close(assignment_id, db_path, note):
    """Mark an assignment done; the status survives re-imports and reprocessing.

    ASSIGNMENT_ID is the assignment's id or its stable_id.

    \b
    Example:
        minutes assignments close 1a2b3c4d-5-t0 --note "Redovisat per mejl"
    """
    _set_status(db_path, assignment_id, "done", note)


@assignments.command("reopen")
@click.argument("assignment_id")
@db_option
@click.option("--note", help="Why it is open again.")
def assignments_reopen(assignment_id, db_path, note):
    """Mark an assignment open again, whatever report-backs the archive found.

    \b
    Example:
        minutes assignments reopen 1a2b3c4d-5-t0 --note "Återrapporten var ofullständig"
    """
    _set_status(db_path, assignment_id, "open", note)


@assignments.command("overrides")
@existing_db_option
@click.option("--unmatched", is_flag=True, help="Only those that match no assignment any more.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
def assignments_overrides(db_path, unmatched, as_json):
    """List the statuses set by hand, what each is anchored on and whether it still matches.

    An edited source file gives its assignments new ids; a status set by hand
    follows its assignment by body, meeting date, item number and task text.
    One that matches nothing is kept and listed here.

    \b
    Example:
        minutes assignments overrides --unmatched
    """
    from minutes.archive import open_archive
    from minutes.archive.overrides import list_overrides

    rows = list_overrides(open_archive(db_path), unmatched_only=unmatched)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['matched'] or '?':9} {r['status']:8} {r['body'] or '?'} {r['meeting_date'] or '?'}"
                   f" §{r['item_number'] or '?'}  {r['task'] or ''}" + (f"  ({r['note']})" if r["note"] else ""))


@assignments.command("list")
@db_option
@click.option("--open", "open_only", is_flag=True, help="Only open and overdue assignments.")
@click.option("--person", help="Only this person's (any spelling of the name).")
@click.option("--body", help="Only this body's (short name, e.g. VVG).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
def assignments_list(db_path, open_only, person, body, as_json):
    """List assignments by due date with their status.

    \b
    Example:
        minutes assignments list --open --body VVG
    """
    from minutes.archive import open_archive
    from minutes.link.followup import list_assignments

    rows = list_assignments(open_archive(db_path), open_only=open_only, person=person, body=body)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        who = ", ".join(json.loads(r["assignees"] or "[]")) or "?"
        click.echo(f"{r['due_date'] or '-':10}  {r['status']:8} {r['id']}  {who}: {r['task']}")


if __name__ == "__main__":  # pragma: no cover
    cli()
