"""How ``minutes serve`` starts Datasette: the archive, our metadata, templates and settings."""

from __future__ import annotations

import sys
from pathlib import Path

#: The deployment directory at the repository root (metadata, templates, static).
DEPLOY_DIR = Path(__file__).resolve().parent.parent / "datasette"

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


def datasette_command(db_path, *, host: str, port: int, public: bool = False) -> list[str]:
    """The ``datasette`` argv for serving ``db_path`` read-only with the project's config."""
    command = [sys.executable, "-m", "datasette", "serve", str(db_path)]
    command += ["--host", host, "--port", str(port)]
    metadata = DEPLOY_DIR / "metadata.yml"
    if metadata.exists():
        command += ["--metadata", str(metadata)]
    templates = DEPLOY_DIR / "templates"
    if templates.exists():
        command += ["--template-dir", str(templates)]
    static = DEPLOY_DIR / "static"
    if static.exists():
        command += ["--static", f"static:{static}"]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    if public:
        for name, value in PUBLIC_SETTINGS.items():
            command += ["--setting", name, value]
    return command
