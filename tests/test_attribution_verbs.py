"""Verbs of praise, blame, accusation and request: the reason or request after the object is what the speaker
says, whom or what they praise or blame is not; a verb of saying after a participle and a comma shares the
sentence's speaker (own test sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

REASONS = [
    # the reason after the object ("for ...", "with ..." after "charged") is the speaker's
    ("The union blasted the council for cutting 300 jobs.", "300 jobs", {"speaker": "union", "cue": "blasted"}),
    ("Vale blamed the storm for 40 deaths.", "40 deaths", {"speaker": "Vale", "cue": "blamed"}),
    ("Prosecutors charged two Dunmore builders with cheating investors from at least 40 countries.",
     "at least 40 countries", {"speaker": "prosecutors", "cue": "charged", "status": "claimed"}),
    ("Officials praised the march for ending 2 hours early.", "2 hours", {"speaker": "officials", "cue": "praised"}),
    # a span of time after "for" is no reason, and without a reason these verbs say nothing
    ("The crowd applauded for five minutes.", "five minutes", {"speaker": None}),
    ("Vale thanked the 300 volunteers.", "300 volunteers", {"speaker": None}),
    ("Rebels slammed the door shut at 300 homes.", "300 homes", {"speaker": None}),
    ("The firm charged customers $300 for the repair.", "$300", {"speaker": None}),
    # a request: what the speaker asks someone to do
    ("The Vale campaign has asked the moderator to check the claims during Tuesday's debate.", "Tuesday",
     {"speaker": "Vale campaign", "cue": "asked"}),
    ("The mayor encouraged residents to donate $5 each.", "$5", {"speaker": "mayor", "cue": "encouraged"}),
    # complaints with their particle
    ("Vale railed against the more than $100 million the council spent.", "$100 million",
     {"speaker": "Vale", "cue": "railed"}),
    ("Vale lashed out at the council for spending $100 million.", "$100 million",
     {"speaker": "Vale", "cue": "lashed"}),
    ("The storm lashed the coast for 3 days.", "3 days", {"speaker": None}),
    ("Workers fixed the rail near 300 homes.", "300 homes", {"speaker": None}),
    ("The rain encouraged 300 farmers.", "300 farmers", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", REASONS)
def test_the_reason_after_the_object(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", REASONS + [
    # whom or what they praise, blame or ask is not what they say
    ("Officials praised Saturday's march for being peaceful.", "Saturday", {"speaker": None}),
    ("Prosecutors charged two Dunmore builders with cheating investors from at least 40 countries.",
     "two Dunmore builders", {"speaker": None}),
    ("The Vale campaign has asked 300 moderators to check the claims.", "300 moderators", {"speaker": None}),
    ("Senator Lisa Morn grilled the bank's chief on Tuesday for his role in a scheme in which 300 clerks opened "
     "2 million accounts.", "2 million accounts", {"speaker": "Lisa Morn", "cue": "grilled"}),
    ("Senator Lisa Morn grilled the bank's chief on Tuesday for his role in a scheme in which 300 clerks opened "
     "2 million accounts.", "Tuesday", {"speaker": None}),
    # the reason past a name and its description, and a request past them
    ("Mayor Vale criticized Officer Dorn for shooting Kel Amari, a 40-year-old teacher.", "40-year-old",
     {"speaker": "Vale", "cue": "criticized"}),
    ("The Vale campaign has asked Tom Holt, the moderator of the forum, to check the claims during Tuesday's "
     "debate.", "Tuesday", {"speaker": "Vale campaign", "cue": "asked"}),
    # the request reports what lies inside it, the outer verb over the inner one; not the frame before it
    ("Vale is also encouraging her supporters at a rally Friday evening in Dunmore to ask why 300 homes were lost.",
     "300 homes", {"speaker": "Vale", "cue": "encouraging"}),
    ("Vale is also encouraging her supporters at a rally Friday evening in Dunmore to ask why 300 homes were lost.",
     "Friday evening", {"speaker": None}),
    # a verb of blame that reports its object still does without a reason
    ("Vale criticized the $40 million contract.", "$40 million", {"speaker": "Vale", "cue": "criticized"}),
])
def test_the_reason_after_the_object_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    # a verb of saying after a preposition is said by the subject of the verb it hangs on ...
    ("The minister resigned after saying 300 homes were lost.", "300 homes",
     {"speaker": "minister", "cue": "saying"}),
    ("The minister was fired for saying 300 homes were lost.", "300 homes",
     {"speaker": "minister", "cue": "saying"}),
    # ... unless that verb has an object first, who is the one meant ("blasted the panel for failing to make clear")
    ("Democrats blasted the panel for failing to make clear on Friday that the deal was only partial.", "Friday",
     {"speaker": "Democrats", "cue": "blasted"}),
    ("The minister resigned after visiting 300 homes.", "300 homes", {"speaker": None}),
])
def test_a_verb_of_saying_after_a_preposition(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


COLONS_AND_TITLES = [
    # a sentence that a colon opens after a verb of saying is what is said
    ("Vale and Dahl never seem to tire of telling the story of the flood: In March 2019, the two found 40 boats "
     "near the dam.", "40 boats", {"speaker": "Vale", "cue": "telling"}),
    ("The minister told reporters: 300 homes were lost.", "300 homes", {"speaker": "minister", "cue": "told"}),
    ("The report lists the damage: 300 homes were lost.", "300 homes", {"speaker": None}),
    # a title in quote marks that the sentence is about does not go on the last speaker's words
    ("Vale sang to the crowd before asking them, “Where do we go?” “Open Skies (41 Shots)” was written in 1999.",
     "41", {"speaker": None}),
    ("“We counted 40 boats,” Vale said. “And 15 more came later.”", "15", {"speaker": "Vale", "cue": "said"}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", COLONS_AND_TITLES)
def test_colons_and_titles_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, expected", COLONS_AND_TITLES[1:])
def test_colons_and_titles(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    # a relative clause without "that" inside an outer report: the outer speaker says all of it
    ("Dahl said he plans to spend the roughly $18 million he says he raised on the day after Monday's debate.",
     "Monday", {"speaker": "Dahl", "cue": "said"}),
    # on its own, the relative clause's speaker speaks
    ("Ann Vale met the press. The roughly $18 million she says she raised will go to ads.", "$18 million",
     {"speaker": "Ann Vale", "cue": "says"}),
    # a relative clause with "who" is the description of a noun, not part of the outer report
    ("Dahl said the clerks, who say they earned $900 a week, would be paid.", "$900", {"speaker": "clerks"}),
])
def test_a_relative_clause_inside_an_outer_report(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


AFTER_A_COMMA = [
    # a verb of saying in the infinitive after a participle and a comma speaks for the sentence's speaker
    ("Vale said the plan cost too much, going on to say that the town had spent 40 years on it.", "40 years",
     {"speaker": "Vale", "cue": "say"}),
    ("Vale said the plan cost too much, pausing to add that the town had spent 40 years on it.", "40 years",
     {"speaker": "Vale", "cue": "add"}),
    ("The council met on Monday, going on to say that the town had spent 40 years on the bridge.", "40 years",
     {"speaker": "council", "cue": "say"}),
    # a participle that says nothing names nobody
    ("The river rose on Monday, forcing 300 people to leave.", "300 people", {"speaker": None}),
    ("The council met on Monday, going on to build 40 homes.", "40 homes", {"speaker": None}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", AFTER_A_COMMA)
def test_a_verb_of_saying_after_a_participle_and_a_comma(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, expected", AFTER_A_COMMA[2:])
def test_a_verb_of_saying_after_a_participle_by_word_order(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


COUNTED_AND_QUOTED = [
    # a count is a figure its counter asserts; relying on someone, a count down and a passive count are not
    ("Reporters counted 40 bodies in the river.", "40 bodies", {"speaker": "reporters", "cue": "counted"}),
    ("Rescuers had counted at least 12 dead by Tuesday.", "at least 12 dead",
     {"speaker": "Rescuers", "cue": "counted"}),
    ("Rescuers counted the 40 bodies in the rubble on Tuesday.", "40 bodies",
     {"speaker": "Rescuers", "cue": "counted"}),
    ("Rescuers counted 40 bodies in the rubble on Tuesday.", "Tuesday", {"speaker": None}),
    ("Vale counted on 300 volunteers.", "300 volunteers", {"speaker": None}),
    ("The votes were counted on Monday.", "Monday", {"speaker": None}),
    ("Officials are counting down to the 2030 games.", "2030", {"speaker": None}),
    # "not counting" names an exception and a participle after a comma adds to the count: the report is elsewhere
    ("The flood killed 12 people, not counting three who drowned at sea, officials said.", "three",
     {"speaker": "officials", "cue": "said"}),
    ("The flood killed 12 people, counting three who drowned at sea, officials said.", "three",
     {"speaker": "officials", "cue": "said"}),
    ("The flood killed 12 people, excluding three who drowned at sea, officials said.", "three",
     {"speaker": "officials", "cue": "said"}),
    # who is quoted speaks; whoever quotes passes it on
    ("Vale was quoted by the Dunmore Ledger as saying 300 homes were lost.", "300 homes",
     {"speaker": "Vale", "cue": "saying", "via": "Dunmore Ledger"}),
    ("The Dunmore Ledger quoted Vale as saying 300 homes were lost.", "300 homes",
     {"speaker": "Vale", "cue": "saying"}),
    ("The mayor, who was quoted as saying 300 homes were lost, resigned.", "300 homes",
     {"speaker": "mayor", "cue": "saying"}),
    ("Vale was quoted in full on page 3.", "3", {"speaker": None}),
    ("Vale was also quoted by the Dunmore Ledger as saying 300 homes were lost.", "300 homes",
     {"speaker": "Vale", "cue": "saying", "via": "Dunmore Ledger"}),
    # a participle "quoted by" that describes a noun passes nothing on and names nobody
    ("Prices quoted by traders rose to $30 a barrel on Monday.", "$30", {"speaker": None, "via": None}),
    ("Fares quoted by the Dunmore Ledger fell 5 percent.", "5 percent", {"speaker": None, "via": None}),
    # an owned noun of saying before its verb: the owner speaks
    ("Berg's statement said 300 homes were lost.", "300 homes", {"speaker": "Berg", "cue": "said"}),
    ("Anna Berg met the mayor. Her statement said 300 homes were lost.", "300 homes",
     {"speaker": "Anna Berg", "cue": "said"}),
    ("Berg's dog ate 300 biscuits.", "300 biscuits", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", COUNTED_AND_QUOTED)
def test_counts_quotations_and_owned_statements(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", COUNTED_AND_QUOTED)
def test_counts_quotations_and_owned_statements_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


COUNT_EVENTS = [
    # a count's verb names its counter and stays what befell what the figure counts, which compare groups on
    # (the event of a verb and its object needs the parse)
    ("Rescuers counted 40 bodies in the rubble on Tuesday.", "40 bodies", "counted"),
    ("Traffic cameras counted 12,000 cars on the bridge, the city said.", "12,000 cars", "counted"),
    ("Officials said that 300 homes were lost.", "300 homes", "lost"),
]


def _event_of(nlp, rules, text, figure):
    from troopclaims.records import Article
    from troopclaims.run.claims import claims_in

    claims = claims_in(nlp(text), Article("t.txt", text, "2024-10-25"), rules)
    return next(c.event for c in claims if c.text == figure)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, event", COUNT_EVENTS)
def test_a_count_keeps_its_event_with_the_parse(model_nlp, rules, text, figure, event):
    assert _event_of(model_nlp, rules, text, figure) == event
