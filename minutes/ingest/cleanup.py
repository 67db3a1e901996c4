"""Pure text repairs shared by every reader: Unicode form, control characters, bullets.

They work on strings before tokenisation, so the PDF and the text paths give
the extractor the same kind of text.
"""

from __future__ import annotations

import re
import unicodedata

#: Glyphs that PDF producers and Word use for list bullets. Private-use
#: symbols come from Symbol/Wingdings fonts; "(cid:N)" from pdfminer.
BULLET_CHARS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u00b7\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\u27a2"
_BULLET_RE = re.compile(rf"^[ \t]*(?:[{BULLET_CHARS}]|\(cid:\d+\))[ \t]*", re.MULTILINE)
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_unicode(text: str) -> str:
    """NFC-normalise, so a decomposed "ö" matches a composed one in search and rules."""
    return unicodedata.normalize("NFC", text)


def strip_control(text: str) -> str:
    """Drop NUL and other control characters; unify line endings to ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("", text)


def normalize_bullets(text: str) -> str:
    """Turn any bullet glyph at the start of a line into ``• `` so rules see one bullet."""
    text = _BULLET_RE.sub("• ", text)
    return _PRIVATE_USE_RE.sub("", text)


def clean_text(text: str) -> str:
    """The full repair chain every reader applies to its text."""
    return normalize_bullets(strip_control(normalize_unicode(text.lstrip("\ufeff"))))
