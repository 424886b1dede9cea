"""What a person at a terminal sees beyond plain lines: a progress bar and tables (the only importer of rich)."""

from __future__ import annotations

import sys
from collections.abc import Callable

Update = Callable[[int, int], None]


def progress_reporter(total_label: str) -> tuple[Update, Callable[[], None]]:
    """A rich progress bar on a terminal, nothing otherwise (cron mails whatever is printed); (update, close)."""
    if not sys.stderr.isatty():
        return (lambda done, total: None), (lambda: None)
    from rich.progress import Progress as Bar

    bar = Bar(transient=True)
    task = bar.add_task(total_label, total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table on the terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*header)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
