"""Holidays: a fixed day, the nth weekday of a month or days from Easter, in the year the words point to."""
from __future__ import annotations

from datetime import date, timedelta

from troopclaims.extractors.dates.entries import word_key
from troopclaims.extractors.dates.periods import Period, month_end, period_of, pick, unresolved
from troopclaims.extractors.dates.rules import DateRules


def _easter(year: int) -> date:
    """Return Easter Sunday of a year (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (2 * e + 2 * i - h - k + 32) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _holiday_in(rule: dict, year: int) -> date | None:
    if "easter" in rule:
        day = _easter(year) + timedelta(days=rule["easter"])
    elif "day" in rule:
        try:
            day = date(year, rule["month"], rule["day"])
        except ValueError:
            return None
    else:
        nth = rule["nth"]
        first = date(year, rule["month"], 1) if nth > 0 else month_end(year, rule["month"])
        shift = (rule["weekday"] - first.weekday()) % 7 if nth > 0 else -((first.weekday() - rule["weekday"]) % 7)
        day = first + timedelta(days=shift + 7 * (nth - 1 if nth > 0 else 0))
    return day + timedelta(days=rule.get("offset", 0))


def resolve_holiday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a holiday ("Christmas", "next Easter", "Thanksgiving 2023", "Labor Day weekend"): its day in the year
    written, else the one the tense or direction points to; with weekend, the Saturday and Sunday around it."""
    rule = dr.holidays[word_key(groups.get("holiday") or groups["holiday2"])]
    year_text = groups.get("year") or groups.get("year2") or rule.get("year")
    if year_text:
        day = _holiday_in(rule, int(year_text))
    elif published is None:
        return unresolved("day")
    else:
        candidates = [(d, d) for d in (_holiday_in(rule, y) for y in range(published.year - 1, published.year + 2))
                      if d is not None]
        direction = (1 if word_key(groups["dir"]) == "following" else dr.directions[word_key(groups["dir"])]) \
            if "dir" in groups else None
        if direction:
            ahead = [c for c in candidates if (c[0] > published if direction > 0 else c[0] < published)]
            day = (ahead[0] if direction > 0 else ahead[-1])[0] if ahead else None
        else:
            day = pick(candidates, published, tense, dr.future_weight)[0]
    if day is None:
        return None
    if "weekend" in groups or "weekend2" in groups:
        saturday = day + timedelta(days=(5 - day.weekday()) % 7) if day.weekday() < 5 else \
            day - timedelta(days=day.weekday() - 5)
        return Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range",
                      bool(year_text), saturday.year)
    return period_of(day, day, "day", explicit=bool(year_text))
