"""Quantity claims: figure, qualifier and what is counted, sentence by sentence (sentences written for these tests)."""
import pytest

from troopclaims.quantities import quantities

# sentence -> [(text, value, qualifier, unit, subject)]
BLANK_CASES = [
    ("The ministry said 10,000 troops had crossed.", [("10,000 troops", 10000, "exact", "troops", "troops")]),
    ("Officials counted about 3,000 Atlantean soldiers at the camp.",
     [("about 3,000 Atlantean soldiers", 3000, "approximate", "troops", "Atlantean soldiers")]),
    ("Some 2,400 servicemen arrived.", [("Some 2,400 servicemen", 2400, "approximate", "troops", "servicemen")]),
    ("Nearly 800 marines were sent, and 40 officers went with them.",
     [("Nearly 800 marines", 800, "at_most", "troops", "marines"), ("40 officers", 40, "exact", "officers", "officers")]),
    ("The force numbers 12,000, of which 500 are officers.",
     [("12,000", 12000, "exact", None, None), ("500 are officers", 500, "exact", "officers", "officers")]),
    ("They sent three generals and twelve thousand recruits.",
     [("three generals", 3, "exact", "generals", "generals"),
      ("twelve thousand recruits", 12000, "exact", "troops", "recruits")]),
    ("Up to 5,000 civilians fled.", [("Up to 5,000 civilians", 5000, "at_most", "civilians", "civilians")]),
    ("The army lost control of about 780 square kilometres of farmland.",
     [("about 780 square kilometres", 780, "approximate", "km2", "farmland")]),
    ("Thousands of soldiers massed at the border.", [("Thousands of soldiers", None, "vague", "troops", "soldiers")]),
    ("A 40-person unit was hit.", [("40-person unit", 40, "exact", "people", "unit")]),
    ("A 3,000-strong brigade moved north.", [("3,000-strong brigade", 3000, "exact", "troops", "brigade")]),
    ("A 5,000-strong crowd gathered.", [("5,000-strong crowd", 5000, "exact", "people", "crowd")]),
    ("They flew for three days.", []),
]


@pytest.mark.parametrize("sentence, expected", BLANK_CASES)
def test_quantities_on_the_blank_pipeline(sentence, expected, blank_nlp, rules, article):
    source = article(sentence)
    claims = list(quantities(blank_nlp(sentence), source, rules))
    got = [(c.text, c.value, c.qualifier, c.unit, c.subject) for c in claims]
    assert got == expected
    for claim in claims:
        assert sentence[claim.start:claim.end] == claim.text


def test_them_is_the_noun_counted_before(blank_nlp, rules, article):
    sentence = "The ministry confirmed 10,000 Atlantean troops in the north, with nearly 8,000 of them near the lake."
    claims = list(quantities(blank_nlp(sentence), article(sentence), rules))
    assert [(c.text, c.unit, c.subject) for c in claims] == [
        ("10,000 Atlantean troops", "troops", "Atlantean troops"), ("nearly 8,000 of them", "troops", "Atlantean troops")]


@pytest.mark.model
def test_number_of_x_is_n_needs_no_noun_after_the_figure(model_nlp, rules, article):
    sentence = "The number of Atlantean soldiers moved to the island is now about 9,000, of which 300 are officers."
    claims = list(quantities(model_nlp(sentence), article(sentence), rules))
    assert [(c.value, c.qualifier, c.unit) for c in claims] == [(9000, "approximate", "troops"), (300, "exact", "officers")]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("Atlantis has quietly sent 6,000 well-trained infantry soldiers to the front.", ("troops", "well-trained infantry soldiers")),
    ("Every 20 recruits will get one interpreter.", ("troops", "recruits")),
    ("Each of the 12 brigades has 40 officers each.", ("units", "brigades")),
    ("The agency said 25 translators were hired.", ("translators", "translators")),
    ("Police spoke to one man at the scene.", ("men", "man")),
])
def test_counted_noun_by_parse(sentence, expected, model_nlp, rules, article):
    claims = list(quantities(model_nlp(sentence), article(sentence), rules))
    assert (claims[0].unit, claims[0].subject) == expected


@pytest.mark.parametrize("sentence, distributive", [
    ("They attach one interpreter to every 30 recruits.", [False, True]),
    ("Medics gave 2 doses per 100 residents.", [False, True]),
    ("About 300 recruits arrived.", [False]),
])
def test_figures_counted_per_group_are_marked(sentence, distributive, blank_nlp, rules, article):
    claims = list(quantities(blank_nlp(sentence), article(sentence), rules))
    assert [claim.distributive for claim in claims] == distributive
