"""The first-character gates of extractors/numbers/filters.py, on the number and date rules: a gated pattern finds
exactly what the pattern finds; the word gate of attribution's cue reading, which looks at every word that can be
a cue; the titles of speakers.yaml looked up by their first word; and in_quote, read only between the quotations."""
import re

import pytest

from troopclaims.extractors.numbers.filters import blocked_mask, gated
from troopclaims.rules import Rules

TEXTS = [
    "Aged 29, Marta Velk had run 12 races; no-one else ran one of them.",
    "ONE hundred and Twelve soldiers, 3,400 tonnes, call 555-201-3344 or dial 911.",
    "Fifteen-year-old Tomas Reyn, son of two teachers, turned 16 on 4 May 2031.",
    "The \u017fix (long s) and \u212aelvin sign fold under IGNORECASE: \u0130stanbul, \u0131zmir.",
    "",
    "1 2 3 one two three  -  four, five; six:seven\n\neight\tnine ten",
]

PATTERNS = [
    r"(?i)\b(?P<x>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:races|soldiers)\b",
    r"(?i)(?<![\d,.])\b(?P<x>\d+|one|two|twelve)\b",
    r"\b(?P<x>\d{3}\s*[-.]\s*\d{3}\s*[-.]\s*\d{4})\b|(?i:\b(?:call|dial)\s+(?P<x2>\d+))",
    r"(?i)\b(?:aged|ages?)\s+(?P<x>\d{1,3})\b",
    r"(?i:s)ix|(?-i:K)elvin",
    r"(?i)(?P<x>\.?\s?\d+)\s*-?\s*year-old",
    r"(?:\d{0,2})?x*[Ff]ifteen",            # optional items before the first character a match needs
    r"(?x) \b (?P<x> \d+ )  # a trailing comment",
    r"(?>\d+)\s+[a-z]+",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_gated_pattern_finds_the_same_matches(pattern):
    plain = re.compile(pattern)
    gate = gated(plain)
    assert gate is not plain           # each of these has a set of first characters
    for text in TEXTS:
        for start, end in [(0, len(text)), (5, max(5, len(text) - 7))]:
            found = [(m.span(), m.groupdict()) for m in plain.finditer(text, start, end)]
            assert [(m.span(), m.groupdict()) for m in gate.finditer(text, start, end)] == found


@pytest.mark.parametrize("pattern", [
    r"\d*",                  # may match empty
    r"\b\w+@\w+",            # any word character may start it
    r"(a)?\1x",              # a back reference may come first
    r"(?a:\d)+",             # a group that changes what \d holds
    r".x",
    r"[^a]b",
])
def test_pattern_with_no_known_first_characters_is_kept(pattern):
    plain = re.compile(pattern)
    assert gated(plain) is plain


def test_rule_patterns_mask_the_same_characters_gated():
    lexicon = Rules([]).lexicon("numbers")
    for text in TEXTS:
        ungated = bytearray(len(text))
        for pattern in (*lexicon.blockers, *lexicon.not_figures):
            for m in pattern.finditer(text):
                names = [n for n, v in m.groupdict().items() if n.startswith("x") and v is not None]
                for s, e in [m.span(n) for n in names] if names else [m.span()]:
                    ungated[s:e] = b"\x01" * (e - s)
        assert blocked_mask(text, lexicon, (*lexicon.blockers, *lexicon.not_figures)) == ungated


def test_date_rule_patterns_gated_find_the_same_matches():
    plain = Rules([]).lexicon("dates")
    pairs = [(p, gated(p)) for p in (*(f.regex for f in plain.forms), *plain.not_dates)]
    assert sum(p is not g for p, g in pairs) > len(pairs) // 2       # most date patterns have a gate
    texts = [*TEXTS, "On Friday, 25 October 2024, and again by mid-March or the 1990s; Vision 2030 talks, Q3 2025."]
    for text in texts:
        for p, g in pairs:
            assert [(m.span(), m.groupdict()) for m in g.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in p.finditer(text)]


def test_cue_reading_looks_at_every_word_that_can_be_a_cue(blank_nlp):
    from troopclaims.attribution.cues import lowered
    from troopclaims.attribution.speech import DocumentReader

    rules = Rules([])
    cues = rules.lexicon("attribution")
    text = ("Officials said on Monday that 40 homes were hit by the storm, according to a statement; "
            "“We will rebuild,” the mayor told reporters, adding the ministry’s estimated 300 dead.")
    doc = blank_nlp(text)
    reader = DocumentReader(doc, cues, rules.lexicon("hedges"), rules.lexicon("speakers"))
    may_cue = [t.i for t in doc if lowered(t) in cues.verbs or t.lower_ == "by" or t.lower_ in cues.nouns]
    assert len(may_cue) >= 5 and set(may_cue) <= set(reader._cue_positions({}))
    assert {e.lemma for e in reader.events.values()} >= {"say", "tell"}


def test_cue_hashes_hold_verbs_with_either_apostrophe():
    from types import SimpleNamespace

    from spacy.strings import hash_string

    from troopclaims.attribution.speech import _cue_hashes

    hashes = _cue_hashes(SimpleNamespace(all_verbs={"o'er-said": None, "plain": None}, nouns={"claim": None}))
    assert {hash_string(w) for w in ("o'er-said", "o’er-said", "plain", "claim", "by")} == hashes


@pytest.mark.parametrize("mention, name", [
    ("U.S. spokesman John Kirby", "John Kirby"),
    ("Deputy Prime Minister Olga Varn", "Olga Varn"),               # the last and longest title wins
    ("Secretary of State Ada Lenz and spokesman Piet Mor", "Piet Mor"),
    ("the Foreign Minister", "the Foreign Minister"),               # no name after the title
    ("Army spokesman Council", "Army spokesman Council"),           # an organisation's head word ends it
    ("spokesman john", "spokesman john"),
])
def test_titles_looked_up_by_first_word_leave_the_name(mention, name):
    assert Rules([]).lexicon("speakers")._untitled(mention) == name


def test_in_quote_is_quote_of_at_every_token(blank_nlp):
    from troopclaims.attribution.speech import DocumentReader

    rules = Rules([])
    for text in ["No quotation here at all.", "\u201cFirst,\u201d she said. Then \u201ca \u2018nested\u2019 one\u201d",
                 'He said "open and never closed\n\nA new paragraph.', ""]:
        doc = blank_nlp(text)
        reader = DocumentReader(doc, rules.lexicon("attribution"), rules.lexicon("hedges"), rules.lexicon("speakers"))
        assert reader.in_quote == [reader.quote_of(t.idx, t.idx + len(t.text)) is not None for t in doc]
