"""Saved web pages (.html, .htm): the article's text without the page around it, and what the page says of it.

trafilatura finds the main text (no menus, cookie banners, comment sections or related links) and the metadata:
the publication date (meta tags, JSON-LD, <time> elements, the URL's path, through htmldate), the title, the
outlet (og:site_name, the publisher) and the URL (canonical link, og:url). It is imported only when a page is read,
so that `--help` and runs on text files never pay for it. Nothing is fetched and no language is guessed.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable

from troopclaims.reading.furniture import PROSE

HTML_SUFFIXES = (".html", ".htm")
NO_ARTICLE = ("no article text found in the page (only menus, links or scripts: an index or a sign-in page?); "
              "save the article's own page, or paste its text into a .txt file")

# htmldate's defaults would cap dates at today and search the running text for any date: a page dated after the
# machine's clock would read differently from one day to the next, and a date in a sentence is no publication date.
_DATES = {"original_date": True, "extensive_search": False, "max_date": "2199-12-31"}
_WORDS = re.compile(r"\w+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """The article of a saved web page: its text, paragraphs apart by a blank line, with its date and metadata."""

    text: str
    published: str | None = None                       # as the page gives it (YYYY-MM-DD)
    meta: dict = field(default_factory=dict)           # title, outlet, url where the page gives them


def saved_with(folder: Path) -> Path | None:
    """Return the page a browser saved this folder with ("Save page as", complete: story_files beside story.html)."""
    if not folder.name.endswith("_files"):
        return None
    for suffix in HTML_SUFFIXES:
        page = folder.with_name(folder.name[:-len("_files")] + suffix)
        if page.is_file():
            return page
    return None


def page_text(data: bytes, decoded: Callable[[bytes], str]) -> str:
    """Return the markup of a page's bytes: UTF-8, else the charset its <meta> declares, else `decoded`'s guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(codecs.lookup(declared.group(1).decode("ascii")).name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decoded(data)


def read_page(markup: str) -> Page | None:
    """Return the article of a web page's markup, or None when the page holds no paragraph of prose."""
    import trafilatura  # here, not at the top: only a run that reads a web page pays for importing it

    document = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, deduplicate=False, target_language=None, date_extraction_params=_DATES)
    if document is None:
        return None
    paragraphs = _paragraphs(document.text or "")
    if not any(PROSE.search(paragraph) for paragraph in paragraphs):
        return None
    title = " ".join((document.title or "").split())
    if title and not any(_same(title, paragraph) for paragraph in paragraphs[:2]):
        paragraphs.insert(0, title)     # a headline is read as a text file's first line is: it holds claims too
    meta = {key: value for key, value in (("title", title), ("outlet", document.sitename), ("url", document.url))
            if value}
    return Page("\n\n".join(paragraphs) + "\n", document.date or None, meta)


def _paragraphs(text: str) -> list[str]:
    """Return the lines of trafilatura's text (a block or a line break a line), spaces collapsed, empty ones left out.

    A blank line between them is what a text file's paragraphs have: attribution and datelines read paragraphs.
    """
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _figures(words: list[str]) -> list[str]:
    """Return the words of a headline that hold a digit, in order."""
    return [word for word in words if any(character.isdigit() for character in word)]


def _same(title: str, paragraph: str) -> bool:
    """Return whether a paragraph is the page's title as its headline, written a little differently (the og:title
    "Ferry sinks, 19 missing" over the h1 "Ferry sinks; 19 people missing"), so that the headline is read once."""
    ours, theirs = _WORDS.findall(title.casefold()), _WORDS.findall(paragraph.casefold())
    if _figures(ours) != _figures(theirs):
        return False                # "19 missing" over "21 missing": two headlines, each figure read
    if not ours or not theirs or len(theirs) > 2 * len(ours) + 4:
        return ours == theirs       # a paragraph much longer than the title is the lede, not the headline
    return SequenceMatcher(None, ours, theirs, autojunk=False).ratio() >= 0.8
