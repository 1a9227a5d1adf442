"""Interval charts drawn as inline SVG at build time: one strip per claim on a scale shared by a fact's claims.

A figure or a day is a point, an interval a bar from low to high, an open end an arrow to the edge of the plot.
Dates are drawn on a day scale where a day covers [d, d + 1). Elements are xml.etree elements, so every text is
escaped when the page is written; nothing here knows of HTML pages or of click.
"""
from __future__ import annotations

import calendar
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from troopclaims.compare.facts import claim_interval
from troopclaims.output.render import figure, figure_of

WIDTH = 440          # the plot strip, in CSS pixels
ROW_HEIGHT = 28
AXIS_HEIGHT = 24
EDGE = 12            # room at each end for arrowheads and tick labels
DAILY = 12           # a date chart spanning at most this many days has a tick every day
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _number(value, kind: str) -> float | None:
    """Return a claim's bound as a number on the chart's scale (dates: the day's ordinal), None when open."""
    if value is None or isinstance(value, bool):
        return None
    if kind == "date":
        text = str(value)
        if len(text) == 7:
            text += "-01"
        elif len(text) == 4:
            text += "-01-01"
        try:
            return float(date.fromisoformat(text).toordinal())
        except ValueError:
            return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class Span:
    """What one claim allows on the scale: low and high (None for an open end), and the figure it states."""

    low: float | None
    high: float | None
    point: float | None = None
    vague: bool = False      # "thousands": its wide interval does not set the scale, and is drawn faint


def claim_span(claim, on_days: bool = False) -> Span:
    """Return the interval a claim allows on its chart's scale: for figures the one compare judges them by; dates
    read here, since a bare month or year ("2024-10") spans its days (a date's high end is the day after its last).
    A time of day on a scale of days (a fact of dates and times) is its day when it has one, else any day."""
    if on_days and claim.kind == "time":
        day = _number(claim.as_of, "date") if claim.as_of and len(str(claim.as_of)) == 10 else None
        return Span(day, day + 1, day + 0.5) if day is not None else Span(None, None)
    point = _number(claim.value, claim.kind)
    if claim.kind != "date":
        low, high = (None if math.isinf(end) else end for end in claim_interval(claim))
        return Span(low, high, point, claim.qualifier == "vague")
    low, high = claim.low, claim.high
    if low is None and high is None and claim.qualifier not in ("vague", "at_least", "at_most"):
        low = high = claim.value
    low = _number(low, "date")
    high = _number(_last_day(str(high)), "date") if high is not None else None
    return Span(low, high + 1 if high is not None else None, point + 0.5 if point is not None else None,
                claim.qualifier == "vague")


def scaled(span: Span, factor: float) -> Span:
    """Return a span with its figures multiplied by factor ("36 hours" on a scale of days: 1.5)."""
    def times(value):
        return None if value is None else value * factor
    return Span(times(span.low), times(span.high), times(span.point), span.vague)


def _last_day(value: str) -> str:
    """Return the last day of an ISO day, month or year (anything else as it is)."""
    if not re.fullmatch(r"\d{4}(-\d{2})?", value) or not 1 <= int(value[5:] or 1) <= 12:
        return value
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-{calendar.monthrange(int(value[:4]), int(value[5:]))[1]:02d}"
    return value


def camp_span(camp, kind: str) -> Span:
    """Return a camp's shared interval on the scale."""
    low, high = _number(camp.low, kind), _number(camp.high, kind)
    if kind == "date" and high is not None:
        high += 1
    return Span(low, high)


@dataclass(frozen=True)
class Scale:
    """A linear map from values (figures or day ordinals) to x in the plot strip, with its ticks."""

    kind: str
    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    daily: bool = False          # ticks name single days: drawn at the middle of the day

    def tick_x(self, value: float) -> float:
        return self.x(value + 0.5 if self.daily else value)

    def x(self, value: float) -> float:
        span = self.high - self.low
        return round(EDGE + (value - self.low) / span * (WIDTH - 2 * EDGE), 1)


def scale_for(kind: str, spans: list[Span]) -> Scale:
    """Return a scale that shows every finite end of the spans, with room past them for open ends.

    Vague spans ("thousands": 2,000-99,999) count only when there is nothing else: else they would squeeze the
    figures that say something into a corner; they are cut at the plot's edges instead.
    """
    spans = [span for span in spans if not span.vague] or spans
    ends = [end for span in spans for end in (span.low, span.high, span.point) if end is not None]
    if not ends:
        ends = [0.0, 1.0]
    low, high = min(ends), max(ends)
    if kind == "date":
        low, high = math.floor(low), math.ceil(high)
        if high - low < 3:                           # a lone day is drawn among its neighbours
            low, high = low - 1, high + 1
        pad, room = max(0.5, (high - low) * 0.04), max(2.0, (high - low) * 0.25)
    else:
        pad = (high - low) * 0.06 or abs(high) * 0.1 or 1.0
        room = max(pad * 3, (high - low) * 0.25)
    # An open end needs room past the last figure for its arrow to read as "and more".
    low -= room if any(span.low is None for span in spans) else pad
    high += room if any(span.high is None for span in spans) else pad
    if kind == "date":
        low, high = max(low, 1.0), min(high, float(date.max.toordinal()))     # days the calendar has
        ticks = _date_ticks(low, high)
        return Scale(kind, low, high, tuple(ticks), daily=math.floor(high) - math.ceil(low) <= DAILY)
    ticks = _number_ticks(low, high)
    if kind == "time":                               # minutes after midnight, labelled as clock readings
        ticks = [(value, figure_of(kind, value)) for value, _ in ticks]
    return Scale(kind, low, high, tuple(ticks))


def _number_ticks(low: float, high: float, most: int = 6) -> list[tuple[float, str]]:
    """Return round tick values (1, 2 or 5 times a power of ten apart) inside low..high, with their labels."""
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    count = int((high - first) // step) + 1
    return [(first + i * step, _tick_label(first + i * step)) for i in range(count)]


def _tick_label(value: float) -> str:
    value = round(value, 9)
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.6g} M"
    return figure(value)


def _date_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Return ticks at day starts: every day, every few days, month starts or years, by the span shown."""
    first, last = math.ceil(low), math.floor(high)
    days = last - first
    if days <= DAILY:
        picked = range(first, math.floor(high - 0.5) + 1)     # a day's tick sits at its middle
    elif days <= 90:
        step = 7 if days > 35 else 3 if days <= 20 else 5
        picked = range(first, last + 1, step)
    elif days <= 800:
        start, end = date.fromordinal(first), date.fromordinal(last)
        picked = [date(year, month, 1).toordinal() for year in range(start.year, end.year + 1)
                  for month in range(1, 13) if start <= date(year, month, 1) <= end]
        while len(picked) > 7:
            picked = picked[::2]
    else:       # years: 1, 2 or 5 times a power of ten apart, as figures are
        start, end = date.fromordinal(first).year + 1, date.fromordinal(last).year
        years = [int(value) for value, _ in _number_ticks(start - 0.5, end + 0.5) if value == int(value)]
        picked = [date(year, 1, 1).toordinal() for year in years if 1 <= year <= end]
    ticks, year = [], None
    for ordinal in picked:
        day = date.fromordinal(ordinal)
        if days > 800:
            label = str(day.year)
        elif days > 90:
            label = MONTHS[day.month - 1] + ("" if day.year == year else f" {day.year}")
        else:       # the year is said where it turns: "31 Dec", "1 Jan 2020"
            label = f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year not in (None, day.year) else "")
        year = day.year
        ticks.append((float(ordinal), label))
    return ticks


def axis_svg(scale: Scale) -> ET.Element:
    """Return the axis (tick labels) drawn above a fact's strips."""
    svg = _svg(AXIS_HEIGHT, "axis")
    for value, label in scale.ticks:
        x = scale.tick_x(value)
        _add(svg, "line", x1=x, x2=x, y1=AXIS_HEIGHT - 5, y2=AXIS_HEIGHT, **{"class": "tick"})
        half = len(label) * 3.3          # about half the label's width at 11px
        anchor = "start" if x - half < 0 else "end" if x + half > WIDTH else "middle"
        shift = {"start": -2, "end": 2, "middle": 0}[anchor]
        text = _add(svg, "text", x=round(x + shift, 1), y=AXIS_HEIGHT - 8,
                    **{"class": "tick-label", "text-anchor": anchor})
        text.text = label
    return svg


def strip_svg(scale: Scale, spans: list[Span], camps: list[tuple[Span, str]], mark_class: str,
              label: str) -> ET.Element:
    """Return one row of a chart: the camps' bands behind, grid lines, and a mark per span (point, bar, arrows).

    A claim's row has one span; a timeline's row overlays the spans of all the claims of one date fact.
    """
    svg = _svg(ROW_HEIGHT, "strip")
    svg.set("role", "img")
    svg.set("aria-label", label)
    _add(svg, "title").text = label
    left, right = EDGE / 2, WIDTH - EDGE / 2
    for band, css in camps:
        x1 = _clip(scale.x(band.low), left, right) if band.low is not None else left
        x2 = _clip(scale.x(band.high), left, right) if band.high is not None else right
        _add(svg, "rect", x=x1, y=0, width=round(max(x2 - x1, 2.0), 1), height=ROW_HEIGHT, **{"class": f"band {css}"})
    for value, _ in scale.ticks:
        x = scale.tick_x(value)
        _add(svg, "line", x1=x, x2=x, y1=0, y2=ROW_HEIGHT, **{"class": "grid"})
    for span in spans:
        _mark(_add(svg, "g", **{"class": f"mark {mark_class}"}), scale, span)
    return svg


def _mark(group: ET.Element, scale: Scale, span: Span) -> None:
    """Draw one span: a point for an exact figure or day, else a bar, with arrows for open ends."""
    left, right, middle = EDGE / 2, WIDTH - EDGE / 2, ROW_HEIGHT / 2
    if span.low is None and span.high is None:
        _add(group, "line", x1=left, x2=right, y1=middle, y2=middle, **{"class": "any"})
        return
    if span.low is not None and span.high is not None and span.high - span.low <= _point_width(scale):
        _add(group, "circle", cx=scale.x((span.low + span.high) / 2), cy=middle, r=5, **{"class": "point"})
        return
    x1 = _clip(scale.x(span.low), left, right) if span.low is not None else left + 6
    x2 = _clip(scale.x(span.high), left, right) if span.high is not None else right - 6
    _add(group, "rect", x=x1, y=middle - 5, width=round(max(x2 - x1, 3.0), 1), height=10, rx=3,
         **{"class": "bar vague" if span.vague else "bar"})
    for x, beyond in ((x1, span.low is not None and x1 == left), (x2, span.high is not None and x2 == right)):
        if beyond:      # the interval goes on past the edge of the plot: a chevron, unlike an open end's arrow
            step = -6 if x == left else 6
            _add(group, "path", d=f"M{x - step} {middle - 7}L{x} {middle}L{x - step} {middle + 7}",
                 **{"class": "beyond"})
    if span.low is None:
        _add(group, "path", d=f"M{left} {middle}L{left + 8} {middle - 7}L{left + 8} {middle + 7}Z",
             **{"class": "arrow"})
    if span.high is None:
        _add(group, "path", d=f"M{right} {middle}L{right - 8} {middle - 7}L{right - 8} {middle + 7}Z",
             **{"class": "arrow"})
    if span.point is not None and (span.low is None or span.low <= span.point) \
            and (span.high is None or span.point <= span.high):
        _add(group, "circle", cx=scale.x(span.point), cy=middle, r=3, **{"class": "stated"})


def legend_svg(shape: str) -> ET.Element:
    """Return a small sample of one mark for the legend: point, bar, stated, arrow, vague or band."""
    svg = ET.Element("svg", {"class": "legend", "width": "36", "height": "16", "viewBox": "0 0 36 16",
                             "xmlns": "http://www.w3.org/2000/svg", "aria-hidden": "true"})
    group = _add(svg, "g", **{"class": "mark camp-1"})
    if shape == "point":
        _add(group, "circle", cx=18, cy=8, r=5, **{"class": "point"})
    elif shape == "band":
        _add(svg, "rect", x=4, y=0, width=28, height=16, **{"class": "band camp-1"})
    else:
        _add(group, "rect", x=4, y=3, width=24 if shape == "arrow" else 28, height=10, rx=3,
             **{"class": "bar vague" if shape == "vague" else "bar"})
        if shape == "stated":
            _add(group, "circle", cx=18, cy=8, r=3, **{"class": "stated"})
        if shape == "arrow":
            _add(group, "path", d="M35 8L27 1L27 15Z", **{"class": "arrow"})
    return svg


def _clip(x: float, left: float, right: float) -> float:
    return min(max(x, left), right)


def _point_width(scale: Scale) -> float:
    """Return the widest interval still drawn as a point: one day on a day scale, nothing on a figure scale."""
    return 1.0 if scale.kind == "date" else 0.0


def _svg(height: int, css: str) -> ET.Element:
    return ET.Element("svg", {"class": css, "width": str(WIDTH), "height": str(height),
                              "viewBox": f"0 0 {WIDTH} {height}", "xmlns": "http://www.w3.org/2000/svg"})


def _add(parent: ET.Element, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, tag, {key: _attr(value) for key, value in attrs.items()})


def _attr(value) -> str:
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() else f"{value:.1f}"
    return str(value)
