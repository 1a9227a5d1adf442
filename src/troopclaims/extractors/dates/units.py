"""Named units of the calendar: seasons, quarters and halves, decades and centuries, ISO weeks, the nth week of."""
from __future__ import annotations

import re
from datetime import date, timedelta

from troopclaims.extractors.dates.absolute import _year
from troopclaims.extractors.dates.entries import _key
from troopclaims.extractors.dates.periods import (Period, _add_months, _apply_part, _count, _grain, _month_end,
                                                  _period, _pick, _quarter_of, _shift, _unit_around, _unresolved)
from troopclaims.extractors.dates.rules import DateRules


def _resolve_season(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    first, last = dr.seasons[_key(groups["season"])]
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None

    def season_of(year: int) -> tuple[date, date]:
        end_year = year + 1 if last < first else year
        return date(year, first, 1), _month_end(end_year, last)
    if "year" in groups:
        low, high = season_of(_year(groups["year"], dr))
        return _apply_part(Period(low, high, "month", low.isoformat(), "approximate", True, low.year), part, published)
    if published is None:
        return _unresolved("month", part.qualifier if part else "approximate")
    candidates = [season_of(y) for y in range(published.year - 2, published.year + 2)]
    if direction is None:
        low, high = _pick(candidates, published, tense, None)
    elif direction < 0:
        low, high = [c for c in candidates if c[1] < published][-1]
    elif direction > 0:
        low, high = next(c for c in candidates if c[0] > published)
    else:
        low, high = next((c for c in candidates if c[0] <= published <= c[1]),
                         next(c for c in candidates if c[0].year == published.year))
    return _apply_part(Period(low, high, "month", low.isoformat(), "approximate", False, low.year), part, published)


QUARTER_STEPS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
                 "latest": -1, "most recent": -1, "the": -1, "quarter": -1, "period": -1}
REPORT_LAG = timedelta(days=61)   # results of a quarter are reported on for about two months after it ends


def _resolve_quarter(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
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
            return _unresolved("month")
        step = QUARTER_STEPS[_key(groups["qdir"])]
        year, month = _add_months(published.year, 3 * ((published.month - 1) // 3) + 1, 3 * step)
        if year_text:         # "the 1988 quarter": that quarter of the year named
            year = int(year_text)
        low, high = _quarter_of(year, (month - 1) // 3 + 1)
        return Period(low, high, "month", low.isoformat(), "exact", bool(year_text), low.year)
    if half:
        index = int(half)
    elif "quarter" in groups:
        index = int(groups["quarter"])
    else:
        index = dr.ordinals[_key(groups["ordinal"])]
    if year_text:
        low, high = _quarter_of(_year(year_text, dr), index, months)
        return Period(low, high, "month", low.isoformat(), "exact", True, low.year)
    if published is None:
        return _unresolved("month")
    if "ydir" in groups:
        low, high = _quarter_of(published.year + dr.directions[_key(groups["ydir"])], index, months)
        return Period(low, high, "month", low.isoformat(), "exact", False, low.year)
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None
    candidates = [_quarter_of(y, index, months) for y in range(published.year - 1, published.year + 2)]
    if direction is not None and direction != 0:
        tense = "future" if direction > 0 else "past"
    if tense == "future":
        low, high = next(c for c in candidates if c[1] >= published - REPORT_LAG)
    else:
        low, high = _pick(candidates, published, "past", None)
    return Period(low, high, "month", low.isoformat(), "exact", False, low.year)


def _resolve_decade(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a decade ("the 1990s", "the '70s", "the seventies") or a century ("the 20th century")."""
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    if "century" in groups:
        first = (int(groups["century"]) - 1) * 100
        if first < 1:
            return None
        return _apply_part(Period(date(first, 1, 1), date(first + 99, 12, 31), "year", f"{first:04d}-01-01",
                                  "exact", True, first), part, published)
    if "decade" in groups:
        first = int(groups["decade"]) * 10
    else:
        tens = int(groups["decade2"]) if "decade2" in groups else dr.decades[_key(groups["decade_word"])]
        # "the 70s" is the latest such decade begun by publication (1970s, but "the 20s" of 2024 are the 2020s).
        now = (published or date(1999, 12, 31)).year
        first = 1900 + 10 * tens if "nineteen" in groups or 2000 + 10 * tens > now else 2000 + 10 * tens
    period = Period(date(first, 1, 1), date(first + 9, 12, 31), "year", f"{first:04d}-01-01", "exact", True, first)
    return _apply_part(period, part, published)


def _resolve_week(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read an ISO week number ("week 31", "week 2 of 2019"), in the year of publication when none is written."""
    year = int(groups["year"]) if "year" in groups else published.year if published else None
    if year is None:
        return _unresolved("week")
    if "dir" in groups:
        year += dr.directions[_key(groups["dir"])]
    try:
        monday = date.fromisocalendar(year, int(groups["week"]), 1)
    except ValueError:
        return None
    return _period(monday, monday + timedelta(days=6), "week", explicit="year" in groups)


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


def _resolve_nth(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read "the first week of July", "the last week of 2016", "the third month of next year"."""
    text = _key(groups["nth"])
    nth = -1 if text == "last" else dr.ordinals.get(text) or (5 if text in ("fifth", "5th") else
                                                             int(re.sub(r"\D", "", text) or 0))
    sub = _key(groups["sub"])
    containers = []
    if "month" in groups:
        month = dr.months.get(_key(groups["month"]))
        if month is None:
            return None
        if "year" in groups:
            years = [int(groups["year"])]
        elif published is None:
            return _unresolved(_grain(sub))
        else:
            years = [published.year - 1, published.year, published.year + 1]
        containers = [(date(y, month, 1), _month_end(y, month)) for y in years]
    else:
        if "cyear" in groups:
            base = date(_year(groups["cyear"], dr), 1, 1)
        elif published is None:
            return _unresolved(_grain(sub))
        else:
            unit = _key(groups["unit"])
            base = _shift(published, unit, dr.directions[_key(groups["dir"])])
            base = date(base.year, base.month if unit == "month" else 1, 1)
        unit = "month" if "unit" in groups and _key(groups["unit"]) == "month" else "year"
        containers = [_unit_around(base, unit)]
    if "n" in groups:     # "the first 2 weeks of 2021", "the last four months of 2021"
        counts = _count(groups["n"], dr)
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
            week = (date(low.year, month, 1), _month_end(low.year, month)) if 1 <= month <= 12 else None
        if week:
            candidates.append(week)
    if not candidates:
        return None
    low, high = candidates[0] if len(candidates) == 1 else _pick(candidates, published, tense, dr.future_weight)
    return _period(low, high, _grain(sub), explicit=len(containers) == 1 and "year" in groups)


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
            first, last = low, _shift(low, sub, count) - timedelta(days=1)
        else:
            first, last = _shift(high + timedelta(days=1), sub, -count), high
        candidates.append((first, last))
    first, last = candidates[0] if len(candidates) == 1 else _pick(candidates, published, tense, dr.future_weight)
    return Period(first, last, sub, first.isoformat(), "range")
