"""Bulk import: sources in, meetings stored, one document per transaction; failure is data.

The pipeline above the readers (:mod:`minutes.ingest`), the extractor
(:mod:`minutes.extract`) and the archive (:mod:`minutes.archive`):

* :mod:`~minutes.importer.sources`: files, folders, zips and manifests as a
  stream of byte sources, with size and zip-bomb limits;
* :mod:`~minutes.importer.work`: what a worker does with one source (read,
  extract, prepare rows), an expected problem coming back as a failed outcome;
* :mod:`~minutes.importer.pool`: an ordered, bounded process pool;
* :mod:`~minutes.importer.bulk`: plan, parse, store with one writer, link;
* :mod:`~minutes.importer.reprocess`: extract the stored texts again;
* :mod:`~minutes.importer.progress`: a bar, lines or nothing.
"""

from minutes.importer.bulk import FileResult, ImportSummary, ingest_paths
from minutes.importer.reprocess import ReprocessSummary, reprocess_archive
from minutes.importer.sources import Limits

__all__ = [
    "FileResult",
    "ImportSummary",
    "Limits",
    "ReprocessSummary",
    "ingest_paths",
    "reprocess_archive",
]
