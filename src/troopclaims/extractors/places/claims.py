"""The place and actor of each claim (by parse or by word order), and place claims for `extract --kind place`."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Iterator

from troopclaims.extractors.places.by_order import place_by_order
from troopclaims.extractors.places.by_parse import place_by_parse
from troopclaims.extractors.places.gazetteer import Gazetteer, WORD, fold_key
from troopclaims.extractors.places.mentions import place_mentions, place_runs
from troopclaims.extractors.places.tokens import Found, scan_names, sentence_of
from troopclaims.records import Article, Claim
from troopclaims.spans import annotated, new_claim

def locate(doc, claims: Iterable[Claim], gazetteer: Gazetteer) -> list[Claim]:
    """Return the claims with place (canonical name), relation and actor filled where the text gives them.

    With a dependency parse the place comes from the claim's own clause, attached by a locating preposition;
    on the blank pipeline from the first place after the claim in the same clause with a preposition before it.
    """
    claims = list(claims)
    if not claims or not len(doc):
        return claims
    found = sorted(place_runs(doc, gazetteer), key=lambda item: item.start)
    starts = [item.start for item in found]
    parsed = annotated(doc, "DEP")
    spans = [_claim_span(doc, claim) for claim in claims]
    heads = {span.root.i for span in spans if span is not None}
    claim_starts = sorted(span.start for span in spans if span is not None)
    order = sorted(range(len(claims)), key=lambda k: claims[k].start)
    results: list[Claim] = list(claims)
    previous: tuple[int, str | None] | None = None   # (sentence start, actor) of the last claim
    for k in order:
        claim, span = claims[k], spans[k]
        if span is None:
            continue
        _, sent_start, sent_end = sentence_of(doc, span.start)
        # A claim's actor and place come from its own sentence (anaphora were resolved when mentions were found).
        near = found[bisect_left(starts, sent_start):bisect_left(starts, sent_end)]
        actor, actor_items = _actor(doc, claim, span, near, gazetteer)
        if actor is None and previous and previous[0] == sent_start and _refers_back(span):
            actor = previous[1]
        candidates = [f for f in near if not f.actor and all(f is not a for a in actor_items)]
        if parsed:
            chosen = place_by_parse(doc, span, candidates, heads - {span.root.i}, gazetteer)
        else:
            chosen = place_by_order(doc, span, candidates, claim_starts, gazetteer)
        changes = {}
        if chosen is not None:
            changes.update(place=chosen.name, relation=chosen.relation or "in")
        if actor and not claim.actor:
            changes["actor"] = actor
        results[k] = claim.with_fields(**changes) if changes else claim
        previous = (sent_start, actor or claim.actor)
    return results


def _claim_span(doc, claim: Claim):
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0   # len(doc.text) rebuilds the text
    if claim.start >= size or claim.end <= claim.start:
        return None
    return doc.char_span(claim.start, min(claim.end, size), alignment_mode="expand")


def _refers_back(span) -> bool:
    return any(t.lower_ in ("them", "those", "these", "whom", "which") for t in span)


def _actor(doc, claim: Claim, span, found: list[Found], gaz: Gazetteer) -> tuple[str | None, list[Found]]:
    """Return the actor a claim's words name (demonym, "from X", "X's") and the mentions used up as actor."""
    stop = span.end
    head = span.root
    if annotated(doc, "DEP") and head.dep_ == "nummod" and head.head.i >= span.end:
        stop = head.head.i + 1   # "10,000" counting "North Korean troops" written after it
    for start, end, country in scan_names(doc, gaz.demonym_surfaces, 4, start=span.start, stop=stop,
                                          firsts=gaz.demonym_firsts):
        if not (end < len(doc) and doc[end].lower_ in gaz.area_nouns):
            return country, []
    for item in found:
        if item.actor and span.start <= item.start < stop and item.place is not None:
            return (gaz.actor(item.place.name) or item.place.name), []
    if claim.subject:
        for word in _subject_runs(claim.subject):
            country = gaz.demonyms.get(fold_key(word))
            if country:
                return country, []
    for item in found:
        if item.place is None or item.place.type != "country":
            continue
        # "soldiers from North Korea", "troops of the DPRK": the country the counted people come from.
        gap = item.start - 1
        while gap > span.end and doc[gap].lower_ in gaz.determiners:
            gap -= 1
        if span.end - 1 <= gap < span.end + 3 and doc[gap].lower_ in ("from", "of") and gap >= span.start:
            return item.place.name, [item]
        if gap >= span.end and gap <= span.end + 1 and doc[gap].lower_ in ("from", "of") and _counts_people(span, gaz):
            return item.place.name, [item]
        # "North Korea's troops"
        if item.end < len(doc) and doc[item.end].text in ("'s", "’s") and item.end + 1 == span.start:
            return item.place.name, [item]
        if item.end < len(doc) and doc[item.end].text in ("'s", "’s") and span.start <= item.start < span.end:
            if item.end + 1 < len(doc) and doc[item.end + 1].lower_ not in gaz.area_nouns:
                return item.place.name, [item]
    return None, []


def _counts_people(span, gaz: Gazetteer) -> bool:
    return any(t.lower_ in gaz.actor_nouns for t in span)


def _subject_runs(text: str) -> Iterator[str]:
    words = WORD.findall(text)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            yield " ".join(words[i:i + size])


def place_claims(doc, article: Article, gazetteer: Gazetteer) -> Iterator[Claim]:
    """Yield a claim of kind "place" for every place mention: place is the canonical name, unit the place's type,
    subject the canonical name of the place that contains it."""
    for mention in place_mentions(doc, gazetteer):
        place = mention.place
        yield new_claim(article, doc, mention.start, mention.end, "place", place=mention.name,
                        relation=mention.relation, unit=place.type if place else None,
                        subject=place.parent if place else None)
