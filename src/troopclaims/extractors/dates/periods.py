"""Periods of days and the calendar arithmetic every resolver shares: month ends, shifts, units, parts, the pick."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, timedelta

from troopclaims.extractors.dates.entries import Part, word_key
from troopclaims.extractors.dates.rules import DateRules


@dataclass
class Period:
    """An interval of days with how it was written; low/high None when it cannot be placed."""

    low: date | None
    high: date | None
    grain: str | None
    value: str | None
    qualifier: str
    explicit_year: bool = False
    year: int | None = field(default=None, compare=False)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + count
    return total // 12, total % 12 + 1


def _value(low: date, high: date, grain: str) -> str:
    """Return the ISO value of a whole period, or its first day when the period is not one unit of its grain."""
    if grain == "day" and low == high:
        return low.isoformat()
    if grain == "week" and low.weekday() == 0 and high == low + timedelta(days=6):
        return low.isoformat()
    if grain == "month" and low.day == 1 and high == month_end(low.year, low.month):
        return f"{low.year:04d}-{low.month:02d}"
    if grain == "year" and (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return f"{low.year:04d}"
    return low.isoformat()


def period_of(low: date, high: date, grain: str, qualifier: str = "exact", explicit: bool = False) -> Period:
    return Period(low, high, grain, _value(low, high, grain), qualifier, explicit, low.year)


def unresolved(grain: str | None, qualifier: str = "exact") -> Period:
    return Period(None, None, grain, None, qualifier)


def pick(candidates: list[tuple[date, date]], published: date, tense: str | None,
          future_weight: float | None) -> tuple[date, date]:
    """Return the candidate interval the tense points to: the latest starting by publication, the first ending on or
    after it, or (no tense and a future_weight) the nearest, future distances weighted."""
    if tense == "future":
        return next((c for c in candidates if c[1] >= published), candidates[-1])
    if tense is None and future_weight:
        return min(candidates, key=lambda c: (max((c[0] - published).days * future_weight,
                                                  (published - c[1]).days, 0), c[0] > published))
    past = [c for c in candidates if c[0] <= published]
    return past[-1] if past else candidates[0]


def apply_part(period: Period, part: Part | None, published: date | None) -> Period | None:
    if part is None:
        return period
    if period.low is None:
        return Period(None, None, period.grain, None, part.qualifier)
    low, high = period.low, period.high
    if part.span is not None:
        months = (high.year - low.year) * 12 + high.month - low.month + 1
        if low.day == 1 and high == month_end(high.year, high.month) and months >= 12:
            # Parts of years and decades fall on whole months: "early 2025" is January to April.
            first = round(months * part.span[0])
            last = max(first + 1, round(months * part.span[1]))
            low = date(*add_months(low.year, low.month, first), 1)
            high = month_end(*add_months(period.low.year, period.low.month, last - 1))
        else:
            days = (high - low).days + 1
            first = round(days * part.span[0])
            last = max(first + 1, round(days * part.span[1]))
            low, high = period.low + timedelta(days=first), period.low + timedelta(days=last - 1)
    elif published is None:
        return Period(None, None, period.grain, None, part.qualifier)
    elif part.relative == "before":
        high = min(high, published - timedelta(days=1))
    else:
        low = max(low, published + timedelta(days=1))
    if high < low:
        # "earlier this month" written on the 1st: the words cannot be placed more narrowly than the period.
        return Period(period.low, period.high, period.grain, period.value, "approximate", period.explicit_year,
                      period.year)
    return Period(low, high, period.grain, period.value, part.qualifier, period.explicit_year, period.year)


def quarter_of(year: int, index: int, months: int = 3) -> tuple[date, date]:
    first = months * (index - 1) + 1
    return date(year, first, 1), month_end(year, first + months - 1)


def count_of(text: str, dr: DateRules) -> tuple[int, int] | None:
    """Return the low and high of a count ("3", "two", "a few"), or None when the words are no count."""
    if text.isdigit():
        return int(text), int(text)
    return dr.numbers.get(word_key(text))


def shift_day(day: date, unit: str, n: int) -> date:
    """Return day moved by n units, the day of the month kept where the month has it (else its last day)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(days=7 * n)
    year, month = add_months(day.year, day.month, {"month": 1, "quarter": 3, "year": 12}[unit] * n)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"year {year} is out of range")      # as timedelta says it for days
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day.day == calendar.monthrange(day.year, day.month)[1] else min(day.day, last))


def unit_around(day: date, unit: str) -> tuple[date, date]:
    """Return the first and last day of the calendar day, week, month, quarter or year holding day."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return date(day.year, day.month, 1), month_end(day.year, day.month)
    if unit == "quarter":
        return quarter_of(day.year, (day.month - 1) // 3 + 1)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def grain_of(unit: str) -> str:
    return "month" if unit in ("quarter", "half") else unit
