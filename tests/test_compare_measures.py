"""Distances in compare: the point each is measured from keeps distances from different points apart."""
import pytest

from troopclaims.compare.facts import compare_claims
from troopclaims.compare.measures import reference_of
from troopclaims.records import Claim


def distance(source, text, sentence, value, unit="nmi", qualifier="exact", low=None, high=None):
    start = sentence.index(text)
    low = value if low is None else low
    high = value if high is None else high
    return Claim(source=source, published="2031-06-02", kind="quantity", text=text, start=start,
                 end=start + len(text), value=value, low=low, high=high, qualifier=qualifier, unit=unit,
                 sentence=sentence)


@pytest.mark.parametrize("text, sentence, point", [
    ("150 nautical miles", "Raiders attacked the tanker 150 nautical miles west of Velmor Point, firing rifles.",
     "Velmor Point"),
    ("about 40 nautical miles", "The ferry was about 40 nautical miles (about 74km) from Kursk when it sank.", "Kursk region"),
    ("36 miles", "The agency put the epicentre about 58km (36 miles) south - west of Kursk.", "Kursk region"),
    ("12 nautical miles", "The frigate was 12 nautical miles away from the cargo ship when it heard the call.", ""),
    ("about 90 km", "The quake struck about 90 km off the coast of Brisk and Colm.", "Brisk"),
    ("some 12 nautical miles", "The frigate, some 12 nautical miles away, changed course.", None),
    ("30 miles", "Deputies chased the van for 30 miles on the highway.", None),
    ("6.1", "The quake measured 6.1 on the scale.", None),
])
def test_the_point_a_distance_is_measured_from(rules, text, sentence, point):
    assert reference_of(distance("a.txt", text, sentence, 1.0), rules.lexicon("places")) == point


def test_distances_from_different_points_are_different_facts(rules):
    claims = [
        distance("a.txt", "150 nautical miles", "Raiders struck the tanker 150 nautical miles off Velmor Point.", 150),
        distance("b.txt", "about 150 nautical miles", "The tanker was about 150 nautical miles from Velmor Point "
                 "and the frigate was about 12 nautical miles away from it.", 150, qualifier="approximate",
                 low=135, high=165),
        distance("b.txt", "about 12 nautical miles", "The tanker was about 150 nautical miles from Velmor Point "
                 "and the frigate was about 12 nautical miles away from it.", 12, qualifier="approximate",
                 low=10.8, high=13.2),
        distance("c.txt", "12 nautical miles", "The frigate was 12 nautical miles from the tanker.", 12),
    ]
    facts = {fact.name: fact for fact in compare_claims(claims, rules)}
    assert sorted(facts) == ["nmi from Velmor Point", "nmi from a point no place names"]
    assert {name: fact.verdict for name, fact in facts.items()} == {
        "nmi from Velmor Point": "agree", "nmi from a point no place names": "agree"}
    assert facts["nmi from Velmor Point"].to_dict()["aspect"] is None


def test_a_distance_from_no_point_joins_the_one_point_in_play(rules):
    claims = [distance("a.txt", "150 nautical miles", "Raiders struck 150 nautical miles off Velmor Point.", 150),
              distance("b.txt", "150 nautical miles", "The raid was 150 nautical miles out.", 150)]
    assert [(fact.name, fact.reports) for fact in compare_claims(claims, rules)] == [("nmi from Velmor Point", 2)]


def share(source, value, sentence, event=None, subject=None):
    claim = distance(source, f"{value} percent", sentence, value, unit="percent")
    return claim.with_fields(event=event, subject=subject)


@pytest.mark.parametrize("claims, facts", [
    # poll answers that say not what they measure are beside nothing else, even of one unit
    ([share("a.txt", 60, "Asked about the fair, 60 percent said yes."),
      share("b.txt", 35, "In the Ostrel survey 35 percent agreed.")], [1, 1]),
    # the same event word or subject puts shares side by side as before
    ([share("a.txt", 60, "Turnout reached 60 percent.", event="turnout"),
      share("b.txt", 58, "Turnout was 58 percent.", event="turnout")], [2]),
    ([share("a.txt", 60, "Some 60 percent of voters came.", subject="voters"),
      share("b.txt", 58, "About 58 percent of voters came.", subject="voters")], [2]),
])
def test_a_measure_that_says_not_what_it_measures_is_a_fact_of_its_own(rules, claims, facts):
    assert sorted(len(fact.claims) for fact in compare_claims(claims, rules)) == facts
