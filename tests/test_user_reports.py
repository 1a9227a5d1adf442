"""Figures users found read wrong in their own stories: headline verbs of bounds, tolls that rose, the participle
after a counted noun, a crowd word before a verb, counts since a day, earlier values (sentences written for these
tests, with invented names)."""
import pytest

from troopclaims.compare import compare_claims
from troopclaims.run.claims import claims_in


def _quantities(nlp, rules, article, sentence, published="2031-04-16"):
    return [c for c in claims_in(nlp(sentence), article(sentence, published), rules) if c.kind == "quantity"]


@pytest.mark.parametrize("sentence, qualifier, low, high", [
    ("Storm toll in Marrow passes 300", "at_least", 300, None),
    ("Landslide toll tops 1,200 as rain goes on", "at_least", 1200, None),
    ("Ferry toll crosses 90 in Tessaly", "at_least", 90, None),
    ("Mine blast toll nears 400", "at_most", 360, 400),
    ("Crash toll almost reaches 50", "at_most", 45, 50),
    ("Mine blast toll reaches 400", "exact", 400, 400),       # no bound: as it stays
    ("The assembly passed 300 bills last year.", "exact", 300, 300),      # an act, not a bound
    ("The convoy crossed 12 bridges before dawn.", "exact", 12, 12),
])
def test_headline_verbs_of_bounds(sentence, qualifier, low, high, blank_nlp, rules, article):
    claim, = _quantities(blank_nlp, rules, article, sentence)
    assert (claim.qualifier, claim.low, claim.high) == (qualifier, low, high)


@pytest.mark.parametrize("sentence, expected", [
    ("He apologised for his remark about 47 percent of the town.", ("exact", 47)),
    ("Officials said about 300 people were evacuated.", ("approximate", 270)),   # a verb: still a hedge
])
def test_about_after_a_noun_of_speech_is_a_preposition(sentence, expected, blank_nlp, rules, article):
    claim, = _quantities(blank_nlp, rules, article, sentence)
    assert (claim.qualifier, claim.low) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("Thousands march in Quillon to demand a flood inquiry.", ("Thousands", "people", "attended")),
    ("Hundreds flee as the Ambry river bursts its banks.", ("Hundreds", "people", "displaced")),
    ("The camp holds 300 refugees.", ("300 refugees", "refugees", "displaced")),     # a noun: as it stays
])
def test_a_crowd_word_before_a_verb_counts_people(sentence, expected, model_nlp, rules, article):
    claim, = _quantities(model_nlp, rules, article, sentence)
    assert (claim.text, claim.unit, claim.aspect) == expected


def test_a_count_since_a_day_holds_for_the_report(blank_nlp, rules, article):
    since, = _quantities(blank_nlp, rules, article,
                         "More than 4,000 asylum seekers have crossed into Orla province since Friday.")
    assert since.as_of == "2031-04-16"
    dated, = _quantities(blank_nlp, rules, article, "On Friday, 4,000 asylum seekers crossed into Orla province.")
    assert dated.as_of == "2031-04-11"


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("The death toll from the Pell river flood rose to 27 on Wednesday.", ("people", "killed")),
    ("The death toll in Pell climbed to 27 on Wednesday.", ("people", "killed")),
    ("The number of people killed in the flooding has risen to 41.", ("people", "killed")),
    ("The number of people displaced by the fire rose to 900.", ("people", "displaced")),
    ("Officials said 11,500 people had now left their homes.", ("people", "displaced")),
    ("There were 30 people reported missing after the storm.", ("people", "missing")),
    ("The number of soldiers in the town is now 12,000.", ("troops", None)),        # no participle: as it stays
])
def test_what_the_toll_and_the_participle_after_the_noun_say(sentence, expected, model_nlp, rules, article):
    claim, = _quantities(model_nlp, rules, article, sentence)
    assert (claim.unit, claim.aspect) == expected


@pytest.mark.model
def test_an_earlier_value_stays_in_its_series(model_nlp, rules, article):
    first = article("Officials said the number of dead rose to 389 on Monday, up from 312 a day earlier.",
                    "2031-04-16", "a.txt")
    second = article("At least 380 people had been killed in the flooding by Monday, rescuers said.",
                     "2031-04-16", "b.txt")
    claims = [claim for source in (first, second) for claim in claims_in(model_nlp(source.text), source, rules)]
    killed = [fact for fact in compare_claims(claims, rules) if fact.kind == "quantity"]
    assert len(killed) == 1
    assert sorted(claim.value for claim in killed[0].claims) == [312, 380, 389]


@pytest.mark.parametrize("sentence, expected", [
    ("The feud between the two clans has lasted hundreds of years, elders said.", [("hundreds of years", "years")]),
    ("Crews dug for dozens of hours.", [("dozens of hours", "hours")]),
    ("Hundreds of people waited at the gate.", []),          # a crowd, no span of time: as it stays
])
def test_vague_spans_of_time(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules)
    assert [(c.text, c.unit) for c in claims if c.kind == "duration"] == expected
