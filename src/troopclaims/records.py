"""The record types every module shares: an article read from input and a claim found in it."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields, replace
from datetime import date


@dataclass(frozen=True)
class Article:
    """One input text with its id (a relative path or a JSONL id) and what is known about it."""

    id: str
    text: str
    published: str | None = None      # ISO date of publication, when known
    meta: dict = field(default_factory=dict, compare=False)   # outlet, url ... from a manifest or front matter
    body_start: int = 0               # where the article proper starts (after front matter)
    blanked: tuple = ()               # (start, end) spans of page furniture the pipeline does not read
    path: str | None = field(default=None, compare=False)    # the file as the user gave it, or "file.jsonl:3"

    @property
    def where(self) -> str:
        """Return how notes on stderr name the article: its path as given (or JSON Lines line), else its id."""
        return self.path or self.id


@dataclass(frozen=True)
class Claim:
    """One claim in one article: a figure, a date, a place, an age or a duration, with where it is and who says it."""

    source: str
    published: str | None
    kind: str
    text: str
    start: int
    end: int
    value: float | str | None = None
    low: float | str | None = None
    high: float | str | None = None
    qualifier: str | None = None
    unit: str | None = None
    subject: str | None = None
    grain: str | None = None          # dates: day | week | month | year
    event: str | None = None          # the governing word as written: deployed, training, presence ...
    aspect: str | None = None         # the class of that event from rules/aspects.yaml: deployed, killed ...
    as_of: str | None = None          # quantities: the ISO day the figure holds for, when the text dates it
    happened: str | None = None       # quantities: when the figure's event happened (ISO day, month or year)
    distributive: bool = False        # quantities: the figure counts each of several groups ("every 30 soldiers")
    earlier: bool = False             # quantities: an earlier value the text revises ("up from 2,500")
    place: str | None = None
    relation: str | None = None       # in | near | border | front
    actor: str | None = None          # who the counted people belong to: "North Korea"
    speaker: str | None = None
    cue: str | None = None            # how the speaker says it: warned, confirmed, according to ...
    via: str | None = None            # who relays the speaker's claim
    evidence: str | None = None       # intercepts, video, satellite images, intelligence
    status: str | None = None         # confirmed | claimed | reported | unverified | denied | expected
    hedges: tuple[str, ...] = ()
    negated: bool = False
    sentence: str = ""

    def to_dict(self) -> dict:
        """Return the claim as a JSON-ready dict, whole numbers as ints."""
        # Every field is a plain value (hedges a tuple of strings): no need for asdict's deep copy, which cost
        # most of a run from the cache.
        data = {name: getattr(self, name) for name in FIELD_NAMES}
        for key in ("value", "low", "high"):
            data[key] = plain_number(data[key])
        data["hedges"] = list(self.hedges)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Claim:
        """Build a claim from a dict as to_dict writes it; missing optional fields take their defaults."""
        missing = [name for name in ("source", "kind", "text") if name not in data]
        if missing:
            raise ValueError(f"missing field(s) {', '.join(missing)}")
        values = {key: value for key, value in data.items() if key in _FIELD_SET}
        _check_types(values)
        values.setdefault("published", None)
        values.setdefault("start", 0)
        values.setdefault("end", 0)
        values["hedges"] = tuple(values.get("hedges") or ())
        return cls(**values)

    def with_fields(self, **changes) -> Claim:
        """Return a copy with the given fields changed."""
        return replace(self, **changes)


FIELD_NAMES = tuple(f.name for f in fields(Claim))
_FIELD_SET = frozenset(FIELD_NAMES)       # built once: from_dict runs for every claim of a warm run
KINDS = ("quantity", "date", "place", "time", "age", "duration")
SPAN_KINDS = ("age", "duration")     # spans of time: how old someone is, how long something lasted
WHEN_KINDS = ("date", "time")      # claims of when something happened
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_FIGURE = (int, float, str, type(None))
_FIGURES = ("value", "low", "high")
# The JSON types each field may have (the rest are strings or null).
_TYPES = {"start": (int,), "end": (int,), "value": _FIGURE, "low": _FIGURE, "high": _FIGURE,
          "hedges": (list, tuple), "negated": (bool,), "distributive": (bool,), "earlier": (bool,), "source": (str,), "kind": (str,),
          "text": (str,)}


def _check_types(values: dict) -> None:
    """Raise ValueError naming the first field whose JSON type does not fit the claim's kind."""
    for key, value in values.items():
        if not isinstance(value, _TYPES.get(key, (str, type(None)))) or isinstance(value, bool) and key in _FIGURES:
            raise ValueError(f"field {key!r} has a {type(value).__name__}")
    if values["kind"] not in KINDS:
        raise ValueError(f"kind {values['kind']!r} is not one of {', '.join(KINDS)}")
    figures = [values.get(key) for key in _FIGURES if values.get(key) is not None]
    if values["kind"] == "date":
        if not all(isinstance(figure, str) and _ISO.fullmatch(figure) for figure in figures):
            raise ValueError("a date's value, low and high are ISO dates (2024-10-27, 2024-10 or 2024)")
        for figure in (figure for figure in figures if len(figure) == 10):
            date.fromisoformat(figure)     # a ValueError for days that do not exist (2024-02-31)
    if values["kind"] == "time":
        value = values.get("value")
        bounds = [values.get(key) for key in ("low", "high") if values.get(key) is not None]
        if value is not None and not (isinstance(value, str) and _CLOCK.fullmatch(value)) or \
                any(isinstance(bound, str) or not math.isfinite(bound) for bound in bounds):
            raise ValueError("a time's value is a clock reading (03:33), its low and high minutes after midnight")
    if values["kind"] in ("quantity", *SPAN_KINDS) and any(isinstance(figure, str) or not math.isfinite(figure)
                                            for figure in figures):
        article = "an" if values["kind"] == "age" else "a"
        raise ValueError(f"{article} {values['kind']}'s value, low and high are finite numbers")
    low, high = values.get("low"), values.get("high")
    if low is not None and high is not None and type(low) is type(high) and low > high:
        raise ValueError(f"low {low!r} is above high {high!r}")
    if any(not isinstance(item, str) for item in values.get("hedges") or ()):
        raise ValueError("hedges must be a list of strings")


def clock(minutes: int | float) -> str:
    """Return minutes after midnight as a clock reading "HH:MM" (of the day before or after when out of 0..1439)."""
    minutes = int(minutes) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def plain_number(value):
    """Return a whole float as an int (3000.0 -> 3000) for JSON output; anything else as it is."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value
