"""``python -m minutes`` runs the command line."""

from minutes.cli import cli

cli()
