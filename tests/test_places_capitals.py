"""A place written in capitals (a dateline's "DUNMERE, Karsovia -") is the place the text writes in title case."""
import pytest

from troopclaims.extractors.places import place_mentions


def mentions(nlp, rules, text):
    return [(text[m.start:m.end], m.name) for m in place_mentions(nlp(text), rules.lexicon("places"))]


@pytest.mark.parametrize("text, expected", [
    ("ODESSA, 4 May 2027 - Nine boats sank off Odessa.", [("ODESSA", "Odesa"), ("Odessa", "Odesa")]),
    ("KYIV (Reuters) - Sirens sounded in Kyiv.", [("KYIV", "Kyiv"), ("Kyiv", "Kyiv")]),
])
def test_a_listed_name_in_capitals_is_the_listed_place(blank_nlp, rules, text, expected):
    assert mentions(blank_nlp, rules, text) == expected


def test_short_capitals_stay_words(blank_nlp, rules):
    # Only names of four letters or more are read in capitals: "US" is a name of its own, "IT" is no place.
    assert ("IT", "Italy") not in mentions(blank_nlp, rules, "IT workers in Rome said 40 servers failed.")


@pytest.mark.model
def test_an_unlisted_dateline_place_in_capitals_is_the_place_the_text_names(model_nlp, rules):
    text = ("DUNMERE, Karsovia, 4 May 2027 - At least 12 people were killed in Dunmere when the river burst its "
            "banks, the agency said.")
    found = mentions(model_nlp, rules, text)
    assert ("DUNMERE", "Dunmere") in found and ("Dunmere", "Dunmere") in found
    assert all(name != "DUNMERE" for _, name in found)
