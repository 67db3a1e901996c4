"""How ``minutes serve`` starts Datasette: the archive, our settings, in this very process.

Everything the app needs (metadata, templates, static files, pages) ships in
the installed package and reaches Datasette through the plugin's hooks
(:mod:`minutes.datasette_plugin`), so an installed wheel serves the same app
as the checkout (issue 16). Datasette runs in-process: stopping
``minutes serve`` stops the server, and no child keeps the port.

A deployment may add its own site directory (``--site DIR``) with
``metadata.yml``, ``templates/`` and ``static/``; those override the
package's, as Datasette's local configuration always does.
"""

from __future__ import annotations

from pathlib import Path

#: The plugin package: its metadata.yml, templates/ and static/ are package data.
DEPLOY_DIR = Path(__file__).resolve().parent / "datasette_plugin"

#: Settings that keep search pages fast and the server safe by default.
SETTINGS = {
    "suggest_facets": "off",
    "sql_time_limit_ms": "2000",
    "default_page_size": "50",
    "facet_time_limit_ms": "500",
    "max_returned_rows": "1000",
}

#: Extra settings for ``--public``: no arbitrary SQL, no whole-database download.
PUBLIC_SETTINGS = {"allow_download": "off", "default_allow_sql": "off"}


def datasette_args(
    db_path, *, host: str, port: int, public: bool = False, site: Path | None = None,
    base_url: str | None = None, immutable: bool = False, inspect_file: Path | None = None,
) -> list[str]:
    """The arguments of ``datasette serve`` for the archive at ``db_path``.

    ``immutable`` serves a replica that nothing writes (issue 15): SQLite then
    takes no locks and Datasette caches its table counts, read from
    ``inspect_file`` (``datasette inspect``) instead of counted at start-up.
    """
    database = ["-i", str(db_path)] if immutable else [str(db_path)]
    args = ["serve", *database, "--host", host, "--port", str(port)]
    if inspect_file is not None:
        args += ["--inspect-file", str(inspect_file)]
    if base_url:
        args += ["--setting", "base_url", "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"]
    if site is not None:
        args += _site_args(Path(site))
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    if public:
        for name, value in PUBLIC_SETTINGS.items():
            args += ["--setting", name, value]
    return args


def _site_args(site: Path) -> list[str]:
    """Options for a deployment's own site directory (whatever of it exists)."""
    args = []
    if (site / "metadata.yml").is_file():
        args += ["--metadata", str(site / "metadata.yml")]
    if (site / "templates").is_dir():
        args += ["--template-dir", str(site / "templates")]
    if (site / "static").is_dir():
        args += ["--static", f"static:{site / 'static'}"]
    return args


def datasette_command(db_path, *, host: str, port: int, public: bool = False, site=None) -> list[str]:
    """The same server as a command line, for running Datasette in another process."""
    import sys

    args = datasette_args(db_path, host=host, port=port, public=public, site=site)
    return [sys.executable, "-m", "datasette", *args]


def serve(db_path, *, host: str, port: int, public: bool = False, site=None, base_url=None,
          immutable: bool = False, inspect_file=None) -> None:
    """Run Datasette on the archive in this process until it is stopped."""
    from datasette.cli import cli as datasette_cli

    args = datasette_args(db_path, host=host, port=port, public=public, site=site, base_url=base_url,
                          immutable=immutable, inspect_file=inspect_file)
    datasette_cli.main(args=args, prog_name="minutes serve")
