"""Calendar dates read against the publication date: day, month and year in words or digits, a day of the month."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from troopclaims.extractors.dates.entries import Part, word_key
from troopclaims.extractors.dates.periods import (Period, add_months, apply_part, month_end, period_of, pick,
                                                  unresolved)
from troopclaims.extractors.dates.rules import DateRules


def resolve_calendar(groups: dict, published: date | None, tense: str | None, dr: DateRules,
                      year_hint: int | None = None) -> Period | None:
    """Read a calendar date: a year alone ("2014", "2014-2018", "early 2025"), a month ("June last year") or days of
    a month ("25 October 2024", "4 to 22 January"); year_hint: the year of the date joined to it."""
    part = dr.parts.get(word_key(groups["part"])) if "part" in groups else None
    month_text = groups.get("month")
    month = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else dr.months.get(word_key(month_text))
        if month is None:
            return None
    year = year_of(groups["year"], dr) if "year" in groups else None
    if month is None and "unit" not in groups:
        return _calendar_year(groups, year, part, published)
    return _calendar_days(groups, month, year, part, published, tense, dr, year_hint)


def _calendar_year(groups: dict, year: int | None, part: Part | None, published: date | None) -> Period | None:
    """Read a year written alone: "2014", "early 2025", "2014-2018"."""
    if year is None:
        return None
    if "year2" in groups:   # "2014-2018"
        last = int(groups["year2"])
        return Period(date(year, 1, 1), date(last, 12, 31), "year", str(year), "range", True, year) \
            if last > year else None
    return apply_part(period_of(date(year, 1, 1), date(year, 12, 31), "year", explicit=True), part, published)


def _calendar_days(groups: dict, month: int | None, year: int | None, part: Part | None, published: date | None,
                   tense: str | None, dr: DateRules, year_hint: int | None) -> Period | None:
    """Read a month or days of a month in the year written, else the year its direction word ("last June"), the
    date joined to it (year_hint) or the tense points to."""
    explicit = year is not None
    direction = dr.directions.get(word_key(groups["dir"])) if "dir" in groups else None
    day = _day(groups, dr)
    if day is None and "dayw" in groups:
        return None
    day2 = _day({"day": groups["day2"]} if "day2" in groups else {"dayw": groups["day2w"]} if "day2w" in groups else {},
                dr)
    if day2 is None and "day2w" in groups:
        return None
    if month is None and direction is not None and "unit" in groups:   # "from 4 to 22 next month"
        if published is None:
            return unresolved("day", "range")
        year, month = add_months(published.year, published.month, direction)
    grain = "day" if day else "month"
    if year is None and direction is not None:
        if published is None:
            return unresolved(grain, part.qualifier if part else "exact")
        year = _directed_year(groups, month, direction, published)
    if year is None:
        year = year_hint
    try:
        if year is None:
            if published is None:
                return unresolved(grain, "range" if day2 else part.qualifier if part else "exact")
            found = _nearest_year(groups, month, day, day2, published, tense, dr)
            if found is None:
                return None
            low, high = found
        elif day:
            low = date(year, month, day)
            high = date(year, month, day2) if day2 else low
        else:
            low, high = date(year, month, 1), month_end(year, month)
    except ValueError:
        return None   # "February 30": not a date
    if high < low:
        return None
    if day2:
        return Period(low, high, "day", low.isoformat(), "range", explicit, low.year)
    return apply_part(period_of(low, high, grain, explicit=explicit), part, published)


def _directed_year(groups: dict, month: int, direction: int, published: date) -> int:
    """Return the year a direction word gives a month: "June last year", "last June", "next January"."""
    if _match_word(groups, "year"):   # "June last year", "January this year"
        return published.year + direction
    if direction < 0:
        return published.year if month < published.month else published.year - 1
    if direction > 0:
        return published.year if month > published.month else published.year + 1
    return published.year


def _nearest_year(groups: dict, month: int, day: int | None, day2: int | None, published: date, tense: str | None,
                  dr: DateRules) -> tuple[date, date] | None:
    """Return the first and last day of a date written without its year, in the year around publication the tense
    points to; a weekday written with it ("Saturday, April 25") picks the year in which it falls on that day."""
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        if day:
            try:
                first = date(y, month, day)
            except ValueError:
                continue
            candidates.append((first, date(y, month, day2) if day2 else first))
        else:
            candidates.append((date(y, month, 1), month_end(y, month)))
    if day and "weekday" in groups:   # "Saturday, April 25": the year in which it is a Saturday
        weekday = dr.weekdays[word_key(groups["weekday"])]
        candidates = [c for c in candidates if c[0].weekday() == weekday] or candidates
    if not candidates:
        return None
    low, high = pick(candidates, published, tense, dr.future_weight)
    if tense == "past" and day and low.year < published.year and \
            (published - high).days > PAST_YEAR_REACH and not groups.get("_forced"):
        # News writes the year of a date in an earlier year ("Dec. 7, 1988") unless it is just gone:
        # a past clause that reaches so far back speaks of this year's ("said it will redeem on Dec. 7").
        low, high = next((c for c in candidates if c[0].year == published.year), (low, high))
    return low, high


def _day(groups: dict, dr: DateRules) -> int | None:
    """Return the day of the month of groups day (digits) or dayw (words: "first", "twenty nine"), or None."""
    if "day" in groups:
        return int(groups["day"])
    if "dayw" in groups:
        return dr.day_words.get(word_key(groups["dayw"].replace("-", " ")))
    return None


def year_of(text: str, dr: DateRules) -> int | None:
    """Return the year of digits or of words ("nineteen ninety-six", "two thousand and four")."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(dr.year_words.get(w, 0) for w in words[2:])
    if not words or words[0] not in dr.year_words:
        return None
    return dr.year_words[words[0]] * 100 + sum(dr.year_words.get(w, 0) for w in words[1:])


PAST_YEAR_REACH = 92     # days back into the previous year that a date written without its year may reach


def _match_word(groups: dict, word: str) -> bool:
    return groups.get("_text", "").lower().rstrip(". ").endswith(word)


def resolve_numeric(groups: dict, published: date | None, tense: str | None, dr: DateRules,
                     year_hint: int | None = None) -> Period | None:
    """Read a numeric date: month/day unless the day comes first by necessity (22/04) or by the article's
    convention (groups["_order"] == "dm"); a two-digit year is the nearest to publication's century."""
    if "a2" in groups:
        groups = dict(groups, a=groups["a2"], b=groups["b2"], year=groups["year2"])
    a, b = int(groups["a"]), int(groups["b"])
    if a > 12 or (groups.get("_order") == "dm" and b <= 12):
        a, b = b, a
    if not (1 <= a <= 12 and 1 <= b <= 31):
        return None
    calendar_groups = {"month": str(a), "day": str(b), "_text": groups["_text"]}
    if "year" in groups:
        year = int(groups["year"])
        if len(groups["year"]) == 2:   # without publication: 00-49 are 20xx, 50-99 19xx
            now = published.year if published else 2029
            year += 100 * (now // 100)
            if year > now + 20:
                year -= 100
        calendar_groups["year"] = str(year)
    return resolve_calendar(calendar_groups, published, tense, dr, year_hint)


def resolve_monthday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a day of the month with no month ("on the 18th", "Friday the 11th"): the month around publication
    that the tense points to; with a weekday, the nearest month where that day falls on it."""
    day = _day(groups, dr)
    if day is None:
        return None
    if published is None:
        return unresolved("day")
    candidates = []
    for offset in range(-12, 13):
        year, month = add_months(published.year, published.month, offset)
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if "weekday" not in groups or candidate.weekday() == dr.weekdays[word_key(groups["weekday"])]:
            candidates.append((candidate, candidate))
    if "weekday" in groups:
        candidates = [min(candidates, key=lambda c: abs((c[0] - published).days))] if candidates else []
    else:
        candidates = [c for c in candidates if abs((c[0] - published).days) <= 31]
    if not candidates:
        return None
    low, _ = pick(candidates, published, tense, dr.future_weight)
    return period_of(low, low, "day")


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None, tense: str | None) -> date | None:
    import dateparser

    settings = {"RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
                "PREFER_DATES_FROM": "future" if tense == "future" else "past"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def resolve_dateparser(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    text = groups["_text"]
    if published is None and not re.search(r"\d{4}", text):
        return unresolved("day")
    day = _dateparser(text, published, tense)
    return period_of(day, day, "day", explicit=bool(re.search(r"\d{4}", text))) if day else None
