"""Distances in compare: the point each is measured from keeps distances from different points apart."""
import pytest

from troopclaims.compare.facts import compare_claims
from troopclaims.compare.measures import base_of, reference_of, scope_of
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


# --- what a share or rate is of ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentence, base", [
    ("25 percent", "The 25 percent duties on timber and 5 percent on copper start in May.", "timber"),
    ("5 percent", "The 25 percent duties on timber and 5 percent on copper start in May.", "copper"),
    ("12 percent", "Ostrel put levies of 12 percent on imported timber.", "timber"),
    ("a 12 percent", "Ostrel set a 12 percent levy on timber imports to Varnia.", "timber"),
    ("30 percent", "The levy covered just 30 percent of all imports.", "import"),
    ("8 percent", "Ostrel cut the fee by 8 percent for glass.", "glass"),
    ("nearly 2 percent", "Shares in Brisk Mills fell nearly 2 percent when the levy was announced.", None),
    ("8 percent", "Sales rose 8 percent in March on strong demand.", None),
    ("8 percent", "Sales rose 8 percent and 3 percent of them were lost.", None),
    ("8 percent", "Sales rose by 8 percent.", None),
])
def test_what_a_share_is_of(rules, text, sentence, base):
    claim = distance("a.txt", text, sentence, 1.0, unit="percent")
    assert base_of(claim, rules.lexicon("events").bases) == base


def test_shares_of_different_things_are_different_facts(rules):
    steel = "The 25 percent duties on timber and 5 percent on copper start in May."
    claims = [share("a.txt", 25, steel, event="start"), share("a.txt", 5, steel, event="start"),
              share("b.txt", 25, "Ostrel put levies of 25 percent on imported timber and 5 percent on copper.",
                    event="put"),
              share("b.txt", 5, "Ostrel put levies of 25 percent on imported timber and 5 percent on copper.",
                    event="put"),
              share("c.txt", 3, "Shares in Brisk Mills fell 3 percent.", event="fell")]
    claims[3] = claims[3].with_fields(start=claims[3].sentence.index("5 percent"),
                                      end=claims[3].sentence.index("5 percent") + 9)
    facts = {fact.name: fact for fact in compare_claims(claims, rules)}
    assert {name: (fact.verdict, fact.reports) for name, fact in facts.items()} == {
        "percent on timber": ("agree", 2), "percent on copper": ("agree", 2), "percent": ("single", 1)}
    assert facts["percent on timber"].to_dict()["aspect"] is None


def counted(source, text, subject, sentence, value, unit="booths"):
    return Claim(source=source, published="2030-05-01", kind="quantity", text=text, start=0, end=len(text),
                 value=value, low=value, high=value, qualifier="exact", unit=unit, subject=subject,
                 sentence=sentence)


@pytest.mark.parametrize("text, subject, sentence, scope", [
    ("27 overseas booths", "overseas booths", "There are 27 overseas booths.", "abroad"),
    ("30 polling booths", "polling booths", "Veloria has 30 polling booths abroad.", "abroad"),
    ("2,000 booths", "booths", "Voters use 2,000 booths in the country.", None),
    # a word after a comma is no longer the counted noun's: these booths stand abroad and at home
    ("40 booths", "booths", "Crews moved 40 booths, abroad and at home.", None),
])
def test_scope_of_a_figure(rules, text, subject, sentence, scope):
    assert scope_of(counted("a", text, subject, sentence, 1), rules.lexicon("quantities").scopes) == scope


def test_figures_of_another_scope_are_no_rivals(rules):
    claims = [counted("a", "2,000 booths", "booths", "Voters use 2,000 booths in the country.", 2000),
              counted("b", "2,100 booths", "booths", "There are 2,100 booths.", 2100),
              counted("a", "27 overseas booths", "overseas booths", "And 27 overseas booths.", 27),
              counted("c", "27 booths", "booths", "Veloria has 27 booths abroad.", 27)]
    facts = {fact.unit: fact.verdict for fact in compare_claims(claims, rules)}
    assert facts == {"booths": "conflict", "booths abroad": "agree"}


def test_the_scope_of_a_figure_written_twice_in_its_sentence_is_its_own(rules):
    sentence = "Ostra opened 27 stations at home and 27 stations abroad."
    first, second = (counted("a", "27 stations", "stations", sentence, 27, unit="stations") for _ in range(2))
    claims = [second.with_fields(start=37, end=48), first.with_fields(start=13, end=24),
              counted("b", "30 stations", "stations", "Ostra has 30 stations abroad.", 30, unit="stations")]
    facts = {fact.unit: (fact.verdict, sorted(c.value for c in fact.claims)) for fact in compare_claims(claims, rules)}
    assert facts == {"stations": ("single", [27]), "stations abroad": ("conflict", [27, 30])}


@pytest.mark.parametrize("nth, point, base", [(0, "Velmor Point", "timber"), (1, "Brisk", "copper")])
def test_a_figure_written_twice_in_its_sentence_reads_what_follows_its_own_place(rules, nth, point, base):
    """The second of two figures written alike has its own point and base, not the first one's."""
    miles = "The ferry was 12 nautical miles off Velmor Point and the tug was 12 nautical miles off Brisk."
    assert reference_of(distance("a.txt", "12 nautical miles", miles, 12), rules.lexicon("places"), nth) == point
    levies = "Ostrel set 5 percent on imported timber and 5 percent on copper."
    share = distance("a.txt", "5 percent", levies, 5, unit="percent")
    assert base_of(share, rules.lexicon("events").bases, nth) == base


def test_distances_written_alike_in_one_sentence_are_facts_of_their_own_points(rules):
    miles = "The ferry was 12 nautical miles off Velmor Point and the tug was 12 nautical miles off Brisk."
    first = distance("a.txt", "12 nautical miles", miles, 12)
    second = first.with_fields(start=miles.rindex("12 nautical"), end=miles.rindex("12 nautical") + 17)
    other = distance("b.txt", "14 nautical miles", "The tug was 14 nautical miles off Brisk.", 14)
    names = {fact.name: fact.verdict for fact in compare_claims([first, second, other], rules)}
    assert names == {"nmi from Brisk": "conflict", "nmi from Velmor Point": "single"}


def magnitude(source, text, sentence, value, subject):
    return distance(source, text, sentence, value, unit="magnitude").with_fields(subject=subject)


def test_the_magnitudes_of_aftershocks_are_no_rivals_of_the_quakes(rules):
    claims = [magnitude("a.txt", "6.1", "The quake measured 6.1.", 6.1, "quake"),
              magnitude("b.txt", "5.9", "A magnitude 5.9 quake struck Velmor.", 5.9, None),
              magnitude("a.txt", "around 4.0", "Aftershocks of around 4.0 followed.", 4.0, "Aftershocks"),
              magnitude("b.txt", "4.3", "Aftershocks with magnitudes up to 4.3 shook the island.", 4.3, "aftershocks")]
    facts = {fact.name: sorted(claim.value for claim in fact.claims) for fact in compare_claims(claims, rules)}
    assert facts == {"magnitude": [5.9, 6.1], "magnitude of aftershocks": [4.0, 4.3]}


@pytest.mark.parametrize("text, sentence, threshold", [
    ("more than 50 percent", "The vote is valid only with a turnout of more than 50 percent.", True),
    ("at least 5 percent", "A party must win at least 5 percent to enter the assembly.", True),
    ("120", "The quorum of the chamber is 120.", True),
    ("76 percent", "Officials said turnout was 76 percent, so the vote is valid.", False),   # the word comes after
    ("40", "Medics treated 40 people who needed care, officials said.", False),
])
def test_a_figure_that_states_a_condition(rules, text, sentence, threshold):
    from troopclaims.compare.measures import is_threshold

    claim = distance("a.txt", text, sentence, 1.0, unit="percent")
    assert is_threshold(claim, rules.lexicon("quantities").thresholds) is threshold


def test_a_legal_threshold_is_no_rival_of_the_turnouts_measured(rules):
    import troopclaims

    texts = {"a": "Officials said turnout was 76 percent in Velmor.",
             "b": "Turnout reached 74 percent, officials said. Under the law, the vote is valid only with a "
                  "turnout of more than 50 percent."}
    claims = troopclaims.extract_texts(texts, published="2031-03-04", model="blank", rules=rules)
    facts = {fact.name: (fact.verdict, [claim.text for claim in fact.claims])
             for fact in troopclaims.compare_claims(claims, rules=rules)}
    assert facts == {"percent (attended)": ("conflict", ["76 percent", "74 percent"]),
                     "percent (attended) threshold": ("single", ["more than 50 percent"])}


def test_booths_and_polling_stations_abroad_are_one_fact(rules):
    import troopclaims

    texts = {"a": "Voters abroad use 27 overseas booths.", "b": "Veloria has 27 polling stations abroad."}
    claims = troopclaims.extract_texts(texts, published="2031-03-04", model="blank", rules=rules)
    facts = {fact.name: fact.reports for fact in troopclaims.compare_claims(claims, rules=rules)}
    assert facts == {"stations abroad": 2}
