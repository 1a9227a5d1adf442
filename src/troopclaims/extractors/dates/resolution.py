"""A date mention read whole: its atoms by their resolvers, joined, shifted and bounded, as a Resolution."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from troopclaims.extractors.dates.absolute import (resolve_calendar, resolve_dateparser, resolve_monthday,
                                                   resolve_numeric, year_of)
from troopclaims.extractors.dates.entries import Bound, word_key
from troopclaims.extractors.dates.holidays import resolve_holiday
from troopclaims.extractors.dates.periods import Period, count_of, period_of, shift_day, unit_around, unresolved
from troopclaims.extractors.dates.relative import (BACKWARD, resolve_anchored, resolve_offset, resolve_period,
                                                   resolve_relative_day, resolve_span, resolve_vague,
                                                   resolve_weekday)
from troopclaims.extractors.dates.rules import DateRules
from troopclaims.extractors.dates.scan import Atom, Mention
from troopclaims.extractors.dates.units import (resolve_decade, resolve_nth, resolve_quarter, resolve_season,
                                                resolve_week)


@dataclass(frozen=True)
class Resolution:
    """A date expression read as calendar days: value, the inclusive interval low..high, grain and qualifier."""

    value: str | None
    low: str | None
    high: str | None
    grain: str | None
    qualifier: str


_RESOLVE = {"calendar": resolve_calendar, "weekday": resolve_weekday, "period": resolve_period,
            "season": resolve_season, "quarter": resolve_quarter, "decade": resolve_decade,
            "vague": resolve_vague, "dateparser": resolve_dateparser, "relative_day": resolve_relative_day,
            "offset": resolve_offset, "numeric": resolve_numeric, "monthday": resolve_monthday,
            "week": resolve_week, "nth": resolve_nth, "holiday": resolve_holiday, "span": resolve_span, "anchored": resolve_anchored}


def _atom_period(atom: Atom, text: str, published: date | None, tense: str | None, dr: DateRules,
                 year_hint: int | None = None, anchor: Period | None = None, forced: bool = False) -> Period | None:
    groups = dict(atom.groups, _text=text[atom.start:atom.end], _future_only=atom.form.tense == "future",
                  _anchor=anchor, _forced=forced)
    try:
        if atom.form.resolve == "calendar":
            return resolve_calendar(groups, published, tense, dr, year_hint)
        if atom.form.resolve == "numeric":
            return resolve_numeric(groups, published, tense, dr, year_hint)
        return _RESOLVE[atom.form.resolve](groups, published, tense, dr)
    except OverflowError:       # "two days later" than 9999-12-31: past the calendar Python can count in
        return None


def interpret(mention: Mention, text: str, published: date | None, tense: str | None,
               dr: DateRules, anchor: Period | None = None, lean: bool = True
               ) -> tuple[Resolution, Period] | tuple[None, None]:
    """Return the resolution of a mention and its period before bounds, or Nones when its words turn out not to be
    a date. anchor: the date before it that a relative date ("two days later") counts from; lean: whether a tense
    of none found is one (a parse found none), so that a bound's lean applies."""
    first = mention.atoms[0]
    if mention.bound is not None and (mention.bound.tense or lean and tense is None and mention.bound.lean):
        tense = mention.bound.tense or mention.bound.lean
    if mention.join is None:
        forced = mention.bound is not None and mention.bound.tense is not None
        period = _atom_period(first, text, published, tense, dr, anchor=anchor, forced=forced)
    elif mention.join == "shift":
        period = _shifted_by(mention, text, published, tense, dr)
    else:
        period = _joined(mention, text, published, tense, dr)
    if period is None:
        return None, None
    low, high = _bounded(period, mention.bound, published, tense)
    qualifier = mention.bound.qualifier if mention.bound else period.qualifier
    return Resolution(period.value, _iso(low), _iso(high), period.grain, qualifier), period


def _shifted_by(mention: Mention, text: str, published: date | None, tense: str | None,
                dr: DateRules) -> Period | None:
    """Return a date read through the words before it: "three weeks from tomorrow" (moved by the count of
    units), "the week of April 10th" (the week holding it), "3 days starting next Monday" (that many from it)."""
    prefix, base_atom = mention.atoms
    base = _atom_period(base_atom, text, published, tense, dr)
    if base is None:
        return None
    if base.low is None or base.high is None:
        return unresolved(base.grain)
    groups = prefix.groups
    if "weekof" in groups or "weekof2" in groups:
        low, high = unit_around(base.low, "week")
        return period_of(low, high, "week", explicit=base.explicit_year)
    counts = count_of(groups.get("n") or groups["n2"], dr)
    if counts is None or counts[0] != counts[1]:
        return None
    unit = word_key(groups.get("unit") or groups["unit2"])
    if "spanfrom" in groups or "spanfrom2" in groups:
        high = shift_day(base.low, unit, counts[0]) - timedelta(days=1)
        return Period(base.low, high, unit, base.low.isoformat(), "range", base.explicit_year, base.low.year)
    steps = counts[0] * (-1 if word_key(groups["shift"]) in BACKWARD else 1)
    low, high = shift_day(base.low, unit, steps), shift_day(base.high, unit, steps)
    if "more" in groups:      # "more than 2 weeks before today": at most that day; after it: at least
        return Period(None, high, base.grain, high.isoformat(), "at_most") if steps < 0 else \
            Period(low, None, base.grain, low.isoformat(), "at_least")
    if "less" in groups:      # "less than 3 days after tomorrow": from the date to that day
        first, last = (low, base.high) if steps < 0 else (base.low, high)
        return Period(first, last, base.grain, first.isoformat(), "range")
    return period_of(low, high, base.grain, explicit=base.explicit_year)


def _bounded(period: Period, bound: Bound | None, published: date | None,
             tense: str | None) -> tuple[date | None, date | None]:
    """Return low and high of a date after its bounding phrase ("by", "since", "as early as") opens one end."""
    low, high = period.low, period.high
    if bound is None or bound.window:
        return low, high
    if bound.edge == "end":
        # "will be deployed by Sunday": the wording speaks of what is still to come, so not before publication.
        future = tense == "future" and published is not None and high is not None and published <= high
        return (published if future else None), high
    if bound.edge == "before":
        return None, (low - timedelta(days=1) if low else None)
    if bound.edge == "start":
        return low, None
    return (high + timedelta(days=1) if high else None), None


def _joined(mention: Mention, text: str, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    first, second = mention.atoms
    if first.form.resolve == "weekday" and second.form.resolve == "weekday" \
            and "dir" not in first.groups and "dir" not in second.groups:
        # "Sunday or Monday": the second day is the first of its name on or after the first.
        a = _atom_period(first, text, published, tense, dr)
        if a is None or a.low is None:
            return None if a is None else unresolved("day", "range")
        shift = (dr.weekdays[word_key(second.groups["weekday"])] - a.low.weekday()) % 7
        high = a.low + timedelta(days=shift)
        return Period(a.low, high, "day", a.low.isoformat(), "range")
    second_year = second.groups.get("year") or (second.groups.get("year2") if second.form.resolve == "numeric" else None)
    b_year = year_of(second_year, dr) if second_year and second.form.resolve in ("calendar", "numeric") \
        and len(second_year) == 4 else None
    a = _atom_period(first, text, published, tense, dr, year_hint=b_year)
    if a is None:
        return None
    a_year = a.year if a.explicit_year or a.low is not None else None
    b = _atom_period(second, text, published, tense, dr,
                     year_hint=a_year if second.form.resolve in ("calendar", "numeric") else None)
    if b is None:
        return None
    if a.low is None or b.high is None:
        return unresolved(a.grain, "range")
    if b.high < a.low:
        if b_year is not None and not a.explicit_year:
            a = _atom_period(first, text, published, tense, dr, year_hint=b_year - 1)
        elif second.form.resolve == "calendar" and not b.explicit_year:
            b = _atom_period(second, text, published, tense, dr, year_hint=a.low.year + 1)
        if a is None or b is None or a.low is None or b.high is None or b.high < a.low:
            return None
    low, high = min(a.low, b.low or a.low), max(a.high or b.high, b.high)
    grain = a.grain if a.grain == b.grain else "day"
    return Period(low, high, grain, low.isoformat(), "range", a.explicit_year or b.explicit_year, low.year)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
