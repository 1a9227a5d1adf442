"""Rules that reached too far, found by review: each table holds sentences the fix changes and sentences it must
not change. Sentences, names and places written for these tests."""
import pytest

from troopclaims.compare import compare_claims
from troopclaims.records import Article
from troopclaims.run.claims import claims_in


def quantities(nlp, text, rules, published="2026-12-02"):
    return claims_in(nlp(text), Article("test.txt", text, published), rules, ("quantity",))


# "by" after a change word: the size of the change and the value reached, or a range of the change
CHANGES = [
    ("The death toll in Drava rose by 300 to 4,500.", [("300", 300, 300), ("4,500", 4500, 4500)]),
    ("The count went up by 12 to 52.", [("12", 12, 12), ("52", 52, 52)]),
    ("Rents in Osk rose by 5-10 percent.", [("5-10 percent", 5, 10)]),
    ("The garrison was cut by 2,000 to 3,000 soldiers.", [("2,000 to 3,000 soldiers", 2000, 3000)]),
    ("Support for the mayor was up by 3 to 5 percent.", [("3 to 5 percent", 3, 5)]),
    ("Exports rose by 2 to 3 million tonnes.", [("2 to 3 million tonnes", 2_000_000, 3_000_000)]),
    # no change word before "by": a range as ever
    ("The hall seats 300 to 4,500 people.", [("300 to 4,500 people", 300, 4500)]),
    ("Between 3,000 and 5,000 marchers gathered.", [("Between 3,000 and 5,000 marchers", 3000, 5000)]),
]


@pytest.mark.parametrize("sentence, expected", CHANGES)
def test_a_change_by_a_figure_to_another(sentence, expected, blank_nlp, rules):
    got = [(c.text, c.low, c.high) for c in quantities(blank_nlp, sentence, rules)]
    assert got == expected


def facts_of(nlp, rules, texts, notes=None):
    claims = [claim for i, text in enumerate(texts)
              for claim in claims_in(nlp(text), Article(f"a{i}.txt", text, "2026-12-02"), rules, ("quantity",))]
    return compare_claims(claims, rules, warn=(notes if notes is not None else []).append)


def test_the_size_of_a_change_is_no_rival_of_the_count(blank_nlp, rules):
    notes = []
    facts = facts_of(blank_nlp, rules, ["Hospitals in Drava said the death toll rose by 300 to 4,500 on Tuesday.",
                                        "By Wednesday the Drava health ministry said 4,500 people had been killed."],
                     notes)
    tolls = [fact for fact in facts if fact.unit == "people"]
    assert [(fact.verdict, sorted(c.text for c in fact.claims)) for fact in tolls] == \
        [("agree", ["4,500", "4,500 people"])]
    assert any("size of a change" in note and "left out 1 " in note for note in notes)


@pytest.mark.parametrize("text, kept", [
    ("The toll fell by 40 after a recount.", []),
    ("Rents rose by 5-10 percent.", []),
    ("The toll rose to 40 after a recount.", ["40"]),             # the value reached, no change
    ("The village was shelled by 40 guns.", ["40 guns"]),          # "by" with no change word
])
def test_what_compare_leaves_out_as_a_change(text, kept, blank_nlp, rules):
    facts = facts_of(blank_nlp, rules, [text])
    assert sorted(c.text for fact in facts for c in fact.claims) == kept


# a flood befalls what is flooded, not a crowd or calls that "flood" a place
FLOODED = [
    ("An estimated 20,000 supporters flooded the square in Korvath on Saturday.", None),
    ("Tourists flooded the beaches of Osk, about 50,000 on Sunday alone.", None),
    ("Calls flooded the emergency line, with 3,000 in the first hour.", None),
    ("Roughly 300 homes were flooded.", "damaged"),
    ("Floodwaters inundated 40 villages near Varn.", "damaged"),
    ("The swollen river submerged 12 bridges.", "damaged"),
    ("About 2,000 hectares of farmland were submerged.", "damaged"),
]


@pytest.mark.parametrize("sentence, aspect", FLOODED)
@pytest.mark.parametrize("pipeline", ["blank_nlp", pytest.param("model_nlp", marks=pytest.mark.model)])
def test_a_flood_befalls_its_object(sentence, aspect, pipeline, request, rules):
    (figure,) = quantities(request.getfixturevalue(pipeline), sentence, rules)
    assert figure.aspect == aspect


@pytest.mark.model
def test_a_flooded_noun_and_what_a_flood_washes_away(model_nlp, rules):
    got = [(c.text, c.aspect) for text in ("Some 40 flooded villages were cut off.",
                                           "Torrents washed away 30 homes.",
                                           "Crowds flooding the avenue, some 4,000 in all, cheered.")   # no flood
           for c in quantities(model_nlp, text, rules)]
    assert got == [("Some 40 flooded villages", "damaged"), ("30 homes", "damaged"), ("some 4,000", "attended")]


# "relief" is a pledge of a sum only: relief flights and relief workers pledge nothing
RELIEF = [
    ("Relief flights carried 300 tonnes of flour to Varn.", [("300 tonnes", "t", None)]),
    ("Some 200 relief workers arrived in Daskan on Monday.", [("Some 200 relief workers", "workers", "deployed")]),
    ("The government announced $5 million in relief for farmers.", [("$5 million", "USD", "pledged")]),
    ("Donors pledged $40 million in relief.", [("$40 million", "USD", "pledged")]),
]


@pytest.mark.parametrize("sentence, expected", RELIEF)
@pytest.mark.parametrize("pipeline", ["blank_nlp", pytest.param("model_nlp", marks=pytest.mark.model)])
def test_relief_is_a_pledge_of_money_only(sentence, expected, pipeline, request, rules):
    got = [(c.text, c.unit, c.aspect) for c in quantities(request.getfixturevalue(pipeline), sentence, rules)]
    assert got == expected


# "until"/"through" lean to the coming day only when no verb of the sentence is past (published Wednesday 2 December)
UNTIL = [
    ("The shelter, open until Friday, housed 300 people.", "2026-11-27"),
    ("Polls open until Friday showed 40 percent support.", "2026-11-27"),
    ("The evacuation order remains in force until Friday.", "2026-12-04"),
    ("The festival runs through Sunday.", "2026-12-06"),
    ("The exhibition, open through Sunday, draws crowds.", "2026-12-06"),
    ("Schools were closed until Friday.", "2026-11-27"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, high", UNTIL)
def test_a_bound_without_a_tense_takes_its_clauses(sentence, high, model_nlp, rules):
    claims = claims_in(model_nlp(sentence), Article("test.txt", sentence, "2026-12-02"), rules, ("date",))
    assert [(c.qualifier, c.high) for c in claims] == [("at_most", high)]


# "pounds" of a fine are sterling, unless a word right after them keeps them a weight
POUNDS = [
    ("The fighter was fined after coming in 4 pounds over the limit.", [("4 pounds", "lb")]),
    ("The boxer was fined after weighing in 3 pounds heavier than agreed.", [("3 pounds", "lb")]),
    ("The club was fined 2,000 pounds over the breach.", [("2,000 pounds", "GBP")]),
    ("The court fined him 500 pounds.", [("500 pounds", "GBP")]),
]


@pytest.mark.parametrize("sentence, expected", POUNDS)
def test_pounds_over_a_limit_are_a_weight(sentence, expected, blank_nlp, rules):
    assert [(c.text, c.unit) for c in quantities(blank_nlp, sentence, rules)] == expected


# a count moved by a find holds for the find's day; the find dates no happening of the toll
MOVED = [
    ("Two bodies were found on Tuesday, bringing the toll to 27.", "27", ("2026-12-01", None)),
    ("Rescuers found two more bodies on Tuesday, raising the death toll to 31.", "31", ("2026-12-01", None)),
    ("The quake struck on Sunday, killing 10.", "10", (None, "2026-11-29")),
    ("The death toll rose to 19 on Monday.", "19", ("2026-11-30", None)),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, figure, dated", MOVED)
def test_a_count_brought_to_a_figure_holds_for_the_day(sentence, figure, dated, model_nlp, rules):
    (toll,) = [c for c in quantities(model_nlp, sentence, rules) if c.text == figure]
    assert (toll.as_of, toll.happened) == dated
