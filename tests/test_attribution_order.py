"""Speakers by word order alone (the blank pipeline), and the same sentences with the parse: a subject past its
relative clause, a name after a quotation past its description, a quote mark inside the report, and the frame of
a verb of saying inside another's report (own test sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

ORDER = [
    # a subject that opens the sentence speaks past the relative clause between commas after it ...
    ("Dr. Mira Solt, who as a captain was the physician of the governor, said that in 1998 Vale hid the clot.",
     "1998", {"speaker": "Mira Solt", "cue": "said"}),
    ("Dara Mell, who served as envoy to Ostland until this year, said Vale called Dahl in 2009.", "2009",
     {"speaker": "Dara Mell", "cue": "said"}),
    # ... but not an object's clause, and not what the clause itself holds
    ("Police found Dahl, who had fled to Ostland, on Monday.", "Monday", {"speaker": None}),
    ("Dara Mell, who served as envoy to Ostland from 2012, said Vale called Dahl.", "2012", {"speaker": None}),
    # ... and past a relative clause without commas whose verb is no saying, not the object inside it
    ("The woman who runs the Dunmore shelter said 300 homes were lost.", "300 homes",
     {"speaker": "woman", "cue": "said"}),
    ("Officials who toured the site said 300 homes were lost.", "300 homes",
     {"speaker": "officials", "cue": "said"}),
    ("The agency that runs the port said 300 ships were late.", "300 ships", {"speaker": "agency", "cue": "said"}),
    ("The news that the ministry said 300 homes were lost shocked Vale.", "300 homes",
     {"speaker": "ministry", "cue": "said"}),
    ("Officials said the man who sold the car to Vale said 300 homes were lost.", "300 homes",
     {"speaker": "officials", "cue": "said"}),
    # ... and so does one past a long description between commas
    ("Ben Rhodes, one of the mayor's closest aides, recalled Vale talking about the 2005 flood.", "2005",
     {"speaker": "Ben Rhodes", "cue": "recalled"}),
    ("Ada Vale, the former head of the Port Authority, stressed her support of the 2011 plan.", "2011",
     {"speaker": "Ada Vale", "cue": "stressed"}),
    ("Police found Dahl, the builder from Ostland, on Monday.", "Monday", {"speaker": None}),
    # a cue in a relative clause between commas says nothing past the clause's closing comma
    ("Vale's relatives, who asked police to show them the video, watched it on Thursday.", "Thursday",
     {"speaker": None}),
    ("Vale, who said that 300 homes were lost, resigned.", "300 homes", {"speaker": "Vale", "cue": "said"}),
    ("Vale broke with her allies, who said the plan held and strengthened, not weakened, the 2015 deal.",
     "2015", {"speaker": "her allies", "cue": "said"}),
    # after a quotation, the name that ends a lower-case description speaks, not the description or an outlet
    ("“The reasons don’t hold. They are 100 percent wrong,” said flood widow Tara Lund.", "100 percent",
     {"speaker": "Tara Lund", "cue": "said"}),
    ("“The county lost 300 homes,” wrote Cam Vale for the Dunmore Ledger.", "300 homes",
     {"speaker": "Cam Vale", "cue": "wrote"}),
    # what follows a speaker set after its verb describes the speaker, not what is said ...
    ("“We lost 40 homes,” said the mayor, who toured the site on Monday.", "Monday", {"speaker": None}),
    ("“We lost 40 homes,” said Ana Voss, the mayor since 2019.", "2019", {"speaker": None}),
    ("“We lost 40 homes,” said the mayor, who toured the site on Monday.", "40 homes",
     {"speaker": "mayor", "cue": "said"}),
    # ... while a quotation that goes on after it stays the speaker's
    ("“We lost 40 homes,” said Ana Voss, “and 12 more burned on Monday.”", "12",
     {"speaker": "Ana Voss", "cue": "said"}),
    # a quote mark inside the report does not make the figure before it the verb's frame ...
    ("Dana Vale said the vote on Monday was “a farce” and left.", "Monday",
     {"speaker": "Dana Vale", "cue": "said"}),
    ("Dana Vale said the tweet to invite Lena Orr to Monday night's debate was only “to mock” the mayor.",
     "Monday night", {"speaker": "Dana Vale", "cue": "said"}),
    # ... but one after a comma opens it, and the day of the saying is no part of the report
    ("Dana Vale said on Monday, “We lost it all.”", "Monday", {"speaker": None}),
    # a subject after the verb begins the report: what follows is no frame of the verb
    ("Dana Velk says he instructed staff on Monday to check whether anyone leaked the files.", "Monday",
     {"speaker": "Dana Velk", "cue": "says"}),
    ("Dana Velk said on Monday that the files were safe.", "Monday", {"speaker": None}),
    # the frame of a verb of saying inside another's report is part of that report
    ("Retired Gen. Omar Halden said Vale was right when he said Wednesday night that the fleet was gone.",
     "Wednesday night", {"speaker": "Omar Halden", "cue": "said"}),
    ("Vale said the fleet was gone, but Dahl said Wednesday that it was not.", "Wednesday", {"speaker": None}),
    ("Vale said the fleet was gone; Dahl said Wednesday that it was not.", "Wednesday", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", ORDER + [
    ("“The county lost 300 homes,” said the storm in Dunmore.", "300 homes", {"speaker": None}),
    # a pronoun after the verb opens the report: it is no speaker set after its verb
    ("Ann Dahl met Vale. Officials from both parties say he served for 40 years.", "40 years", {"speaker": None}),
    ("Ann Dahl met Vale. “We lost 300 homes,” said she.", "300 homes", {"speaker": "Ann Dahl", "cue": "said"}),
])
def test_speakers_by_word_order(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", ORDER)
def test_speakers_by_word_order_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("mention, name", [
    ("flood widow Tara Lund", "Tara Lund"),
    ("longtime Dunmore resident Ann Vale", "Ann Vale"),
    ("embattled Vale", "Vale"),
    ("2019 flood widow Tara Lund", "Tara Lund"),
    # not a name's own words, nor a place after "of"
    ("9/11 Commission", "9/11 Commission"),
    ("mayor of Dunmore", "mayor of Dunmore"),
])
def test_a_lower_case_description_is_no_part_of_the_name(rules, mention, name):
    assert rules.lexicon("speakers").lookup(mention).name == name
