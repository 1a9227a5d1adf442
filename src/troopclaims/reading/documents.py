"""Documents a newsroom keeps articles in (PDF, Word, OpenDocument, RTF), told by their file's suffix or their first
bytes: they are not text, so each is skipped, named on stderr with the command that makes text of it, whether it
is in a folder, named on the command line or piped to stdin."""
from __future__ import annotations

from pathlib import PurePath

# How to make text of each kind of document, by its suffix.
_CONVERT = {".pdf": "pdftotext '{name}' '{stem}.txt'", ".docx": "pandoc '{name}' -t plain -o '{stem}.txt'",
            ".odt": "pandoc '{name}' -t plain -o '{stem}.txt'", ".rtf": "save it as plain text from its editor",
            ".doc": "save it as plain text from its editor", ".pages": "export it as plain text"}
# ... and piped: the text on stdout, into troopclaims.
_PIPED = {".pdf": "pdftotext FILE.pdf - | troopclaims extract -",
          ".docx": "pandoc FILE.docx -t plain | troopclaims extract -"}
# The first bytes of each kind: a zip archive is a .docx, .odt or .pages; an OLE compound file an old .doc.
_SIGNATURES = ((b"%PDF-", ".pdf", "a PDF document"), (b"PK\x03\x04", ".docx", "a Word or OpenDocument file"),
               (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc", "an old Word document"),
               (b"{\\rtf", ".rtf", "an RTF document"))


def convert_hint(path: PurePath, kind: str | None = None) -> str:
    """Return how to make a text file of a document troopclaims does not read ("; make text of it first (..)"); `kind`
    is the suffix its bytes say when its name says none (a PDF saved as story.txt: its text goes to story-text.txt)."""
    how = _CONVERT.get(path.suffix.lower() if path.suffix.lower() in _CONVERT else kind)
    stem = path.stem if path.suffix.lower() in _CONVERT else f"{path.stem}-text"
    return f"; make text of it first ({how.format(name=path.name, stem=stem)})" if how else ""


def not_text(data: bytes, path: PurePath | None = None) -> str | None:
    """Return why a file's bytes (stdin's when path is None) are a document and not text, with the fix; None for
    text. A file whose name says a document is one whatever its bytes."""
    for signature, suffix, what in _SIGNATURES:
        if data.startswith(signature):
            break
    else:
        if path is None or path.suffix.lower() not in _CONVERT:
            return None
        what, suffix = f"a {path.suffix.lower()} document", path.suffix.lower()
    if path is None:
        how = _PIPED.get(suffix, "save it as plain text from its editor, and give that file")
        return f"{what}, not text; make text of it first ({how})"
    return f"{what}, not text{convert_hint(path, kind=suffix)}"
