"""Named units of the calendar: seasons, quarters and halves, decades and centuries, ISO weeks, the nth week of."""
from __future__ import annotations

import re
from datetime import date, timedelta

from troopclaims.extractors.dates.absolute import year_of
from troopclaims.extractors.dates.entries import word_key
from troopclaims.extractors.dates.periods import (Period, add_months, apply_part, count_of, grain_of, month_end,
                                                  period_of, pick, quarter_of, shift_day, unit_around, unresolved)
from troopclaims.extractors.dates.rules import DateRules


def resolve_season(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    first, last = dr.seasons[word_key(groups["season"])]
    part = dr.parts.get(word_key(groups["part"])) if "part" in groups else None
    direction = dr.directions.get(word_key(groups["dir"])) if "dir" in groups else None

    def season_of(year: int) -> tuple[date, date]:
        end_year = year + 1 if last < first else year
        return date(year, first, 1), month_end(end_year, last)
    if "year" in groups:
        low, high = season_of(year_of(groups["year"], dr))
        return apply_part(Period(low, high, "month", low.isoformat(), "approximate", True, low.year), part, published)
    if published is None:
        return unresolved("month", part.qualifier if part else "approximate")
    candidates = [season_of(y) for y in range(published.year - 2, published.year + 2)]
    if direction is None:
        low, high = pick(candidates, published, tense, None)
    elif direction < 0:
        low, high = [c for c in candidates if c[1] < published][-1]
    elif direction > 0:
        low, high = next(c for c in candidates if c[0] > published)
    else:
        low, high = next((c for c in candidates if c[0] <= published <= c[1]),
                         next(c for c in candidates if c[0].year == published.year))
    return apply_part(Period(low, high, "month", low.isoformat(), "approximate", False, low.year), part, published)


QUARTER_STEPS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
                 "latest": -1, "most recent": -1, "the": -1, "quarter": -1, "period": -1}
REPORT_LAG = timedelta(days=61)   # results of a quarter are reported on for about two months after it ends


def resolve_quarter(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a quarter or a half: "the third quarter", "Q3 2016", "H1 2016", "last quarter", "the quarter"."""
    half = groups.get("half") or groups.get("half2")
    months = 6 if half else 3
    year_text = groups.get("year") or groups.get("year_first")
    if "qdir2" in groups:     # "the latest period": the quarter being reported on
        groups = dict(groups, qdir=groups["qdir2"])
    if "qdir" in groups and (published is not None or not year_text):
        # "this quarter" holds publication; "last quarter", "the latest quarter" and a bare "the quarter" (the one
        # news reports on) are the last complete one.
        if published is None:
            return unresolved("month")
        step = QUARTER_STEPS[word_key(groups["qdir"])]
        year, month = add_months(published.year, 3 * ((published.month - 1) // 3) + 1, 3 * step)
        if year_text:         # "the 1988 quarter": that quarter of the year named
            year = int(year_text)
        low, high = quarter_of(year, (month - 1) // 3 + 1)
        return Period(low, high, "month", low.isoformat(), "exact", bool(year_text), low.year)
    if half:
        index = int(half)
    elif "quarter" in groups:
        index = int(groups["quarter"])
    else:
        index = dr.ordinals[word_key(groups["ordinal"])]
    if year_text:
        low, high = quarter_of(year_of(year_text, dr), index, months)
        return Period(low, high, "month", low.isoformat(), "exact", True, low.year)
    if published is None:
        return unresolved("month")
    if "ydir" in groups:
        low, high = quarter_of(published.year + dr.directions[word_key(groups["ydir"])], index, months)
        return Period(low, high, "month", low.isoformat(), "exact", False, low.year)
    direction = dr.directions.get(word_key(groups["dir"])) if "dir" in groups else None
    candidates = [quarter_of(y, index, months) for y in range(published.year - 1, published.year + 2)]
    if direction is not None and direction != 0:
        tense = "future" if direction > 0 else "past"
    if tense == "future":
        low, high = next(c for c in candidates if c[1] >= published - REPORT_LAG)
    else:
        low, high = pick(candidates, published, "past", None)
    return Period(low, high, "month", low.isoformat(), "exact", False, low.year)


def resolve_decade(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a decade ("the 1990s", "the '70s", "the seventies") or a century ("the 20th century")."""
    part = dr.parts.get(word_key(groups["part"])) if "part" in groups else None
    if "century" in groups:
        first = (int(groups["century"]) - 1) * 100
        if first < 1:
            return None
        return apply_part(Period(date(first, 1, 1), date(first + 99, 12, 31), "year", f"{first:04d}-01-01",
                                  "exact", True, first), part, published)
    if "decade" in groups:
        first = int(groups["decade"]) * 10
    else:
        tens = int(groups["decade2"]) if "decade2" in groups else dr.decades[word_key(groups["decade_word"])]
        # "the 70s" is the latest such decade begun by publication (1970s, but "the 20s" of 2024 are the 2020s).
        now = (published or date(1999, 12, 31)).year
        first = 1900 + 10 * tens if "nineteen" in groups or 2000 + 10 * tens > now else 2000 + 10 * tens
    period = Period(date(first, 1, 1), date(first + 9, 12, 31), "year", f"{first:04d}-01-01", "exact", True, first)
    return apply_part(period, part, published)


def resolve_week(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read an ISO week number ("week 31", "week 2 of 2019"), in the year of publication when none is written."""
    year = int(groups["year"]) if "year" in groups else published.year if published else None
    if year is None:
        return unresolved("week")
    if "dir" in groups:
        year += dr.directions[word_key(groups["dir"])]
    try:
        monday = date.fromisocalendar(year, int(groups["week"]), 1)
    except ValueError:
        return None
    return period_of(monday, monday + timedelta(days=6), "week", explicit="year" in groups)


def _nth_week(low: date, high: date, nth: int) -> tuple[date, date] | None:
    """Return the nth week (Monday..Sunday; -1 = the last) of the month or year low..high: the first is the week
    holding its 4th day (as ISO weeks), the last the week holding its fourth-last day."""
    if nth < 0:
        day = high - timedelta(days=3)
        monday = day - timedelta(days=day.weekday())
    else:
        day = low + timedelta(days=3)
        monday = day - timedelta(days=day.weekday()) + timedelta(days=7 * (nth - 1))
    if monday > high:
        return None
    return monday, monday + timedelta(days=6)


def resolve_nth(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read "the first week of July", "the last week of 2016", "the third month of next year"."""
    text = word_key(groups["nth"])
    nth = -1 if text == "last" else dr.ordinals.get(text) or (5 if text in ("fifth", "5th") else
                                                             int(re.sub(r"\D", "", text) or 0))
    sub = word_key(groups["sub"])
    containers = []
    if "month" in groups:
        month = dr.months.get(word_key(groups["month"]))
        if month is None:
            return None
        if "year" in groups:
            years = [int(groups["year"])]
        elif published is None:
            return unresolved(grain_of(sub))
        else:
            years = [published.year - 1, published.year, published.year + 1]
        containers = [(date(y, month, 1), month_end(y, month)) for y in years]
    else:
        if "cyear" in groups:
            base = date(year_of(groups["cyear"], dr), 1, 1)
        elif published is None:
            return unresolved(grain_of(sub))
        else:
            unit = word_key(groups["unit"])
            base = shift_day(published, unit, dr.directions[word_key(groups["dir"])])
            base = date(base.year, base.month if unit == "month" else 1, 1)
        unit = "month" if "unit" in groups and word_key(groups["unit"]) == "month" else "year"
        containers = [unit_around(base, unit)]
    if "n" in groups:     # "the first 2 weeks of 2021", "the last four months of 2021"
        counts = count_of(groups["n"], dr)
        if counts is None or counts[0] != counts[1] or not containers:
            return None
        return _first_units(containers, counts[0], sub, nth, published, tense, dr)
    candidates = []
    for low, high in containers:
        if sub == "week":
            week = _nth_week(low, high, nth)
        elif low.month == high.month:
            week = None      # "the third month of June" says nothing
        else:
            month = 12 if nth < 0 else nth
            week = (date(low.year, month, 1), month_end(low.year, month)) if 1 <= month <= 12 else None
        if week:
            candidates.append(week)
    if not candidates:
        return None
    low, high = candidates[0] if len(candidates) == 1 else pick(candidates, published, tense, dr.future_weight)
    return period_of(low, high, grain_of(sub), explicit=len(containers) == 1 and "year" in groups)


def _first_units(containers: list, count: int, sub: str, nth: int, published: date | None, tense: str | None,
                 dr: DateRules) -> Period | None:
    """Return the first (nth 1) or last (nth -1) count days, weeks or months of the month or year around."""
    candidates = []
    for low, high in containers:
        if sub == "week":
            ends = _nth_week(low, high, 1 if nth > 0 else -1)
            if ends is None:
                return None
            first, last = (ends[0], ends[0] + timedelta(days=7 * count - 1)) if nth > 0 else \
                (ends[1] - timedelta(days=7 * count - 1), ends[1])
        elif nth > 0:
            first, last = low, shift_day(low, sub, count) - timedelta(days=1)
        else:
            first, last = shift_day(high + timedelta(days=1), sub, -count), high
        candidates.append((first, last))
    first, last = candidates[0] if len(candidates) == 1 else pick(candidates, published, tense, dr.future_weight)
    return Period(first, last, sub, first.isoformat(), "range")
