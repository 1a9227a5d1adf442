"""Ages and durations as claims: "the 24-year-old gunman" (age 24 years, of gunman), "the standoff lasted 10
hours" (duration 10 hours, of standoff), each with what it is of.

The figures are those the `not_figures` patterns of rules/numbers.yaml keep out of the quantities (ages,
durations, spans of time): rules/spans_of_time.yaml names which patterns give ages and which durations, the units
of time, the words that make a span a window ("in the past 10 years", "two years ago") and the verbs that only say
how long their subject lasted. Values, ranges and qualifiers are read by numbers like every figure.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Iterable

from troopclaims.errors import RulesError
from troopclaims.extractors.events import event_subject, governing_event
from troopclaims.extractors.numbers import Numeric, numerics
from troopclaims.extractors.numbers.filters import gated
from troopclaims.extractors.numbers.phrases import compile_pattern, phrase_alternation
from troopclaims.records import SPAN_KINDS, Article, Claim
from troopclaims.rules import LineDict, check_keys, location, word_list
from troopclaims.spans import annotated, doc_text, merged_runs, new_claim, token_at

_NOUNS = ("NOUN", "PROPN")
_VERBS = ("VERB", "AUX")


@dataclass(frozen=True)
class SpanRules:
    """The compiled rules/spans_of_time.yaml: the patterns that find ages and durations, units and window words."""

    ages: tuple[re.Pattern, ...]
    durations: tuple[re.Pattern, ...]
    unit_of: dict[str, str]          # lower-case word -> canonical unit ("hrs" -> hours)
    days: dict[str, float]           # canonical unit -> its length in days
    unit_word: re.Pattern            # the first unit word after a figure
    before: frozenset[str]           # words right before a figure that make its span a window
    after: re.Pattern                # words right after the unit that do (match at the unit's end)
    age_after: re.Pattern            # words right after the unit that make a span an age ("of age")
    lasting: frozenset[str]          # verbs whose duration is their subject's ("lasted", "took")
    age_limits: frozenset[str] = frozenset()     # words beside "age" that make it a rule's ("retirement age")
    age_unit: str = "years"                      # the unit of an age written bare ("Okafor, 45,")
    old: re.Pattern = re.compile(r"(?!x)x")      # the word after an age's unit that ends it ("29 years old")
    age_words: frozenset[str] = frozenset()      # words that open an age ("aged 29", "at the age of 65")
    copulas: frozenset[str] = frozenset()        # verbs whose subject an age after them is of ("Jones was 29")
    skip: frozenset[str] = frozenset()           # words passed over back from an age to its person ("who is")


def build_span_rules(section: LineDict, rules) -> SpanRules:
    """Return the compiled spans_of_time rules; the patterns named must be not_figures patterns of numbers.yaml."""
    where = location(section, fallback="rules/spans_of_time.yaml")
    check_keys(section, where, ("ages", "durations", "units", "windows", "age_after", "age_limits", "lasting",
                                  "age_unit", "old", "age_words", "copulas", "skip"), required=("age_unit",))
    names = list(rules.section("numbers").get("not_figures") or {})
    compiled = dict(zip(names, rules.lexicon("numbers").not_figures))    # built in the section's order

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        chosen = word_list(section.get(key), location(section, key, where), key)
        for name in chosen:
            if name not in compiled:
                raise RulesError(f"{location(section, key, where)}: {name!r} is not a not_figures pattern "
                                 f"of numbers.yaml; name one of {', '.join(names)}")
        return tuple(compiled[name] for name in chosen)

    units = section.get("units") or {}
    if not isinstance(units, dict):
        raise RulesError(f"{location(section, 'units', where)}: units must map a unit to its words and days")
    unit_of, days = {}, {}
    for unit, entry in units.items():
        check_keys(entry, location(units, unit, where), ("words", "days"), required=("words", "days"))
        if isinstance(entry["days"], bool) or not isinstance(entry["days"], (int, float)) or entry["days"] <= 0:
            raise RulesError(f"{location(entry, 'days', where)}: days must be a positive number")
        days[str(unit)] = float(entry["days"])
        for word in word_list(entry["words"], location(entry, "words", where), f"unit {unit!r}"):
            unit_of[" ".join(word.lower().split())] = str(unit)
    if section["age_unit"] not in days:
        raise RulesError(f"{location(section, 'age_unit', where)}: age_unit {section['age_unit']!r} is not one of "
                         f"the units; name one of {', '.join(days)}")
    windows = check_keys(section.get("windows") or LineDict(), location(section, "windows", where),
                         ("before", "after"))

    def phrases(node, key: str, what: str) -> re.Pattern:
        words = word_list(node.get(key), location(node, key, where), what)
        return compile_pattern(rf"(?i:[\s-]*(?:{phrase_alternation(words, bare=True)})\b)" if words else r"(?!x)x",
                               location(node, key, where), what)

    return SpanRules(
        ages=patterns("ages"), durations=patterns("durations"), unit_of=unit_of, days=days,
        unit_word=compile_pattern(rf"(?i)\b(?:{phrase_alternation(sorted(unit_of, key=len, reverse=True), bare=True)})"
                                  r"\b" if unit_of else r"(?!x)x", where, "units"),
        before=frozenset(w.lower() for w in word_list(windows.get("before"), where, "windows.before")),
        after=phrases(windows, "after", "windows.after"), age_after=phrases(section, "age_after", "age_after"),
        lasting=frozenset(w.lower() for w in word_list(section.get("lasting"), where, "lasting")),
        age_limits=frozenset(w.lower() for w in word_list(section.get("age_limits"), where, "age_limits")),
        age_unit=str(section["age_unit"]), old=phrases(section, "old", "old"),
        **{key: frozenset(w.lower() for w in word_list(section.get(key), where, key))
           for key in ("age_words", "copulas", "skip")})


@dataclass(frozen=True)
class _Found:
    kind: str                # age | duration
    numeric: Numeric
    start: int               # the claim's words: the figure and its unit ("24-year-old", "10 hours", "aged 29")
    end: int
    unit: str
    compound: bool           # written as one adjective ("a 10-hour standoff", "the 24-year-old gunman")


def find_spans_of_time(doc, article: Article, rules, kinds: Iterable[str] = SPAN_KINDS,
                       dates: Iterable[Claim] = ()) -> list[Claim]:
    """Return the age and duration claims of a Doc of article.text (of the kinds asked for), in text order; a span
    inside a date ("two years ago", "the past 10 years") is the date's."""
    lex, numbers = rules.lexicon("spans_of_time"), rules.lexicon("numbers")
    text = doc_text(doc)
    dates = [(claim.start, claim.end) for claim in dates]
    claims = []
    marks = _marks(text, numbers, lex)
    for found in _spans(text, marks, _numerics_near(text, [(s, e) for _, _, s, e in marks], numbers), lex):
        if found.kind not in kinds or any(s < found.end and found.start < e for s, e in dates):
            continue
        numeric = found.numeric
        fields = dict(value=numeric.value, low=numeric.low, high=numeric.high, qualifier=numeric.qualifier,
                      unit=found.unit)
        if found.kind == "age":
            fields["subject"] = _person(doc, found, lex)
        else:
            fields["event"], fields["subject"] = _measured(doc, found, lex, rules)
        claims.append(new_claim(article, doc, found.start, found.end, found.kind, **fields))
    return claims


_CONTEXT = 100     # characters a pattern sees either side of a number, as numbers' not_figures filter sees them


def _marks(text: str, numbers, lex: SpanRules) -> list[tuple[str, re.Match, int, int]]:
    """Return (kind, match, start, end) for each figure an age or duration pattern marks: its groups named x...,
    else the whole match; the patterns are tried only near where a number can start (for speed)."""
    low = text.lower()
    # vague phrases too: "hundreds of years" has no number word to seed it
    seeds = [*numbers.seed.finditer(low), *numbers.vague_phrases.finditer(low)]
    windows = _clipped([(m.start() - _CONTEXT, m.end() + _CONTEXT) for m in seeds], len(text)) \
        if len(low) == len(text) else [(0, len(text))]
    marks = []
    for kind, patterns in (("age", lex.ages), ("duration", lex.durations)):
        for pattern in map(gated, patterns):
            for match in (match for s, e in windows for match in pattern.finditer(text, s, e)):
                groups = [name for name, value in match.groupdict().items() if name.startswith("x") and value]
                marks.extend((kind, match, *match.span(name)) for name in groups)
                if not groups:
                    marks.append((kind, match, *match.span()))
    return marks


def _clipped(windows: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Return the windows clipped to the text, sorted and merged where they touch."""
    return merged_runs((max(0, start), min(length, end)) for start, end in windows)


def _numerics_near(text: str, spans: list[tuple[int, int]], numbers) -> list[Numeric]:
    """Return the numerics of text read in windows around the spans (the qualifier words and ranges of a figure are
    within them), sorted by start."""
    found = []
    for start, end in _clipped([(s - 80, e + 80) for s, e in spans], len(text)):
        shift = dict.fromkeys(("start", "end", "num_start", "num_end"), start)
        found.extend(replace(n, **{key: getattr(n, key) + offset for key, offset in shift.items()})
                     for n in numerics(text[start:end], numbers))
    return found


def _spans(text: str, marks: list[tuple[str, re.Match, int, int]], found: list[Numeric],
           lex: SpanRules) -> list[_Found]:
    """Return the ages and durations among the numerics: each figure a pattern marks (ages first), with its unit of
    time, windows of time left out."""
    starts = [numeric.num_start for numeric in found]
    marked: dict[int, tuple[str, re.Match]] = {}
    for kind, match, start, end in marks:
        index = bisect_right(starts, end - 1) - 1       # the last numeric starting before the mark ends
        if index >= 0 and start < found[index].num_end:
            marked.setdefault(index, (kind, match))
    spans = []
    for index in sorted(marked):
        kind, match = marked[index]
        span = _span(text, found[index], kind, match, lex)
        if span is not None:
            spans.append(span)
    return spans


_WORD_BEFORE = re.compile(r"([A-Za-z’']+)\W*?(?:\s+([A-Za-z’']+))?[\s,(]*\Z")


def _span(text: str, numeric: Numeric, kind: str, match: re.Match, lex: SpanRules) -> _Found | None:
    """Return the claim a marked figure makes, or None for a window of time or a unit that is not one of time."""
    unit = lex.unit_word.search(text, numeric.num_end, max(match.end(), numeric.num_end))
    if unit is not None and unit.start() - numeric.num_end > 24:
        unit = None
    if unit is None and kind == "duration":
        return None                            # "a 10-game suspension", "over six seasons"
    end = max(numeric.end, unit.end() if unit else numeric.end)
    compound = unit is not None and "-" in text[numeric.num_end:unit.start()]
    if kind == "duration" and (age := lex.age_after.match(text, end)):
        kind, end = "age", age.end()           # "29 years of age"
    elif kind == "age" and unit and (old := lex.old.match(text, end)):
        end = old.end()
    elif kind == "duration" and (lex.after.match(text, end) or _window_before(text, numeric.start, lex)):
        return None
    start = numeric.start
    if kind == "age" and (text[match.start():numeric.start].split() or [""])[0].lower() in lex.age_words:
        start = match.start()                  # "aged 29", "at the age of 65"
        if _limit(text, start, numeric.start, lex):
            return None
    # a unit of two words may be matched across a line break or a double space
    unit = lex.unit_of[" ".join(unit.group().lower().split())] if unit else lex.age_unit
    return _Found(kind, numeric, start, end, unit, compound)


def _limit(text: str, start: int, figure: int, lex: SpanRules) -> bool:
    """Return whether "age" at start is a rule's ("the retirement age for women to 65", "an age limit of 12")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    words = set(re.findall(r"[a-z]+", text[start:figure].lower()))
    return bool(before and (before.group(2) or before.group(1)).lower() in lex.age_limits
                or words & lex.age_limits)


def _window_before(text: str, start: int, lex: SpanRules) -> bool:
    """Return whether the word before a figure ("within", "the past") makes its span a window of time."""
    words = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if words is None:
        return False
    first, last = (word.lower() if word else None for word in words.groups())
    last = last or first
    previous = first if words.group(2) else None
    return last in lex.before or last == "the" and previous in lex.before


# --- what an age is of -------------------------------------------------------------------------------------------

def _person(doc, found: _Found, lex: SpanRules) -> str | None:
    """Return whom an age describes: the noun an age adjective modifies ("the 24-year-old gunman"), the name it is
    set off after ("Okafor, 45,"), or the subject of "was 29 years old"; a name stands for the noun in apposition
    with it. None when only a pronoun says."""
    last = token_at(doc, found.end - 1)
    after = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
    if found.compound and after is not None and _is_word(after):
        # "the 24-year-old police officer": the head noun; "the 32-year-old Okafor's third": the name
        climb = after.head.pos_ in _NOUNS and after.head.i > last.i and not (after.dep_ == "poss"
                                                                             and after.pos_ == "PROPN")
        noun = after.head if annotated(doc, "DEP") and climb else after
        return _named(noun, last.i) if annotated(doc, "DEP") else noun.text
    first = token_at(doc, found.start)
    if annotated(doc, "DEP") and first is not None and first.lower_ in lex.age_words:
        if first.head.pos_ in _NOUNS and first.head.i < first.i:     # "a driver aged 29"
            return _named(first.head)
        if first.head.pos_ in _VERBS:                                 # "died in her sleep aged 91"
            return _subject_of(doc, first.head, lex.skip)
    before = _skip_back(doc, first.i - 1 if first is not None else -1, lex.skip)
    if before is not None and before.lower_ in lex.copulas:
        return _subject_of(doc, before, lex.skip)
    named = _name_ending(doc, before) if before is not None else None
    # "died Thursday at age 85", "at the age of 85": the subject of the verb the age hangs on
    return named or event_subject(doc, found.start, found.end, passive=True)


def _skip_back(doc, i: int, skip: frozenset[str]):
    """Return the token at i or before it that is not a comma, a bracket or a word to skip ("a", "aged", "who")."""
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in skip):
        i -= 1
    return doc[i] if i >= 0 else None


def _subject_of(doc, verb, skip: frozenset[str]) -> str | None:
    """Return the subject of a copula or verb ("Jones" in "Jones was 29"): by the parse, else the word before."""
    if annotated(doc, "DEP"):
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        return _named(subjects[0]) if subjects and subjects[0].pos_ != "PRON" else None
    return _name_ending(doc, _skip_back(doc, verb.i - 1, skip)) if verb.i else None


def _name_ending(doc, token) -> str | None:
    """Return the name or noun that ends at token ("John Smith", "the victim" -> victim), None for a pronoun."""
    if token is None or not _is_word(token):
        return None
    if annotated(doc, "DEP"):
        return _named(token)
    if not token.text[:1].isupper():
        return token.text
    first = token.i
    while first > token.sent.start and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha:
        first -= 1
    return doc[first:token.i + 1].text


def _is_word(token) -> bool:
    return token.is_alpha and not token.is_stop and token.pos_ not in ("PRON", "VERB", "AUX", "ADP", "DET")


def _named(noun, after: int = -1, person: bool = True) -> str:
    """Return a noun with its compounds after token `after` ("police officer"), or for a person the name in
    apposition with it ("Okafor" for "the gunman, Okafor,"; "Okafor" for "Okafor, a 45-year-old teacher")."""
    # a duration is not a person's: "Penn, a 20-year veteran" is of the veteran's service, not of Penn
    if person and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun, after = noun.head, -1
    elif person and noun.pos_ != "PROPN":
        names = [child for child in noun.children if child.dep_ == "appos" and child.pos_ == "PROPN"]
        noun, after = (names[0], -1) if names else (noun, after)
    words = [word for word in noun.subtree
             if word.dep_ == "compound" and word.is_alpha and after < word.i < noun.i or word is noun]
    return " ".join(word.text for word in words)


# --- what a duration measures ------------------------------------------------------------------------------------

def _measured(doc, found: _Found, lex: SpanRules, rules) -> tuple[str | None, str | None]:
    """Return (event, subject) of a duration: the noun it measures ("a 10-hour standoff", "six weeks of paid
    leave"), the subject of a verb of lasting ("the standoff lasted 10 hours"), or the verb it measures with that
    verb's subject ("Okafor served 30 years", "planned the attack for two weeks")."""
    last = token_at(doc, found.end - 1)
    after = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of" and after.i + 1 < len(doc):
        return _phrase_after(doc, after.i + 1), None
    if found.compound and after is not None and _is_word(after):
        noun = after.head if annotated(doc, "DEP") and after.head.pos_ in _NOUNS and after.head.i > last.i else after
        return (_named(noun, last.i, person=False) if annotated(doc, "DEP") else noun.text), None
    if annotated(doc, "DEP"):
        found_by_parse = _by_parse(last, lex)
        if found_by_parse is not None:
            return found_by_parse
    else:
        first = token_at(doc, found.start)
        before = _skip_back(doc, first.i - 1, lex.skip) if first is not None else None
        if before is not None and before.lower_ in lex.lasting:
            return _name_ending(doc, _skip_back(doc, before.i - 1, lex.skip) if before.i else None) or before.text, None
    event, _ = governing_event(doc, found.start, found.end, rules.lexicon("aspects"))
    return event, None


def _by_parse(unit, lex: SpanRules) -> tuple[str | None, str | None] | None:
    """Return (event, subject) from the parse: the verb or noun the unit of time hangs on, through a preposition
    ("for two weeks") or directly ("lasted 10 hours", "served 30 years")."""
    head = unit.head
    if unit.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.dep_ == "dobj" and head.head.pos_ in _VERBS:
            head = head.head                   # "planned the attack for two weeks": the planning lasted
    if head.i == unit.i:
        return None
    if head.pos_ in _NOUNS:
        return _named(head, person=False), None
    if head.pos_ not in _VERBS:
        return None
    if head.lemma_.lower() in lex.lasting or head.lower_ in lex.lasting or head.lemma_ == "be":
        if head.dep_ == "acl" and head.head.pos_ in _NOUNS:        # "a siege lasting 10 hours"
            return _named(head.head, person=False), None
        subject = _subject_of(unit.doc, head, lex.skip)
        clauses = [child for child in head.children if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB"]
        if subject is None and clauses:                # "it took three hours to put the fire out": putting it out
            return clauses[0].text, _subject_of(unit.doc, clauses[0], lex.skip)
        return (subject, None) if subject else (head.text, None)
    return head.text, _subject_of(unit.doc, head, lex.skip)


def _phrase_after(doc, i: int) -> str | None:
    """Return the noun phrase after "of" ("six weeks of paid leave" -> paid leave), by the parse or word order."""
    if annotated(doc, "DEP") and doc[i - 1].dep_ == "prep":
        objects = [child for child in doc[i - 1].children if child.dep_ == "pobj"]
        if objects:
            noun = objects[0]
            words = [w for w in noun.subtree if w.i <= noun.i and (w is noun or w.dep_ in ("compound", "amod"))]
            return " ".join(word.text for word in words)
    words = []
    for token in doc[i:i + 3]:
        if not token.is_alpha or token.is_stop and words:
            break
        if not token.is_stop:
            words.append(token.text)
    return " ".join(words) or None
