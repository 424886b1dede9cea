"""`python -m podcast`: the same as the `podcast` command."""

from .cli import app

app(prog_name="podcast")
