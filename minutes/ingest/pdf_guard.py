"""How many bytes a PDF's compressed streams inflate to, counted before PDFium sees them.

PDFium inflates a Flate stream whole when a page is read, and a 1 MB PDF can
hold one that inflates to 2.2 GB (issue 13). Counting with ``zlib`` first,
in bounded steps and stopping at the limit, costs a few milliseconds on real
minutes and turns the bomb into "over the unpacked size limit" instead of a
worker that runs out of memory.
"""

from __future__ import annotations

import re
import zlib

from minutes.ingest.limits import check_decompressed, current

_STREAM = re.compile(rb"stream\r?\n")
#: How far back from ``stream`` its dictionary (and so its /Filter) is looked for.
_DICT_WINDOW = 512
_STEP = 2**20


def inflated_size(data: bytes, cap: int) -> int:
    """Bytes the Flate streams of ``data`` inflate to, counting stops once past ``cap``."""
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_WINDOW):match.start()]
        if b"FlateDecode" not in head[head.rfind(b"obj"):]:
            continue
        total += _inflate_count(data, match.end(), cap - total + 1)
        if total > cap:
            break
    return total


def _inflate_count(data: bytes, start: int, budget: int) -> int:
    """Inflate one stream from ``start`` in 1 MB steps; a broken stream counts what came out."""
    inflater = zlib.decompressobj()
    count = 0
    pending = memoryview(data)[start:]
    try:
        while pending and not inflater.eof and count <= budget:
            out = inflater.decompress(pending, _STEP)
            count += len(out)
            pending = memoryview(inflater.unconsumed_tail)
            if not out and not pending:
                break
    except zlib.error:
        pass
    return count


def check_pdf_streams(data: bytes) -> None:
    """Refuse a PDF whose streams inflate to more than the unpacked size limit."""
    cap = current().decompressed
    check_decompressed(inflated_size(data, cap), "its compressed streams")
