"""Quantity claims: each figure in a Doc with what it counts ("about 3,000 North Korean soldiers" -> troops)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Iterator

from troopclaims.errors import RulesError
from troopclaims.extractors.events import EventLexicon, forms
from troopclaims.extractors.numbers import NumberLexicon, Numeric, figures
from troopclaims.extractors.numbers.ranges import changed_from
from troopclaims.records import Article, Claim
from troopclaims.rules import LineDict, check_keys, location, word_list
from troopclaims.spans import annotated, doc_text, new_claim, token_at

_NOUNS = ("NOUN", "PROPN")
_AFTER_PERIOD = frozenset(("ago", "earlier", "later", "before", "after"))
_MAX_UNIT_WORDS = 4
_PREPOSITIONS = ("in", "on", "at", "to", "by", "from", "and", "or")
_LIST_MARKS = (",", ";", "and", "or", "—", "–")     # what stands before the next figure of a list
# Words that end the clause a figure completes, looking back for its subject without a parse.
_CLAUSE_WORDS = frozenset(("in", "on", "during", "after", "before", "by", "for", "with", "from", "since", "near",
                           "among", "as", "while", "when", "that", "which", "who", "and", "or", "but", "than"))


@dataclass(frozen=True)
class QuantityLexicon:
    """Counted nouns and their canonical units, with the words that point back to a noun or stand for a count."""

    units: dict[tuple[str, ...], str]     # lower-case word sequence -> canonical unit
    pronouns: frozenset[str]
    count_nouns: frozenset[str]
    durations: frozenset[str]
    present: frozenset[str]       # words that date a figure to the day of publication: now, currently
    distributive: frozenset[str]  # words before a figure that make it a count per group: every, each, per
    rates: tuple[str, ...] = ()   # phrases after a figure that make it a rate: per year, a season, annually
    size_words: frozenset[str] = frozenset()            # "3,000-strong": the figure counts members
    plurals: dict[str, str] = field(default_factory=dict)   # irregular plurals, for units of unlisted nouns
    members: dict[str, str] = field(default_factory=dict)   # noun whose members are counted -> their unit
    implied: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)   # words -> (unit, aspect)
    defaults: dict[str, str] = field(default_factory=dict)  # aspect -> the unit a bare figure of it counts
    ellipsis: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()   # units of many different counts in one story: compare keeps event words
    event_measures: frozenset[str] = frozenset()   # units that measure the event itself: compared whatever the verb
    earlier: tuple[str, ...] = ()       # phrases before a figure that make it an earlier value
    totals: tuple[str, ...] = ()        # phrases that make a figure a running total: a total of, so far
    events: EventLexicon | None = None  # the event words of aspects.yaml: verbs are no counted nouns
    measures: dict[str, str] = field(default_factory=dict)   # noun a figure measures -> unit: quake -> magnitude
    scopes: dict[str, str] = field(default_factory=dict)   # word -> scope outside the sentence's place: abroad
    measure_links: frozenset[str] = frozenset({"of"})   # words between a measured noun and its figure
    numbers: NumberLexicon | None = None   # the compiled numbers rules: where "from N to M" is a change

    def unit_at(self, tokens) -> tuple[int, str] | None:
        """Return (number of tokens, unit) for the longest known counted noun at the start of tokens."""
        words = tuple(token.text.lower() for token in tokens[:_MAX_UNIT_WORDS])
        for size in range(len(words), 0, -1):
            unit = self.units.get(words[:size]) or self.implied.get(words[:size], (None,))[0]
            if unit:
                return size, unit
        return None

    def implied_by(self, phrase: str | None) -> tuple[str, str, str] | None:
        """Return (unit, aspect, word) when a counted phrase ends in a word that implies them ("death toll")."""
        words = tuple((phrase or "").lower().split())
        for size in range(min(len(words), _MAX_UNIT_WORDS), 0, -1):
            found = self.implied.get(words[-size:])
            if found:
                return found[0], found[1], " ".join(words[-size:])
        return None

    def is_event(self, token) -> bool:
        """Return whether a token is an event or reporting word of the rules (a verb, not a counted noun)."""
        return self.events is not None and (self.events.aspect_of(token.text, token.lemma_) is not None
                                            or self.events.reports(token.text, token.lemma_))

    def unit_of(self, token) -> str:
        """Return the canonical unit of one noun token (its own plural when not listed)."""
        word = token.text.lower()
        known = self.units.get((word,)) or self.units.get((token.lemma_.lower(),))
        if known:
            return known
        lemma = token.lemma_.lower() or word
        if token.tag_ in ("NNS", "NNPS") or not token.tag_:
            return word
        return self.plurals.get(lemma) or (lemma if lemma.endswith("s") else lemma + "s")


def build_quantity_lexicon(section: LineDict, rules) -> QuantityLexicon:
    """Return the compiled rules/quantities.yaml (strictly checked)."""
    check_keys(section, section.where(), allowed=("units", "pronouns", "count_nouns", "durations", "present",
                                                        "distributive", "size_words", "members", "plurals",
                                                        "implied", "ellipsis", "earlier", "generic",
                                                        "event_measures", "rates", "totals", "measures",
                                                        "measure_links", "scopes"))
    # the words of units of measure and currencies count too where the figure reads none ("billions of euros")
    units: dict[tuple[str, ...], str] = {tuple(form.split()): unit for (side, form), unit
                                         in rules.lexicon("numbers").unit_forms.items()
                                         if side == "after" and len(form) >= 3 and form.replace(" ", "").isalpha()}
    table = section.get("units") or {}
    if not isinstance(table, dict):
        raise RulesError(f"{location(section, 'units')}: units must map a canonical unit to a list of words")
    for unit, words in table.items():
        for word in word_list(words, location(table, unit), f"unit {unit!r}"):
            units[tuple(word.lower().split())] = str(unit)
    sets = {name: frozenset(word.lower() for word in word_list(section.get(name), location(section, name), name))
            for name in ("pronouns", "count_nouns", "durations", "present", "distributive", "size_words",
                         "ellipsis", "measure_links")}
    for name in ("generic", "event_measures"):
        sets[name] = frozenset(word_list(section.get(name), location(section, name), name))
    members, plurals, measures = (section.get(name) or {} for name in ("members", "plurals", "measures"))
    scopes = {word.lower(): str(scope) for scope, words in (section.get("scopes") or {}).items()
              for word in word_list(words, location(section.get("scopes"), scope), f"scope {scope!r}")}
    for name, table in (("members", members), ("plurals", plurals), ("measures", measures)):
        if not isinstance(table, dict) or not all(isinstance(value, str) for value in table.values()):
            raise RulesError(f"{location(section, name)}: {name} must map a noun to a word")
    implied, defaults = _implied(section, sets["generic"])
    earlier, rates, totals = (tuple(" ".join(phrase.lower().split())
                                    for phrase in word_list(section.get(name), location(section, name), name))
                              for name in ("earlier", "rates", "totals"))
    return QuantityLexicon(units, **sets, members={str(noun).lower(): unit for noun, unit in members.items()},
                           plurals={str(noun).lower(): plural for noun, plural in plurals.items()},
                           implied=implied, defaults=defaults, earlier=earlier, rates=rates, totals=totals,
                           events=rules.lexicon("aspects"), numbers=rules.lexicon("numbers"), scopes=scopes,
                           measures={str(noun).lower(): unit for noun, unit in measures.items()})


def _implied(section: LineDict, generic: frozenset[str]) -> tuple[dict, dict]:
    """Return the implied words (with their inflections) -> (unit, aspect), and aspect -> default unit (the first
    generic unit listed for it: "4,200 died" counts people, "3,000 were deployed" no firefighters)."""
    table = section.get("implied") or {}
    if not isinstance(table, dict) or not all(isinstance(aspects, dict) for aspects in table.values()):
        raise RulesError(f"{location(section, 'implied')}: implied must map a unit to aspects, each a list of words")
    implied: dict[tuple[str, ...], tuple[str, str]] = {}
    defaults: dict[str, str] = {}
    for unit, aspects in table.items():
        for aspect, words in aspects.items():
            if str(unit) in generic:
                defaults.setdefault(str(aspect), str(unit))
            for word in word_list(words, location(aspects, aspect), f"implied {unit}: {aspect}"):
                *head, last = word.lower().split()
                for form in forms(last):
                    implied[(*head, form)] = (str(unit), str(aspect))
    return implied, defaults


@dataclass(frozen=True)
class Counted:
    """What a figure counts: the unit, and the noun phrase as written with its offsets."""

    unit: str | None
    subject: str | None
    end: int | None = None       # where the claim's text ends when the noun follows the figure
    event: str | None = None     # the figure's own event word when its noun is one ("85 killed", "the toll")
    aspect: str | None = None    # the aspect its noun implies ("protesters": attended), when the sentence gives none


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
        counted = _counted(doc, numeric, tokens, lexicon, previous.get(sentence.start, last))
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
    if doc_text(doc)[numeric.num_start:numeric.num_end].lower() != "one" or numeric.qualifier != "exact":
        return False
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
            # "a year ago", "a day earlier" date the figure instead
            return not words[size:size + 1] or words[size] not in _AFTER_PERIOD
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
    two others", "the toll rose to 6,100, up from 2,500", or a figure in a list after it ("37 of the candidates
    registered in the capital, 46 in the north", "of the 288 candidates, 286 ...")."""
    following = token_at(doc, numeric.end)
    elided = following is not None and following.idx >= numeric.end and following.lower_ in lexicon.ellipsis
    first = token_at(doc, numeric.start)
    listed = first is not None and first.i > first.sent.start and doc[first.i - 1].lower_ in _LIST_MARKS
    if neighbour is None or not (elided or listed or _is_earlier(doc_text(doc), numeric, lexicon)):
        return None
    return Counted(neighbour.unit, neighbour.subject, None, neighbour.event, neighbour.aspect)


def _counted(doc, numeric: Numeric, tokens, lexicon: QuantityLexicon, previous: Counted | None) -> Counted:
    """Return what the figure counts, trying the forms of English in turn."""
    after = doc[tokens.end:]
    if numeric.unit:                                           # "1,240 square kilometres (of territory)"
        next_token = token_at(doc, numeric.end)
        rest = doc[next_token.i:] if next_token is not None and next_token.idx >= numeric.end else after[:0]
        return Counted(numeric.unit, _of_phrase(rest, lexicon, previous))
    if len(after) and after[0].idx == numeric.num_end and after[0].text in ("-", "‐"):
        return _compound(doc, after[1:], lexicon)              # "a 40-person unit"
    head_after = after[:1]
    if len(head_after) and head_after[0].lower_ == "of":      # "8,000 of them", "thousands of troops"
        return _partitive(after[1:], lexicon, previous) or Counted(None, None)
    if measured := _measured(doc, numeric, tokens, lexicon):
        return measured
    for finder in (_shared_noun, _noun_after, _copula_attribute, _count_noun_subject):
        found = finder(doc, tokens, lexicon)
        if found:
            if not annotated(doc, "TAG") and not lexicon.unit_at(after[:_MAX_UNIT_WORDS]):
                # no tagger: an unknown word after the figure is a guess, "a crowd of 5,000" says more
                return _named_before(doc, numeric, lexicon) or found
            return found
    return _named_before(doc, numeric, lexicon) or Counted(None, None)


def _measured(doc, numeric: Numeric, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """A figure right before a noun it measures, not counts: "a 6.1 quake", "5.9 Earthquake Jolts Iran" (the noun
    in the singular after a figure that is not one, with "a" or a decimal figure)."""
    following = doc[tokens.end] if tokens.end < len(doc) else None
    unit = lexicon.measures.get(following.lower_) if following is not None else None
    if unit is None or numeric.value is None or numeric.value == 1:
        return None
    article = tokens.start > 0 and doc[tokens.start - 1].lower_ in ("a", "an")
    if not article and float(numeric.value).is_integer():
        return None
    return Counted(unit, following.text, following.idx + len(following))


def _named_before(doc, numeric: Numeric, lexicon: QuantityLexicon) -> Counted | None:
    """The counted noun before the figure: "a death toll of 6,500", "a crowd of 5,000" (a counted noun and of), or
    the subject of the verb the figure completes when it implies what it counts: "the toll rose to nearly 9,000",
    "casualties reached 300"."""
    first = token_at(doc, numeric.start)
    if first is None or not first.i:
        return None
    of = doc[first.i - 1]
    if of.lower_ == "of":
        for size in range(min(3, of.i - first.sent.start), 0, -1):
            known = lexicon.unit_at(doc[of.i - size:of.i])
            if known and known[0] == size:
                return Counted(known[1], doc[of.i - size:of.i].text)
    if of.lower_ in lexicon.measure_links and of.i > first.sent.start and \
            (measure := _measure_noun(doc[of.i - 1], lexicon)):   # "aftershocks of 4.0", "magnitudes ranging from"
        return Counted(measure, doc[of.i - 1].text)
    if annotated(doc, "DEP"):
        return _implied_subject(doc[numeric_token(doc, numeric)], lexicon)
    before = doc[max(first.sent.start, first.i - 6):first.i]
    for j in range(len(before) - 1, -1, -1):       # no parse: the nearest such noun in the clause before
        token = before[j]
        if token.like_num or token.is_punct and token.text not in ("-", "'", "’") or token.lower_ in _CLAUSE_WORDS:
            return None
        found = lexicon.implied_by(before[max(0, j - 2):j + 1].text)
        if found:
            size = len(found[2].split())
            return Counted(found[0], before[j - size + 1:j + 1].text)
    return None


def _measure_noun(token, lexicon: QuantityLexicon) -> str | None:
    """Return the unit a noun is measured in (quake, quakes -> magnitude), or None."""
    word = token.lower_
    return lexicon.measures.get(word) or lexicon.measures.get(token.lemma_.lower()) or \
        (lexicon.measures.get(word[:-1]) if word.endswith("s") else None)


def numeric_token(doc, numeric: Numeric) -> int:
    """Return the index of the last token of the figure itself."""
    return token_at(doc, numeric.num_end - 1).i


def _implied_subject(token, lexicon: QuantityLexicon) -> Counted | None:
    """Return what the subject (or object) of the verb a figure completes implies it counts ("the death toll rose to
    9,000", "officials put the evacuation at 12,500")."""
    figure = token
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not child.left_edge.i <= figure.i <= child.right_edge.i:
            words = [word for word in child.subtree if word.dep_ == "compound" or word is child]
            phrase = " ".join(word.text for word in words)
            found = lexicon.implied_by(phrase)
            if found:
                return Counted(found[0], " ".join(phrase.split()[-len(found[2].split()):]))
            unit = lexicon.units.get((child.lower_,))
            if unit in lexicon.event_measures:      # "the survey put the magnitude at 6.1"
                return Counted(unit, child.text)
    return None


def _compound(doc, tokens, lexicon: QuantityLexicon) -> Counted:
    """A number in a hyphenated compound counts the compound's noun; the subject is what the compound describes."""
    if not len(tokens) or not tokens[0].is_alpha:
        return Counted(None, None)
    counted = tokens[0]
    described = tokens[1] if len(tokens) > 1 and tokens[1].is_alpha and not tokens[1].is_stop else None
    if counted.lower_ in lexicon.size_words:
        noun = (described.lemma_ or described.text).lower() if described is not None else ""
        unit = lexicon.members.get(noun) or lexicon.members.get(noun.rstrip("s")) or "people"
    else:
        plural = lexicon.plurals.get(counted.lower_) or counted.lower_ + "s"
        measured = lexicon.measures.get(described.lower_) if described is not None else None
        # "a 6.7-strength quake": the compound names how the noun after it is measured
        unit = measured or lexicon.units.get((counted.lower_,)) or lexicon.units.get((plural,)) or plural
    return Counted(unit, described.text if described is not None else None,
                   described.idx + len(described) if described is not None else counted.idx + len(counted))


def _partitive(tokens, lexicon: QuantityLexicon, previous: Counted | None) -> Counted | None:
    """Read "of them" (the noun counted just before) or "of (the) North Korean troops"."""
    if not len(tokens):
        return None
    if tokens[0].lower_ in lexicon.pronouns:
        if previous is not None:
            return Counted(previous.unit, previous.subject, tokens[0].idx + len(tokens[0]))
        return Counted(None, None, tokens[0].idx + len(tokens[0]))
    start = 1 if tokens[0].lower_ in ("the", "their", "its", "his", "her", "these", "those", "our", "your", "my") \
        else 0
    found = _noun_phrase(tokens[start:], lexicon)
    if found is None:
        return None
    first, last, unit = found
    phrase = tokens[first + start:last + start + 1]
    return Counted(unit, phrase.text, phrase.end_char)


def _noun_after(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """The counted noun right after the figure: "10,000 troops", "3,000 North Korean soldiers", "three generals"."""
    number = tokens[-1]
    if annotated(doc, "DEP") and number.dep_ in ("nummod", "quantmod", "compound") and number.head.i > number.i \
            and number.head.pos_ in _NOUNS:
        head = number.head
        hyphen = number.i + 1 < len(doc) and doc[number.i + 1].text == "-"        # "a five - boat attack"
        while not hyphen and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in _NOUNS \
                and not lexicon.unit_at(doc[head.i:head.i + 1]):
            head = head.head          # "two plainclothes police officers": the noun the compound ends in
        unit = _unit_ending_at(doc, tokens.end, head, lexicon) or lexicon.unit_at(doc[head.i:])
        start = tokens.end
        return Counted(unit[1] if unit else lexicon.unit_of(head), doc[start:head.i + 1].text, head.idx + len(head))
    found = _noun_phrase(doc[tokens.end:], lexicon)
    if found is None:
        return None
    first, last, unit = found
    span = doc[tokens.end + first:tokens.end + last + 1]
    return Counted(unit, span.text, span.end_char)


def _shared_noun(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"12 Somali and 11 Yemeni nationals": a figure whose only word after it is a name in the singular, then "and"
    and another figure, counts the noun of that other figure."""
    after = doc[tokens.end:tokens.end + 4]
    if len(after) < 3 or not after[0].is_title or after[0].lower_.endswith("s") or after[0].tag_ in ("NNS", "NNPS") \
            or after[1].lower_ not in ("and", "or") or not after[2].like_num:
        return None
    rest = doc[after[2].i + 1:]
    found = _noun_phrase(rest, lexicon)
    if found is None or found[1] == 0 and not rest[0].is_lower:
        return None                  # "12 Somali and 11 Yemeni": no noun to share
    noun = rest[found[1]]
    return Counted(found[2], f"{after[0].text} {noun.text}", after[0].idx + len(after[0]))


def _unit_ending_at(doc, first: int, head, lexicon: QuantityLexicon) -> tuple[int, str] | None:
    """Return the longest known counted noun of several words that ends at the head noun ("asylum seekers")."""
    for i in range(first, head.i):
        known = lexicon.unit_at(doc[i:head.i + 1])
        if known and known[0] == head.i + 1 - i:
            return known
    return None


def _noun_phrase(tokens, lexicon: QuantityLexicon) -> tuple[int, int, str] | None:
    """Return (first, last, unit) of the noun phrase that opens tokens, skipping modifiers before a known noun."""
    for i in range(min(len(tokens), 5)):
        token = tokens[i]
        if token.like_num and i and any(word.is_upper and word.is_alpha for word in tokens[max(0, i - 2):i]):
            continue                               # the digits of a model name: "four AK 47 rifles"
        if _is_model_name(token.text) and i + 1 < len(tokens):
            continue                               # a model name in one word: "seven AK-47 rifles"
        if token.is_upper and token.is_alpha and i + 2 < len(tokens) and tokens[i + 1].text == "-" \
                and tokens[i + 2].like_num:
            continue                               # one written apart: "six AK - 47 rifles"
        if token.is_punct and token.text != "-" or token.like_num:
            break
        known = lexicon.unit_at(tokens[i:])
        if known:
            return 0, i + known[0] - 1, known[1]
        if annotated(tokens.doc, "TAG"):
            if token.pos_ in _NOUNS and (i + 1 == len(tokens) or tokens[i + 1].pos_ not in _NOUNS):
                return 0, i, lexicon.unit_of(token)
            if token.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT") and token.tag_ not in ("VBN", "JJ"):
                break
        elif i == 0 and token.is_alpha and token.is_lower and not token.is_stop and not lexicon.is_event(token):
            return 0, 0, lexicon.unit_of(token)     # no tagger: take the plain word after the figure
        elif not token.text[:1].isupper():
            break
    return None


def _is_model_name(word: str) -> bool:
    """Return whether a word is a model name of capitals and digits ("AK-47", "T-72", "F16"), not a figure."""
    return any(char.isdigit() for char in word) and any(char.isupper() for char in word) and word[:1].isalpha()


def _copula_attribute(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"... of which 500 are officers": the figure is the subject of "be" and the noun its attribute."""
    after = doc[tokens.end:tokens.end + 3]
    if len(after) >= 2 and after[0].lower_ in ("are", "were", "was", "is"):
        found = _noun_phrase(after[1:], lexicon)
        if found:
            first, last, unit = found
            span = after[1 + first:1 + last + 1]
            return Counted(unit, span.text, span.end_char)
    return None


def _count_noun_subject(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"The number of X (transferred to Y) is now about 12,000": the figure counts X."""
    sentence = tokens[0].sent
    before = doc[sentence.start:tokens.start]
    for i, token in enumerate(before):
        if token.lower_ in lexicon.count_nouns and i + 1 < len(before) and before[i + 1].lower_ == "of":
            found = _noun_phrase(before[i + 2:], lexicon)
            if found:
                first, last, unit = found
                return Counted(unit, before[i + 2 + first:i + 2 + last + 1].text)
    return None


def _of_phrase(tokens, lexicon: QuantityLexicon, previous: Counted | None) -> str | None:
    """Return what a measure is of, as its subject: "1,240 square kilometres of territory" -> "territory"."""
    if len(tokens) < 2 or tokens[0].lower_ != "of":
        return None
    found = _partitive(tokens[1:], lexicon, previous)
    if found and found.subject:
        return found.subject
    size = 0
    for token in tokens[1:5]:
        if not token.is_alpha or token.lower_ in _PREPOSITIONS:
            break
        size += 1
    return tokens[1:1 + size].text if size else None
