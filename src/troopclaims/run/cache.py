"""The result cache: the claims of one article, kept under a key of everything that decides them.

A key hashes the article's text, publication date and metadata as read, the kinds asked for, the rule files, the
spaCy pipeline (name and version) and troopclaims' version and code, so a change to any of them is a miss, never a
stale hit. The text trafilatura reads from a saved web page is kept too (in PAGES, keyed by the page's markup),
so that a warm run over pages reads neither the pages nor the articles again. An entry holds, with the claims, the page furniture and dateline they were read with (a function of the
text and the rules: run.preparation), so a hit needs neither read again. Entries are JSON files written atomically (a temporary file renamed into place): a run killed half-way leaves no half-written entry, and an
entry that does not read back is ignored with a warning and replaced.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from troopclaims import __version__
from troopclaims.folders import ENV, cache_dir
from troopclaims.records import Article, Claim
from troopclaims.run.preparation import Preparation

_FORMAT = 2                  # bump when the entry layout changes
PAGES = "pages"              # the subfolder of the text read from saved web pages, keyed by their markup
_PAGE_READERS = ("trafilatura", "htmldate", "justext", "lxml")   # what decides a page's text besides our code


def model_version(name: str) -> str:
    """Return "name version" for a spaCy pipeline without loading it (its meta.json, else its distribution)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    folders = [Path(name)] if os.path.isdir(name) else []
    if spec is not None and spec.submodule_search_locations:
        folders += [Path(location) for location in spec.submodule_search_locations]
    for folder in folders:
        for meta in [folder / "meta.json", *sorted(folder.glob("*/meta.json"))]:
            if meta.is_file():
                data = json.loads(meta.read_text(encoding="utf-8"))
                return f"{name} {data.get('version', '?')} spacy {data.get('spacy_version', '?')}"
    try:
        return f"{name} {importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return name


@lru_cache(maxsize=1)
def code_version() -> str:
    """Return troopclaims' version with a hash of its code, so that a changed checkout never reads stale entries."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__} {digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def _page_readers() -> str:
    versions = []
    for name in _PAGE_READERS:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(name)
    return ", ".join(versions)


def _page_key(markup: str) -> str:
    parts = ["page", str(_FORMAT), code_version(), _page_readers(), markup]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def rules_digest(dirs: Iterable[Path]) -> str:
    """Return a hash of every rule file in the folders, in the order they are laid over each other."""
    digest = hashlib.sha256()
    for folder in dirs:
        for path in sorted(Path(folder).iterdir()):
            if path.suffix in (".yaml", ".yml"):
                digest.update(f"{path.name}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Settings:
    """What, besides the article, decides its claims."""

    rules: str                 # rules_digest
    model: str                 # model_version
    kinds: tuple[str, ...]
    exhaustive: bool = False

    def key(self, article: Article) -> str:
        parts = [str(_FORMAT), code_version(), self.rules, self.model, ",".join(self.kinds), str(self.exhaustive),
                 article.published or "", str(article.body_start), str(article.blanked),
                 json.dumps(article.meta, sort_keys=True, default=str),
                 article.text]
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class ClaimCache:
    """Claims per article on disk, one JSON file an entry."""

    def __init__(self, folder: Path | None = None, warn: Callable[[str], None] = lambda message: None):
        self.folder = Path(folder) if folder is not None else cache_dir()
        self.warn = warn
        self._unwritable = False

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, article: Article) -> tuple[list[Claim], Preparation] | None:
        """Return the cached claims of an article (its own id as their source) with its furniture and dateline, or
        None on a miss."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("claims"), list) \
                    or not isinstance(data.get("article"), dict):
                raise ValueError("not a troopclaims cache entry")
            return ([Claim.from_dict({**claim, "source": article.id}) for claim in data["claims"]],
                    Preparation.from_dict(data["article"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, AttributeError, KeyError) as exc:   # JSONDecodeError: a ValueError
            self.warn(f"cache entry {path} is corrupt ({exc.__class__.__name__}); ignored, extracting again")
            return None

    def put(self, key: str, claims: list[Claim], preparation: Preparation = Preparation()) -> None:
        """Store the claims (and the furniture and dateline they were read with) under key; a cache that cannot be
        written is said once and the run goes on."""
        self._write(self._path(key), {"key": key, "article": preparation.to_dict(),
                                      "claims": [claim.to_dict() for claim in claims]})

    def read_page(self, markup: str):
        """Return reading.pages.read_page(markup), from the cache when this markup was read before (a warm run over
        saved web pages skips trafilatura); a page that fails to read is not kept, so it fails the same way again."""
        from troopclaims.reading.pages import Page, read_page

        key = _page_key(markup)
        path = self.folder / PAGES / key[:2] / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key or \
                    not (data.get("page") is None or isinstance(data["page"], dict)) or "page" not in data:
                raise ValueError("not a troopclaims page entry")
            return None if data["page"] is None else Page(**data["page"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError) as exc:   # JSONDecodeError: a ValueError
            self.warn(f"cache entry {path} is corrupt ({exc.__class__.__name__}); ignored, reading the page again")
        page = read_page(markup)
        self._write(path, {"key": key, "page": None if page is None else asdict(page)})
        return page

    def _write(self, path: Path, entry: dict) -> None:
        """Write an entry to a temporary file renamed into place; a cache that cannot be written is said once."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(entry, out, ensure_ascii=False)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as exc:
            if not self._unwritable:       # once is enough
                self._unwritable = True
                self.warn(f"cannot write the cache in {self.folder} ({exc.strerror or exc}); "
                          f"set {ENV} to a writable folder or pass --no-cache")

    def info(self) -> tuple[int, int]:
        """Return (entries, bytes) in the cache."""
        entries = size = 0
        if self.folder.is_dir():
            for path in [*self.folder.glob("*/*.json"), *self.folder.glob(f"{PAGES}/*/*.json")]:
                entries += 1
                size += path.stat().st_size
        return entries, size

    def clear(self) -> int:
        """Remove every entry; return how many there were."""
        entries, _ = self.info()
        if self.folder.is_dir():
            for child in self.folder.iterdir():
                if child.is_dir() and (len(child.name) == 2 or child.name == PAGES):   # only what this cache wrote
                    shutil.rmtree(child, ignore_errors=True)
        return entries
