"""Import roots: the folder names the archive shows paths under, instead of the importing machine's.

A path is stored relative to what the user named, under that folder's (or
file's) own name: ``minutes ingest /home/anna/protokoll`` stores
``protokoll/2019/ks.pdf``, so served pages never show ``/home/anna`` (issue 13).
Two different folders with one name must not share paths (a changed file at a
known path replaces its meeting), so each name is claimed by one root,
identified by a hash of its absolute path (the path itself is not stored);
another root with the same name gets ``name~1a2b3c``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.connect import write_transaction


def root_id(path: Path) -> str:
    """A stable id for a root: the hash of its absolute path's bytes."""
    return hashlib.sha256(os.fsencode(path.resolve())).hexdigest()


def claim_label(db: Database, name: str, ident: str) -> str:
    """The label this root's paths are stored under: ``name``, unless another root has it."""
    row = db.execute("select label from import_roots where root_id = ?", [ident]).fetchone()
    if row:
        return row[0]
    with write_transaction(db):
        taken = db.execute("select root_id from import_roots where label = ?", [name]).fetchone()
        label = name if taken is None else f"{name}~{ident[:6]}"
        db.execute("insert or ignore into import_roots (label, root_id) values (?, ?)", [label, ident])
    return label


def root_labels(db: Database, paths, escape) -> dict[str, str]:
    """Given path (as typed) → label, for every path an import names (folders, files, manifest folders)."""
    labels = {}
    for given in paths:
        path = Path(given)
        real = path.resolve()
        # A path's own name ("." and ".." have none: then the folder's real name); a
        # symlink named on the command line is shown by its own name, not its target's.
        name = path.name if path.name not in ("", ".", "..") else (real.name or "root")
        labels[str(given)] = claim_label(db, escape(name), root_id(path.parent.resolve() / name))
    return labels


def migrate_path(db: Database, old: str, new: str) -> None:
    """Move a path stored the old way (as the user typed it) to its label-relative form."""
    if old == new or db.execute("select 1 from document_paths where path = ?", [old]).fetchone() is None:
        return
    with write_transaction(db):
        if db.execute("select 1 from document_paths where path = ?", [new]).fetchone():
            db.execute("delete from document_paths where path = ?", [old])
        else:
            db.execute("update document_paths set path = ? where path = ?", [new, old])
        db.execute("update documents set path = ? where path = ?", [new, old])
