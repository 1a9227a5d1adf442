"""The shareable report: compared facts as one self-contained HTML page, charts drawn as inline SVG.

The page is built as an element tree and serialised once, so every text from an article is escaped by construction
(no string is pasted into markup). It holds no timestamp and no absolute path: the same facts give the same bytes.
Knows nothing of click.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import date
from importlib.resources import files
from typing import Iterable

from troopclaims import __version__
from troopclaims.output.charts import (MONTHS, axis_svg, camp_span, claim_span, legend_svg, scale_for, scaled,
                                       strip_svg)
from troopclaims.compare.facts import Fact
from troopclaims.records import Claim
from troopclaims.output.render import by_date, figure_of, linkable, printable, verdict_sentence
from troopclaims.output.why import over_time, why

VERDICT_LABEL = {"conflict": "Conflict", "changed": "Changed", "agree": "Agree", "single": "Single source"}
CAMP_COLOURS = 6          # report.css defines .camp-1 .. .camp-6; smaller camps beyond them are grey
MAX_NAMES = 8             # speakers named in a camp's line before "and N more"


@dataclass(frozen=True)
class Source:
    """An article as the report lists it: its id, outlet, publication date and link, and how many claims it made."""

    id: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    claims: int = 0


def report_sources(claims: Iterable[Claim], seen: dict[str, dict] | None = None) -> list[Source]:
    """Return the articles read (from `seen`: id -> {published, outlet, url}) and the sources the claims name.

    A claim's publication date wins over the article's (it may come from the dateline); sources are ordered by
    publication date, undated last, then by id.
    """
    seen = seen or {}
    counts: dict[str, int] = {}
    published: dict[str, str | None] = {}
    for claim in claims:
        counts[claim.source] = counts.get(claim.source, 0) + 1
        published.setdefault(claim.source, claim.published)
    sources = []
    for source_id in sorted(set(seen) | set(counts)):
        meta = seen.get(source_id, {})
        outlet, url = meta.get("outlet"), meta.get("url")
        sources.append(Source(source_id, str(outlet) if outlet not in (None, "") else None,
                              published.get(source_id) or meta.get("published"),
                              str(url) if url else None, counts.get(source_id, 0)))
    return sorted(sources, key=lambda source: (source.published is None, source.published or "", source.id))


def build_report(facts: list[Fact], sources: list[Source], *, claims: int, all_facts: list[Fact] | None = None,
                 notes: Iterable[str] = (), title: str | None = None, cumulative=frozenset()) -> str:
    """Return the report as one HTML page: a summary, then each fact (in the order given) with its chart.

    `claims` is how many claims were read; `all_facts` the facts before any filter (default: `facts`), for the
    summary; `notes` what was left out or skipped, as the run said on stderr; `cumulative` the aspects whose
    counts compare reads as a series (a series in conflict says why).
    """
    all_facts = facts if all_facts is None else all_facts
    outlets = {source.id: source.outlet for source in sources}
    links = {source.id: source.url for source in sources if linkable(source.url)}
    title = printable(title) if title else f"Claims compared across {_count(len(sources), 'article')}"
    html = ET.Element("html", lang="en")
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "meta", name="generator", content=f"troopclaims {__version__}")
    _el(head, "title", text=title)
    _el(head, "style", text=_asset("report.css"))
    body = _el(html, "body")
    _summary(_el(body, "header", class_="summary"), title, facts, all_facts, sources, claims, list(notes))
    nav = _el(body, "nav", class_="filter", hidden="", **{"aria-label": "Show facts"})
    for verdict, label in (("all", "All facts"), ("conflict", "Conflicts"), ("changed", "Changes"),
                           ("agree", "Agreements"), ("single", "Single source")):
        _el(nav, "button", type="button", text=label, **{"data-show": verdict})
    _el(nav, "button", type="button", text="Show all sentences", class_="sentences", **{"data-sentences": ""})
    main = _el(body, "main")
    named = _anchors_of(facts, all_facts)
    _timeline(main, facts, sources, named)
    for anchor, fact in zip(named, facts):
        _fact(main, anchor, fact, outlets, _explained(fact, cumulative, outlets), links)
    if not facts:
        _el(main, "p", class_="empty", text="No fact is left after the filter." if all_facts else
            "No fact to show: no figure or date could be compared.")
    _el(body, "footer", text=f"Made by troopclaims {__version__} from the articles listed above. Figures are the "
                             "intervals the wording allows; hover over a claim or open it for its sentence.")
    _el(body, "script", text=_asset("report.js"))
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


def anchors(facts) -> list[str]:
    """Return an anchor per fact, made of the words of its name ("people (killed) in Kursk" ->
    "people-killed-in-kursk"), a number after a name already taken: a link to a fact names what it opens."""
    taken: set[str] = set()
    named = []
    for fact in facts:
        base = "-".join(re.findall(r"[^\W_]+", fact.name.lower())) or "fact"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        named.append(anchor)
    return named


def _anchors_of(facts: list[Fact], all_facts: list[Fact]) -> list[str]:
    """Return the anchors of the facts shown as the whole comparison names them, so that a link copied from one
    report opens the same fact in another of the same articles, filtered or not."""
    whole = {id(fact): anchor for fact, anchor in zip(all_facts, anchors(all_facts))}
    if all(id(fact) in whole for fact in facts):
        return [whole[id(fact)] for fact in facts]
    return anchors(facts)


def _asset(name: str) -> str:
    return files("troopclaims.output").joinpath("report_assets", name).read_text(encoding="utf-8")


# --- summary ---------------------------------------------------------------------------------------------------

def _summary(header, title, facts, all_facts, sources, claims, notes) -> None:
    _el(header, "h1", text=title)
    verdicts = [fact.verdict for fact in all_facts]
    stats = _el(header, "dl", class_="stats")
    compared = sum(len(fact.claims) for fact in all_facts)
    for label, value, css in (("articles", len(sources), ""), ("claims found", claims, ""),
                              ("claims compared", compared, ""), ("facts", len(all_facts), ""),
                              ("conflicts", verdicts.count("conflict"), "conflict"),
                              ("changed", verdicts.count("changed"), "changed"),
                              ("agree", verdicts.count("agree"), "agree")):
        item = _el(stats, "div", class_=f"stat {css}".strip())
        _el(item, "dt", text=label)
        _el(item, "dd", text=f"{value:,}")
    if len(facts) != len(all_facts):
        _el(header, "p", class_="shown", text=f"Showing {len(facts)} of {_count(len(all_facts), 'fact')}.")
    _articles(header, sources)
    _legend(header)
    if notes:
        box = _el(header, "section", class_="notes")
        _el(box, "h2", text="Left out or skipped")
        items = _el(box, "ul")
        for note in notes:
            _el(items, "li", text=note)


LEGEND = (("point", "an exact figure or day"), ("bar", "the range the wording allows"),
          ("stated", "the figure as stated"), ("arrow", "no upper (or lower) bound: \"more than\""),
          ("vague", "a vague amount: \"thousands\""), ("band", "a camp: claims that can all be true"))


def _legend(header) -> None:
    """Add how to read the charts."""
    box = _el(header, "section", class_="legend")
    _el(box, "h2", text="Reading the charts")
    items = _el(box, "ul")
    for shape, meaning in LEGEND:
        item = _el(items, "li")
        item.append(legend_svg(shape))
        _text(item, meaning)


def _articles(header, sources: list[Source]) -> None:
    """Add the table of articles read: publication date, outlet, id (a link when its URL is http or https)."""
    box = _el(header, "section", class_="articles")
    _el(box, "h2", text="Articles")
    table = _el(box, "table", class_="articles")
    row = _el(_el(table, "thead"), "tr")
    for name in ("published", "outlet", "article", "claims"):
        _el(row, "th", text=name, scope="col")
    tbody = _el(table, "tbody")
    for source in sources:
        row = _el(tbody, "tr")
        _el(row, "td", text=_day(source.published) if source.published else "unknown", class_="date")
        _el(row, "td", text=source.outlet or "")
        cell = _el(row, "td", class_="source")
        if linkable(source.url):
            _el(cell, "a", href=source.url, text=source.id, rel="noreferrer")
        else:
            cell.text = printable(source.id)
        _el(row, "td", text=f"{source.claims:,}", class_="number")


# --- the timeline of dated facts -------------------------------------------------------------------------------

def _timeline(main, facts: list[Fact], sources: list[Source], named: list[str]) -> None:
    """Add the days every date fact claims, and the days the articles came out, on one shared timeline."""
    dated = [(anchor, fact) for anchor, fact in zip(named, facts) if fact.kind == "date"]
    if not dated:
        return
    published = sorted({source.published for source in sources if source.published})
    days = [claim_span(_day_claim(day)) for day in published]
    rows = [(anchor, fact, _spans(fact)) for anchor, fact in dated]
    scale = scale_for("date", days + _near(days, [span for _, _, spans in rows for span in spans]))
    section = _el(main, "section", class_="timeline")
    _el(section, "h2", text="Timeline")
    _el(section, "p", class_="meta", text="The days each dated fact is claimed for, all sources together, and the "
                                          "days the articles were published; a day more than a year from them "
                                          "runs off the edge (its fact's chart shows it).")
    table = _el(section, "table", class_="timeline")
    row = _el(_el(table, "thead"), "tr")
    _el(row, "th", text="dated fact", scope="col")
    _el(row, "th", class_="chart", scope="col").append(axis_svg(scale))
    tbody = _el(table, "tbody")
    if days:
        row = _el(tbody, "tr", class_="published")
        _el(row, "th", text="articles published", scope="row")
        label = "published: " + ", ".join(_day(day) for day in published)
        _el(row, "td", class_="chart").append(strip_svg(scale, days, [], "published", label))
    for anchor, fact, spans in rows:
        row = _el(tbody, "tr", class_=f"dated {fact.verdict}")
        head = _el(row, "th", scope="row")
        _el(head, "span", class_=f"dot {fact.verdict}", title=VERDICT_LABEL.get(fact.verdict, fact.verdict))
        _el(head, "a", href=f"#{anchor}", text=fact.name)
        label = f"{fact.name}: " + "; ".join(_range(claim.low, claim.high, claim, claim.value, claim.qualifier)
                                            for claim in fact.claims)
        _el(row, "td", class_="chart").append(strip_svg(scale, spans, [], f"verdict-{fact.verdict}", label))


NEAR = 366        # days from the publication days within which a claimed day sets the timeline's scale


def _near(days: list, spans: list) -> list:
    """Return the spans that end within NEAR days of the publication days: one years away ("since 2019" in a story
    of 2031) would squeeze the story's days into a dot; it runs off the timeline's edge, and its fact's own chart
    shows it whole."""
    if not days:
        return spans
    first, last = min(day.low for day in days) - NEAR, max(day.high for day in days) + NEAR
    return [span for span in spans if (span.low is None or span.low >= first) and (span.high is None or span.high <= last)]


def _day_claim(day: str) -> Claim:
    return Claim(source="", published=day, kind="date", text=day, start=0, end=0, value=day, low=day, high=day,
                 qualifier="exact")


# --- facts -----------------------------------------------------------------------------------------------------

def _explained(fact: Fact, cumulative, outlets) -> list[tuple[str, str]]:
    """Return what the page says of a series beside its camps, in its own words: why it conflicts, how it moved."""
    def words(claim):
        return _range(claim.low, claim.high, claim, claim.value, claim.qualifier)

    said = [("Why a conflict", why(fact, cumulative, lambda claim: _outlet(claim, outlets), _day, words)),
            ("Over time", over_time(fact, cumulative, _day, words))]
    return [(label, text) for label, text in said if text]


def _fact(main, anchor: str, fact: Fact, outlets: dict[str, str | None], explained=(), links=None) -> None:
    section = _el(main, "section", class_=f"fact {fact.verdict}", id=anchor,
                  **{"data-verdict": fact.verdict, "data-kind": fact.kind})
    heading = _el(section, "h2")
    _el(heading, "span", class_=f"badge {fact.verdict}", text=VERDICT_LABEL.get(fact.verdict, fact.verdict))
    _el(heading, "span", class_="name", text=fact.name)
    # A link to this fact, to copy and paste in a chat or a fact-check ("report.html#people-killed").
    _el(heading, "a", class_="permalink", href=f"#{anchor}", text="#", title="Link to this fact",
        **{"aria-label": f"Link to {printable(fact.name)}"})
    meta = [_count(fact.reports, "article"), _count(fact.speakers, "independent speaker")]
    if words := verdict_sentence(fact):
        _el(section, "p", class_="verdict-words", text=words)
    if fact.within:
        meta.append(f"within: {fact.within}")
    _el(section, "p", class_="meta", text=" · ".join(meta))
    colours = _camp_colours(fact)
    camp_of = _camp_classes(fact, colours)
    if len(fact.claims) > 1:
        _camp_list(section, fact, colours, outlets)
    for label, text in explained:
        _el(_el(section, "p", class_="why"), "b", text=label).tail = f": {printable(text)}"
    spans = _spans(fact)
    if getattr(fact, "factors", None):        # ages and durations: every claim in the fact's unit of time
        spans = [scaled(span, factor) for span, factor in zip(spans, fact.factors)]
    bands = [(camp_span(fact.camps[index], fact.kind), css) for index, css in colours.items()] \
        if len(fact.claims) > 1 else []
    scale = scale_for(fact.kind, spans + [band for band, _ in bands])
    table = _el(section, "table", class_="claims")
    row = _el(_el(table, "thead"), "tr")
    for name in ("published", "source"):
        _el(row, "th", text=name, scope="col")
    axis = _el(row, "th", class_="chart", scope="col")
    axis.append(axis_svg(scale))
    for name in ("claim as written", "who says it"):
        _el(row, "th", text=name, scope="col")
    tbody = _el(table, "tbody")
    for index in by_date(fact.claims):
        claim = fact.claims[index]
        _claim_row(tbody, claim, scale, spans[index], bands, camp_of[index], outlets, fact.verdict == "changed",
                   (links or {}).get(claim.source))


def _spans(fact: Fact) -> list:
    """Return what each claim allows on its fact's scale. A time of no known day, in a fact of dates, is drawn on
    the one day its camps hold it for, as compare reads it ("noon" beside "Saturday"), else as allowing any day."""
    on_days = fact.kind == "date"
    spans = []
    for index, claim in enumerate(fact.claims):
        if on_days and claim.kind == "time" and not claim.as_of:
            days = {(camp.low, camp.high) for camp in fact.camps if index in camp.members}
            if len(days) == 1 and (day := days.pop())[0] and day[0] == day[1]:
                claim = replace(claim, as_of=day[0])
        spans.append(claim_span(claim, on_days=on_days))
    return spans


def _claim_row(tbody, claim: Claim, scale, span, bands, camp_css: str, outlets, dated: bool,
               link: str | None = None) -> None:
    """Add a claim's row: when and where published, its strip on the fact's chart, its words, who says it.

    `dated`: always say the day the figure holds for (a changed fact moves over those days); `link`: the article's
    http(s) URL, which its outlet's name opens (a fact-checker goes to the source from the claim)."""
    sentence = printable(claim.sentence)
    row = _el(tbody, "tr", class_=f"claim {camp_css}", title=sentence)
    cell = _el(row, "td", class_="date", text=_day(claim.published) if claim.published else "unknown")
    if claim.as_of and (dated or claim.as_of != claim.published):
        _el(cell, "span", class_="as-of", text=f"as of {_day(claim.as_of)}")
    cell = _el(row, "td", class_="source")
    if link:
        _el(_el(cell, "a", href=link, rel="noreferrer"), "span", class_="outlet", text=_outlet(claim, outlets))
    else:
        _el(cell, "span", class_="outlet", text=_outlet(claim, outlets))
    if outlets.get(claim.source):
        _el(cell, "span", class_="file", text=claim.source)
    chart = _el(row, "td", class_="chart")
    label = f"{_outlet(claim, outlets)}: {_range(claim.low, claim.high, claim, claim.value, claim.qualifier)}"
    chart.append(strip_svg(scale, [span], bands, camp_css, printable(label)))
    cell = _el(row, "td", class_="claim-text")
    _el(_el(cell, "details"), "summary", text=claim.text)     # opens the sentence row below
    tags = [claim.status] if claim.status and claim.status != "reported" else []
    tags += [hedge for hedge in claim.hedges if hedge not in tags]
    if claim.negated:
        tags.append("denied")
    for tag in tags:
        _el(cell, "span", class_="tag", text=tag)
    cell = _el(row, "td", class_="who")
    _el(cell, "span", class_="speaker", text=claim.speaker or "the outlet itself")
    if claim.cue and any(char.isalnum() for char in claim.cue):      # not a label's colon
        _el(cell, "span", class_="cue", text=claim.cue)
    if claim.via:
        _el(cell, "span", class_="via", text=f"via {claim.via}")
    if claim.evidence:
        _el(cell, "span", class_="evidence", text=f"on {claim.evidence}")
    # The sentence spans the row below, shown while the claim's details are open (CSS :has; shown always where
    # a browser lacks :has).
    below = _el(tbody, "tr", class_="sentence")
    _el(below, "td")
    _marked(_el(_el(below, "td", colspan="4"), "p", class_="sentence"), sentence,
            printable(" ".join(claim.text.split())))


def _marked(paragraph, sentence: str, text: str) -> None:
    """Fill the paragraph with the sentence, the claim's words in it marked."""
    at = sentence.find(text) if text else -1
    if at < 0:
        paragraph.text = sentence
        return
    paragraph.text = sentence[:at]
    _el(paragraph, "mark", text=text).tail = sentence[at + len(text):]


def _camp_colours(fact: Fact) -> dict[int, str]:
    """Return the camps that get a colour (the largest, as many as there are colours), by index, with their class."""
    largest = sorted(range(len(fact.camps)), key=lambda i: (-len(fact.camps[i].members), i))[:CAMP_COLOURS]
    return {index: f"camp-{n + 1}" for n, index in enumerate(sorted(largest))}


def _camp_list(section, fact: Fact, colours: dict[int, str], outlets) -> None:
    """Add the coloured camps, each with its shared interval and who is in it; the rest are counted."""
    camps = _el(section, "ul", class_="camps")
    for index, css in colours.items():
        camp = fact.camps[index]
        item = _el(camps, "li")
        _el(item, "span", class_=f"swatch {css}")
        who = sorted({fact.claims[i].speaker or _outlet(fact.claims[i], outlets) for i in camp.members})
        _el(item, "b", text=f"Camp {index + 1}: {_range(camp.low, camp.high, fact)}")
        _text(item, f" · {', '.join(who[:MAX_NAMES])}" + (f" and {len(who) - MAX_NAMES} more" if len(who) > MAX_NAMES
                                                           else ""))
    if len(fact.camps) > len(colours):
        rest = len(fact.camps) - len(colours)
        _el(camps, "li", class_="more", text=f"and {_count(rest, 'smaller camp')}, drawn grey")


def _camp_classes(fact: Fact, colours: dict[int, str]) -> list[str]:
    """Return each claim's class: its camp's colour, or "camp-many" when it is in several camps or an uncoloured one."""
    camps: list[list[int]] = [[] for _ in fact.claims]
    for number, camp in enumerate(fact.camps):
        for index in camp.members:
            camps[index].append(number)
    return [colours.get(found[0], "camp-many") if len(found) == 1 else "camp-many" for found in camps]


def _outlet(claim: Claim, outlets: dict[str, str | None]) -> str:
    return outlets.get(claim.source) or claim.source


# --- words -----------------------------------------------------------------------------------------------------

def _range(low, high, of, value=None, qualifier=None) -> str:
    """Return an interval in words: "10,800 – 13,200 people", "15,000 or more", "12 Nov 2026"."""
    is_date = of.kind == "date"
    unit = "" if is_date or not of.unit else f" {of.unit}"

    def show(end) -> str:
        return _day(str(end)) if is_date else figure_of(of.kind, end)

    if low is None and high is None:
        return f"{show(value)}{unit}" if value is not None and qualifier not in ("vague", "at_least", "at_most") \
            else "no figure given" if not is_date else "no day given"
    if low is None:
        return f"until {show(high)}" if is_date else f"up to {show(high)}{unit}"
    if high is None:
        return f"from {show(low)}" if is_date else f"{show(low)} or more{unit}"
    if low == high:
        return f"{show(low)}{unit}"
    return f"{show(low)} – {show(high)}{unit}"


def _day(text: str) -> str:
    """Return an ISO day, month or year as people read it: "12 Nov 2026", "Nov 2026", "2026"."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(text) == 7:
            return f"{MONTHS[int(text[5:]) - 1]} {text[:4]}"
    except (ValueError, IndexError):
        pass
    return printable(text)


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


# --- elements --------------------------------------------------------------------------------------------------

def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    """Return a new child element; `class_` stands for class, and every text is stripped of control characters."""
    attributes = {key.rstrip("_"): printable(str(value)) for key, value in attrs.items()}
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text if tag in ("style", "script") else printable(text)
    return element


def _text(element: ET.Element, text: str) -> None:
    """Append text after the element's last child."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + printable(text)
    else:
        element.text = (element.text or "") + printable(text)
