"""Domain exceptions, named by the condition they report.

Expected data problems (a broken PDF, an unknown format) are raised by the
readers as :class:`IngestError` subclasses and recorded per document by the
bulk importer, never raised through a whole batch.
"""


class MinutesError(Exception):
    """Base class of every error this package raises on purpose."""


class IngestError(MinutesError):
    """A file could not be read into text."""


class UnsupportedFormat(IngestError):
    """The file is of a kind minutes cannot read."""


class EmptyDocument(IngestError):
    """The file holds no text."""


class NeedsOCR(IngestError):
    """A PDF without a text layer: it must be OCR'd before it can be read."""


class EncryptedDocument(IngestError):
    """The file is password protected."""


class MissingExtra(MinutesError):
    """An optional feature's package is not installed (``pip install 'minutes[extra]'``)."""



class ArchiveUnwritable(MinutesError):
    """The archive cannot be written (disk full, I/O error, read-only): the import stops at once.

    Nothing about the file being stored is wrong, so it is not recorded as a
    failed document; every document stored before is complete.
    """
