"""Notes on stderr: the first few of each kind as they come, the rest counted at the end; --quiet and --verbose."""
from __future__ import annotations

import re
from typing import Callable

SKIPPED = "skipped "     # how a note about a skipped input, line or record starts (articles.ReadReport.skip)
SHOWN = 3                # notes of one kind shown before the rest are only counted

_WHERE = re.compile(r"^(?:skipped )?.*?: ")
_VARIABLE = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(?:[.,:-]\d+)*")


def kind_of(message: str) -> str:
    """Return what a note says, without where it happened or the values in it: what repeats across articles.

    "a.txt: no publication date given; using 2024-10-25 from its dateline" -> "no publication date given; using #
    from its dateline". A note with no "where: " part is its own kind.
    """
    match = _WHERE.match(message)
    if match is None:
        return message
    return _VARIABLE.sub("#", message[match.end():])


class Notes:
    """A `warn` callable for the library: it shows the first SHOWN notes of each kind and counts the rest.

    quiet keeps only the notes of skipped inputs and the summary line; verbose shows every note.
    """

    def __init__(self, echo: Callable[[str], None], quiet: bool = False, verbose: bool = False):
        self.echo, self.quiet, self.verbose = echo, quiet, verbose
        self.seen: dict[str, int] = {}
        self.first: dict[str, str] = {}

    def __call__(self, message: str) -> None:
        if self.quiet and not message.startswith(SKIPPED):
            return
        kind = kind_of(message)
        count = self.seen[kind] = self.seen.get(kind, 0) + 1
        self.first.setdefault(kind, message)
        if self.verbose or count <= SHOWN:
            self.echo(message)

    def held_back(self) -> list[str]:
        """Return one line for each kind of note that was shown only in part."""
        return [f"and {count - SHOWN} more like \"{self.first[kind]}\" (--verbose lists them all)"
                for kind, count in self.seen.items() if count > SHOWN and not self.verbose]

    def flush(self) -> None:
        """Say how many notes of each kind were held back (once; later notes start the count again)."""
        for line in self.held_back():
            self.echo(line)
        self.seen.clear()
        self.first.clear()

    def summary(self, line: str) -> None:
        """Print the held-back counts, then the run's summary line, which --quiet keeps too."""
        self.flush()
        self.echo(line)
