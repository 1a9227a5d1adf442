"""Extract on an existing Dask distributed cluster: one chunk of articles a task, results taken in input order.

The rule files travel to the workers once (scattered), so the workers need troopclaims and the spaCy pipeline
installed but none of this machine's files; each worker process loads the rules and the pipeline once.
"""
from __future__ import annotations

import hashlib
import tempfile
import threading
from pathlib import Path

from troopclaims.errors import TroopclaimsError
from troopclaims.records import Article

ENV = "TROOPCLAIMS_DASK"
CONNECT_TIMEOUT = "20s"      # a scheduler that does not answer within this is reported as unreachable
_EXTRACTORS: dict[str, object] = {}      # on a worker: the Extractor of each rules + pipeline + mode
_LOCK = threading.Lock()                 # a worker with several threads shares one pipeline, one chunk at a time


class DaskEngine:
    """Runs chunks on a Dask cluster; submit gives a function that waits for the chunk's outcomes."""

    def __init__(self, address: str, rules, model: str):
        from troopclaims.run.runner import rule_files

        try:
            from distributed import Client
        except ImportError:
            raise TroopclaimsError("--dask needs dask and distributed; install them with "
                                   "`pip install 'troopclaims[dask]'`") from None
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise TroopclaimsError(f"cannot reach the Dask scheduler at {address!r} ({exc.__class__.__name__}: "
                                   f"{exc}); start one with `dask scheduler` and give its address "
                                   "(tcp://HOST:8786)") from None
        payload = (rule_files(rules.dirs), model)
        self.setup = self.client.scatter(payload, broadcast=True)
        self.depth = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, articles: list[Article], kinds: tuple[str, ...], parse: list[bool]):
        return self.client.submit(extract_chunk, self.setup, articles, kinds, parse, pure=False).result

    def close(self) -> None:
        self.client.close()


def extract_chunk(setup, articles: list[Article], kinds: tuple[str, ...], parse: list[bool]):
    """Return the outcomes of one chunk (runs on a Dask worker); parse: the triage's answer for each article."""
    with _LOCK:
        return _extractor(setup).batch(articles, kinds, parse)


def _extractor(setup):
    from troopclaims.rules import Rules
    from troopclaims.run.runner import Extractor

    folders, model = setup
    key = hashlib.sha256(repr(setup).encode("utf-8", "surrogatepass")).hexdigest()
    if key not in _EXTRACTORS:
        root = Path(tempfile.mkdtemp(prefix="troopclaims-rules-"))
        dirs = []
        for i, (_, files) in enumerate(folders):
            folder = root / str(i)
            folder.mkdir()
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
            dirs.append(folder)
        _EXTRACTORS[key] = Extractor(Rules(dirs, include_defaults=False), model)
    return _EXTRACTORS[key]
