"""Quantity claims: each figure in a Doc with what it counts ("about 3,000 North Korean soldiers" -> troops).

What the figure's own words count comes from counted_nouns; here, what its sentence adds: a noun left out ("12,000
more"), one its words imply ("among the dead"), a fraction of a whole, a rate, an earlier value."""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Iterator

from troopclaims.extractors.counted_nouns import Counted, find_counted
from troopclaims.extractors.numbers import Numeric, figures
from troopclaims.extractors.numbers.ranges import changed_from
from troopclaims.extractors.quantity_rules import QuantityLexicon
from troopclaims.records import Article, Claim
from troopclaims.spans import annotated, doc_text, new_claim, token_at

_AFTER_PERIOD = frozenset(("ago", "earlier", "later", "before", "after"))
_LIST_MARKS = (",", ";", "and", "or", "—", "–")     # what stands before the next figure of a list


def find_quantities(doc, article: Article, rules) -> Iterator[Claim]:
    """Yield the quantity claims of a Doc of article.text, each with its counted unit and subject."""
    lexicon = rules.lexicon("quantities")
    previous: dict[int, Counted] = {}      # sentence start -> last counted noun, for "8,000 of them"
    last: Counted | None = None            # the last counted noun of the article, when the sentence has none
    for numeric in figures(doc_text(doc), rules.lexicon("numbers")):
        tokens = doc.char_span(numeric.num_start, numeric.num_end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        sentence = tokens[0].sent
        counted = find_counted(doc, numeric, tokens, lexicon, previous.get(sentence.start, last))
        if counted.unit in lexicon.durations or _lone_one(doc, numeric, counted, lexicon):
            continue
        if counted.unit is None and not numeric.unit or (counted.subject or "").lower() in lexicon.ellipsis:
            elided = _elided(doc, numeric, lexicon, previous.get(sentence.start))
            counted = replace(elided, end=counted.end) if elided else counted     # "two others": its words kept
        counted = _implied_counted(doc, numeric, counted, lexicon)
        if not numeric.unit:
            counted = _occurrences(counted, lexicon)
            numeric, counted = _fraction_of(doc, numeric, counted, lexicon)
        if counted.unit and counted.subject:
            previous[sentence.start] = last = counted
        end = max(numeric.end, counted.end or 0)
        before = doc[tokens.start - 1] if tokens.start and numeric.start == tokens.start_char else None
        low, high = numeric.low, numeric.high
        if not numeric.unit and (numeric.value is None or float(numeric.value).is_integer()):
            # A count of people or things is whole: "some 75" allows 68..82, not 67.5..82.5.
            low = math.ceil(low) if low is not None else None
            high = math.floor(high) if high is not None else None
        yield new_claim(article, doc, numeric.start, end, "quantity", value=numeric.value, low=low,
                        high=high, qualifier=numeric.qualifier, unit=counted.unit, subject=counted.subject,
                        event=counted.event, aspect=counted.aspect,
                        distributive=before is not None and before.lower_ in lexicon.distributive
                        or _is_rate(doc_text(doc), end, lexicon),
                        earlier=_is_earlier(doc_text(doc), numeric, lexicon))


def _occurrences(counted: Counted, lexicon: QuantityLexicon) -> Counted:
    """Return a count of events as such: "two separate demonstrations", "three attacks" count what happened, not
    what it befell, so the noun is the figure's event and gives no aspect (a noun that implies what is counted,
    "40 arrests", "20 deaths", or that is a unit, "300 prisoners", keeps its own)."""
    words = (counted.subject or "").lower().split()
    if counted.event or not words or lexicon.events is None or not lexicon.events.aspect_of(words[-1]):
        return counted
    if not words[-1].endswith("s"):
        return counted        # "a 110 billion bailout" is an amount, not a count of bailouts
    if (words[-1],) in lexicon.units or (words[-1],) in lexicon.implied:
        return counted
    return replace(counted, event=words[-1], aspect=None)


def _fraction_of(doc, numeric: Numeric, counted: Counted, lexicon: QuantityLexicon) -> tuple[Numeric, Counted]:
    """Return a fraction of a whole as a percentage ("half of the roof", "two thirds of homes": 50, 66.7 percent),
    and one of a unit as that unit ("half a ton"); any other figure as it is."""
    if numeric.value is None or not 0 < numeric.value < 1:
        return numeric, counted
    following = token_at(doc, numeric.end)
    if following is None or following.idx < numeric.end:
        return numeric, counted
    if following.lower_ in ("a", "an") and (known := lexicon.unit_at(doc[following.i + 1:])):
        noun = doc[following.i + 1:following.i + 1 + known[0]]
        return numeric, Counted(known[1], noun.text, noun.end_char)
    if following.lower_ not in ("of", "the"):
        return numeric, counted
    def scaled(value):
        return None if value is None else round(value * 100, 6)
    whole = replace(numeric, value=scaled(numeric.value), low=scaled(numeric.low), high=scaled(numeric.high),
                    unit="percent")
    return whole, replace(counted, unit="percent")


def _lone_one(doc, numeric: Numeric, counted: Counted, lexicon: QuantityLexicon) -> bool:
    """Return whether the figure is a lone "one" with no noun right after it and no event right before it: a
    pronoun ("one was injured", "searched for one", "two ships, one flying a flag"), not a count ("killing one")."""
    if doc_text(doc)[numeric.num_start:numeric.num_end].lower() != "one" or numeric.qualifier != "exact" \
            or numeric.unit:
        return False                      # "one mile away", "one dollar": a measure
    following = doc_text(doc)[numeric.end:numeric.end + 80].lstrip().lower()
    if following.startswith("-") or counted.subject and following.startswith(counted.subject.lower()):
        return False                      # "one man", "a one-vote margin"
    first = token_at(doc, numeric.start)
    before = doc[first.i - 1] if first is not None and first.i else None
    return before is None or lexicon.events is None or not lexicon.events.aspect_of(before.text, before.lemma_)


def with_implied_unit(claim: Claim, lexicon: QuantityLexicon) -> Claim:
    """Return a figure with no counted noun given the unit its event implies ("4,200 died": people); a measure of
    the event itself ("a 6.4-magnitude quake struck") has no aspect, since nothing befell what it measures."""
    if claim.kind == "quantity" and claim.unit in lexicon.event_measures and claim.aspect:
        return claim.with_fields(aspect=None)
    if claim.kind != "quantity" or claim.unit or claim.aspect not in lexicon.defaults:
        return claim
    return claim.with_fields(unit=lexicon.defaults[claim.aspect])


def _is_rate(text: str, end: int, lexicon: QuantityLexicon) -> bool:
    """Return whether the words right after a figure (and its noun) make it a rate ("$21 million per year",
    "300 migrants a day"): a rate is never compared with a total."""
    words = re.findall(r"[a-z]+|[^\sa-z]", text[end:end + 40].lower())
    for phrase in lexicon.rates:
        size = len(phrase.split())
        if " ".join(words[:size]) == phrase:
            following = words[size] if len(words) > size else ""
            if phrase in lexicon.price_rates:     # "$45 each."; "three soldiers each lost a leg" is a count
                return not following.isalpha() or following in lexicon.price_ends
            # "a year ago", "a day earlier" date the figure instead
            return following not in _AFTER_PERIOD
    return False


def _is_earlier(text: str, numeric: Numeric, lexicon: QuantityLexicon) -> bool:
    """Return whether the words right before a figure make it an earlier value ("up from 2,500", "raised the
    number of seats from 65 to 125")."""
    before = " ".join(text[max(0, numeric.start - 40):numeric.start].lower().split()[-4:])
    return any(before == phrase or before.endswith(" " + phrase) for phrase in lexicon.earlier) or \
        lexicon.numbers is not None and changed_from(text, numeric.start, numeric.end, lexicon.numbers)


def _implied_counted(doc, numeric: Numeric, counted: Counted, lexicon: QuantityLexicon) -> Counted:
    """Return what the figure counts with what its noun, or a partitive around it, implies ("among the dead")."""
    found = _partitive_context(doc, numeric, counted, lexicon)
    if found is None and counted.event is None:
        found = lexicon.implied_by(counted.subject)
    if found is None:
        # "two wounded men": a modifier that implies an aspect gives it when the sentence's event gives none
        words = (counted.subject or "").lower().split()
        modifier = next((lexicon.implied[(word,)] for word in words[:-1] if (word,) in lexicon.implied), None)
        return replace(counted, aspect=counted.aspect or modifier[1]) if modifier else counted
    unit, aspect, word = found
    strong = lexicon.events is not None and lexicon.events.aspect_of(word.split()[-1]) == aspect
    return replace(counted, unit=counted.unit or unit, event=word if strong else counted.event,
                   aspect=aspect if strong or counted.aspect is None else counted.aspect)


def _partitive_context(doc, numeric: Numeric, counted: Counted, lexicon: QuantityLexicon):
    """Return (unit, aspect, word) of a partitive that says what the figure belongs to: "Of the deaths, 1,420 ...",
    "60 firefighters were among the dead"."""
    first = token_at(doc, numeric.start)
    sentence = first.sent
    opening = doc[sentence.start:first.i]
    if len(opening) >= 3 and opening[0].lower_ in ("of", "among") and opening[-1].text == ",":
        for i in range(len(opening) - 2, 0, -1):
            if found := lexicon.implied_by(opening[1:i + 1].text):
                return found
    end = token_at(doc, max(counted.end or 0, numeric.end) - 1)
    after = doc[end.i + 1:min(end.i + 5, sentence.end)] if end is not None else doc[0:0]
    if counted.subject and len(after) and _is_complement(after[0]):     # "left three people dead"
        if found := lexicon.implied_by(after[0].text):
            return found
    for i, token in enumerate(after):
        if token.lower_ == "among":
            rest = after[i + 1:]
            rest = rest[1:] if len(rest) and rest[0].lower_ in ("the", "those") else rest
            if len(rest) and (found := lexicon.implied_by(rest[:1].text)):
                return found
            break
    return None


def _is_complement(token) -> bool:
    """Return whether a word right after a counted noun says what befell it ("three people dead", "40 injured"),
    rather than being the verb of a clause whose subject the noun is ("three soldiers killed five")."""
    if annotated(token.doc, "TAG"):
        return (token.pos_ == "ADJ" or token.tag_ == "VBN") and token.dep_ != "ROOT"
    return not token.lower_.endswith("ed")


def _elided(doc, numeric: Numeric, lexicon: QuantityLexicon, neighbour: Counted | None) -> Counted | None:
    """Return the counted noun of the figure before, for a figure whose noun is left out: "12,000 more", "injured
    two others", "60 homes were destroyed and another 150 damaged", "the toll rose to 6,100, up from 2,500", or a figure in a list after it ("37 of the candidates
    registered in the capital, 46 in the north", "of the 288 candidates, 286 ...")."""
    following = token_at(doc, numeric.end)
    elided = following is not None and following.idx >= numeric.end and following.lower_ in lexicon.ellipsis
    first = token_at(doc, numeric.start)
    before = doc[first.i - 1].lower_ if first is not None and first.i > first.sent.start else ""
    listed = before in _LIST_MARKS
    elided = elided or before in lexicon.ellipsis_before
    if neighbour is None or not (elided or listed or _is_earlier(doc_text(doc), numeric, lexicon)):
        return None
    return Counted(neighbour.unit, neighbour.subject, None, neighbour.event, neighbour.aspect)


