"""Shapes of figures and dates in news that were read wrong or not at all: years before plural nouns, changes "by
A to B", coordinated counts, bounds of a state that began on a day, shots fired, prices (sentences written for
these tests, with invented names)."""
from pathlib import Path

import pytest

import troopclaims
from troopclaims.run.claims import claims_in


def _claims(nlp, rules, article, text, published="2030-05-15"):
    return claims_in(nlp(text), article(text, published), rules)


def _dates(claims):
    return [(c.text, c.value, c.low, c.high) for c in claims if c.kind == "date"]


def _figures(claims):
    return [(c.text, c.value, c.low, c.high, c.qualifier) for c in claims if c.kind == "quantity"]


# A four-digit year before a noun names that year's thing; before a counted noun it is a count.
YEARS = [
    ("Officials leaked part of Senator Vell’s 1995 state tax filings.", [("1995", "1995", "1995-01-01", "1995-12-31")],
     []),
    ("Officials leaked part of Senator Vell's 1995 filings.", [("1995", "1995", "1995-01-01", "1995-12-31")], []),
    ("The 2024 elections in Osterland were close.", [("2024", "2024", "2024-01-01", "2024-12-31")], []),
    ("The 2010 floods drove farmers away.", [("2010", "2010", "2010-01-01", "2010-12-31")], []),
    ("Her 2019 tax returns were released.", [("2019", "2019", "2019-01-01", "2019-12-31")], []),
    ("The 1995 troops arrived at dawn.", [], [("1995 troops", 1995, 1995, 1995, "exact")]),
    ("Some 2000 protesters marched.", [], [("Some 2000 protesters", 2000, 1800, 2200, "approximate")]),
    ("Officials said 2026 elections would be held late.", [("2026", "2026", "2026-01-01", "2026-12-31")], []),
    # nouns counted in thousands are counts, after "the" or "for" too; a figure never vanishes from both sides
    ("Clerks said 1900 trials were put off by the strike.", [], [("1900 trials", 1900, 1900, 1900, "exact")]),
    ("Donors paid for 2000 trials of the vaccine.", [], [("2000 trials", 2000, 2000, 2000, "exact")]),
    ("Detectives tied the 1800 killings to a gang.", [], [("1800 killings", 1800, 1800, 1800, "exact")]),
    ("Auditors checked 1950 returns by hand.", [], [("1950 returns", 1950, 1950, 1950, "exact")]),
]


@pytest.mark.parametrize("sentence, dates, figures", YEARS)
def test_a_year_before_a_noun_is_a_date_and_before_a_counted_noun_a_count(blank_nlp, rules, article, sentence,
                                                                          dates, figures):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert _dates(claims) == dates
    assert _figures(claims) == figures


# "by A to B" after a change word: the change and the level reached, unless a unit or noun after B spans both.
CHANGES = [
    ("The toll rose by 10 to 30.", [("10", 10, 10, 10, "exact"), ("30", 30, 30, 30, "exact")]),
    ("The toll rose by 10 to 30 on Monday.", [("10", 10, 10, 10, "exact"), ("30", 30, 30, 30, "exact")]),
    ("The toll rose by 300 to 4,500.", [("300", 300, 300, 300, "exact"), ("4,500", 4500, 4500, 4500, "exact")]),
    ("The garrison will be cut by 2,000 to 3,000.", [("2,000 to 3,000", 2000, 2000, 3000, "range")]),
    # a cut "by A to B" is no running count: a range of the cut, whatever follows B
    ("The garrison will be cut by 2,000 to 4,000 over the next year.",
     [("2,000 to 4,000", 2000, 2000, 4000, "range")]),
    ("Staff will be reduced by 100 to 300 in May.", [("100 to 300", 100, 100, 300, "range")]),
    ("The count climbed by 40 to 120 on Friday.", [("40", 40, 40, 40, "exact"), ("120", 120, 120, 120, "exact")]),
    ("The garrison was cut by 2,000 to 5,000 soldiers.",
     [("2,000 to 5,000 soldiers", 2000, 2000, 5000, "range")]),
    ("Fares rose by 5 to 10 percent.", [("5 to 10 percent", 5, 5, 10, "range")]),
]


@pytest.mark.parametrize("sentence, expected", CHANGES)
def test_a_change_by_a_to_b_is_the_change_and_the_level_unless_b_spans_a_unit(blank_nlp, rules, article, sentence,
                                                                            expected):
    assert _figures(_claims(blank_nlp, rules, article, sentence)) == expected


PASSED = [
    # a running count past a mark
    ("The toll passed 300 on Monday.", [("passed 300", 300, 300, None, "at_least")]),
    ("The toll passed 300 and is still rising.", [("passed 300", 300, 300, None, "at_least")]),
    # two verbs sharing one counted noun: acts on things counted, no mark passed
    ("The council passed 3 and rejected 2 of the measures.",
     [("3", 3, 3, 3, "exact"), ("2 of the measures", 2, 2, 2, "exact")]),
    ("The assembly passed 12 but vetoed four of the bills.",
     [("12", 12, 12, 12, "exact"), ("four of the bills", 4, 4, 4, "exact")]),
    # a second figure with nothing counted after it is the count's next level: the mark stays passed
    ("The toll passed 1,000 and reached 1,200 on Sunday.",
     [("passed 1,000", 1000, 1000, None, "at_least"), ("1,200", 1200, 1200, 1200, "exact")]),
    ("The tally passed 500 and hit 650.", [("passed 500", 500, 500, None, "at_least"), ("650", 650, 650, 650, "exact")]),
]


@pytest.mark.parametrize("sentence, expected", PASSED)
def test_passed_is_a_mark_only_when_no_second_figure_shares_the_noun(blank_nlp, rules, article, sentence, expected):
    assert _figures(_claims(blank_nlp, rules, article, sentence)) == expected


# Published Wednesday 2030-05-15: the Friday before is the 10th, the next one the 17th.
BOUNDS = [
    ("The curfew, in force until Friday, was imposed on Monday.",
     [("until Friday", "2030-05-17", "2030-05-15", "2030-05-17"), ("Monday", "2030-05-13", "2030-05-13", "2030-05-13")]),
    ("The shelter, open until Friday, housed 300 people.", [("until Friday", "2030-05-10", None, "2030-05-10")]),
]


@pytest.mark.parametrize("nlp_name", ["blank_nlp", pytest.param("model_nlp", marks=pytest.mark.model)])
@pytest.mark.parametrize("sentence, expected", BOUNDS)
def test_a_state_bound_ends_after_the_day_it_began(request, nlp_name, rules, article, sentence, expected):
    nlp = request.getfixturevalue(nlp_name)
    assert _dates(_claims(nlp, rules, article, sentence)) == expected


# Shots, rounds and bullets count by their own noun, with no aspect of their own: "struck a deal for 5,000 shots"
# hit nothing, and a figure written twice in its sentence is read where it stands.
SHOTS = [
    ("Officers fired 41 shots at the car.", [("41 shots", "shots", None)]),
    ("Gunmen fired more than 100 rounds.", [("more than 100 rounds", "rounds", None)]),
    ("The mill fired 30 workers.", [("30 workers", "workers", None)]),
    ("The clinic struck a deal to deliver 5,000 shots.", [("5,000 shots", "shots", None)]),
    ("Police heard about 20 shots and found 30 bullets at the scene.",
     [("about 20 shots", "shots", None), ("30 bullets", "bullets", None)]),
]


@pytest.mark.parametrize("sentence, expected", SHOTS)
def test_shots_rounds_and_bullets_count_by_their_own_noun(blank_nlp, rules, article, sentence, expected):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert [(c.text, c.unit, c.aspect) for c in claims if c.kind == "quantity"] == expected


PARTS = [
    ("Police arrested 40 people. 11 of them were charged.",
     [("40 people", "people", "arrested"), ("11 of them", "people", "arrested")]),
    ("Eleven of the men were charged.", [("Eleven of the men", "men", "arrested")]),
    ("Police said 11 people were charged with looting.", [("11 people", "people", "arrested")]),
]


@pytest.mark.parametrize("sentence, expected", PARTS)
def test_a_passive_verb_of_saying_is_the_event_of_the_figure_before_it(blank_nlp, rules, article, sentence,
                                                                       expected):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert [(c.text, c.unit, c.aspect) for c in claims if c.kind == "quantity"] == expected


PRICES = [
    ("Tickets cost $45 each.", "paid", True),
    ("Entry cost $20 each for adults.", "paid", True),
    ("Fans paid $45 a ticket.", "paid", True),
    ("Admission is $20 per person.", None, True),
    ("Seats were priced at $120.", "priced", False),
    ("The bus fare is $3.", "priced", False),
    ("The city paid $45 million for the stadium.", "paid", False),
]


# "each" after the counted subject shares what befell each of them: a count, no price of one
EACH = [
    ("Three guards each lost a hand.", ("Three guards", False)),
    ("40 households each were moved out.", ("40 households", False)),
    ("Two armies sent 9,000 troops each.", ("9,000 troops", True)),
]


@pytest.mark.parametrize("sentence, expected", EACH)
def test_each_after_a_counted_subject_is_no_rate(blank_nlp, rules, article, sentence, expected):
    claims = [c for c in _claims(blank_nlp, rules, article, sentence) if c.kind == "quantity"]
    assert [(c.text, c.distributive) for c in claims][-1] == expected


@pytest.mark.parametrize("sentence, aspect, distributive", PRICES)
def test_a_price_of_one_is_no_sum_paid(blank_nlp, rules, article, sentence, aspect, distributive):
    [claim] = [c for c in _claims(blank_nlp, rules, article, sentence) if c.kind == "quantity"]
    assert (claim.unit, claim.aspect, claim.distributive) == ("USD", aspect, distributive)


NAMED_DAYS = [
    ("Vorn denied any part in the 9/11 attacks.", [("9/11", "2001-09-11", "2001-09-11", "2001-09-11")]),
    ("Security was tightened after 9/11.", [("after 9/11", "2001-09-11", "2001-09-12", None)]),
    # with no cue, 9/11 is a fraction or a score
    ("The forward went 9/11 from the line.", []),
    ("A poll found 9/11 of the tenants backed the plan.", []),
    ("The council met on 9/12.", [("9/12", "2030-09-12", "2030-09-12", "2030-09-12")]),
    ("The council met on 9/11/2031.", [("9/11/2031", "2031-09-11", "2031-09-11", "2031-09-11")]),
]


@pytest.mark.parametrize("sentence, expected", NAMED_DAYS)
def test_a_day_news_names_by_its_date_is_that_day_of_its_year(blank_nlp, rules, article, sentence, expected):
    assert _dates(_claims(blank_nlp, rules, article, sentence)) == expected


HITS = [
    # the part counts the whole's noun: "three of the seven bullets" are bullets
    ("Vell was hit in the back by three of the seven bullets fired by officers.",
     [("three", "bullets", "damaged", "bullets"), ("seven bullets", "bullets", "damaged", "bullets")]),
    ("Two of the 40 people arrested were charged.",
     [("Two", "people", "arrested", "people"), ("40 people", "people", "arrested", "people")]),
]


@pytest.mark.parametrize("sentence, expected", HITS)
def test_a_part_of_a_counted_whole_is_counted_in_its_unit_and_the_whole_apart(blank_nlp, rules, article, sentence,
                                                                           expected):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert [(c.text, c.unit, c.aspect, c.subject) for c in claims if c.kind == "quantity"] == expected


WORTH = [
    ("Vell signed an eight-year deal worth $180 million.", "paid"),
    ("The bloc listed tariffs worth about $3.5 billion.", None),
    ("Assessors put the value of the depot at $380,600.", None),
]


@pytest.mark.parametrize("sentence, aspect", WORTH)
def test_what_something_is_worth_is_no_sum_paid_unless_its_noun_is_one(blank_nlp, rules, article, sentence, aspect):
    [claim] = [c for c in _claims(blank_nlp, rules, article, sentence) if c.kind == "quantity"]
    assert claim.aspect == aspect


MONEY = [
    ("Workers earn 900 (Dh4,275) a month.", [("900", 900, None), ("Dh4,275", 4275, "AED")]),
    ("The bloc agreed a Dh472.72bn package.", [("Dh472.72bn", 472720000000, "AED")]),
    ("The firm paid RM50 million.", [("RM50 million", 50000000, "MYR")]),
    ("The court fined them 50,000 shekels.", [("50,000 shekels", 50000, "ILS")]),
    ("The state gave Rs 1,50,000 to each family.", [("Rs 1,50,000", 150000, "INR")]),
    ("A loan of Rs 12,34,567 was approved.", [("Rs 12,34,567", 1234567, "INR")]),
    ("The bill was $ 20,000.00 $ 37,305.97 in all.", [("$ 20,000.00", 20000, "USD"), ("$ 37,305.97", 37305.97, "USD")]),
    ("Rates rose 5% 10% and 20%.", [("5%", 5, "percent"), ("10%", 10, "percent"), ("20%", 20, "percent")]),
    ("The levee broke one mile south of town.", [("one mile", 1, "mi")]),
    ("One was injured.", []),
]


@pytest.mark.parametrize("sentence, expected", MONEY)
def test_currencies_of_world_news_and_their_writings(blank_nlp, rules, article, sentence, expected):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert [(c.text, c.value, c.unit) for c in claims if c.kind == "quantity"] == expected


STORIES = Path(__file__).parent / "data" / "stories"

# What a reader counts in two stories of our own (tests/data/stories): an outbreak's cases and deaths, a ferry's
# missing, dead and rescued.
STORY_FIGURES = {
    "outbreak": [
        ("wire.txt", "1,240 people", "cases", "infected"),
        ("wire.txt", "37", "people", "killed"),
        ("daily.txt", "37", "people", "killed"),
        ("daily.txt", "More than 1,300 cases", "cases", "infected"),
        ("daily.txt", "nearly 1,000", "cases", None),
        ("radio.txt", "44 people", "people", "killed"),
        ("radio.txt", "1,410", "cases", "infected"),
        ("radio.txt", "three deaths", "people", "killed"),
    ],
    "shipwreck": [
        ("wire.txt", "at least 48 people", "people", "missing"),
        ("wire.txt", "159 survivors", "people", "rescued"),
        ("wire.txt", "seven bodies", "people", "killed"),
        ("daily.txt", "159 people", "people", "rescued"),
        ("radio.txt", "Thirty-one people", "people", "missing"),
        ("radio.txt", "160 survivors", "people", "rescued"),
    ],
}


@pytest.mark.model
@pytest.mark.parametrize("story", sorted(STORY_FIGURES))
def test_the_figures_of_an_outbreak_and_a_shipwreck(story):
    claims = troopclaims.extract_articles(troopclaims.read_articles(STORIES / story), kinds=("quantity",),
                                          warn=lambda message: None)
    got = {(c.source, c.text, c.unit, c.aspect) for c in claims}
    assert set(STORY_FIGURES[story]) <= got


APPOSITIVES = [
    ("Most of the cases, about 900, were recorded in the port.", [("about 900", "cases", "cases")]),
    ("In the north, 400, and in the south, 300.", [("400", None, None), ("300", None, None)]),
]


@pytest.mark.parametrize("sentence, expected", APPOSITIVES)
def test_a_figure_between_commas_after_a_plural_noun_counts_it(blank_nlp, rules, article, sentence, expected):
    claims = _claims(blank_nlp, rules, article, sentence)
    assert [(c.text, c.unit, c.subject) for c in claims if c.kind == "quantity"] == expected


# Users' stories: what was pulled from the water was rescued, a strike draws a turnout, crew members are the crew,
# and a value revised "to B from A" has A as its earlier value.
READINGS = [
    ("Lifeguards pulled 37 swimmers from the water.", "37 swimmers", "swimmers", "rescued", False),
    ("The strike drew 2,300 nurses.", "2,300 nurses", "nurses", "attended", False),
    ("The trawler had 11 crew members aboard.", "11 crew members", "crew", None, False),
    ("Officials revised the toll to 48 from 45.", "45", "people", "killed", True),
    ("The toll rose to 880 from 640 on Friday.", "640", "people", "killed", True),
    ("The toll rose to 880 from 640 on Friday.", "880", "people", "killed", False),
    ("Divers recovered six bodies from the lake.", "six bodies", "people", "killed", False),
]


@pytest.mark.parametrize("sentence, text, unit, aspect, earlier", READINGS)
def test_what_users_stories_count(blank_nlp, rules, article, sentence, text, unit, aspect, earlier):
    [claim] = [c for c in _claims(blank_nlp, rules, article, sentence) if c.kind == "quantity" and c.text == text]
    assert (claim.unit, claim.aspect, claim.earlier) == (unit, aspect, earlier)


# A time after a figure dates it and counts nothing: "up from 2,000 last week" is an earlier count of troops.
EARLIER_TIMES = [
    ("The navy has 900 sailors at the port, up from 600 last month.", ("600", "sailors", True)),
    ("The camp held 3,000 people, down from 4,100 the previous week.", ("4,100", "people", True)),
]


@pytest.mark.parametrize("nlp_name", ["blank_nlp", pytest.param("model_nlp", marks=pytest.mark.model)])
@pytest.mark.parametrize("sentence, expected", EARLIER_TIMES)
def test_a_time_after_a_figure_counts_nothing(request, nlp_name, rules, article, sentence, expected):
    claims = _claims(request.getfixturevalue(nlp_name), rules, article, sentence)
    assert expected in [(c.text, c.unit, c.earlier) for c in claims if c.kind == "quantity"]
