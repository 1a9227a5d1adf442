"""Quotations: the spans of text between quote marks, curly or straight, across sentences and paragraphs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from troopclaims.spans import LINE_BREAK, hard_wrap

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'


@dataclass(frozen=True)
class Quote:
    """One quotation: start at its opening mark, end after its closing mark (or where it was left open)."""

    start: int
    end: int
    closed: bool = True

    def holds(self, start: int, end: int) -> bool:
        """Return True when the character span lies inside the quotation marks."""
        return self.start < start and end <= self.end


def quotations(text: str) -> Iterator[Quote]:
    """Yield the quotations in text in order; an unbalanced quote ends at its paragraph's end, never raising.

    A quotation left open at the end of a paragraph runs on when the next paragraph opens with a quote mark
    (the newspaper convention for a quote of several paragraphs); otherwise it ends with its paragraph.
    """
    opened: int | None = None
    blocks = paragraphs(text)
    for number, (start, end) in enumerate(blocks):
        first = _first_visible(text, start, end)
        continued = opened is not None and first is not None and (text[first] in OPENERS + STRAIGHT
                                                                  or text.startswith("''", first))
        if opened is not None and not continued:
            yield Quote(opened, blocks[number - 1][1], closed=False)
            opened = None
        for i in range(start, end):
            char = text[i]
            if text.startswith("''", i) and (i == 0 or text[i - 1] != "'"):
                char = STRAIGHT               # ''...'': two apostrophes for a double quote mark (newswire archives)
            elif char == "'" and i > 0 and text[i - 1] == "'":
                continue
            if continued and i == first:
                continue                      # the opening mark that continues the last paragraph's quote
            if char in OPENERS or char in CLOSERS and i == first and opened is None:
                # a closing mark that opens a paragraph opens a quotation (a typo for "“")
                if opened is not None and i > opened:
                    yield Quote(opened, i, closed=False)
                opened = i
            elif char in CLOSERS:
                if opened is not None:
                    yield Quote(opened, i + 1)
                    opened = None
            elif char == STRAIGHT:
                if opened is None:
                    opened = i
                else:
                    yield Quote(opened, i + (2 if text.startswith("''", i) else 1))
                    opened = None
    if opened is not None:
        yield Quote(opened, blocks[-1][1], closed=False)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every paragraph: lines that hold something, a hard-wrapped line joined to the one
    before it (spans.hard_wrap). Lines end at any line break (\\n, \\r\\n, \\r, U+2028 ...)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        line = text[start:end]
        if line.strip():
            if spans and hard_wrap(text[spans[-1][1]:start], line):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        if match:
            start = match.end()
    return spans or [(0, len(text))]


def _first_visible(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None
