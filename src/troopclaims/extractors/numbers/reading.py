"""One number being read token by token: the running sums and the kind of the last token."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.tokens import NumberToken


class Read(NamedTuple):
    value: float
    i: int                             # first token used
    j: int                             # one past the last token used
    mag: float | None                  # the magnitude the figure ends with ("5 million" -> 10**6), for ranges
    words: bool                        # written with number words (not only digits)


INF = float("inf")


@dataclass
class Reading:
    """One number being read token by token: what is summed so far and the kind of the last token read."""

    toks: list[NumberToken]
    lex: NumberLexicon
    first: int                         # the first token after a minus word
    start: int                         # the first token of the number, minus word included
    sign: int
    total: float = 0.0                 # completed scale groups ("two million" of "two million three hundred")
    group: float | None = None         # the figure below the last scale word
    last: str | None = None            # kind of the last token consumed
    last_scale: float = INF
    group_hundred: bool = False
    and_base: float | None = None      # group value when the last "and" was read
    and_after: str | None = None       # the kind of token that "and" followed
    prev_value: float = 0.0            # total+group before the last token
    best: Read | None = None
    cut: Read | None = None           # the reading to fall back to when a magnitude word collides
    words_used: bool = False
    ordinal: bool = False              # the words are an ordinal ("twenty-second"), not a number

    def value_now(self) -> float:
        return self.total + (self.group or 0)

    def keep(self, end: int, m: float | None = None) -> Read:
        return Read(self.sign * self.value_now(), self.start, end, m, self.words_used)

    def pending_and(self, j: int) -> bool:
        """Return True when the token before toks[j] is an "and" of this number."""
        return j > self.first and self.toks[j - 1].kind == "and"
