"""A claim's place by word order (no parse): the first place after the claim in its clause with a locating word."""
from __future__ import annotations

from bisect import bisect_left

from troopclaims.extractors.places.gazetteer import Gazetteer
from troopclaims.extractors.places.tokens import Found, sentence_of, span_key

def place_by_order(doc, span, candidates: list[Found], starts: list[int], gaz: Gazetteer) -> Found | None:
    """Return the first place after the claim in its clause with a locating word before it (no parse).

    `starts` are the sorted first tokens of all claims of the doc."""
    _, _, sent_end = sentence_of(doc, span.start)
    limit = sent_end
    for i in range(span.end, sent_end):
        if doc[i].lower_ in gaz.clause_breaks:
            limit = i
            break
    later = bisect_left(starts, span.end)
    if later < len(starts) and starts[later] < limit:
        limit = starts[later]     # a later claim owns what follows it
    for item in sorted(candidates, key=lambda f: f.start):
        if not (span.start <= item.start < limit):
            continue
        if _cued(doc, item, gaz, floor=span.start, claim_end=span.end):
            return item
    return None


def _cued(doc, item: Found, gaz: Gazetteer, floor: int, claim_end: int) -> bool:
    """Return True when a locating word stands before a mention (past determiners): "in the", "close to"."""
    if item.place is not None and item.place.type in ("front", "border"):
        return True
    i = item.start
    while i > floor and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    for size in (3, 2, 1):
        if i - size < floor:
            continue
        words = span_key(doc, i - size, i).lower()
        if words == "of":
            # "780 square kilometres of X", "the territory of X": of after what the claim counts or a land noun
            return i - 1 <= claim_end or doc[i - 2].lower_ in gaz.area_nouns
        if words in gaz.locating or words in gaz.relation_words:
            return True
    return False
