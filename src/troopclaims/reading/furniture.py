"""Page furniture: the lines of a web page that are not its article (a comment section, "Related:" links, share
buttons, cookie banners, newsletter sign-ups), found by the whole-line patterns of rules/page.yaml.

They are blanked as front matter is (every character but a line break becomes a space), so that claims keep the
file's offsets and a reader's "over 50 died" under "Comments (3)" is no claim of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from troopclaims.errors import RulesError
from troopclaims.records import Article
from troopclaims.rules import check_keys, compile_pattern

_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# A paragraph of the article: eight words or more, ending a sentence. A comment count before one is a byline's.
PROSE = re.compile(r"(?:\S+\s+){7,}\S*[.!?][\"'”’)]*\s*$")


@dataclass(frozen=True)
class PageRules:
    """The compiled rules/page.yaml: patterns of whole lines."""

    comments: tuple[re.Pattern, ...] = ()        # a line opening a comment section
    comments_end: tuple[re.Pattern, ...] = ()    # a line closing one
    lines: tuple[re.Pattern, ...] = ()           # a line of furniture on its own
    stamps: tuple[re.Pattern, ...] = ()          # a live blog's time stamp opening an entry's line ("13:30 -")
    not_after_stamps: tuple[re.Pattern, ...] = ()   # words that make a time before them text ("10:30 a.m. Monday")


def build_page_rules(section, rules=None) -> PageRules:
    """Return the compiled page furniture rules; a pattern that does not compile names its file and line."""
    keys = ("comments", "comments_end", "lines", "stamps", "not_after_stamps")
    section = check_keys(section, section.where(), keys)
    compiled = {}
    for key in keys:
        items = section.get(key) or []
        if not isinstance(items, list):
            raise RulesError(f"{section.where(key)}: {key} must be a list of regular expressions")
        patterns = []
        for index, item in enumerate(items):
            where = items.where(index) if hasattr(items, "where") else section.where(key)
            patterns.append(compile_pattern(item, where))
        compiled[key] = tuple(patterns)
    return PageRules(**compiled)


def _matches(patterns: tuple[re.Pattern, ...], line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in patterns)


def furniture_spans(text: str, page: PageRules, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) character spans of the furniture lines of text from `start` on, line breaks left out,
    and of a live blog's time stamps (live_stamps), in text order."""
    return tuple(sorted(_furniture_lines(text, page, start) + live_stamps(text, page, start)
                        + heading_marks(text, start)))


_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+(?=\S)", re.M)


def heading_marks(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return the spans of the marks of Markdown headings ("## " before "Toll rises to 27"): markup, not words of
    the article, so that a claim's sentence reads as the headline does. Left out without a note: no word is."""
    return [(found.start(), found.end()) for found in _HEADING_MARK.finditer(text, start)]


def live_stamps(text: str, page: PageRules, start: int = 0) -> list[tuple[int, int]]:
    """Return the spans of the time stamps that open the entries of a live blog ("13:30 Police said ...", "2.45pm -
    The mayor ..."), which would otherwise read as part of a speaker or a figure. None unless two lines or more
    open with one (`_stamp`) and they open paragraphs of their own or run newest first: times one line after
    another in the order of the day are a schedule's or a timeline's, which the article states."""
    found: list[tuple[tuple[int, int], bool, int | None]] = []     # (span, opens a paragraph, minute of the day)
    previous = ""
    for match in _LINE.finditer(text, start):
        if match.start() == match.end():
            break
        line = match.group().rstrip("\r\n")
        stamp = None if _CONTINUED.search(previous) else _stamp(line, page)
        if stamp is not None:
            alone = stamp.end() == len(line)
            found.append(((match.start() + stamp.start(), match.start() + stamp.end()), alone or not previous,
                          _minute(stamp.group())))
        previous = line.strip()
    minutes = [minute for _, _, minute in found]
    newest_first = None not in minutes and all(a >= b for a, b in zip(minutes, minutes[1:]))
    if len(found) < 2 or not (newest_first or all(paragraph for _, paragraph, _ in found)):
        return []
    return [span for span, _, _ in found]


# A line that ends with no closing mark goes on in the next one ("The council will meet at / 10:30 a.m. Monday").
_CONTINUED = re.compile(r"[^.!?:;…\"'”’)\]]\Z")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d\d)(?:[:.]\d\d)?(?:\s*([ap])\.?m\b)?", re.I)


def _stamp(line: str, page: PageRules) -> re.Match | None:
    """Return the match of a time stamp opening a line: before an entry that opens with no word in lower case or of
    `not_after_stamps` ("10:30 a.m. Monday" is text), or alone on its line with a colon, a.m./p.m. or zone (a
    "12.50" alone is a figure)."""
    indent = len(line) - len(line.lstrip())
    for pattern in page.stamps:
        stamp = pattern.match(line, indent)
        if stamp is None:
            continue
        rest = line[stamp.end():].strip()
        if rest and not rest[0].islower() and not any(word.match(rest) for word in page.not_after_stamps):
            return stamp
        if not rest and re.search(r"[:a-z]", stamp.group(), re.I):
            return stamp
    return None


def _minute(stamp: str) -> int | None:
    """Return the minute of the day a stamp reads ("2.45pm" -> 885), None when it reads as no clock time."""
    clock = _CLOCK.search(stamp)
    if clock is None:
        return None
    hour, minute, half = int(clock.group(1)), int(clock.group(2)), (clock.group(3) or "").lower()
    hour = hour % 12 + 12 * (half == "p") if half else hour
    return hour * 60 + minute


def _furniture_lines(text: str, page: PageRules, start: int) -> list[tuple[int, int]]:
    """Return the spans of the lines of text that are furniture: comment sections and lines of `lines`."""
    spans: list[tuple[int, int]] = []
    in_comments, prose_seen = False, False
    for match in _LINE.finditer(text, start):
        if match.start() == match.end():
            break
        line = match.group().rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            continue
        span = (match.start(), match.start() + len(line))
        if in_comments:
            spans.append(span)
            in_comments = not _matches(page.comments_end, stripped)
        elif _matches(page.comments, stripped):
            spans.append(span)
            in_comments = prose_seen
        elif _matches(page.lines, stripped):
            spans.append(span)
        elif PROSE.search(stripped):
            prose_seen = True
    return spans


def line_ranges(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return the line numbers of spans as "5, 11-14"."""
    numbers = sorted({len(_BREAK.findall(text, 0, start)) + 1 for start, _ in spans})
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def with_furniture(article: Article, spans: tuple[tuple[int, int], ...], warn: Callable[[str], None],
                   report=None) -> Article:
    """Return the article with its furniture lines (furniture_spans) marked to be blanked, said on stderr and
    counted; the article as it is when there are none."""
    marks = set(heading_marks(article.text)) if spans else set()
    said = [span for span in spans if span not in marks]
    if not spans:
        return article
    if report is not None and said:
        report.furniture += 1
    stamps = [span for span in said if _is_stamp(article.text, span)]
    for what, these in (("page furniture", [span for span in said if span not in stamps]),
                        ("the live blog's time stamps", stamps)):
        if these:
            lines = line_ranges(article.text, these)
            warn(f"{article.where}: left out {what} on line{'s' * (',' in lines or '-' in lines)} {lines} "
                 "(rules/page.yaml)")
    return replace(article, blanked=spans)


def _is_stamp(text: str, span: tuple[int, int]) -> bool:
    """Return whether a span is a time stamp: text follows it on its line (furniture spans are whole lines), or it
    opens with a clock time ("14.05 BST" on a line of its own)."""
    end = _BREAK.search(text, span[1])
    return bool(text[span[1]:end.start() if end else len(text)].strip()) or bool(_CLOCK.match(text, span[0]))
