"""The compiled rules/aspects.yaml: event words and their aspect classes, and what the rules say of each class."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from troopclaims.errors import RulesError
from troopclaims.rules import LineDict, check_keys, location, word_list


@dataclass(frozen=True)
class EventLexicon:
    """Written forms of event words mapped to their aspect, and the forms of reporting verbs."""

    aspects: dict[str, str]      # form -> aspect
    reporting: frozenset[str]    # forms
    subject_owns: frozenset[str] = frozenset()   # aspects whose verb's subject owns what is counted
    states: frozenset[str] = frozenset()         # aspects that last over time: their dates bound, not date
    cumulative: frozenset[str] = frozenset()     # counts that only grow: compared as a series over days
    light: frozenset[str] = frozenset()          # forms of verbs that only say something happened
    named_actor: frozenset[str] = frozenset()    # aspects whose named subject (a team, a firm) is the actor
    doers: frozenset[str] = frozenset()          # aspects whose doer ("attended by 200,000") is what is counted
    # event words of several words: the first word's form -> ((the words after it, aspect), ...), longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    empty: frozenset[str] = frozenset()          # forms of verbs that say nothing of what befell a figure
    sums: frozenset[str] = frozenset()           # aspects of sums of money: a count of things takes none of them
    counts: "EventLexicon | None" = None         # the same without the words of sums: the lexicon of counts
    daily: frozenset[str] = frozenset()          # aspects whose figures count one day's happening (a crowd)
    not_events: dict[str, frozenset[str]] = field(default_factory=dict)   # verb form -> nouns that make it none
    lemmas: frozenset[str] = frozenset()         # the single words as the rules write them ("march", "flee")
    running: frozenset[str] = frozenset()        # forms of verbs of a count moving ("rose to 19"): they date no event
    joins: dict[str, str] = field(default_factory=dict)   # aspect -> the aspect compare pools it with (destroyed)
    money: frozenset[str] = frozenset()          # aspects of sums of money (paid, pledged, fined ...)
    currency_of: dict[str, str] = field(default_factory=dict)   # unit of measure -> the currency it also names
    objects_only: frozenset[str] = frozenset()   # forms of verbs whose event befalls only their object ("flooded")
    money_only: frozenset[str] = frozenset()     # forms of event words of a sum of money only ("relief")
    measure_after: tuple[str, ...] = ()          # words right after a figure that keep it a measure ("heavier")
    # unit of a figure -> ((aspect, the unit it shares, forms of the words that give it), ...): "41 rounds fired"
    unit_aspects: dict[str, tuple[tuple[str, str, frozenset[str]], ...]] = field(default_factory=dict)
    falls: frozenset[str] = frozenset()          # cumulative counts that may also fall (the missing are found)

    def aspect_of(self, word: str, lemma: str = "") -> str | None:
        """Return the aspect of a word (by its lemma when the pipeline gives one), or None."""
        return self.aspects.get(lemma.lower()) or self.aspects.get(word.lower())

    def reports(self, word: str, lemma: str = "") -> bool:
        """Return whether a word is a reporting verb ("said", "confirmed")."""
        return lemma.lower() in self.reporting or word.lower() in self.reporting


def forms(lemma: str) -> set[str]:
    """Return a lemma with its regular English inflections: deploy -> deploys, deployed, deploying; set -> setting."""
    result = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("e"):
        result |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        result |= {lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"}
    else:
        result |= {lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            result |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}     # a final consonant doubled
    return result


_ARTICLES = frozenset(("the", "a", "an"))


def _phrase_entry(words: str) -> tuple[str, tuple[str, ...]]:
    """Return (first word, the content words after it) of an event phrase: "take to the streets" -> take, (to,
    streets)."""
    first, *rest = words.lower().split()
    return first, tuple(word for word in rest if word not in _ARTICLES)


def build_event_lexicon(section: LineDict, rules) -> EventLexicon:
    """Return the compiled lexicon of rules/aspects.yaml (strictly checked), its reporting verbs attribution.yaml's."""
    check_keys(section, section.where(), allowed=("aspects", "subject_owns", "states", "cumulative", "falls", "light",
                                                   "named_actor", "doers", "empty", "sums", "daily", "not_events",
                                                   "running", "joins", "money", "currency_of",
                                                   "objects_only", "money_only", "measure_after",
                                                   "unit_aspects"))
    aspects: dict[str, str] = {}
    phrases: dict[str, dict[tuple[str, ...], str]] = {}
    classes = section.get("aspects") or {}
    if not isinstance(classes, dict):
        raise RulesError(f"{location(section, 'aspects')}: aspects must map a class name to a list of words")
    for name, words in classes.items():
        for word in word_list(words, location(classes, name), f"aspect {name!r}"):
            first, rest = _phrase_entry(word)
            for form in forms(first):
                if rest:                         # "take part", "call in": the verb with its particle or object
                    phrases.setdefault(form, {})[rest] = str(name)
                elif " " not in word.strip():
                    aspects[form] = str(name)    # the last entry wins: a user's class comes after the defaults
    listed = {}
    for key in ("subject_owns", "states", "cumulative", "falls", "named_actor", "doers", "sums", "daily", "money"):
        listed[key] = word_list(section.get(key), location(section, key), key)
        if any(name not in classes for name in listed[key]):
            raise RulesError(f"{location(section, key)}: {key} must list aspects defined above")
    if any(name not in listed["cumulative"] for name in listed["falls"]):
        raise RulesError(f"{location(section, 'falls')}: falls must list aspects of cumulative")
    light, empty, running, objects_only, money_only = (
        frozenset(form for word in word_list(section.get(key), location(section, key), key)
                  for form in forms(word.lower()))
        for key in ("light", "empty", "running", "objects_only", "money_only"))
    kinds = (frozenset(listed[key]) for key in ("subject_owns", "states", "cumulative"))
    verbs = rules.lexicon("attribution").verbs
    reporting = frozenset(verbs) | frozenset(cue.lemma for cue in verbs.values())
    ordered = {form: tuple(sorted(entries.items(), key=lambda entry: -len(entry[0])))
               for form, entries in phrases.items()}
    sums = frozenset(listed["sums"])
    lexicon = EventLexicon(aspects, reporting, *kinds, light, frozenset(listed["named_actor"]),
                           frozenset(listed["doers"]), ordered, empty, sums, not_events=_not_events(section),
                           objects_only=objects_only, money_only=money_only,
                           lemmas=frozenset(word.strip().lower() for words in classes.values()
                                            for word in words if " " not in word.strip()))
    # A count of things climbs past the words of sums to its own event: "seeks to deploy 500 troops" deploys them.
    counts = replace(lexicon, aspects={form: name for form, name in aspects.items() if name not in sums},
                     phrases={form: kept for form, entries in ordered.items()
                              if (kept := tuple(entry for entry in entries if entry[1] not in sums))})
    currency_of = {str(unit): str(code) for unit, code in (section.get("currency_of") or {}).items()}
    return replace(lexicon, counts=counts, daily=frozenset(listed["daily"]), falls=frozenset(listed["falls"]),
                   running=running,
                   joins=_joins(section, classes), money=frozenset(listed["money"]), currency_of=currency_of,
                   measure_after=tuple(" ".join(phrase.lower().split()) for phrase in word_list(
                       section.get("measure_after"), location(section, "measure_after"), "measure_after")),
                   unit_aspects=_unit_aspects(section))


def _unit_aspects(section: LineDict) -> dict[str, tuple[tuple[str, str, frozenset[str]], ...]]:
    """Return the checked `unit_aspects` of aspects.yaml: each unit listed -> its (aspect, shared unit, word
    forms), in the order written."""
    table = section.get("unit_aspects") or {}
    if not isinstance(table, dict):
        raise RulesError(f"{location(section, 'unit_aspects')}: unit_aspects must map an aspect to unit, units, words")
    result = {}
    for aspect, entry in table.items():
        where = location(table, aspect)
        entry = check_keys(entry, where, ("aspect", "unit", "units", "words"), required=("unit", "units", "words"))
        aspect = entry.get("aspect", aspect)       # two entries may give one aspect to different units
        words = frozenset(form for word in word_list(entry["words"], location(entry, "words"), "words")
                          for form in forms(word.lower()))
        for unit in word_list(entry["units"], location(entry, "units"), "units"):
            result[unit] = (*result.get(unit, ()), (str(aspect), str(entry["unit"]), words))
    return result


def _joins(section: LineDict, classes: dict) -> dict[str, str]:
    """Return the checked `joins` of aspects.yaml: aspect -> the aspect whose fact its figures join."""
    joins = {str(key): str(value) for key, value in (section.get("joins") or {}).items()}
    if any(key not in classes or value not in classes for key, value in joins.items()):
        raise RulesError(f"{location(section, 'joins')}: joins must map an aspect to an aspect, both defined above")
    return joins


def _not_events(section: LineDict) -> dict[str, frozenset[str]]:
    """Return the forms of each verb of `not_events` with the nouns beside which it names no event."""
    table = section.get("not_events") or {}
    if not isinstance(table, dict):
        raise RulesError(f"{location(section, 'not_events')}: not_events must map a verb to a list of nouns")
    result: dict[str, frozenset[str]] = {}
    for verb, nouns in table.items():
        words = frozenset(word.lower() for word in word_list(nouns, location(table, verb), f"not_events {verb!r}"))
        for form in forms(str(verb).lower()):
            result[form] = result.get(form, frozenset()) | words
    return result
