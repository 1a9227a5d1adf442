"""Relative dates and periods: weekdays, this/next/last units, offsets, spans and dates counted from another date."""
from __future__ import annotations

from datetime import date, timedelta

from troopclaims.extractors.dates.entries import VaguePhrase, word_key
from troopclaims.extractors.dates.periods import (Period, add_months, apply_part, count_of, grain_of, month_end,
                                                  period_of, shift_day, unit_around, unresolved, _value)
from troopclaims.extractors.dates.rules import DateRules
from troopclaims.extractors.dates.units import resolve_quarter


PREVIOUS_WEEK = ("previous",)


def resolve_weekday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    weekday = dr.weekdays[word_key(groups.get("weekday") or groups["weekday2"])]
    if published is None:
        return unresolved("day")
    week_word = groups.get("wdir") or groups.get("wdir2")
    if week_word:         # "Tuesday of next week", "next week on Tuesday": that day of that week
        step = 1 if word_key(week_word) == "following" else dr.directions[word_key(week_word)]
        day = published - timedelta(days=published.weekday()) + timedelta(days=7 * step + weekday)
        return period_of(day, day, "day")
    direction = dr.directions.get(word_key(groups["dir"])) if "dir" in groups else None
    today = published.weekday()
    if direction is None:
        if tense == "future":
            day = published + timedelta(days=(weekday - today) % 7)
        else:
            day = published - timedelta(days=(today - weekday) % 7)
    elif direction < 0 and word_key(groups["dir"]) in PREVIOUS_WEEK:
        # "the previous Friday": that day of the week before publication's, not the nearest one.
        day = published - timedelta(days=today + 7 - weekday)
    elif direction < 0:
        day = published - timedelta(days=(today - weekday - 1) % 7 + 1)
    elif direction > 0:
        day = published + timedelta(days=(weekday - today - 1) % 7 + 1)
    else:
        day = published + timedelta(days=weekday - today)
    return period_of(day, day, "day")


def resolve_period(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if "yearend" in groups:   # "by year-end": this December 31; "since year-end" (past): the last one
        if published is None:
            return unresolved("day")
        day = date(published.year - (tense == "past"), 12, 31)
        return period_of(day, day, "day")
    unit = word_key(groups["unit"])
    part = dr.parts.get(word_key(groups["part"])) if "part" in groups else None
    direction = 2 if "after_next" in groups else dr.directions.get(word_key(groups["dir"])) if "dir" in groups else None
    grain = {"weekend": "day"}.get(unit, unit)
    if published is None:
        return unresolved(grain, part.qualifier if part else "exact")
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday())
        if unit == "weekend" and direction is None:
            saturday = monday + timedelta(days=5)
            if tense == "future":
                saturday = saturday if saturday + timedelta(days=1) >= published else saturday + timedelta(days=7)
            elif saturday > published:
                saturday -= timedelta(days=7)
            period = Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range")
        else:
            monday += timedelta(days=7 * (direction or 0))
            if unit == "weekend":
                saturday = monday + timedelta(days=5)
                period = Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range")
            else:
                period = period_of(monday, monday + timedelta(days=6), "week")
    elif unit == "month":
        year, month = add_months(published.year, published.month, direction or 0)
        period = period_of(date(year, month, 1), month_end(year, month), "month")
    else:
        year = published.year + (direction or 0)
        period = period_of(date(year, 1, 1), date(year, 12, 31), "year")
    if part is None and direction == 0 and period.low is not None:
        # "said this week" cannot reach past publication, "will ... this month" cannot reach before it.
        if tense == "past" and period.high > published >= period.low:
            period = Period(period.low, published, period.grain, period.value, period.qualifier)
        elif tense == "future" and period.low < published <= period.high:
            period = Period(published, period.high, period.grain, period.value, period.qualifier)
    return apply_part(period, part, published)


def resolve_offset(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if groups.get("_future_only") and tense != "future":
        return None   # "in two years" outside a future clause is a duration ("the first time in two years")
    count = groups["n"]
    low_n, high_n = (int(count), int(count)) if count.isdigit() else dr.numbers.get(word_key(count), (None, None))
    if low_n is None:
        return None
    unit = word_key(groups["unit"])
    sign = -1 if "ago" in groups else 1
    exact = low_n == high_n
    if published is None:
        return unresolved(unit, "exact" if exact else "vague")

    def shifted(n: int) -> tuple[date, date]:
        if unit == "day":
            day = published + timedelta(days=sign * n)
            return day, day
        if unit == "week":
            day = published + timedelta(days=7 * sign * n)
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6)
        if unit == "month":
            year, month = add_months(published.year, published.month, sign * n)
            return date(year, month, 1), month_end(year, month)
        year = published.year + sign * n
        return date(year, 1, 1), date(year, 12, 31)
    if exact:
        low, high = shifted(low_n)
        return period_of(low, high, unit)
    ends = sorted([*shifted(low_n), *shifted(high_n)])
    return Period(ends[0], ends[-1], unit, None, "vague")


STEPS = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1, "same": 0, "that": 0}
BACKWARD = ("earlier", "before", "ago", "prior")


def resolve_span(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a period with a number from publication: "the next 3 days" (the day after publication to the third),
    "the past two weeks" (to publication), "within 9 months" (from publication), "the rest of the week"."""
    unit, direction = word_key(groups["unit"]), word_key(groups["dir"])
    if groups.get("_future_only") and tense != "future":
        return None   # "victory within a week" outside a future clause: a duration
    if direction in ("rest", "date"):   # "the rest of the week", "the year to date"
        if published is None:
            return unresolved(unit, "range")
        low, high = (published, unit_around(published, unit)[1]) if direction == "rest" else \
            (unit_around(published, unit)[0], published)
        return Period(low, high, unit, low.isoformat(), "range")
    counts = count_of(groups["n"], dr)
    if counts is None:
        return None
    qualifier = "range" if counts[0] == counts[1] else "vague"
    if published is None:
        return unresolved(unit, qualifier)
    if unit == "quarter":     # "the last 2 quarters": whole quarters before (or after) publication's
        this_low, this_high = unit_around(published, "quarter")
        if direction in ("past", "last", "previous"):
            low, high = shift_day(this_low, "quarter", -counts[1]), this_low - timedelta(days=1)
        elif direction == "within":
            low, high = published, shift_day(published, unit, counts[1])
        else:
            low, high = this_high + timedelta(days=1), shift_day(this_high + timedelta(days=1), "quarter", counts[1]) \
                - timedelta(days=1)
    elif direction in ("past", "last", "previous"):
        low, high = shift_day(published, unit, -counts[1]), published
    elif direction == "within":
        low, high = published, shift_day(published, unit, counts[1])
    else:
        low, high = published + timedelta(days=1), shift_day(published, unit, counts[1])
    return Period(low, high, unit, low.isoformat() if qualifier == "range" else None, qualifier)


def resolve_anchored(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a date relative to another: the date before it in the paragraph (groups["_anchor"]), else publication.
    "two days later", "a year earlier", "the following month", "that year", "earlier in the week", "the
    year-ago quarter"; with no date before it, "that year" and "the year-ago period" say nothing."""
    anchor: Period | None = groups.get("_anchor")
    unit = word_key(groups["unit"])
    if "side" in groups:
        return _side_of(unit, word_key(groups["side"]), anchor, published)
    if "shift" not in groups:
        step = STEPS[word_key(groups.get("step", "same"))]
        if anchor is None and "step" in groups and step == 0:
            return None
        base = anchor.low if anchor is not None else published
        if base is None:
            return unresolved(grain_of(unit))
        low, high = unit_around(shift_day(base, unit, step), unit)
        return period_of(low, high, grain_of(unit))
    counts = count_of(groups["n"], dr) if "n" in groups else (1, 1)
    if counts is None:
        return None
    sign = -1 if word_key(groups["shift"]) in BACKWARD else 1
    target = word_key(groups["target"]) if "target" in groups else None
    if "rel" in groups:       # "two days after tomorrow": from a day named relative to publication
        if published is None:
            return unresolved("day")
        if counts[0] != counts[1]:
            return None
        day = shift_day(published + timedelta(days=dr.relative_days[word_key(groups["rel"])]), unit, sign * counts[0])
        return period_of(day, day, "day")
    if "ordinal" in groups and published is not None:   # "the year-ago third quarter": the quarter named
        quarter = resolve_quarter({"ordinal": groups["ordinal"]}, published, "past", dr)
        low, high, grain = quarter.low, quarter.high, "month"
    elif anchor is not None:
        low, high = (unit_around(anchor.low, target) if target and target != "period" else (anchor.low, anchor.high))
        grain = grain_of(target) if target and target != "period" else anchor.grain
    elif published is None:
        return unresolved(grain_of(target or unit))
    elif target:              # "the year-ago quarter (period)" with no date before it: the last complete quarter
        target = "quarter" if target == "period" else target
        low, high = unit_around(shift_day(published, target, -1), target)
        grain = grain_of(target)
    else:                     # "a year earlier" with no date before it: the year before publication's
        low, high = unit_around(published, unit)
        grain = unit
    if counts[0] != counts[1]:
        ends = sorted([shift_day(low, unit, sign * counts[0]), shift_day(high, unit, sign * counts[1]),
                       shift_day(low, unit, sign * counts[1]), shift_day(high, unit, sign * counts[0])])
        return Period(ends[0], ends[-1], grain, None, "vague")
    low, high = shift_day(low, unit, sign * counts[0]), shift_day(high, unit, sign * counts[0])
    if grain == "week" and unit != "week":
        low, high = unit_around(low, "week")
    return period_of(low, high, grain)


def _side_of(unit: str, side: str, anchor: Period | None, published: date | None) -> Period | None:
    """Return "earlier in the week" / "later that day": the part of the unit around the anchor (else publication)
    before or after it."""
    first, last = (anchor.low, anchor.high) if anchor is not None else (published, published)
    if first is None:
        return unresolved(unit, "range")
    unit_low, unit_high = unit_around(first, unit)
    low, high = (unit_low, first - timedelta(days=1)) if side == "earlier" else (last + timedelta(days=1), unit_high)
    value = _value(unit_low, unit_high, unit)
    if high < low or high > unit_high or low < unit_low:
        return Period(unit_low, unit_high, unit, value, "approximate")
    return Period(low, high, unit, value, "range")


def resolve_vague(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if groups.get("_future_only") and tense != "future":
        return None
    phrase = dr.vague[word_key(groups["vague"])] if "vague" in groups else VaguePhrase(1, None, "day")   # "one day"
    if published is None:
        return unresolved(phrase.grain, phrase.qualifier)

    def shift(days):
        return None if days is None else published + timedelta(days=days)
    return Period(shift(phrase.low), shift(phrase.high), phrase.grain, None, phrase.qualifier)


def resolve_relative_day(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if published is None:
        return unresolved("day")
    day = published + timedelta(days=dr.relative_days[word_key(groups["rel"])])
    return period_of(day, day, "day")
