"""The event of each figure and its aspect: phrases of several words, verbs that say nothing, the noun a sum is,
and events carried over from the figure or sentence before (sentences written for these tests, invented names)."""
import pytest

from troopclaims.extractors.event_rules import forms
from troopclaims.run.claims import claims_in


def labels(nlp, rules, article, text):
    return [(claim.text, claim.aspect) for claim in claims_in(nlp(text), article(text), rules, ("quantity",))]


# sentence -> [(figure text, aspect)], on spacy.blank("en"): a phrase's words follow its verb in order
PHRASE_CASES = [
    ("About 4,000 students took to the streets of Varn.", [("About 4,000 students", "attended")]),
    ("Some 300 farmers took part in the march.", [("Some 300 farmers", "attended")]),
    ("About 40 youths showed up outside the court.", [("About 40 youths", "attended")]),
    ("The crews called in nine engines.", [("nine engines", "deployed")]),
    ("Twelve engines responded to the blaze at the mill.", [("Twelve engines", "deployed")]),
    ("More than 60 firefighters fought the blaze overnight.", [("More than 60 firefighters", "deployed")]),
    ("Ten engines were tackling the fire at dawn.", [("Ten engines", "deployed")]),
    ("Three warehouses caught fire.", [("Three warehouses", "damaged")]),
    ("Rioters set fire to four banks.", [("four banks", "damaged")]),
    ("Rioters set two cars and a kiosk ablaze.", [("two cars", "damaged")]),
    ("Two clerks were burnt to death.", [("Two clerks", "killed")]),
    ("Gunmen took 14 villagers hostage in Orvel.", [("14 villagers", "captured")]),
    ("Police caught 12 smugglers.", [("12 smugglers", "captured")]),
    ("Sixty residents were moved from their homes.", [("Sixty residents", "evacuated")]),
    ("Eight engines were brought to the scene.", [("Eight engines", "deployed")]),
    ("Soon after, more than 200 marchers set off from the square.", [("more than 200 marchers", "attended")]),
    ("About 300 farmers stormed the town hall.", [("About 300 farmers", "attended")]),
    ("Rebels set off two bombs.", [("two bombs", None)]),     # "set off" with no "from" is no march
    # the single words still count alone
    ("Some 30 farmers fought with guards.", [("Some 30 farmers", "fighting")]),
    ("Dozens riot in Port Elba", [("Dozens", "attended")]),
    ("The ruling set off unrest by thousands of students.", [("thousands of students", "attended")]),
]


@pytest.mark.parametrize("sentence, expected", PHRASE_CASES)
def test_events_of_several_words_by_word_order(sentence, expected, blank_nlp, rules, article):
    assert labels(blank_nlp, rules, article, sentence) == expected


# the same on the parse: the other words are among the verb's dependents, wherever they stand
PARSED_PHRASE_CASES = [
    ("About 4,000 students took to the streets of Varn on Sunday.", [("About 4,000 students", "attended")]),
    ("When they arrived, they called in another six engines.", [("six engines", "deployed")]),
    ("Youths set the depot and two police cars ablaze.", [("two police cars", "damaged")]),
    ("More than 60 firefighters with eight engines fought the blaze.",
     [("More than 60 firefighters", "deployed"), ("eight engines", "deployed")]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", PARSED_PHRASE_CASES)
def test_events_of_several_words_by_parse(sentence, expected, model_nlp, rules, article):
    assert labels(model_nlp, rules, article, sentence) == expected


# text -> [(figure text, aspect)]: a figure whose verb says nothing takes the event of the sentence before
CARRIED_CASES = [
    ("Coast guards seized two skiffs near Port Elba. Nine rifles and 40 magazines were found on board.",
     [("two skiffs", "captured"), ("Nine rifles", "captured"), ("40 magazines", "captured")]),
    ("Coast guards intercepted two skiffs. The skiffs had 11 crew on board.",
     [("two skiffs", "captured"), ("11 crew", "captured")]),
    # a blank line ends the paragraph: nothing is carried over it
    ("Coast guards seized two skiffs near Port Elba.\n\nNine rifles were found in a shed.",
     [("two skiffs", "captured"), ("Nine rifles", None)]),
]


@pytest.mark.parametrize("text, expected", CARRIED_CASES)
def test_an_empty_verb_takes_the_event_of_the_sentence_before(text, expected, blank_nlp, rules, article):
    assert labels(blank_nlp, rules, article, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    *CARRIED_CASES,
    ("Marines boarded the dhow and detained 9 men. There were also three outboard motors.",
     [("9 men", "arrested"), ("three outboard motors", "arrested")]),
    # "be" is no empty verb: what the tents are is said, and nothing befell them
    ("The storm destroyed 40 homes in Orvel. About 2,000 tents were ready for the homeless.",
     [("40 homes", "destroyed"), ("About 2,000 tents", None)]),
    # an empty verb on a clause of its own takes the event of the clause it hangs on
    ("Crews responded to the fire at the depot, using at least two ladder trucks.",
     [("at least two ladder trucks", "deployed")]),
])
def test_an_empty_verb_by_parse(text, expected, model_nlp, rules, article):
    assert labels(model_nlp, rules, article, text) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The Varn council is offering a $20,000 reward.", [("$20,000", "pledged")]),
])
def test_the_noun_a_sum_is_wins_over_the_verb(sentence, expected, blank_nlp, rules, article):
    assert labels(blank_nlp, rules, article, sentence) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("The Varn council said on Monday that it was offering a $20,000 reward for news of the thieves.",
     [("$20,000", "pledged")]),
    ("Acme made a $3 million offer for the mill.", [("$3 million", "paid")]),
    # a verb's own object is its event, even under another event verb
    ("The storm killed at least nine people, injured almost 70 and flattened the pier.",
     [("at least nine people", "killed"), ("almost 70", "wounded")]),
    # not over "and": the clause before is another event; the object of a verb outside the rules says it
    ("A guard died and two clerks left the bank.", [("two clerks", None)]),
    ("A guard died and two clerks underwent surgery.", [("two clerks", "wounded")]),
    ("The Comets' offer was expected to be about $150 million.", [("about $150 million", "paid")]),
    # what describes a place is no participant; an apposition of the counted noun is
    ("The quake struck Orvel, home to 120,000 people.", [("120,000 people", None)]),
    ("The 6.1-magnitude quake struck Elba island, home to 90,000 people, and the port of Varn.",
     [("6.1-magnitude", None), ("90,000 people", None)]),
    ("The Comets' offer was raised as high as $184 million.", [("$184 million", "paid")]),
    ("Police said at least three people, a man and two women, were killed.",
     [("at least three people", "killed"), ("two women", "killed")]),
    ("The ministry exempted a handful of countries in March.", [("a handful of countries", None)]),
    # a count of events says what happened, not what befell them
    ("After rallying in two separate demonstrations, unionists marched on the palace.",
     [("two separate demonstrations", None)]),
    ("Over 50 arrests were made.", [("Over 50 arrests", "arrested")]),
    ("The unjust death of three of our citizens shocked Varn.", [("three of our citizens", "killed")]),
    # the subject's modifier says what befell the object only under a verb that says nothing itself
    ("Those detained included 14 students.", [("14 students", "arrested")]),
    ("The frigate, deployed off Varn, was escorting five merchant ships.", [("five merchant ships", None)]),
    ("Marchers walked toward the police station when about 30 youths broke away.", [("about 30 youths", None)]),
    # the verb of which the counted noun is the object or passive subject wins over what modifies the noun
    ("Marines rescued two cargo ships that were being attacked.", [("two cargo ships", "rescued")]),
    ("Two guards involved in the brawl were arrested.", [("Two guards", "arrested")]),
    ("The turnout reached 90 percent in the vote for 288 candidates.",
     [("90 percent", "attended"), ("288 candidates", None)]),
    # a verb beside a noun of not_events names no event: a deal struck is no strike
    ("The deal, struck between Varn and six world powers, was signed in May.", [("six world powers", None)]),
    ("The storm struck six villages.", [("six villages", "damaged")]),
])
def test_the_noun_or_verb_nearest_the_figure_by_parse(sentence, expected, model_nlp, rules, article):
    assert labels(model_nlp, rules, article, sentence) == expected


def test_rules_hold_phrases_and_empty_verbs(rules):
    lexicon = rules.lexicon("aspects")
    assert dict(lexicon.phrases["took"])[("to", "streets")] == "attended"     # articles left out
    assert dict(lexicon.phrases["setting"])[("ablaze",)] == "damaged"          # a final consonant doubled
    assert lexicon.aspect_of("fight") == "fighting"          # the verb alone keeps its own class
    assert "had" in lexicon.empty and "using" in lexicon.empty


@pytest.mark.parametrize("lemma, expected", [
    ("set", {"setting", "sets"}), ("deploy", {"deployed", "deploying"}), ("rally", {"rallied", "rallies"}),
    ("seize", {"seized", "seizing"}), ("hit", {"hitting"}),
])
def test_forms_of_a_lemma(lemma, expected):
    assert expected <= forms(lemma)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # words of sums of money say nothing of a count of things they govern
    ("The charter raised the number of council seats from 40 to 75.", [("40", None), ("75", None)]),
    ("The Comets raised their offer to $150 million.", [("$150 million", "paid")]),
    ("The treaty was signed by four ministers.", [("four ministers", None)]),
    # a count climbs past them to its own event
    ("Atlantis seeks to deploy 500 troops.", [("500 troops", "deployed")]),
    ("Officials asked that 500 troops be deployed.", [("500 troops", "deployed")]),
    # an asking price is a sum to be paid
    ("Kellan is believed to be seeking more than $30 million.", [("more than $30 million", "paid")]),
    # a list with no verb of its own carries the aspect of the sum before it
    ("Kellan is believed to be seeking more than $30 million. The Comets are at $160 million, the Harbourmen "
     "around $150 million.",
     [("more than $30 million", "paid"), ("$160 million", "paid"), ("around $150 million", "paid")]),
])
def test_sums_and_lists_of_sums_by_parse(text, expected, model_nlp, rules, article):
    assert labels(model_nlp, rules, article, text) == expected


@pytest.mark.model
def test_each_item_of_a_list_of_offers_is_its_own_payers(model_nlp, rules, article):
    text = ("Kellan is seeking $30 million a year. The Boston Comets are at $160 million, the Harbourmen around "
            "$150 million, and the Rovers at $155 million.")
    claims = claims_in(model_nlp(text), article(text), rules, ("quantity",))
    assert [(claim.text, claim.actor) for claim in claims][1:] == [
        ("$160 million", "Boston Comets"), ("around $150 million", "Harbourmen"), ("$155 million", "Rovers")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a date that modifies a noun dates that noun's event, whoever is its verb's subject
    ("She will host the March 2 broadcast from Varn.", [("March 2", "broadcast", None)]),
    ("Police are still looking into the June 20 shooting.", [("June 20", "shooting", None)]),
    ("The gala will be broadcast live on Sunday, March 2.", [("Sunday, March 2", "broadcast", "gala")]),
])
def test_the_event_of_a_date(text, expected, model_nlp, rules, article):
    claims = claims_in(model_nlp(text), article(text), rules, ("date",))
    assert [(claim.text, claim.event, claim.subject) for claim in claims] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Varn struck a deal with six firms.", [("six firms", None)]),
    ("The storm struck six villages.", [("six villages", "damaged")]),
])
def test_a_verb_beside_a_noun_of_not_events_names_no_event(sentence, expected, blank_nlp, rules, article):
    assert labels(blank_nlp, rules, article, sentence) == expected
