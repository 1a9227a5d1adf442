"""Where output goes and in which format: stdout or a file written whole, the format from the flag, the file's
suffix or the terminal."""
from __future__ import annotations

import contextlib
import os
import stat
import sys
from typing import Callable

from troopclaims.errors import OptionError
from troopclaims.output import render

SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".md": "markdown", ".txt": "table", ".html": "html",
                  ".htm": "html"}
WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".ods", ".numbers")     # a spreadsheet's own files: CSV opens in each


@contextlib.contextmanager
def opened_output(path: str | None):
    """Yield (stream, is_terminal): stdout, or FILE written atomically (output.files.atomic_write)."""
    if path in (None, "-"):
        yield sys.stdout, render.stdout_is_terminal()
        return
    from troopclaims.output.files import atomic_write

    with atomic_write(path) as out:
        yield out, False


def check_output(fmt: str | None, path: str | None, formats: tuple[str, ...], command: str,
                 warn: Callable[[str], None]) -> None:
    """Refuse, before any work, an output file whose suffix names a format the command does not write (an HTML
    page is the report's); say which format a file of another suffix gets."""
    if fmt or path in (None, "-"):
        return
    suffix = os.path.splitext(path)[1].lower()
    by_suffix = SUFFIX_FORMATS.get(suffix)
    if suffix in WORKBOOK_SUFFIXES:
        raise OptionError(f"{path}: {command} writes no spreadsheet workbook; name the file .csv, which Excel, "
                          "LibreOffice and Google Sheets open")
    if by_suffix == "html":
        raise OptionError(f"{path}: {command} writes no HTML page; `troopclaims report` does: "
                          f"troopclaims report ... -o {path}")
    if by_suffix and by_suffix not in formats:
        known = ", ".join(name for name, of in SUFFIX_FORMATS.items() if of in formats)
        raise OptionError(f"{path}: {command} writes no {by_suffix}; name the file {known}, or give --format")
    if by_suffix is None:
        warn(f"{path}: no format is known by the suffix {suffix or '(none)'}; writing JSON Lines "
             "(name it .jsonl, or give --format)")


def check_page_output(path: str | None) -> None:
    """Refuse, before any work, a report file named for a format other than an HTML page ("facts.md")."""
    if path in (None, "-"):
        return
    by_suffix = SUFFIX_FORMATS.get(os.path.splitext(path)[1].lower())
    if by_suffix not in (None, "html"):
        raise OptionError(f"{path}: report writes an HTML page, not {by_suffix}; name the file .html, or write it "
                          f"with `troopclaims compare ... -o {path}`")


def output_format(fmt: str | None, path: str | None, is_terminal: bool, formats: tuple[str, ...]) -> str:
    """Return the format: the flag, else the output file's suffix, else a table on a terminal and JSON Lines."""
    by_suffix = SUFFIX_FORMATS.get(os.path.splitext(path or "")[1].lower())
    return render.choose_format(fmt or (by_suffix if by_suffix in formats else None), is_terminal)


def for_spreadsheet(path: str | None) -> bool:
    """Return whether CSV goes to a file a spreadsheet opens (with a byte order mark and formulas kept as text): a
    file named with -o, or stdout redirected to a new or emptied file named .csv (`> facts.csv`). A pipe, a
    terminal, another file and a file appended to (`>> facts.csv`, which has a header already) get plain CSV."""
    if path not in (None, "-"):
        return True
    try:
        descriptor = sys.stdout.fileno()
        status = os.fstat(descriptor)
    except (AttributeError, OSError, ValueError):       # no file behind stdout (a test's buffer)
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size or os.lseek(descriptor, 0, os.SEEK_CUR):
        return False
    return (_file_name(descriptor) or "").lower().endswith(".csv")


def _file_name(descriptor: int) -> str | None:
    """Return the path of the file open as a descriptor (Linux's /proc, macOS's F_GETPATH), None if unknown."""
    try:
        return os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        pass
    try:
        import fcntl

        return fcntl.fcntl(descriptor, fcntl.F_GETPATH, bytes(1024)).split(b"\0", 1)[0].decode()
    except (ImportError, AttributeError, OSError, UnicodeDecodeError):
        return None
