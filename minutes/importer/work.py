"""What a worker process does with one document: read it, extract the meeting, prepare its rows.

These functions run in the pool (or in-process with ``--workers 1``) and never
touch the archive: they return an :class:`Outcome` carrying the document's
rows ready to insert (:func:`minutes.archive.rows.meeting_rows`: ids, JSON
columns and Swedish search columns all computed here), which the single
writer stores with a few batched statements. Expected data problems come back as failed outcomes with the reader's
message; an unexpected exception in our own code does too, named as such, so
one odd file never stops a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes.archive.rows import DocumentRows, meeting_rows
from minutes.errors import IngestError, NeedsOCR
from minutes.importer.sandbox import FileTimeout, init_sandbox, limited, memory_message, time_message
from minutes.ingest.limits import FileLimits, LimitExceeded
from minutes.models import SourceDocument


@dataclass
class ParseJob:
    """One file's bytes and what the reader needs to know about them."""

    data: bytes
    name: str
    path: str
    ocr: bool = False
    overrides: dict | None = None  # manifest body/date, applied when the rows are prepared
    limits: FileLimits = field(default_factory=FileLimits)


@dataclass
class Outcome:
    """A worker's answer: the rows that store a document and its meeting, or why there are none."""

    status: str  # ok | failed | needs_ocr
    rows: DocumentRows | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def warm_up() -> None:
    """Build this process's spaCy pipeline once, up front (the parent's, before it forks)."""
    from minutes.extract import default_nlp

    default_nlp()


def init_worker() -> None:
    """Pool initializer: the per-file sandbox (:mod:`minutes.importer.sandbox`), then the pipeline."""
    init_sandbox()
    warm_up()


def read_and_extract(job: ParseJob) -> Outcome:
    """Read one file's bytes and extract its meeting, within the file's limits."""
    try:
        with limited(job.limits):
            return _read_and_extract(job)
    except FileTimeout:
        return Outcome("failed", error=time_message(job.limits))
    except MemoryError:
        return Outcome("failed", error=memory_message(job.limits))


def _read_and_extract(job: ParseJob) -> Outcome:
    from minutes.ingest import read_bytes

    try:
        document = read_bytes(job.data, name=job.name, path=job.path, ocr=job.ocr)
    except LimitExceeded as error:
        return Outcome("failed", error=str(error))
    except MemoryError:
        raise
    except NeedsOCR as error:
        return Outcome("needs_ocr", error=_ocr_hint(str(error), job.ocr))
    except IngestError as error:
        return Outcome("failed", error=str(error))
    except Exception as error:  # noqa: BLE001 - a reader bug must not stop the batch
        return Outcome("failed", error=f"unexpected reader error ({type(error).__name__}: {error})")
    return extract_document(document, job.overrides)


def extract_document(document: SourceDocument, overrides: dict | None = None) -> Outcome:
    """Extract the meeting from an already-read document and prepare its rows (import and reprocess).

    A file with no mark of minutes at all is "not_minutes", with the reason (issue 16).
    """
    from minutes.extract import default_nlp, extract_meeting
    from minutes.models.checks import not_minutes_reason

    try:
        meeting = extract_meeting(document, nlp=default_nlp())
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - an extractor bug must not stop the batch
        return Outcome("failed", error=f"extraction failed ({type(error).__name__}: {error})")
    reason = not_minutes_reason(meeting, overrides)
    if reason:
        return Outcome("not_minutes", error=reason)
    try:
        rows = meeting_rows(document, meeting, overrides)
    except Exception as error:  # noqa: BLE001 - nor a row that cannot be prepared
        return Outcome("failed", error=f"could not be stored ({type(error).__name__}: {error})")
    return Outcome("ok", rows=rows)


def crashed(job: object) -> Outcome:
    """The outcome of a file whose reader killed its worker process twice."""
    limits = getattr(getattr(job, "parse", None), "limits", None) or FileLimits()
    return Outcome("failed", error=f"the reader crashed on this file (worker process died; {memory_hint(limits)})")


def memory_hint(limits: FileLimits) -> str:
    """Native readers die rather than raise when memory runs out: say what the ceiling was."""
    from minutes.ingest.limits import human_size

    return f"memory limit {human_size(limits.memory)}, --max-memory"


def timed_out(job: object) -> Outcome:
    """The outcome of a file whose worker the pool stopped for running far past its time limit."""
    limits = getattr(getattr(job, "parse", None), "limits", None) or FileLimits()
    return Outcome("failed", error=time_message(limits, killed=True))


def _ocr_hint(message: str, ocr: bool) -> str:
    if ocr or "--ocr" in message:
        return message
    return f"{message} (run the import with --ocr to OCR it)"
