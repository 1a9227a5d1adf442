"""Grouping claims into facts across sources, and the verdict on each: agree, conflict, changed or single.

A fact is one figure (or date) about one thing: kind + unit + actor + aspect + place (the aspect part: keys; the
verdict: verdicts). Nothing here names a story: units, actors, aspects and places come from the claims, and
containment from the caller's gazetteer.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from troopclaims.compare.keys import (ALONE, OF, OTHER, PART, THRESHOLD, TOTAL, VAGUE, Grouping, aspect_key,
                                    aspect_label, others_of, predicate_of)
from troopclaims.compare.measures import BASE, FROM, Particles, is_change_size, reference_of, scope_of
from troopclaims.compare.verdicts import Reason, camps_of, claim_interval, judged
from troopclaims.compare.when import (DAY, HAPPENED, apart_by_happening, days_beside, happening_of, instants,
                                     join_unknown_subjects, merge_times)
from troopclaims.extractors.dates import resolve
from troopclaims.records import SPAN_KINDS, WHEN_KINDS, Claim, plain_number

VERDICT_ORDER = ("conflict", "changed", "agree", "single")
# Two articles are one copy (one wire story in two outlets) when they print a fact's sentence word for word and
# that sentence is long, or they share another such sentence: a short formulaic lede ("Police said 12 people were
# killed in the fire in Orvik.") is written alike by outlets that never saw each other, a wire lede of 20 or more
# words is not, nor are two sentences of 8 or more.
COPY_WORDS = 8        # words of the shortest sentence that can tell a copy
WIRE_WORDS = 20       # words of a sentence that, printed word for word by two articles, tells a copy on its own
RELATIVE_RELATIONS = ("near", "border", "front")   # "near the border" is not "in" the place it names
# WHEN_KINDS (dates and times) are grouped by event and subject, not by place.

Contains = Callable[[str, str], bool]


def same_place(outer: str, inner: str) -> bool:
    """The containment test used when no gazetteer is given: a place contains only itself."""
    return outer == inner


@dataclass(frozen=True)
class Camp:
    """Claims that can all be true at once: their intervals share at least one point."""

    low: float | str | None
    high: float | str | None
    members: tuple[int, ...]          # indices into Fact.claims


@dataclass
class Fact:
    """One fact as several sources state it, with the verdict across them."""

    kind: str
    unit: str | None
    actor: str | None
    aspect: str | None
    place: str | None
    claims: list[Claim]
    name: str = ""
    within: str | None = None         # the name of the fact whose place contains this one's
    verdict: str = "single"
    camps: list[Camp] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)     # why the verdict is what it is (compare.verdicts)
    # by article, the sentences another article prints too (shared_sentences; None: of the fact's own claims)
    shared: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def speakers(self) -> int:
        """Return how many independent speakers state the fact (an outlet's own voice counts as its own; outlets
        that print the same copy are one voice)."""
        copy = copies_of(self.claims, self.shared)
        return len({claim.speaker or f"outlet:{copy[claim.source]}" for claim in self.claims})

    @property
    def reports(self) -> int:
        """Return how many articles state the fact."""
        return len({claim.source for claim in self.claims})

    @property
    def independent(self) -> int:
        """Return how many independent reports state the fact: articles that print the same copy of it (one wire
        story in several outlets: see copies_of) count once."""
        return len(set(copies_of(self.claims, self.shared).values()))

    def to_dict(self) -> dict:
        """Return the fact as one JSON-ready record."""
        return {
            "fact": self.name, "kind": self.kind, "unit": self.unit, "actor": self.actor, "place": self.place,
            "aspect": aspect_label(self.aspect), "within": self.within, "verdict": self.verdict,
            "camps": [{"low": plain_number(camp.low), "high": plain_number(camp.high),
                       "sources": sorted({self.claims[i].source for i in camp.members}),
                       "speakers": sorted({self.claims[i].speaker or "(outlet)" for i in camp.members}),
                       "claims": list(camp.members)} for camp in self.camps],
            "why": [reason.to_dict() for reason in self.reasons],
            "speakers": self.speakers, "reports": self.reports, "independent": self.independent,
            "claims": [claim.to_dict() for claim in self.claims],
        }


def _words(sentence: str | None) -> str:
    return " ".join(re.findall(r"\w+", (sentence or "").lower()))


def shared_sentences(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Return, by article, the sentences of its claims (COPY_WORDS or more words) that another article prints word
    for word: the evidence that two articles are one copy."""
    printed: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if len((words := _words(claim.sentence)).split()) >= COPY_WORDS:
            printed[words].add(claim.source)
    shared: dict[str, set[str]] = defaultdict(set)
    for words, sources in printed.items():
        if len(sources) > 1:
            for source in sources:
                shared[source].add(words)
    return {source: frozenset(sentences) for source, sentences in shared.items()}


def copies_of(claims: list[Claim], shared: dict[str, frozenset[str]] | None = None) -> dict[str, str]:
    """Return, for each article of the claims, the first article (by name) it is one copy with, directly or through
    others: articles that print a claim's sentence word for word when it is WIRE_WORDS long or they share another
    (`shared`: shared_sentences of all the articles' claims; by default of these claims)."""
    shared = shared_sentences(claims) if shared is None else shared
    parent = {claim.source: claim.source for claim in claims}

    def root(source: str) -> str:
        while parent[source] != source:
            parent[source] = parent[parent[source]]
            source = parent[source]
        return source

    first: dict[str, str] = {}
    for claim in claims:
        words = _words(claim.sentence)
        if len(words.split()) < COPY_WORDS:
            continue      # "Five people died." is written alike by outlets that never saw each other
        other = first.setdefault(words, claim.source)
        both = shared.get(claim.source, frozenset()) & shared.get(other, frozenset())
        if other == claim.source or len(words.split()) < WIRE_WORDS and len(both) < 2:
            continue      # a short lede alone is written alike all the time
        a, b = root(claim.source), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {source: root(source) for source in sorted(parent)}


# --- grouping --------------------------------------------------------------------------------------------------

def _fill_unknown(groups: dict, index: int) -> dict:
    """Merge claims whose key part `index` is unknown into the one known value that fits the rest of their key."""
    def fits(key, other):
        return all(a == b or a is None or b is None for i, (a, b) in enumerate(zip(key, other)) if i != index)

    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for key, members in groups.items():
        if key[index] == OTHER:       # others of no known event ("three other rifles") join the one such count
            values = {other[index] for other in groups if str(other[index]).endswith(OTHER)
                      and other[index] != OTHER and fits(key, other)}
            if len(values) == 1:
                key = key[:index] + (values.pop(),) + key[index + 1:]
        elif key[index] is None:
            values = {other[index] for other in groups if other[index] is not None and fits(key, other)
                      and not str(other[index]).endswith((PART, THRESHOLD, OTHER))
                      and not str(other[index]).startswith((ALONE, BASE, OF))}
            # An aspect class is a better home than a lone event word outside the rules.
            classes = {value for value in values if not str(value).startswith("event:")}
            values = classes or values
            if len(values) == 1:
                key = key[:index] + (values.pop(),) + key[index + 1:]
        merged[key].extend(members)
    return merged


def _vague_apart(groups: dict, predicate: Callable[[Claim], str]) -> dict:
    """Keep a vague count of no aspect or event word ("dozens of people were still in the water") apart from the
    figures of its kind, unit and actor left with no aspect, unless one of them says the same of what it counts
    (`predicate_of`): "258 people were on board" is no rival of it."""
    result: dict[tuple, list[Claim]] = defaultdict(list)
    for key, members in groups.items():
        if key[0] != "quantity" or key[3] is not None:
            result[key].extend(members)
            continue
        said = {predicate(claim) for claim in members if claim.qualifier != "vague" or claim.event}
        for claim in members:
            apart = claim.qualifier == "vague" and not claim.event and predicate(claim) not in said
            result[key[:3] + (f"{VAGUE}{predicate(claim)}",) if apart else key].append(claim)
    return result


def _joined(groups: dict, joins: dict[str, str]) -> dict:
    """Pool the figures of an aspect with those of the aspect it joins (`joins` in rules/aspects.yaml: villages
    "destroyed" in one report, "damaged" in another) unless an article gives both of one unit ("60 homes were
    destroyed and another 150 damaged": two counts)."""
    result: dict[tuple, list[Claim]] = defaultdict(list)
    for key, members in groups.items():
        kind, unit, actor, aspect = key
        target = (kind, unit, actor, joins.get(aspect or ""))
        if target[3] and target in groups and not {c.source for c in members} & {c.source for c in groups[target]}:
            key = target
        result[key].extend(members)
    return result


def _is_total(claim: Claim, totals: tuple[str, ...]) -> bool:
    """Return whether the claim's words or its sentence make it a running total ("a total of 14", "31 so far")."""
    words = " ".join(re.sub(r"[^\w\s]", " ", f"{claim.text} {claim.sentence or ''}").lower().split())
    return any(f" {phrase} " in f" {words} " for phrase in totals)


def _totals_apart(groups: dict, totals: tuple[str, ...]) -> dict:
    """Keep the running totals of a group apart from its figures of one event when an article gives both ("six
    rifles were seized in the raid", "14 rifles seized so far"): the one is part of the other, not its rival."""
    if not totals:
        return groups
    result: dict[tuple, list[Claim]] = defaultdict(list)
    for key, members in groups.items():
        marks = [_is_total(claim, totals) for claim in members]
        by_source = defaultdict(set)
        for claim, mark in zip(members, marks):
            by_source[claim.source].add(mark)
        if key[0] != "quantity" or not any(len(seen) == 2 for seen in by_source.values()):
            result[key].extend(members)
            continue
        for claim, mark in zip(members, marks):
            result[key[:3] + (f"{key[3] or ''}{TOTAL}",) if mark else key].append(claim)
    return result


def _same_names(groups: dict, named_actor: frozenset[str]) -> dict:
    """Merge the actors of a named-actor aspect that are one name written shorter ("Red Sox", "Boston" and "Boston
    Red Sox"): a name goes to the one longest name of its kind, unit and aspect that holds all its words."""
    def words(name: str) -> set[str]:
        return set(name.lower().split())

    names: dict[tuple, set[str]] = defaultdict(set)
    for kind, unit, actor, aspect in groups:
        # not into names joined by "and" ("the Angels and the Nationals" offered alike: one of them is not both)
        if actor and aspect in named_actor and "and" not in words(actor):
            names[(kind, unit, aspect)].add(actor)
    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for (kind, unit, actor, aspect), members in groups.items():
        if actor and aspect in named_actor:
            longer = [other for other in names[(kind, unit, aspect)] if words(actor) < words(other)
                      and not any(words(other) < words(third) for third in names[(kind, unit, aspect)])]
            actor = longer[0] if len(longer) == 1 else actor
        merged[(kind, unit, actor, aspect)].extend(members)
    return merged


def _unnamed_apart(groups: dict, named_actor: frozenset[str]) -> list[tuple[tuple, list[Claim]]]:
    """Return the groups, with each claim of a named-actor aspect that names no actor on its own when several named
    actors fit it: "an offer of $160 million" beside the offers of three teams is nobody's in particular."""
    named = Counter((kind, unit, aspect) for kind, unit, actor, aspect in groups if actor)
    result = []
    for key, members in groups.items():
        kind, unit, actor, aspect = key
        if actor is None and aspect in named_actor and named[(kind, unit, aspect)]:
            result.extend((key, [claim]) for claim in members)
        else:
            result.append((key, members))
    return result


def _occurrences(claims: list[Claim]) -> dict[int, int]:
    """Return, by id of the claim, how many claims of the same text come before it in its article's sentence
    (by offset): which of the figures written alike there it is."""
    seen: Counter = Counter()
    nth = {}
    for claim in sorted(claims, key=lambda claim: (claim.source, claim.start)):
        key = (claim.source, claim.sentence, " ".join(claim.text.split()))
        nth[id(claim)], seen[key] = seen[key], seen[key] + 1
    return nth


def _place_of(claim: Claim) -> str | None:
    """Return the place that splits facts: a figure's own place ("in", not "near"); dates are not split by place,
    since articles place the same event at different levels ("in Kursk", "in Russia", "at the front")."""
    if claim.kind in WHEN_KINDS or not claim.place or claim.relation in RELATIVE_RELATIONS:
        return None
    return claim.place


def group_claims(claims: Iterable[Claim], contains: Contains = same_place,
                 name_actor: Callable[[str], str] | None = None, grouping: Grouping = Grouping(),
                 placed: dict[int, tuple[float, float]] | None = None) -> list[Fact]:
    """Return the facts the claims state, each with its verdict, conflicts first.

    `contains(outer, inner)` says whether one place lies inside another; `name_actor` turns an actor into the
    adjective used in fact names ("North Korea" -> "North Korean"); `grouping` holds what the rules say (figures
    of cumulative aspects are read as a series over days); `placed` gives the interval of dates compare placed
    itself (by id of the claim: see compare_claims).
    """
    placed = placed or {}

    def interval(claim: Claim) -> tuple[float, float]:
        return placed.get(id(claim)) or claim_interval(claim)

    claims = list(claims)
    beside = days_beside(claims, interval)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    nth = _occurrences(claims)
    besides = others_of(claims, grouping.classes.others, nth, grouping.classes.bounds)
    for claim in claims:
        if claim.kind == "place":
            continue
        unit = claim.unit if claim.kind == "quantity" else None
        if scope := scope_of(claim, dict(grouping.scopes), nth[id(claim)]):
            unit = f"{unit} {scope}"     # "27 overseas booths" beside "2,000 booths in the country": booths abroad
        key = aspect_key(claim, grouping, nth[id(claim)])
        if id(claim) in besides:
            key = f"{key or ''}{OTHER}"      # "three other rifles" beside "seven AK-47 rifles": a count of its own
        groups[(claim.kind, unit, claim.actor, key)].append(claim)
    groups = _same_names(groups, grouping.named_actor)
    # A claim that does not say whose (or what event) joins the only candidate there is.
    groups = _fill_unknown(groups, 2)
    groups = _fill_unknown(groups, 3)
    groups = _vague_apart(groups, lambda claim: predicate_of(claim, grouping, nth[id(claim)]))
    groups = _joined(groups, dict(grouping.joins))
    groups = _totals_apart(groups, grouping.totals)
    groups = apart_by_happening(groups, grouping.states, aspect_label, grouping.daily)
    groups = merge_times(join_unknown_subjects(groups))
    facts: list[Fact] = []
    outer_of: list[tuple[Fact, Fact]] = []
    for (kind, unit, actor, aspect), members in _unnamed_apart(groups, grouping.named_actor):
        split, nesting = _split_by_place(kind, unit, actor, aspect, members, contains)
        facts.extend(split)
        outer_of.extend(nesting)
    taken: Counter = Counter()
    for fact in facts:
        name = fact_name(fact, name_actor)
        taken[name] += 1
        fact.name = name if taken[name] == 1 else f"{name} #{taken[name]}"   # names are ids: within points at them
    for inner, outer in outer_of:
        inner.within = outer.name
    shared = shared_sentences(claims)
    for fact in facts:
        fact.shared = shared      # two articles that share two sentences are one copy in every fact they state
        mixed = fact.kind == "date" and any(claim.kind == "time" for claim in fact.claims)
        judge = instants(fact.claims, interval, beside) if mixed else interval
        camps = camps_of(fact.claims, judge)
        scale = DAY if mixed else 1.0      # a fact of dates and times compares minutes; its camps show days
        fact.camps = [Camp(_back(fact.kind, low / scale), _back(fact.kind, high / scale), members)
                      for (low, high), members in camps]
        series = fact.kind == "quantity" and aspect_label(fact.aspect) in grouping.cumulative
        fact.verdict, fact.reasons = judged(fact.claims, camps, series, judge,
                                            falls=series and aspect_label(fact.aspect) in grouping.falls)
    facts.sort(key=fact_order)
    return facts


def _split_by_place(kind, unit, actor, aspect, claims: list[Claim], contains: Contains):
    """Return one fact per place, and the (inner, outer) pairs of facts whose places nest."""
    if (aspect or "").startswith(FROM):    # a distance's point says where: the figures' places do not split it
        return [Fact(kind, unit, actor, aspect, None, claims)], []
    places = sorted({place for claim in claims if (place := _place_of(claim))})

    def parent(place: str) -> str | None:
        outers = [other for other in places if other != place and contains(other, place)]
        # The nearest container is the one that the other containers also contain.
        for outer in outers:
            if all(other == outer or contains(other, outer) for other in outers):
                return outer
        return None

    parents = {place: parent(place) for place in places}
    top = [place for place in places if parents[place] is None]
    by_place: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        place = _place_of(claim)
        if place is None and len(top) == 1:
            place = top[0]    # an unplaced or relatively placed figure belongs to the one place in play
        by_place[place].append(claim)
    facts = {place: Fact(kind, unit, actor, aspect, place, members) for place, members in by_place.items()}
    nesting = [(fact, facts[parents[place]]) for place, fact in facts.items()
               if place is not None and parents[place] is not None and parents[place] in facts]
    return list(facts.values()), nesting


def _back(kind: str, point: float):
    """Return an interval end in the claims' own terms: ISO dates for dates, None for open ends."""
    if point in (float("inf"), float("-inf")):
        return None
    if kind == "date":
        return date.fromordinal(int(point)).isoformat()
    return point


def fact_name(fact: Fact, name_actor: Callable[[str], str] | None = None) -> str:
    """Return the fact in words, e.g. "North Korean troops (deployed) in Russia" or "date of: deployed"."""
    actor = (name_actor(fact.actor) if name_actor else fact.actor) if fact.actor else ""
    aspect = aspect_label(fact.aspect)
    if fact.kind in WHEN_KINDS:
        words = [f"{fact.kind}:", actor, aspect or _common_event(fact) or "event"]
        if (fact.aspect or "").startswith("event:") and (subject := _common_subject(fact)):
            words.append(f"({subject})")    # what the event happens to: it told such date facts apart
    else:
        what = fact.unit or _common_subject(fact) or "figure"
        key = (fact.aspect or "").split(HAPPENED)[0]
        point = key.replace(TOTAL, "").replace(THRESHOLD, "").replace(OTHER, "")   # what a share is on, from ...
        words = [actor, "other" if OTHER in key else "", what]
        if aspect:
            words.append(f"({aspect})")
        if key.endswith(TOTAL):
            words.append(TOTAL.lstrip(":"))
        if THRESHOLD in key:
            words.append(THRESHOLD.lstrip(":"))
        if point.startswith(BASE):
            words.append(f"on {point.removeprefix(BASE)}")
        if point.startswith(FROM):
            words.append(f"from {point.removeprefix(FROM) or 'a point no place names'}")
        if point.startswith(OF):
            words.append(f"of {point.removeprefix(OF)}s")
        if point.startswith(VAGUE) and point != VAGUE:
            words.append(f"({point.removeprefix(VAGUE)})")     # what the clause says of a vague count
    if fact.place:
        words.append(f"in {fact.place}")
    if happened := happening_of(fact.aspect):
        words[-1] += ","
        words.append(happened)
    return " ".join(word for word in words if word)


def _common_event(fact: Fact) -> str | None:
    events = Counter(claim.event for claim in fact.claims if claim.event)
    return events.most_common(1)[0][0] if events else None


def _common_subject(fact: Fact) -> str | None:
    subjects = Counter(claim.subject for claim in fact.claims if claim.subject)
    return subjects.most_common(1)[0][0] if subjects else None


def filter_facts(facts: list[Fact], only: str | None = None, min_sources: int = 1) -> list[Fact]:
    """Return the facts with the given verdict (None: all) stated by at least min_sources articles."""
    only = {"conflicts": "conflict", "changes": "changed", "agreements": "agree"}.get(only or "", only)
    return [fact for fact in facts if (only is None or fact.verdict == only) and fact.reports >= min_sources]


def compare_claims(claims: Iterable[Claim], rules, warn: Callable[[str], None] = lambda message: None) -> list[Fact]:
    """Return the facts of claims as compare shows them; figures that count nothing known are left out, and said so."""
    events = rules.lexicon("aspects")
    states = events.states
    claims = list(claims)
    placed = _placed_dates(claims, rules)
    kept, spans, uncounted, undated, per_group, unplaced, changes = [], [], 0, 0, 0, 0, 0
    nth, difference = _occurrences(claims), rules.lexicon("numbers").difference_before
    particles = Particles(rules.lexicon("events").particles, rules.lexicon("events").passive)
    measures = frozenset(rules.lexicon("numbers").unit_forms.values()) - rules.lexicon("quantities").event_measures
    for claim in claims:
        if claim.kind in SPAN_KINDS:
            spans.append(claim)      # ages and durations: compare/spans_of_time.py
        elif claim.kind == "quantity" and not claim.unit:
            uncounted += 1
        elif claim.kind == "date" and claim.value is None and claim.low is None and claim.high is None and \
                id(claim) not in placed:
            unplaced += 1     # "on Monday" with no publication date: it says nothing the calendar can compare
        elif claim.distributive:
            per_group += 1
        elif is_change_size(claim, difference, nth[id(claim)], particles, measures):
            changes += 1      # "the toll rose by 300 to 4,500": 300 is no toll
        elif claim.kind in WHEN_KINDS and (not (claim.event or claim.kind == "time" and claim.subject)
                                           or claim.aspect in states):
            undated += 1      # a date compares only with dates of the same event
        elif claim.kind != "place":
            kept.append(claim)
    if uncounted:
        warn(f"left out {uncounted} figure{'s' * (uncounted != 1)} whose counted noun was not found "
             "(see them with `troopclaims extract`)")
    if per_group:
        warn(f"left out {per_group} figure{'s' * (per_group != 1)} counted per group or per period "
             "(\"every 30 soldiers\", \"$2 million a year\")")
    if changes:
        warn(f"left out {changes} figure{'s' * (changes != 1)} that {'is' if changes == 1 else 'are'} the size of "
             "a change (\"rose by 300\"), no count of the thing")
    if unplaced:
        warn(f"left out {unplaced} date{'s' * (unplaced != 1)} not placed on the calendar "
             "(relative to an unknown publication date: give --published or a sources.yaml)")
    if undated:
        warn(f"left out {undated} date{'s' * (undated != 1)} that date{'s' * (undated == 1)} no event "
             "(only when something was said, a state's bounds, or no verb found)")
    places = rules.lexicon("places")
    adjectives: dict[str, str] = {}
    for word, place in places.demonym_surfaces.items():     # the first demonym listed is the adjective
        adjectives.setdefault(place, word)
    facts = group_claims(kept, contains=places.contains, name_actor=lambda actor: adjectives.get(actor, actor),
                        grouping=Grouping(events.cumulative, rules.lexicon("quantities").generic, events.light,
                                          rules.lexicon("quantities").event_measures, events.named_actor,
                                          rules.lexicon("quantities").totals, rules.lexicon("events"),
                                          lambda claim, nth: reference_of(claim, places, nth),
                                          measures,
                                          states=states, daily=events.daily,
                                          scopes=tuple(rules.lexicon("quantities").scopes.items()),
                                          measured_apart=rules.lexicon("quantities").measured_apart,
                                          thresholds=rules.lexicon("quantities").thresholds,
                                          joins=tuple(events.joins.items()), breaks=places.clause_breaks,
                                          falls=events.falls),
                        placed=placed)
    if not spans:
        return facts
    from troopclaims.compare.spans_of_time import span_facts    # it builds on this module
    return sorted(facts + span_facts(spans, rules, warn), key=fact_order)


# Two reference days of different years and days of the year: a date resolving to one month and day against both
# names its day of the year ("Dec. 6"); else ("Friday", "eight days ago") it is relative to a day we do not know.
_REFERENCES = (date(2001, 7, 1), date(2002, 3, 15))


def _placed_dates(claims: list[Claim], rules) -> dict[int, tuple[float, float]]:
    """Return, by id, the day of each date with no calendar place that names a day of the year ("Dec. 6" in an
    article with no publication date): placed in the story's year (the most common year of its dated claims). A
    weekday is not placed: which Friday it was depends on a day the article does not give, so it stays out."""
    years = Counter(str(claim.low)[:4] for claim in claims
                    if claim.kind == "date" and claim.grain == "day" and claim.low and claim.low == claim.high)
    if not years:
        return {}
    year = int(years.most_common(1)[0][0])
    placed = {}
    for claim in claims:
        if claim.kind != "date" or claim.value is not None or claim.low is not None or claim.high is not None:
            continue
        days = [resolve(claim.text, reference, rules=rules) for reference in _REFERENCES]
        if not all(day and day.grain == "day" and day.low == day.high and day.low for day in days):
            continue
        first, second = (date.fromisoformat(day.low) for day in days)
        if (first.month, first.day) != (second.month, second.day):
            continue                 # "Friday", "eight days ago": relative to a day we do not know
        try:
            day = date(year, first.month, first.day)
        except ValueError:           # 29 February in a common year
            continue
        placed[id(claim)] = (float(day.toordinal()), float(day.toordinal()))
    return placed


def fact_order(fact: Fact) -> tuple:
    """Return the sort key of facts as compare shows them: conflicts first, then by reports and claims."""
    return VERDICT_ORDER.index(fact.verdict), -fact.reports, -len(fact.claims), fact.name
