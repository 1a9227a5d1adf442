"""Words added to the rules for one kind of story must not reach figures of another: a verb of money that counts
people, a verb of captives freed beside names or sums, a verb of a running count that is an event itself.
Sentences, names and places written for these tests."""
import pytest

from troopclaims.run.claims import claims_in

pytestmark = pytest.mark.model


def quantities(nlp, text, rules, article):
    return [c for c in claims_in(nlp(text), article(text, "2031-08-10"), rules) if c.kind == "quantity"]


# sentence -> [(unit, aspect)] of its figures
ASPECTS = [
    # needed, fined and demanded are aspects of sums: a count of people takes its own event
    ("At least 30 people required hospital treatment after the crash.", [("people", "wounded")]),
    ("Twelve people needed treatment for smoke inhalation.", [("people", "wounded")]),
    ("The agency said it needs $40 million to feed the displaced.", [("USD", "needed")]),
    ("The court fined the company $3 million.", [("USD", "fined")]),
    # released frees captives, not names, data or money
    ("The kidnappers released 4 hostages on Monday.", [("hostages", "released")]),
    ("Police released the names of the 4 victims.", [("people", "killed")]),
    ("The government released $20 million in aid.", [("USD", "pledged")]),
    # consume and relocate beside what is no crop or people
    ("Flames consumed 300 acres of forest.", [("acre", "damaged")]),
    ("Households consume 40 percent of the city's water.", [("percent", None)]),
    ("The blaze consumed 60 percent of the old town.", [("percent", "damaged")]),
    ("About 1,000 families have been relocated to temporary camps.", [("families", "evacuated")]),
    ("The firm relocated 300 jobs to Vesta.", [("jobs", None)]),
]


@pytest.mark.parametrize("sentence, expected", ASPECTS)
def test_aspects_stay_with_their_kind_of_figure(sentence, expected, model_nlp, rules, article):
    assert [(c.unit, c.aspect) for c in quantities(model_nlp, sentence, rules, article)] == expected


# a verb of a running count is its figure's event where the figure counts its object
DATED = [
    ("A storm hit 40 villages in Marrow on 2 August.", "2031-08-02", "2031-08-02"),
    ("Forty villages were hit on 2 August.", "2031-08-02", "2031-08-02"),
    ("The death toll from the storm rose to 19 on 4 August.", None, "2031-08-04"),
    ("The toll reached 40 on 4 August.", None, "2031-08-04"),
]


@pytest.mark.parametrize("sentence, happened, as_of", DATED)
def test_running_verbs_date_the_count_not_the_event(sentence, happened, as_of, model_nlp, rules, article):
    assert [(c.happened, c.as_of) for c in quantities(model_nlp, sentence, rules, article)] == [(happened, as_of)]
