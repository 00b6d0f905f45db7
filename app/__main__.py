"""`python -m app` runs the `crible` command."""

from app.cli import run

run()
