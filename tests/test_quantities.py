"""Quantity claims: figure, qualifier and what is counted, sentence by sentence (sentences written for these tests)."""
import pytest

from troopclaims.run.claims import claims_in
from troopclaims.extractors.quantities import find_quantities

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
    # no tagger: a plain word before a known noun modifies it
    ("Voters use 27 overseas booths.", [("27 overseas booths", 27, "exact", "stations", "overseas booths")]),
    ("About 300 armed fighters crossed.", [("About 300 armed fighters", 300, "approximate", "troops", "armed fighters")]),
    # a participle before a plain word modifies it; a past verb right after the figure is no counted noun
    ("About 300 armed men crossed.", [("About 300 armed men", 300, "approximate", "men", "armed men")]),
    ("Tremors of 4.3 rattled the coast.", [("4.3", 4.3, "exact", "magnitude", "Tremors")]),
]


@pytest.mark.parametrize("sentence, expected", BLANK_CASES)
def test_quantities_on_the_blank_pipeline(sentence, expected, blank_nlp, rules, article):
    source = article(sentence)
    claims = list(find_quantities(blank_nlp(sentence), source, rules))
    got = [(c.text, c.value, c.qualifier, c.unit, c.subject) for c in claims]
    assert got == expected
    for claim in claims:
        assert sentence[claim.start:claim.end] == claim.text


def test_them_is_the_noun_counted_before(blank_nlp, rules, article):
    sentence = "The ministry confirmed 10,000 Atlantean troops in the north, with nearly 8,000 of them near the lake."
    claims = list(find_quantities(blank_nlp(sentence), article(sentence), rules))
    assert [(c.text, c.unit, c.subject) for c in claims] == [
        ("10,000 Atlantean troops", "troops", "Atlantean troops"), ("nearly 8,000 of them", "troops", "Atlantean troops")]


@pytest.mark.model
def test_number_of_x_is_n_needs_no_noun_after_the_figure(model_nlp, rules, article):
    sentence = "The number of Atlantean soldiers moved to the island is now about 9,000, of which 300 are officers."
    claims = list(find_quantities(model_nlp(sentence), article(sentence), rules))
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
    claims = list(find_quantities(model_nlp(sentence), article(sentence), rules))
    assert (claims[0].unit, claims[0].subject) == expected


@pytest.mark.parametrize("sentence, distributive", [
    ("They attach one interpreter to every 30 recruits.", [False, True]),
    ("Medics gave 2 doses per 100 residents.", [False, True]),
    ("About 300 recruits arrived.", [False]),
    # a rate over a period is no total: "per year", "a season", "annually" after the figure or its noun
    ("The club offered the striker $12 million per year.", [True]),
    ("She earns $3 million a season, or $15 million over five seasons.", [True, False]),
    ("Some 400 migrants a day crossed the river.", [True]),
    ("The firm pays $2 million annually.", [True]),
    ("They raised $8 million a year ago.", [False]),
])
def test_figures_counted_per_group_are_marked(sentence, distributive, blank_nlp, rules, article):
    claims = list(find_quantities(blank_nlp(sentence), article(sentence), rules))
    assert [claim.distributive for claim in claims] == distributive


# What a figure counts when the sentence implies it (sentences written for these tests):
# sentence -> [(figure text, unit, aspect)], through the whole extract on the blank pipeline.
IMPLIED_CASES = [
    ("Officials said 4,200 died in the port city.", [("4,200", "people", "killed")]),
    ("1,863 were injured.", [("1,863 were injured", "people", "wounded")]),
    ("Borduria reported 85 killed and 310 injured.", [("85 killed", "people", "killed"),
                                                      ("310 injured", "people", "wounded")]),
    ("The death toll rose to nearly 9,000.", [("nearly 9,000", "people", "killed")]),
    ("Medics gave a death toll of more than 6,500.", [("more than 6,500", "people", "killed")]),
    ("The toll stood at 212.", [("212", "people", "killed")]),
    ("Casualties reached 300.", [("300", "casualties", "killed")]),
    ("Flood toll reaches 7,000", [("7,000", "people", "killed")]),
    ("2,114 people died and 5,780 were injured.", [("2,114 people", "people", "killed"),
                                                   ("5,780 were injured", "people", "wounded")]),
    ("Some 8,000 soldiers and police arrived, with 12,000 more on the way.",
     [("Some 8,000 soldiers", "troops", "deployed"), ("12,000", "troops", "deployed")]),
    ("Of the deaths, 1,420 were in the capital.", [("1,420", "people", "killed")]),
    ("Some 60 firefighters were among the dead, and 200 people were injured.",
     [("Some 60 firefighters", "firefighters", "killed"), ("200 people", "people", "wounded")]),
    ("Police arrested 40 protesters.", [("40 protesters", "people", "arrested")]),
    ("Tens of thousands marched through the capital.", [("Tens of thousands", "people", "attended")]),
    ("The rally was attended by some 150,000.", [("some 150,000", "people", "attended")]),
    ("A crowd of 5,000 filled the square.", [("5,000", "people", "attended")]),
    ("Rescuers say 12 are missing.", [("12 are missing", "people", "missing")]),
    ("The city evacuated 4,000 and the storm left 900 homeless.",
     [("4,000", "people", "evacuated"), ("900 homeless", "people", "displaced")]),
    ("The toll rose to 6,100, up from 2,500.", [("6,100", "people", "killed"), ("2,500", "people", "killed")]),
    ("A 6.8-magnitude quake struck the coast.", [("6.8-magnitude", "magnitude", None)]),
    ("Officials counted 300 troops.", [("300 troops", "troops", None)]),
]


# Event words of general English that say what befell a crowd, a seizure, a response or a loss (sentences written
# for these tests): sentence -> [(figure text, unit, aspect)], on the blank pipeline.
EVENT_WORD_CASES = [
    ("Two warehouses caught fire.", [("Two warehouses", "warehouses", "damaged")]),   # "catch fire": no capture
    ("Some 400 students chanted outside the ministry.", [("Some 400 students", "students", "attended")]),
    ("About 2,000 fans cheered the team home.", [("About 2,000 fans", "fans", "attended")]),
    ("Hundreds of pilgrims thronged the shrine.", [("Hundreds of pilgrims", "pilgrims", "attended")]),
    ("About 80 youths hurled stones at the police.", [("About 80 youths", "youths", "fighting")]),
    ("Some 30 farmers clashed with guards.", [("Some 30 farmers", "farmers", "fighting")]),
    ("The town mourned four fishermen.", [("four fishermen", "fishermen", "killed")]),
    ("More than 40 firefighters tackled the blaze.", [("More than 40 firefighters", "firefighters", "deployed")]),
]


@pytest.mark.parametrize("sentence, expected", EVENT_WORD_CASES)
def test_event_words_of_crowds_seizures_and_responses(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.text, c.unit, c.aspect) for c in claims] == expected


@pytest.mark.parametrize("sentence, expected", IMPLIED_CASES)
def test_implied_counted_things_on_the_blank_pipeline(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
    got = [(c.text, c.unit, c.aspect) for c in claims]
    if expected[-1][2] is None:     # no event word in the sentence's rules: the aspect is not the point
        got = [(text, unit, None) for text, unit, _ in got]
    assert got == expected


@pytest.mark.parametrize("sentence", ["The quake flattened around one district.", "About one house in ten fell."])
def test_a_lone_one_after_an_approximation_is_no_figure(sentence, blank_nlp, rules, article):
    assert [c.value for c in find_quantities(blank_nlp(sentence), article(sentence), rules)] in ([], [10])


@pytest.mark.parametrize("sentence, bounds", [
    ("Some 75 people were hurt.", (68, 82)),
    ("Nearly 75 people were hurt.", (68, 75)),
    ("Some 12.5 percent voted.", (11.25, 13.75)),
])
def test_counts_have_whole_bounds(sentence, bounds, blank_nlp, rules, article):
    claim = next(find_quantities(blank_nlp(sentence), article(sentence), rules))
    assert (claim.low, claim.high) == bounds


@pytest.mark.parametrize("sentence, expected", [
    ("Aftershocks with magnitudes ranging from 3.1 to 4.2 shook the valley.", [("from 3.1 to 4.2", 3.1, 4.2)]),
    ("Two tremors measuring 4.5 hit the coast.", [("Two tremors", 2, 2), ("4.5", 4.5, 4.5)]),
    ("Aftershocks varying from 2.1 to 3.2 degrees on the Richter scale followed.",
     [("from 2.1 to 3.2 degrees on the Richter scale", 2.1, 3.2)]),
    # a measured noun and "of" before a figure like a day and month: a magnitude, not 3 April
    ("Seismologists recorded aftershocks of 3.4, 3.8 and 4.1.", [("3.4", 3.4, 3.4), ("3.8", 3.8, 3.8), ("4.1", 4.1, 4.1)]),
    ("Seismologists logged a magnitude 2.9 tremor.", [("magnitude 2.9", 2.9, 2.9)]),
])
def test_a_figure_linked_to_the_noun_it_measures(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity", "date"))
    assert [(c.text, c.low, c.high) for c in claims] == expected
    assert all(c.unit == "magnitude" for c in claims if "." in c.text)


@pytest.mark.parametrize("sentence, expected", [
    ("The toll rose to 6,100, up from 2,500 on Monday.", [(6100, False), (2500, True)]),
    # "from N to M" after a change word: N is the earlier value, not a range and not a rival
    ("The board raised the number of berths from 40 to 75.", [(40, True), (75, False)]),
    ("The count of stolen cars climbed steadily from 12 to 30.", [(12, True), (30, False)]),
    # "from" with no change word, or with no figure after it, is no change
    ("Guards moved 40 prisoners from 3 wings.", [(40, False), (3, False)]),
    ("Tickets cost from 40 to 75 dollars.", [(40, False)]),
])
def test_a_revised_figure_is_an_earlier_value(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.value, c.earlier) for c in claims] == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("A 6.8-magnitude quake struck the coast, killing 75 people.",
     [("6.8-magnitude", "magnitude", None), ("75 people", "people", "killed")]),
    ("Officials evacuated 5,000 residents and 3,000 more fled.",
     [("5,000 residents", "people", "evacuated"), ("3,000", "people", "displaced")]),
    ("Donors pledged $5 billion.", [("$5 billion", "USD", "pledged")]),
    ("Chile reported 85 killed and 310 injured.", [("85 killed", "people", "killed"),
                                                   ("310 injured", "people", "wounded")]),
    ("Sailors seized four AK 47 rifles.", [("four AK 47 rifles", "rifles", "captured")]),
    ("Sailors seized seven AK-47 rifles.", [("seven AK-47 rifles", "rifles", "captured")]),
    # a modifier that implies an aspect gives it when the sentence's event gives none
    ("Two wounded men asked for help.", [("Two wounded men", "men", "wounded")]),
    ("Divers found three dead sailors.", [("three dead sailors", "sailors", "killed")]),
])
def test_implied_counted_things_by_parse(sentence, expected, model_nlp, rules, article):
    claims = claims_in(model_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.text, c.unit, c.aspect) for c in claims] == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    # the object of a verb outside the rules, or of the verb it goes on to, says what befell the counted people
    ("Doctors said 40 people received treatment.", ("40 people", "people", "wounded")),
    ("About 120 residents were moved to safety.", ("About 120 residents", "people", "evacuated")),
    ("Some 30 more people had to be led to safety.", ("Some 30 more people", "people", "evacuated")),
    ("About 400 families were forced to flee.", ("About 400 families", "families", "displaced")),
    ("Around 60 residents had to be evacuated.", ("Around 60 residents", "people", "evacuated")),
])
def test_what_an_object_or_open_complement_says(sentence, expected, model_nlp, rules, article):
    claims = claims_in(model_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.text, c.unit, c.aspect) for c in claims] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("The death toll in the province rose to 300.", ("people", "killed")),
    ("Officials put the death toll at 6,500.", ("people", "killed")),
    ("Two men were killed during protests by thousands who marched.", ("people", "attended")),
    ("A quake with a magnitude of at least 6.4 hit the valley.", ("magnitude", None)),
])
def test_what_the_subject_or_a_noun_before_implies(sentence, expected, model_nlp, rules, article):
    claims = claims_in(model_nlp(sentence), article(sentence), rules, ("quantity",))
    assert (claims[-1].unit, claims[-1].aspect) == expected


@pytest.mark.parametrize("sentence, values", [
    ("In Borduria, 3,000 people marched.", [3000]),
    ("Recruits aged 18-25 were called up.", []),
    ("No-one was injured in the fire.", []),
    ("Call the desk on 555 - 210 - 3344 or 0800 123456.", []),
    ("He was stopped on Interstate 75.", []),
    ("Polls closed at 6 p.m. local time (1300 GMT).", []),
    ("A loaded .38-caliber revolver was found.", []),
    ("One was injured, and police looked for one more.", []),
    ("A man shot three people, killing one.", [3, 1]),
    ("The bill passed by a one-vote margin.", [1]),
    ("A mother of three was hurt.", []),
])
def test_phones_roads_and_pronouns_are_not_figures(sentence, values, blank_nlp, rules, article):
    assert [c.value for c in find_quantities(blank_nlp(sentence), article(sentence), rules)] == values


# What a figure counts when its noun is left out in a list, when it measures a noun, and units written in words
# (sentences written for these tests): sentence -> [(figure text, unit)], on the blank pipeline.
UNIT_CASES = [
    ("Officials said 37 of the candidates registered in Varn, 46 in Orvel and 25 in Elba.",
     [("37 of the candidates", "candidates"), ("46", "candidates"), ("25", "candidates")]),
    ("Of the 120 recruits, 96 have passed and 24 have failed.",
     [("120 recruits", "troops"), ("96", "troops"), ("24", "troops")]),
    ("The guards held 40 men, 12 of them from Orvel.", [("40 men", "men"), ("12 of them", "men")]),
    ("A 6.1 quake hit Orvel, with aftershocks of around 4.0.", [("6.1 quake", "magnitude"), ("around 4.0", "magnitude")]),
    ("5.9 Earthquake Shakes Varn", [("5.9 Earthquake", "magnitude")]),
    ("Ten quakes shook Varn.", [("Ten quakes", "quakes")]),      # counted, not measured
    ("Orvel has a population of 120,000.", [("120,000", "people")]),
    ("The fund lent billions of euros and tens of millions of dollars.",
     [("billions of euros", "EUR"), ("tens of millions of dollars", "USD")]),
    ("They patrol a 480-nautical-mile corridor.", [("480-nautical-mile", "nmi")]),
    ("The 170,000 - square - foot depot burned.", [("170,000 - square - foot", "ft2")]),
    ("Elba is a 1,500-square-kilometer island.", [("1,500-square-kilometer", "km2")]),
    ("Atlantis deployed 3,000.", [("3,000", None)]),      # no default unit of what is sent
    ("They seized half a ton of files.", [("half a ton", "t")]),
    ("Police made over 50 arrests, and 12 people were detained.", [("over 50 arrests", "arrests"), ("12 people", "people")]),
]


# A fraction of a whole is a percentage of it (sentences written for these tests): sentence -> (text, value, low,
# high, unit), on the blank pipeline.
@pytest.mark.parametrize("sentence, expected", [
    ("Half of the roof collapsed.", ("Half of the roof", 50, 50, 50, "percent")),
    ("Half the depot burned.", ("Half", 50, 50, 50, "percent")),
    ("Between half and two thirds of homes were damaged.",
     ("Between half and two thirds of homes", 50, 50, 66.666667, "percent")),
])
def test_a_fraction_of_a_whole_is_a_percentage(sentence, expected, blank_nlp, rules, article):
    (claim,) = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
    assert (claim.text, claim.value, claim.low, claim.high, claim.unit) == pytest.approx(expected)


@pytest.mark.parametrize("sentence, expected", UNIT_CASES)
def test_units_of_lists_measures_and_unit_words(sentence, expected, blank_nlp, rules, article):
    claims = claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.text, c.unit) for c in claims] == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("The blast killed 3 bank employees.", [("3 bank employees", "employees")]),
    ("Two plainclothes police officers fired.", [("Two plainclothes police officers", "officers")]),
    ("The skiffs had a total of 26 Orvelian crew on board.", [("a total of 26 Orvelian crew", "crew")]),
    ("A gunman killed one person and injured two others.", [("one person", "people"), ("two others", "people")]),
    ("The survey puts the magnitude at 6.1.", [("6.1", "magnitude")]),
    ("Marines seized 12 Varnish and 11 Elban nationals as well as arms.",
     [("12 Varnish", "nationals"), ("11 Elban nationals", "nationals")]),
])
def test_units_by_parse(sentence, expected, model_nlp, rules, article):
    claims = claims_in(model_nlp(sentence), article(sentence), rules, ("quantity",))
    assert [(c.text, c.unit) for c in claims] == expected


@pytest.mark.parametrize("sentence, subject", [
    ("The main quake was followed by four aftershocks, with magnitudes ranging from 3.6 to 4.3.", "aftershocks"),
    ("Aftershocks of around 4.0 rattled Velmor.", "Aftershocks"),
    ("Seismologists reported magnitudes ranging from 3.6 to 4.3.", "magnitudes"),    # no event named before
])
def test_a_magnitude_is_of_the_event_it_measures(sentence, subject, blank_nlp, rules, article):
    claims = [claim for claim in claims_in(blank_nlp(sentence), article(sentence), rules, ("quantity",))
              if claim.unit == "magnitude"]
    assert [claim.subject for claim in claims] == [subject]
