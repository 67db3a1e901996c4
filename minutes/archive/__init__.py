"""The SQLite archive: schema as data, one ``save_*`` per aggregate, export, search."""

from minutes.archive.export import export_json, load_meeting
from minutes.archive.store import (
    ensure_db_shape,
    open_archive,
    record_failure,
    save_document,
)

__all__ = [
    "ensure_db_shape",
    "export_json",
    "load_meeting",
    "open_archive",
    "record_failure",
    "save_document",
]
