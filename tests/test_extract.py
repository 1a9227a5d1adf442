"""The extract job's own steps: figures dated by their sentence, events and actors carried over, what compare skips."""
import pytest

from troopclaims.compare.facts import compare_claims
from troopclaims.run.claims import claims_in
from troopclaims.records import Claim


def quantities_of(nlp, rules, article, text, published="2030-05-10"):
    return [c for c in claims_in(nlp(text), article(text, published), rules) if c.kind == "quantity"]


@pytest.mark.model
def test_figures_dated_apart_are_a_change_not_a_conflict(model_nlp, rules, article):
    text = ("By the end of March, the army held about 900 square kilometres of the valley. "
            "Analysts say it now holds only about 500 square kilometres.")
    claims = quantities_of(model_nlp, rules, article, text)
    assert [(c.value, c.as_of) for c in claims] == [(900, "2030-03-31"), (500, "2030-05-10")]
    (fact,) = compare_claims(claims, rules)
    assert fact.verdict == "changed"


@pytest.mark.model
def test_a_figure_pointing_back_takes_the_event_of_the_one_before(model_nlp, rules, article):
    text = "Officials confirmed the presence of 10,000 Atlantean troops in the north, with nearly 8,000 of them near the lake."
    first, second = quantities_of(model_nlp, rules, article, text)
    assert (first.aspect, second.aspect) == ("deployed", "deployed")
    assert second.event == first.event and second.unit == "troops"


@pytest.mark.model
@pytest.mark.parametrize("text, actor", [
    ("Belarus was sending 2,000 troops to the border, officials said.", "Belarus"),
    ("The flood killed 2,000 people in Belarus.", None),
])
def test_the_subject_of_an_owning_event_is_the_actor(text, actor, model_nlp, rules, article):
    (claim,) = quantities_of(model_nlp, rules, article, text)
    assert claim.actor == actor


def test_compare_says_what_it_leaves_out(rules):
    def claim(**fields):
        base = dict(source="a.txt", published=None, kind="quantity", text="x", start=0, end=1, value=5, low=5, high=5,
                    qualifier="exact", unit="troops")
        return Claim(**{**base, **fields})

    messages = []
    facts = compare_claims([claim(), claim(unit=None), claim(distributive=True),
                            claim(kind="date", value="2030-01-01", unit=None, event=None),
                            claim(kind="place", unit="city")], rules, messages.append)
    assert [len(fact.claims) for fact in facts] == [1]
    assert messages == [
        "left out 1 figure whose counted noun was not found (see them with `troopclaims extract`)",
        'left out 1 figure counted per group or per period ("every 30 soldiers", "$2 million a year")',
        "left out 1 date that dates no event (only when something was said, a state's bounds, or no verb found)"]


def test_without_a_parse_a_date_right_after_a_reporting_verb_dates_the_report(blank_nlp, rules, article):
    text = "The Red Cross said on Saturday that 500 people had been evacuated since Thursday."
    dates = {c.text: c.event for c in claims_in(blank_nlp(text), article(text), rules) if c.kind == "date"}
    assert dates == {"Saturday": None, "since Thursday": "evacuated"}


# Aspects that a construction gives rather than the verb next to the figure (sentences written for these tests):
# sentence -> (figure text, aspect).
CONSTRUCTION_CASES = [
    # the object of a verb outside the rules gives the event: "into custody", "joined the vigil"
    ("Coast guards took 14 smugglers into custody on Friday.", "14", "captured"),
    ("About 3,000 people joined a candlelit vigil in the square.", "About 3,000", "attended"),
    ("Nearly 1.2 million voters cast their ballots by noon.", "Nearly 1.2 million", "attended"),
    ("The gunman took the lives of three guards.", "three", "killed"),
    # a passive verb outside the rules shares the event of its bare conjunct
    ("Nine pistols and 40 knives were discovered and confiscated at the border.", "Nine", "captured"),
    ("Customs officers recovered 30 stolen paintings.", "30", "captured"),
    ("Investigators seized 12 rifles in the van.", "12", "captured"),
    ("A survey found 55 percent of the town opposed the plan.", "55 percent", None),   # "find" is no capture
    # a passive reporting verb reports nothing: what it is said of is its subject ("were found and confiscated")
    ("Four pistols, 20 knives and about 90 cartridges were found and seized by the guards.", "20", "captured"),
    # a verb outside the rules takes the event of its subject: "the haul included", "the rally drew"
    ("The haul included nine rifles and two grenades.", "nine", "captured"),
    ("The detained included 8 Bordurians and 3 Syldavians.", "3", "arrested"),
    ("Those rescued included 30 children and 12 guides.", "12", "rescued"),
    ("The rally drew about 4,000 people to the park.", "about 4,000", "attended"),
    # a distance says where the event was, not what it befell
    ("The quake struck 12 km south of the town.", "12 km", None),
    ("Raiders attacked the tanker 90 nautical miles off the coast.", "90 nautical miles", None),
    ("The club agreed to a $40 million sum for the forward.", "$40 million", "paid"),
    # the doer in a "by" phrase is not what the event befell
    ("The guard was hit by two of the five bullets fired.", "two", None),
    ("Ten houses were damaged by 40 falling trees.", "40", None),
    ("Ten houses were damaged by falling trees.", "Ten", "damaged"),
    # an event word past a comma belongs to another figure: "shooting three people, killing one"
    ("A gunman suspected of shooting four people, killing one, was caught.", "four", None),
    ("A gunman suspected of shooting four people, killing one, was caught.", "one", "killed"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, aspect", CONSTRUCTION_CASES)
def test_constructions_give_the_aspect(text, figure, aspect, model_nlp, rules, article):
    (claim,) = [c for c in quantities_of(model_nlp, rules, article, text) if c.text.startswith(figure)]
    assert claim.aspect == aspect


@pytest.mark.model
@pytest.mark.parametrize("text, actor", [
    ("The Hawks made an offer of $90 million to the pitcher.", "Hawks"),
    ("Acme Mining paid $4 million to the villagers.", "Acme Mining"),
    ("The Falcons' offer of $85 million was turned down.", "Falcons"),
    ("He was offered $5 million.", None),
    # a name before the event noun, a "by" phrase, the owner of a copula's subject, coordinated payers in one order
    ("The Boston offer was as high as $84 million.", "Boston"),
    ("The club rejected the $60 million offers by the Hawks and the Atlanta Falcons.", "Atlanta Falcons and Hawks"),
    ("The Falcons and Hawks offered $3 million.", "Falcons and Hawks"),
    # the subject of a reporting verb above the offer is the reporter, never the payer
    ("Lynch reported the Hawks team of owner Jon Vale and manager Ed Dorn offered Kell $84 million.", None),
])
def test_the_named_payer_is_the_actor_of_a_sum(text, actor, model_nlp, rules, article):
    (claim,) = quantities_of(model_nlp, rules, article, text)
    assert (claim.aspect, claim.actor) == ("paid", actor)


@pytest.mark.model
def test_offers_of_two_payers_are_two_facts(model_nlp, rules, article):
    text = ("The Hawks made an offer of $90 million to the pitcher. The Falcons made an offer of $120 million. "
            "The Hawks later offered $95 million.")
    facts = compare_claims(quantities_of(model_nlp, rules, article, text), rules)
    assert sorted((fact.actor, len(fact.claims)) for fact in facts) == [("Falcons", 1), ("Hawks", 2)]
