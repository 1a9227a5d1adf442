"""The records of numeric expressions: Numeric (what the package yields) and the figure being dressed."""
from __future__ import annotations

from dataclasses import dataclass


QUALIFIER_KINDS = ("exact", "approximate", "at_least", "at_most", "range", "vague")


@dataclass(frozen=True)
class Numeric:
    """One numeric expression: qualifier words + figure(s) + an adjacent unit of measure."""

    start: int            # the whole expression: "about 3,000", "between 3,000 and 5,000", "$1.5bn", "thousands"
    end: int              # end exclusive; text[start:end] is the expression (with an adjacent unit of measure)
    num_start: int        # the figure itself ("3,000"); ranges: first figure start .. last figure end
    num_end: int
    value: float | None                # the stated figure; ranges: the low figure; vague phrases: None
    low: float | None     # interval the wording allows; None = open end
    high: float | None
    qualifier: str        # exact | approximate | at_least | at_most | range | vague
    cue: str | None       # the qualifier words as written ("about", "more than", "between"); None when bare
    unit: str | None      # canonical unit of measure when adjacent (km2, percent, USD ...); None otherwise


@dataclass
class Atom:
    """A figure found in text, being dressed with its unit, qualifier and range partner."""

    ns: int
    ne: int
    value: float
    mag: float | None
    words: bool
    digits_only: str | None           # the plain digit text when written with digits only (for the year test)
    s: int = 0
    e: int = 0
    unit: str | None = None
    unit_before: bool = False
    qualifier: str = "exact"
    cue: str | None = None
    low: float | None = None
    high: float | None = None
    rng: bool = False


def round_figure(value: float) -> float:
    return float(f"{value:.12g}")


def maybe_round_figure(value: float | None) -> float | None:
    return None if value is None else round_figure(value)
