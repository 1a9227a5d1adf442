"""Writing an output file atomically: a temporary file beside it, renamed over it only once all is written.

A reader never sees half a file, and a run that fails or is interrupted (Ctrl-C) leaves the old file, or none.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from troopclaims.errors import TroopclaimsError


def write_text_atomically(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Write text to path through a temporary file in the same folder, renamed over path at the end."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise TroopclaimsError(f"cannot write {path}: {exc.strerror or exc}; check that its folder exists and "
                               "is writable") from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as exc:     # Ctrl-C included: no temporary file is left behind
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise TroopclaimsError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _mode_for(path: Path) -> int:
    """Return the permissions the file would get if written directly: the old file's, else 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
