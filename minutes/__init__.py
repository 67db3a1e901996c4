"""minutes: an archive of the minutes of Swedish public bodies.

The pipeline runs one way: ``ingest.read`` → ``extract.extract_meeting`` →
``archive.save_document`` → Datasette. Each stage hands plain dataclasses
(:mod:`minutes.models`) to the next.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
