"""Figures of stories the seed corpus does not cover (an attack, an evacuation, money), sentence by sentence: the
qualifier, unit and aspect a reader gives each. Sentences, names and places written for these tests."""
import pytest

from troopclaims.run.extract import claims_in


def quantities(nlp, text, rules, article, published="2031-03-11"):
    return [claim for claim in claims_in(nlp(text), article(text, published), rules, ("quantity",))]


# sentence -> [(text, value, qualifier)] on the blank pipeline
QUALIFIERS = [
    # a running count past a mark is a lower bound, in the past tense too
    ("The toll passed 20 by Monday evening, a health official said.", [("passed 20", 20, "at_least")]),
    ("The death toll had passed 300.", [("had passed 300", 300, "at_least")]),
    ("By Friday the count of the missing topped 1,000, officials said.", [("topped 1,000", 1000, "at_least")]),
    ("The number of evacuees climbed past 12,000 overnight.", [("climbed past 12,000", 12000, "at_least")]),
    ("Turnout crossed the 50,000 mark on Sunday.", [("crossed the 50,000", 50000, "at_least")]),
    # an act on the things counted is no mark passed
    ("The council passed 12 bylaws on Monday.", [("12 bylaws", 12, "exact")]),
    ("The convoy crossed 14 bridges before dawn.", [("14 bridges", 14, "exact")]),
]


@pytest.mark.parametrize("sentence, expected", QUALIFIERS)
def test_qualifiers_of_running_counts(sentence, expected, blank_nlp, rules, article):
    got = [(c.text, c.value, c.qualifier) for c in quantities(blank_nlp, sentence, rules, article)]
    assert got == expected


# a dateline's date stamps the article: it dates no event of its line, and no figure after it
DATELINES = [
    ("ORVANE, 4 August 2031 - Some 12,000 people have been evacuated, the mayor said on Sunday.",
     "2031-08-04", "2031-08-03"),
    ("Fire in the hills\n\nKELDRA, March 10 (Morning Post) - Gunmen killed at least 14 people.", "2031-03-10", None),
]


@pytest.mark.parametrize("text, stamp, as_of", DATELINES)
@pytest.mark.parametrize("pipeline", ["blank_nlp", pytest.param("model_nlp", marks=pytest.mark.model)])
def test_a_dateline_dates_no_event(text, stamp, as_of, pipeline, request, rules, article):
    nlp = request.getfixturevalue(pipeline)
    claims = claims_in(nlp(text), article(text, "2031-08-04" if "ORVANE" in text else "2031-03-10"), rules)
    dates = [c for c in claims if c.kind == "date" and c.value == stamp]
    assert [(c.event, c.aspect, c.subject) for c in dates] == [(None, None, None)]
    assert [(c.as_of, c.happened) for c in claims if c.kind == "quantity"] == [(as_of, None)]
