"""Standard input: JSON Lines of articles or claims, or the text of one article (`pbpaste | troopclaims extract -`)."""
from __future__ import annotations

import codecs
import io
import json
import re
import sys
from typing import Callable, TextIO

from troopclaims.reading.documents import not_text

STDIN_ID = "stdin"
# What a web page opens with (`curl URL | troopclaims extract -`), after an XML declaration (XHTML) and comments:
# read as its article, as a saved .html file is.
_PAGE = re.compile(rb"(?:<\?xml\b[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b",
                   re.I | re.S)
_OPENING = 5        # bytes enough to tell JSON Lines ("{") from a document ("{\\rtf", "%PDF-")


def stdin_text(warn: Callable[[str], None], report=None) -> TextIO:
    """Return stdin as JSON Lines text whose undecodable bytes become U+FFFD instead of stopping the run.

    Stdin that does not open with "{" is the text of one article, not lines of JSON to be skipped one by one: it
    is handed on as one record, said on stderr; a web page is handed on as its article's text and metadata."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    if not hasattr(buffer, "read1"):
        buffer = io.BufferedReader(buffer)
    # A pipe hands over what each write held: read on until the first byte that is not blank, or the end.
    head = b""
    while len(_opening(head)) < _OPENING and (chunk := buffer.read1(4096)):
        head += chunk
    opening = _opening(head)
    if not opening or opening.startswith(b"{") and not_text(opening) is None:
        return io.TextIOWrapper(io.BufferedReader(_Prefixed(head, buffer)), encoding="utf-8-sig", errors="replace")
    if (document := not_text(opening)) is not None:
        if report is not None:
            report.skip(STDIN_ID, document, warn)
        return io.StringIO("")
    data = head + buffer.read()
    if _PAGE.match(_opening(data)):
        return _page_record(data, warn, report)
    warn(f"{STDIN_ID}: not JSON Lines; read as the text of one article (its source: {STDIN_ID})")
    # Decoded as bytes, line endings are kept as they are, so that offsets slice the text as it was piped.
    text = data.decode("utf-8-sig", errors="replace")
    return io.StringIO(json.dumps({"id": STDIN_ID, "text": text}) + "\n")


def _page_record(data: bytes, warn: Callable[[str], None], report) -> TextIO:
    """Return a web page's article as one JSON Lines record, with its date, title, outlet and URL; nothing (the
    page named on stderr as skipped) when it holds no article."""
    from troopclaims.reading.articles import decoded
    from troopclaims.reading.pages import NO_ARTICLE, page_text, read_page

    page = read_page(page_text(data, lambda raw: decoded(raw, STDIN_ID, warn)))
    if page is None:
        if report is not None:
            report.skip(STDIN_ID, NO_ARTICLE, warn)
        return io.StringIO("")
    warn(f"{STDIN_ID}: a web page; read as its article, as a saved .html file is (its source: {STDIN_ID})")
    record = {"id": STDIN_ID, "text": page.text, "published": page.published, **page.meta}
    return io.StringIO(json.dumps(record) + "\n")


def _opening(head: bytes) -> bytes:
    """Return the bytes of stdin from its first one that is not blank or a byte order mark (or part of one)."""
    return b"" if codecs.BOM_UTF8.startswith(head) else head.removeprefix(codecs.BOM_UTF8).lstrip()


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream, then the rest of that stream."""

    def __init__(self, head: bytes, rest):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, into) -> int:
        data, self.head = self.head[:len(into)], self.head[len(into):]
        if not data:
            data = self.rest.read1(len(into))
        into[:len(data)] = data
        return len(data)
