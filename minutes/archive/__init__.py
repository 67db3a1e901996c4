"""The SQLite archive: schema as data, one ``save_*`` per aggregate, export, search.

Names are imported on first use (PEP 562), so ``minutes search`` does not pay
for sqlite-utils (and the numpy it pulls in) when it only reads (issue 16).
"""

from importlib import import_module

__all__ = [
    "ensure_db_shape",
    "export_json",
    "load_meeting",
    "open_archive",
    "record_failure",
    "save_document",
]

_HOMES = {
    "export_json": "minutes.archive.export",
    "load_meeting": "minutes.archive.export",
    "ensure_db_shape": "minutes.archive.store",
    "open_archive": "minutes.archive.store",
    "record_failure": "minutes.archive.store",
    "save_document": "minutes.archive.store",
}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'minutes.archive' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
