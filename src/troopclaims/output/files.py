"""Output files written atomically: the file appears whole at the end of a run, or not at all."""
from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from troopclaims.errors import OutputError


@contextmanager
def atomic_write(path: str | Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Yield a text file that replaces `path` when the block ends; on any error or Ctrl-C `path` is left as it was.

    OutputError (one line, with the fix) when the folder is missing or read-only.

    The temporary file sits in the same folder (a rename across file systems is not atomic) and is hidden, so a
    folder being read as input never sees it.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: cannot write in {folder} (missing or read-only); give another output file")
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    # Ctrl-C or SIGTERM is held off while the temporary is made: one that came between its creation and the
    # `try` would leave it behind. Held off, it arrives inside the `try`, which removes the file.
    held, temporary = _hold_signals(), None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        held = _release(held)
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        _release(held)
        if temporary is not None:
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass
        raise


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _hold_signals():
    """Block SIGINT and SIGTERM in this thread; return the mask to restore (None where that cannot be done)."""
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    except (AttributeError, OSError, ValueError):      # no pthread_sigmask (Windows)
        return None


def _release(held) -> None:
    """Restore the signal mask _hold_signals returned; a signal held off is delivered now. Returns None."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _mode_for(path: Path) -> int:
    """Return the permissions of the file being replaced, else those a new file gets (mkstemp's are 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
