"""Who says a figure in the reason a verb of praise or blame gives, and who speaks after a preposition (own test
sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

SAID_REASONS = [
    # a reason that holds its own verb of saying is the words of the one blamed, not of who blames ...
    ("The governor blasted the agency for saying only 12 people died.", "12 people",
     {"speaker": "agency", "cue": "saying"}),
    ("Opposition leaders criticized the ministry for claiming that 30 schools had reopened.", "30 schools",
     {"speaker": "ministry", "cue": "claiming"}),
    ("The union slammed managers for announcing that 250 jobs would go.", "250 jobs",
     {"speaker": "managers", "cue": "announcing"}),
    ("Senator Lisa Morn praised Mayor Kel Dorn for repeatedly saying that 300 homes would be rebuilt.",
     "300 homes", {"speaker": "Kel Dorn", "cue": "saying"}),
    # ... but a reason that is what they did, or did not say, stays the words of who blames
    ("The governor blasted the agency for cutting 120 jobs.", "120 jobs", {"speaker": "governor", "cue": "blasted"}),
    ("The governor blamed the storm for 40 deaths.", "40 deaths", {"speaker": "governor", "cue": "blamed"}),
    ("The governor blasted the panel for failing to say how 12 people died.", "12 people",
     {"speaker": "governor", "cue": "blasted"}),
    # a request asks for words not yet said: the one who asks speaks
    ("The mayor encouraged residents to report the 40 flooded cellars.", "40 flooded cellars",
     {"speaker": "mayor", "cue": "encouraged"}),
]


@pytest.mark.parametrize("text, figure, expected", SAID_REASONS)
def test_a_reason_with_its_own_verb_of_saying(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", SAID_REASONS)
def test_a_reason_with_its_own_verb_of_saying_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, speaker", [
    # a word that is a preposition and a conjunction ("after", "until", "since", "before") opens a clause whose
    # finite verb of saying has its own subject ...
    ("The evacuation began after police said 300 homes were flooded.", "300 homes", "police"),
    ("Schools stayed shut until officials confirmed that 12 bridges were safe.", "12 bridges", "officials"),
    ("Prices have doubled since the Harbor Institute reported 40 closures.", "40 closures", "Harbor Institute"),
    ("The river rose before the engineers warned that 15 levees could fail.", "15 levees", "engineers"),
    ("Crowds gathered at the hall in Dunmore, where officials said 300 homes were lost.", "300 homes", "officials"),
    # ... and the object of a preposition before an infinitive or a participle is no subject of it
    ("Vale is also gathering her supporters at a rally in Dunmore to ask why 300 homes were lost.", "300 homes",
     None),
    ("Vale is also gathering her supporters at a rally in Dunmore asking why 300 homes were lost.", "300 homes",
     None),
])
def test_a_subject_after_a_preposition(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker
