"""The claims of one parsed article: the extractors and attribution run on its Doc, each claim given its unit,
event, place and speaker."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from troopclaims.extractors.dates import find_dates
from troopclaims.extractors.dating import dated_by
from troopclaims.attribution.attribute import attribute
from troopclaims.extractors.events import (counted_aspect, counts_things, date_subject, event_subject, governing_event,
                                           inherit_events, named_owner)
from troopclaims.extractors.places import locate, place_claims
from troopclaims.extractors.quantities import find_quantities, with_implied_unit
from troopclaims.extractors.spans_of_time import find_spans_of_time
from troopclaims.records import Article, Claim, SPAN_KINDS, WHEN_KINDS
from troopclaims.run.extract import DEFAULT_KINDS
from troopclaims.spans import sentence_at


def claims_in(doc, article: Article, rules, kinds: tuple[str, ...] = DEFAULT_KINDS) -> list[Claim]:
    """Return the claims of one parsed article, in text order."""
    date_claims = sorted(find_dates(doc, article, rules), key=lambda claim: claim.start)
    date_starts = [claim.start for claim in date_claims]
    claims: list[Claim] = []
    if "quantity" in kinds:
        # The day numbers and years of dates are not figures: a date claim wins over a quantity inside it.
        claims = [claim for claim in find_quantities(doc, article, rules)
                  if not any(d.start < claim.end and claim.start < d.end    # no date expression is 200 long
                             for d in _dates_between(date_claims, date_starts, claim.start - 200, claim.end))]
        claims = [_dated_claim(doc, claim, date_claims, date_starts, rules) for claim in claims]
    if "date" in kinds:
        claims += date_claims
    lexicon = rules.lexicon("aspects")
    counts, measures = rules.lexicon("quantities"), frozenset(rules.lexicon("numbers").unit_forms.values())
    claims = [_with_event(doc, claim, lexicon, measures) for claim in claims]
    claims = [counted_aspect(with_implied_unit(claim, counts), lexicon, measures)
              for claim in inherit_events(doc, sorted(claims, key=lambda claim: (claim.start, claim.end)), lexicon)]
    # What a date dates, for telling apart dates of events outside the rules ("Cheeks coached" in 2007, "he coached"
    # in 1979): the subject of its event.
    claims = [claim.with_fields(subject=date_subject(doc, claim.start, claim.end))
              if claim.kind in WHEN_KINDS else claim for claim in claims]
    places = rules.lexicon("places")
    # Times of day take no place: their words would otherwise hold the place of the date beside them ("7 p.m. Friday").
    located = iter(locate(doc, [claim for claim in claims if claim.kind != "time"], places))
    claims = [_subject_actor(doc, claim if claim.kind == "time" else next(located), places, lexicon)
              for claim in claims]
    if "place" in kinds:
        claims = sorted(claims + list(place_claims(doc, article, places)), key=lambda claim: (claim.start, claim.end))
    if any(kind in kinds for kind in SPAN_KINDS):      # ages and durations: their own event and subject
        claims = sorted(claims + find_spans_of_time(doc, article, rules, kinds, date_claims),
                        key=lambda claim: (claim.start, claim.end))
    return attribute(doc, claims, rules)      # places too: who says where something happened


def _with_event(doc, claim: Claim, lexicon, measures: frozenset[str]) -> Claim:
    """Return the claim with the event that governs it; a figure whose own noun is an event ("85 killed") keeps it,
    and one whose noun implies an aspect ("40 protesters") keeps that when the event gives none. A count of things
    takes no aspect of sums ("raise the number of seats", "two wounded men asked for help")."""
    if claim.event:
        return claim
    if counts_things(claim, measures) and lexicon.counts:
        lexicon = lexicon.counts
    event, aspect = governing_event(doc, claim.start, claim.end, lexicon, claim.kind in WHEN_KINDS)
    return claim.with_fields(event=event, aspect=aspect or claim.aspect)


def _subject_actor(doc, claim: Claim, places, lexicon) -> Claim:
    """Give a figure with no actor of its own the country that is the subject of its event, where that subject owns
    what is counted ("North Korea was sending 10,000 troops"), or the named owner of a payment ("the Red Sox
    offered")."""
    if claim.kind != "quantity" or claim.actor:
        return claim
    if claim.aspect in lexicon.named_actor:     # "the Red Sox offered $150 million": the team is the actor
        owner = named_owner(doc, claim.start, claim.end, lexicon)
        return claim.with_fields(actor=places.actor(owner) or owner) if owner else claim
    if claim.aspect not in lexicon.subject_owns:
        return claim
    subject = event_subject(doc, claim.start, claim.end)
    actor = places.actor(subject) if subject else None
    return claim.with_fields(actor=actor) if actor else claim


def _dates_between(date_claims: list[Claim], starts: list[int], first: int, last: int) -> list[Claim]:
    """Return the date claims (sorted by start, with their starts) that start at a character in first..last."""
    return date_claims[bisect_left(starts, first):bisect_right(starts, last)]


def _dated_claim(doc, claim: Claim, date_claims: list[Claim], starts: list[int], rules) -> Claim:
    """Return the figure with the day it holds for and the day its event happened, from the dates of its
    sentence (troopclaims.extractors.dating)."""
    sentence = sentence_at(doc, claim.start)
    if sentence is None:
        return claim
    dates = _dates_between(date_claims, starts, sentence.start_char, sentence.end_char - 1)
    as_of, happened = dated_by(doc, claim, dates, rules.lexicon("aspects"), rules.lexicon("quantities").present)
    return claim.with_fields(as_of=as_of, happened=happened)
