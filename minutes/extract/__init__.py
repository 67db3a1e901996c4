"""From a :class:`~minutes.models.SourceDocument` to a :class:`~minutes.models.Meeting`.

Layout rules over lines find the header, attendee lists and items; inside
each item, sentences are read with the spaCy pipeline's cue ruler for
decisions, assignments and speakers. Every fact keeps its character span.
"""

from __future__ import annotations

from spacy.language import Language

from minutes.extract.assembly import extract_meeting
from minutes.extract.pipeline import build_nlp, default_nlp

__all__ = ["build_nlp", "default_nlp", "extract_meeting", "Language"]
