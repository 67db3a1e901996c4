"""The ``minutes`` command line: one thin command per verb over the library.

Command bodies open the archive, call one library function and print; parsing
and SQL live in the library, never here.
"""

from __future__ import annotations

import json
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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the final summary line.")
def ingest(paths, db_path, quiet):
    """Import minutes files (PDF, text, Word) or folders of them into the archive.

    Files already in the archive (same content) are skipped; a file that
    cannot be read is recorded with its reason and the import goes on. The
    exit status is 1 when any file failed.

    \b
    Example:
        minutes ingest --db archive.db ~/protokoll/ extra.pdf
    """
    from minutes.archive import open_archive
    from minutes.ingest.bulk import ingest_paths

    db = open_archive(db_path)

    def progress(path: str, outcome: str) -> None:
        if not quiet:
            click.echo(f"{outcome:9} {path}", err=True)

    summary = ingest_paths(db, paths, progress=progress)
    for path, reason in summary.failed:
        click.echo(f"FAILED {path}: {reason}", err=True)
    click.echo(
        f"{len(summary.imported)} imported, {len(summary.skipped)} already in archive, "
        f"{len(summary.failed)} failed"
    )
    sys.exit(0 if summary.ok else 1)


@cli.command()
@db_option
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
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--limit", type=int, default=20, show_default=True)
def search(query, db_path, fmt, limit):
    """Search agenda items in Swedish; best matches first.

    \b
    Example:
        minutes search "riktlinje"
        minutes search --format json --limit 5 '"in- och utskrivning"'
    """
    from minutes.archive import open_archive
    from minutes.archive.search import search_items

    results = search_items(open_archive(db_path), query, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        click.echo(f"{r['date'] or '?':10}  {r['body'] or '?':6} {r['source']} #{r['number']}")
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
        click.echo(f"  {item.number:4} {item.title}")
        for d in item.decisions:
            click.echo(f"       [{d.kind}] {d.text}")
        for a in item.assignments:
            click.echo(f"       -> {', '.join(a.assignees) or '?'}: {a.task} ({a.due})")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--public", is_flag=True, help="Disable arbitrary SQL (for public deployments).")
def serve(db_path, host, port, public):
    """Serve the archive with Datasette: search, facets, meeting pages, feeds.

    \b
    Example:
        minutes serve --port 8001
    """
    from minutes.serve import datasette_command

    command = datasette_command(db_path, host=host, port=port, public=public)
    click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
    import subprocess

    sys.exit(subprocess.call(command))


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
def sample(out_dir, meetings, seed):
    """Write the built-in sample archive: generated Swedish minutes as text and PDF.

    \b
    Example:
        minutes sample --out sample-archive --meetings 300
        minutes ingest sample-archive
    """
    from minutes.sample import generate_archive

    paths = generate_archive(out_dir, meetings=meetings, seed=seed)
    click.echo(f"wrote {len(paths)} files to {out_dir}")


if __name__ == "__main__":  # pragma: no cover
    cli()
