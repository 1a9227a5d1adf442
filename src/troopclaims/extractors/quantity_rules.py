"""The compiled rules/quantities.yaml: counted nouns and their canonical units, the words that imply what a bare
figure counts ("died", "the toll"), and the words around a figure that make it a rate, a total or an earlier value."""
from __future__ import annotations

from dataclasses import dataclass, field

from troopclaims.errors import RulesError
from troopclaims.extractors.event_rules import EventLexicon, forms
from troopclaims.extractors.numbers import NumberLexicon
from troopclaims.rules import LineDict, check_keys, location, word_list

MAX_UNIT_WORDS = 4     # words in the longest counted noun looked for ("asylum seekers", "death toll")


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
    price_rates: frozenset[str] = frozenset()   # rates only at a clause's end: "$45 each." (not "40 each lost")
    price_ends: frozenset[str] = frozenset()    # words that may follow them: "$45 each for adults"
    time_determiners: frozenset[str] = frozenset()   # "2,000 last week": a time, not what the figure counts
    size_words: frozenset[str] = frozenset()            # "3,000-strong": the figure counts members
    plurals: dict[str, str] = field(default_factory=dict)   # irregular plurals, for units of unlisted nouns
    members: dict[str, str] = field(default_factory=dict)   # noun whose members are counted -> their unit
    implied: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)   # words -> (unit, aspect)
    defaults: dict[str, str] = field(default_factory=dict)  # aspect -> the unit a bare figure of it counts
    ellipsis: frozenset[str] = frozenset()
    ellipsis_before: frozenset[str] = frozenset()   # "another 150", "a further 20": the noun of the figure before
    generic: frozenset[str] = frozenset()   # units of many different counts in one story: compare keeps event words
    event_measures: frozenset[str] = frozenset()   # units that measure the event itself: compared whatever the verb
    earlier: tuple[str, ...] = ()       # phrases before a figure that make it an earlier value
    totals: tuple[str, ...] = ()        # phrases that make a figure a running total: a total of, so far
    events: EventLexicon | None = None  # the event words of aspects.yaml: verbs are no counted nouns
    measures: dict[str, str] = field(default_factory=dict)   # noun a figure measures -> unit: quake -> magnitude
    scopes: dict[str, str] = field(default_factory=dict)   # word -> scope outside the sentence's place: abroad
    measure_links: frozenset[str] = frozenset({"of"})   # words between a measured noun and its figure
    measured_apart: frozenset[str] = frozenset()   # measured nouns of events beside the main one: aftershocks
    thresholds: tuple[str, ...] = ()   # words before a figure in its clause that make it a condition: valid, must
    numbers: NumberLexicon | None = None   # the compiled numbers rules: where "from N to M" is a change

    def unit_at(self, tokens) -> tuple[int, str] | None:
        """Return (number of tokens, unit) for the longest known counted noun at the start of tokens."""
        words = tuple(token.text.lower() for token in tokens[:MAX_UNIT_WORDS])
        for size in range(len(words), 0, -1):
            unit = self.units.get(words[:size]) or self.implied.get(words[:size], (None,))[0]
            if unit:
                return size, unit
        return None

    def implied_by(self, phrase: str | None) -> tuple[str, str, str] | None:
        """Return (unit, aspect, word) when a counted phrase ends in a word that implies them ("death toll")."""
        words = tuple((phrase or "").lower().split())
        for size in range(min(len(words), MAX_UNIT_WORDS), 0, -1):
            found = self.implied.get(words[-size:])
            if found:
                return found[0], found[1], " ".join(words[-size:])
        return None

    def is_event(self, token) -> bool:
        """Return whether a token is an event or reporting word of the rules (a verb, not a counted noun); a word of
        sums only ("relief") may be part of one ("200 relief workers")."""
        return self.events is not None and token.lower_ not in self.events.money_only and \
            (self.events.aspect_of(token.text, token.lemma_) is not None
             or self.events.reports(token.text, token.lemma_))

    def modifies_only(self, token) -> bool:
        """Return whether a word counts nothing itself but may modify a counted noun: a word of sums only
        ("relief" in "200 relief workers")."""
        return self.events is not None and token.lower_ in self.events.money_only

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
                                                        "implied", "ellipsis", "ellipsis_before", "earlier", "generic",
                                                        "event_measures", "rates", "totals", "measures",
                                                        "measure_links", "scopes", "measured_apart", "thresholds",
                                                        "price_rates", "price_ends", "time_determiners"))
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
                         "ellipsis", "ellipsis_before", "measure_links", "measured_apart", "price_rates",
                         "price_ends", "time_determiners")}
    for name in ("generic", "event_measures"):
        sets[name] = frozenset(word_list(section.get(name), location(section, name), name))
    members, plurals, measures = (section.get(name) or {} for name in ("members", "plurals", "measures"))
    scopes = {word.lower(): str(scope) for scope, words in (section.get("scopes") or {}).items()
              for word in word_list(words, location(section.get("scopes"), scope), f"scope {scope!r}")}
    for name, table in (("members", members), ("plurals", plurals), ("measures", measures)):
        if not isinstance(table, dict) or not all(isinstance(value, str) for value in table.values()):
            raise RulesError(f"{location(section, name)}: {name} must map a noun to a word")
    implied, defaults = _implied(section, sets["generic"])
    earlier, rates, totals, thresholds = (tuple(" ".join(phrase.lower().split())
                                    for phrase in word_list(section.get(name), location(section, name), name))
                              for name in ("earlier", "rates", "totals", "thresholds"))
    return QuantityLexicon(units, **sets, members={str(noun).lower(): unit for noun, unit in members.items()},
                           plurals={str(noun).lower(): plural for noun, plural in plurals.items()},
                           implied=implied, defaults=defaults, earlier=earlier, rates=rates, totals=totals,
                           thresholds=thresholds,
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
