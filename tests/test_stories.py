"""Figures of stories the seed corpus does not cover (an attack, an evacuation, money), sentence by sentence (the
qualifier, unit and aspect a reader gives each), then compare on the three stories of tests/data/stories. Sentences,
names, places and outlets written for these tests."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.run.claims import claims_in


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
    # the size of a change and the count it reached are two figures, no range
    ("The number of cases rose by 300 to 4,500.", [("300", 300, "exact"), ("4,500", 4500, "exact")]),
    ("Prices rose from 300 to 4,500.", [("300", 300, "exact"), ("4,500", 4500, "exact")]),
    ("Between 3,000 and 5,000 protesters gathered.", [("Between 3,000 and 5,000 protesters", 3000, "range")]),
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


# sentence -> [(text, unit, aspect)] with the statistical pipeline
ASPECTS = [
    # homes lost whole are no count of homes damaged; "another 150" counts what the figure before counts
    ("At least 60 homes were destroyed and another 150 damaged, officials said.",
     [("At least 60 homes", "homes", "destroyed"), ("150", "homes", "damaged")]),
    ("The blaze has destroyed 85 houses, the mayor said.", [("85 houses", "homes", "destroyed")]),
    ("Firefighters said the flames had scorched more than 6,000 hectares.",
     [("more than 6,000 hectares", "ha", "damaged")]),
    ("The fire has burned 4,500 hectares since it broke out.", [("4,500 hectares", "ha", "damaged")]),
    # sums that are neither offered nor pledged
    ("A shipping firm was fined $4.5 million for dumping waste into the river.",
     [("$4.5 million", "USD", "fined")]),
    ("Kidnappers who seized two aid workers demanded a ransom of 500,000 dollars.",
     [("two aid workers", "workers", "captured"), ("500,000 dollars", "USD", "demanded")]),
    ("Pledges reached about $900 million, well short of the $3 billion the agency says is needed.",
     [("about $900 million", "USD", "pledged"), ("$3 billion", "USD", "needed")]),
    ("Donors pledged $1.2bn in aid, and the Union pledged EUR 30m.",
     [("$1.2bn", "USD", "pledged"), ("EUR 30m", "EUR", "pledged")]),
    ("The court ordered the firm to pay a fine of 25,000 euros.", [("25,000 euros", "EUR", "fined")]),
    ("The council has set aside 2.5 billion euros for rebuilding.", [("2.5 billion euros", "EUR", "pledged")]),
    ("Damage was estimated at $3 billion.", [("$3 billion", "USD", "damaged")]),
    # people taken, freed, pulled out alive, moved to camps
    ("The gunmen took 30 hostages; 12 were later freed.",
     [("30 hostages", "hostages", "captured"), ("12", "hostages", "released")]),
    ("Rescuers pulled 12 survivors from the rubble.", [("12 survivors", "survivors", "rescued")]),
    ("About 1,000 families have been relocated to temporary camps.",
     [("About 1,000 families", "families", "evacuated")]),
    ("Roughly 12,000 homes were flooded.", [("Roughly 12,000 homes", "homes", "damaged")]),
    ("The floods forced 20,000 people from their homes.", [("20,000 people", "people", "displaced")]),
    ("Wildfire forces thousands from homes near Orvane", [("thousands", "people", "displaced")]),
    ("Of the 40 people taken to hospital, six were in critical condition.",
     [("40 people", "people", "wounded"), ("six", "people", "wounded")]),
    # "pounds" of a sum are sterling, of a thing named a weight
    ("He was fined 2,000 pounds and banned from driving.", [("2,000 pounds", "GBP", "fined")]),
    ("The market sold 50 pounds of rice.", [("50 pounds", "lb", "paid")]),
    ("India announced Rs 500 crore in relief.", [("Rs 500 crore", "INR", "pledged")]),
    ("Investors lost an estimated $40 billion.", [("an estimated $40 billion", "USD", None)]),
    ("The army lost about 780 square kilometres.", [("about 780 square kilometres", "km2", "controlled")]),
    # a headline whose verb the tagger reads as a noun
    ("Death toll from Varno quake climbs to 412", [("412", "people", "killed")]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", ASPECTS)
def test_units_and_aspects_of_story_figures(sentence, expected, model_nlp, rules, article):
    got = [(c.text, c.unit, c.aspect) for c in quantities(model_nlp, sentence, rules, article)]
    assert got == expected


@pytest.mark.model
def test_a_count_moving_on_a_day_dates_no_happening(model_nlp, rules, article):
    text = "The death toll from Sunday's attack on a market rose to 19 on Monday, hospital officials said."
    (toll,) = quantities(model_nlp, text, rules, article, published="2031-03-11")
    assert (toll.aspect, toll.as_of, toll.happened) == ("killed", "2031-03-10", "2031-03-09")


STORIES = Path(__file__).resolve().parent / "data" / "stories"


def story_facts(name):
    result = CliRunner().invoke(cli, ["compare", str(STORIES / name), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    return {fact["fact"]: fact for fact in facts}


def figures(fact):
    return sorted((claim["source"], claim["text"]) for claim in fact["claims"])


@pytest.mark.model
def test_an_attack_whose_toll_is_contested():
    facts = story_facts("attack")
    toll = facts["people (killed) in Keldra"]
    assert toll["verdict"] == "conflict" and len(toll["claims"]) == 6      # 14, 19 and 20 from three days, and 17
    claims = toll["claims"]
    falls = [[claims[i]["text"] for i in reason["claims"]] for reason in toll["why"] if reason["why"] == "fell"]
    assert ["passed 20", "Seventeen people"] in falls                  # the governor's 17 below Monday's 20
    assert facts["people (wounded)"]["verdict"] == "changed"           # 32, then nearly 40, then about 45
    assert not [name for name in facts if name.startswith("date: opened")
                and any(claim["text"] == "March 10" for claim in facts[name]["claims"])]   # the dateline's date


@pytest.mark.model
def test_an_evacuation_with_homes_destroyed_and_damaged():
    facts = story_facts("evacuation")
    assert figures(facts["homes (destroyed)"]) == [("coast-news.txt", "At least 60 homes"),
                                                   ("valley-times.txt", "85 houses")]
    assert figures(facts["homes (damaged)"]) == [("coast-news.txt", "150")]
    # "more than 8,000" on Saturday, some 12,000 on Sunday: the count rose (before: "agree", the intervals overlap)
    assert facts["people (evacuated)"]["verdict"] == "changed"
    assert len(facts["people (evacuated)"]["claims"]) == 3


@pytest.mark.model
def test_money_pledged_needed_fined_and_demanded_stay_apart():
    facts = story_facts("money")
    assert facts["EUR (pledged)"]["verdict"] == "agree"                # "EUR 30m" and "30 million euros"
    assert figures(facts["USD (needed)"]) == [("harbor-ledger.txt", "$3 billion")]
    assert figures(facts["USD (fined)"]) == [("finance-daily.txt", "$4.5 million")]
    assert figures(facts["USD (demanded)"]) == [("harbor-ledger.txt", "500,000 dollars")]


# an order in force "until Friday" runs to the coming Friday, unless its verb is past (published Wednesday 7 May)
UNTIL = [
    ("The evacuation order remains in force until Friday.", "2031-05-09"),
    ("The market will stay closed through Sunday.", "2031-05-11"),
    ("Schools were closed until Friday.", "2031-05-02"),
    ("He remained in hospital until Tuesday.", "2031-05-06"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, high", UNTIL)
def test_until_a_weekday_leans_to_the_coming_one(sentence, high, model_nlp, rules, article):
    claims = claims_in(model_nlp(sentence), article(sentence, "2031-05-07"), rules, ("date",))
    assert [(c.qualifier, c.high) for c in claims] == [("at_most", high)]
