"""Swedish display labels for the codes stored in the archive (statuses, kinds, due values).

The archive stores stable English codes (they are the export's vocabulary);
the pages show Swedish words. Each code's label is declared with the column
that holds it (:mod:`minutes.archive.facts`).
"""

from __future__ import annotations

from minutes.archive.facts import code_labels

LABELS = code_labels()


def sv(code):
    """The Swedish label of a stored code; anything else is shown as it is."""
    return LABELS.get(code, code) if isinstance(code, str) else code
