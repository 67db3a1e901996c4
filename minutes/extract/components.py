"""Custom spaCy components, registered under ``minutes_*`` names."""

from __future__ import annotations

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc


@Language.factory("minutes_lemmatizer", default_config={})
def make_lemmatizer(nlp: Language, name: str) -> LowercaseLookupLemmatizer:
    return LowercaseLookupLemmatizer(nlp, name)


class LowercaseLookupLemmatizer:
    """Lookup lemmas keyed on the lower-case form.

    spaCy's lookup lemmatizer is case-sensitive, so a sentence-initial
    "Beslutar" keeps its form; minutes start many sentences with the verb's
    subject and capitalise labels, so we look up ``token.lower_`` instead.
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.table = load_lookups("sv", ["lemma_lookup"]).get_table("lemma_lookup")

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            token.lemma_ = self.table.get(lower, lower)
        return doc
