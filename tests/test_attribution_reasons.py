"""Who says a figure in the reason a verb of praise or blame gives, who speaks after a preposition, and the sex
of a title from the rules (own test sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for
from troopclaims.errors import RulesError
from troopclaims.rules import load_rules

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
    # ... and is aside for a verb the one who blames goes on with
    ("The governor blasted the agency for saying only 12 people died, and said at least 40 people died.",
     "at least 40 people", {"speaker": "governor"}),
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


@pytest.mark.parametrize("folder, speaker", [
    # the sex of a title comes from speakers.yaml, so a rules folder can add titles of its own ...
    ("title_sexes: {madame: f, herr: m}\n", "Vale"),
    # ... and without them "she" goes to the nearer name
    ("title_sexes: {}\n", "Okafor"),
])
def test_the_sex_of_a_title_from_the_rules(blank_nlp, tmp_path, folder, speaker):
    (tmp_path / "speakers.yaml").write_text(folder, encoding="utf-8")
    text = "Madame Vale met Herr Okafor on Monday. Okafor said the talks went well. She said 300 jobs would be saved."
    assert claim_for(blank_nlp, load_rules([tmp_path]), text, "300 jobs").speaker == speaker


@pytest.mark.parametrize("text, message", [
    ("title_sexes: {sir: male}\n", r"speakers.yaml:1: the sex of title 'sir' is 'male'; write one of m, f"),
    ("title_sexes: [sir]\n", r"speakers.yaml:1: title_sexes must map a title to m or f"),
])
def test_a_bad_sex_of_a_title_is_a_rules_error(tmp_path, text, message):
    (tmp_path / "speakers.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules([tmp_path]).lexicon("speakers")


@pytest.mark.parametrize("folder, speaker", [
    # a span of time after "for" is no reason, by the units of spans_of_time.yaml, so a rules folder's own unit
    # counts too ...
    ("units:\n  fortnights: {words: [fortnight, fortnights], days: 14}\n", None),
    # ... and without it the phrase is a reason
    ("age_unit: years\n", "Vale"),
])
def test_a_span_of_time_by_the_units_of_the_rules(blank_nlp, tmp_path, folder, speaker):
    (tmp_path / "spans_of_time.yaml").write_text(folder, encoding="utf-8")
    text = "Vale praised the crew for two fortnights at 300 homes."
    assert claim_for(blank_nlp, load_rules([tmp_path]), text, "300 homes").speaker == speaker
