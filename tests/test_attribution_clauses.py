"""Attribution across clauses and labels: a coordinated clause with its own subject, a participle of saying that
describes a noun, a name-colon label outside an interview, an attribution after the claim with a report of its
own (own test sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

# Each coordinated clause has its own subject speaking; a clause that goes on with a report stays the report's.
COORDINATED = [
    ("The Harbor Union announced $55 million in aid, and neighbouring Ostlund offered 20 million euros.",
     "20 million euros", {"speaker": "Ostlund", "cue": "offered"}),
    ("Vessland pledged 40 million crowns, while Tarquay offered 150 million marks.", "150 million marks",
     {"speaker": "Tarquay", "cue": "offered"}),
    ("The Harbor Union announced $55 million in aid, and neighbouring Ostlund sent 200 tents.", "200 tents",
     {"speaker": None}),
    # must stay: the first clause's own figure, and a clause that shares the cue's subject or has none of its own
    ("The Harbor Union announced $55 million in aid, and neighbouring Ostlund offered 20 million euros.",
     "$55 million", {"speaker": "Harbor Union", "cue": "announced"}),
    ("Officials said 40 people died, and 200 were injured.", "200", {"speaker": "officials", "cue": "said"}),
    ("Mayor Dahl said the plan costs $40 million and would save 200 jobs.", "200 jobs",
     {"speaker": "Dahl", "cue": "said"}),
    ("The Harbor Union offered to help the 300 families.", "300 families", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", COORDINATED)
def test_coordinated_clauses_have_their_own_speaker(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", COORDINATED + [
    # after an attribution that follows what it reports, the next clause goes on with the report
    ("The middle group paid 8.9 percent, the bureau said in a May report, and the bottom group paid 0.8 percent.",
     "0.8 percent", {"speaker": "bureau", "cue": "said"}),
    ("Vale said the tax raised $3 million, but the council spent 40 percent of it on roads.", "40 percent",
     {"speaker": None}),
])
def test_coordinated_clauses_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


# A participle of saying that describes a noun ("30 people reported missing") names no speaker: the noun is what
# is reported, not who reports it.
DESCRIBED = [
    ("Rescue teams were still searching for 30 hikers reported missing late on Tuesday.", "Tuesday",
     {"speaker": None, "cue": None}),
    ("Medics treated 40 miners reported injured on Monday.", "Monday", {"speaker": None, "cue": None}),
    ("There were 15 sailors feared dead on Sunday after the storm.", "Sunday", {"speaker": None, "cue": None}),
    # must stay: an outer report over the participle, an active verb, and an agent after "by"
    ("The navy said it had found 20 divers reported missing on Friday.", "Friday",
     {"speaker": "navy", "cue": "said"}),
    ("The rangers confirmed 30 hikers missing on Tuesday.", "Tuesday", {"speaker": "rangers", "cue": "confirmed"}),
]


@pytest.mark.parametrize("text, figure, expected", DESCRIBED + [
    # a state word before a noun is no reduced passive: the verb reports (word order alone)
    ("Officials reported missing children in 12 towns on Monday.", "Monday",
     {"speaker": "officials", "cue": "reported"}),
])
def test_participles_that_describe_a_noun_name_no_speaker(blank_nlp, rules, text, figure, expected):
    kind = "quantity" if any(c.isdigit() for c in figure) else "date"
    check(claim_for(blank_nlp, rules, text, figure, kind=kind), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", DESCRIBED + [
    ("Inspectors checked the $40 million reported on the form in March.", "March", {"speaker": None}),
    ("Guards arrested a man said to be the leader of 20 smugglers.", "20 smugglers", {"speaker": None}),
    ("In a video, a young sailor claimed to be the last survivor of a 12-man crew.", "12-man",
     {"speaker": "a young sailor", "cue": "claimed"}),
])
def test_participles_that_describe_a_noun_with_the_parse(model_nlp, rules, text, figure, expected):
    kind = "quantity" if any(c.isdigit() for c in figure) else "date"
    check(claim_for(model_nlp, rules, text, figure, kind=kind), expected)


# A name and a colon open a transcript turn only where the text is shaped as a transcript: two or more such lines,
# a speaker in capitals, or the headline; never a handle.
LEAD = "The flood killed 27 people in the valley, officials said on Monday.\n\n"
LABELS = [
    (LEAD + "Reader2: 27 is far too low, over 50 died.", "over 50", {"speaker": None}),
    (LEAD + "Valley Watcher: Over 50 died that night.", "Over 50", {"speaker": None}),
    (LEAD + "night_owl: Over 50 died that night.", "Over 50", {"speaker": None}),
    # must stay: an interview, a speaker in capitals, a headline, and a transcript quoted whole
    ("Orla Brandt: We counted 40 trucks.\n\nPiet Vos: There were 60 trucks.", "60 trucks",
     {"speaker": "Piet Vos", "cue": ":"}),
    (LEAD + "HALVORSEN: We counted 40 trucks on the bridge.", "40 trucks", {"speaker": "Halvorsen", "cue": ":"}),
    ("Orla Brandt: Valley Flood Killed 27\n\nThe flood struck on Monday.", "27", {"speaker": "Orla Brandt"}),
    (LEAD + "Orla Brandt: 27 is low.\n\nPiet Vos: Over 50 died.", "Over 50", {"speaker": "Piet Vos", "cue": ":"}),
]


@pytest.mark.parametrize("text, figure, expected", LABELS)
def test_a_label_is_a_turn_only_in_a_transcript(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


# "It" opening a sentence stands for the speaker that opened the sentence before, not a name inside its report.
IT_AFTER_A_SPEAKER = [
    ("The lawsuit alleges that Ostlund paid 40 agents. It says the agents met 12 times in May.", "12 times",
     {"speaker": "lawsuit", "cue": "says"}),
    # must stay: "it" is no person, and a sentence that opens with its speaker passes it on
    ("Mayor Dahl said Ostlund paid 40 agents. It says the agents met 12 times in May.", "12 times",
     {"speaker": None, "cue": None}),
    ("The ministry said 30 people died. It added that 200 were hurt.", "200", {"speaker": "ministry", "cue": "added"}),
]


@pytest.mark.parametrize("text, figure, expected", IT_AFTER_A_SPEAKER)
def test_it_stands_for_the_speaker_before(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", IT_AFTER_A_SPEAKER)
def test_it_stands_for_the_speaker_before_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, expected", [
    # "after", "before", "since" and "until" also open a clause whose subject speaks (word order alone)
    ("The plea comes after the Harbor Union confirmed some 4,000 layoffs in May.", "some 4,000",
     {"speaker": "Harbor Union", "cue": "confirmed"}),
    # must stay: the object of a preposition in mid-sentence before "to ask" is no subject
    ("Vale urged voters at a rally in Dunmore to ask why 300 jobs went.", "300 jobs", {"speaker": "Vale"}),
])
def test_a_clause_after_a_conjunction_has_its_subject(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


TRAILING = [
    # an attribution after the claim reports it when nothing of its own follows ...
    ("The toll of 27 is too low, the locals say.", "27", {"speaker": "locals", "cue": "say"}),
    ("The toll was 27, officials said two days ago.", "27", {"speaker": "officials", "cue": "said"}),
    # ... but a verb with a report after it says that, not what stands before its comma
    ("27 is way too low, the locals say over 50 died.", "27", {"speaker": None}),
    ("27 is way too low, the locals say over 50 died.", "over 50", {"speaker": "locals", "cue": "say"}),
    ("The toll of 27 is too low, officials said 300 people were missing.", "27", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", TRAILING)
def test_an_attribution_after_the_claim(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", TRAILING)
def test_an_attribution_after_the_claim_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)
