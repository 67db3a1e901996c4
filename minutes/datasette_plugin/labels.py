"""Swedish display labels for the codes stored in the archive (statuses, kinds, due values).

The archive stores stable English codes (they are the export's vocabulary);
the pages show Swedish words. Each code's label is declared with the column
that holds it (:mod:`minutes.archive.facts`; a document's status with the
documents table, :mod:`minutes.archive.schema`).
"""

from __future__ import annotations

from minutes.archive.facts import code_labels
from minutes.archive.schema import DOCUMENT_STATUSES

LABELS = {**code_labels(), **DOCUMENT_STATUSES}

#: The importer's reasons (English, as in its log) -> the words the status page shows.
#: Matched at the start of the stored reason; whatever follows is kept as detail.
REASONS = (
    ("truncated PDF", "PDF-filen är ofullständig (avkortad före slutet)"),
    ("named .pdf but is not a PDF", "filen heter .pdf men är ingen PDF"),
    ("unsupported file type", "filtypen kan inte läsas"),
    ("the file holds no text", "filen innehåller ingen text"),
    ("encrypted", "filen är lösenordsskyddad"),
    ("password", "filen är lösenordsskyddad"),
    ("no text layer", "PDF utan textlager: skannad, behöver textigenkänning (OCR)"),
    ("scanned", "skannad PDF: behöver textigenkänning (OCR)"),
    ("file too large", "filen är större än gränsen för import"),
    ("larger than", "filen är större än gränsen för import"),
    ("zip", "zip-arkivet kunde inte packas upp säkert"),
    ("the reader crashed", "läsaren kraschade på filen"),
    ("unexpected reader error", "oväntat fel när filen lästes"),
    ("extraction failed", "uppgifterna kunde inte tas ut ur texten"),
    ("could not be stored", "kunde inte sparas i arkivet"),
    ("not minutes", "inte ett protokoll: ingen mötesstruktur (organ, datum, ärenden)"),
)


def sv(code):
    """The Swedish label of a stored code; anything else is shown as it is."""
    return LABELS.get(code, code) if isinstance(code, str) else code


def reason_sv(error: str | None) -> str | None:
    """A stored import failure in Swedish, with the original text as detail when it adds any."""
    if not error:
        return None
    lowered = error.lower()
    for start, words in REASONS:
        if start.lower() in lowered:
            return words
    return f"fel vid import ({error})"
