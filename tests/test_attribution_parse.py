"""Attribution with the dependency parse: where the parser hangs a report's parts (own test sentences)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

pytestmark = pytest.mark.model

AFTER_THE_REPORT = [
    # A clause or phrase the parser hangs on the verb after what it reports belongs to the report ...
    ("Senator Ann Vale (R-Ohio) said that the claim was absurd, because the council had backed the same plan "
     "in 2019.", "2019", {"speaker": "Ann Vale", "cue": "said"}),
    ("The Ledger's latest average shows Vale ahead by 3.7 percentage points.", "3.7 percentage points",
     {"cue": "shows"}),
    ("Morales cited new endorsements from 88 retired teachers.", "88 retired teachers",
     {"speaker": "Morales", "cue": "cited"}),
    # ... but not the time or the occasion of the saying
    ("Morales asked the mayor on two separate occasions whether the bridge was safe.", "two separate occasions",
     {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", AFTER_THE_REPORT)
def test_what_follows_the_report_on_the_verb(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


MISTAGGED = [
    # "repeated" tagged a verb still stands between an owner and its noun of saying
    ("Okafor's repeated emphasis that only 1 percent of the clerks had cheated angered the panel.", "1 percent",
     {"speaker": "Okafor", "cue": "emphasis"}),
    # a verb of saying tagged a noun still reports when the parse gives it a subject and a clause
    ("Leaked documents from the audit show the firm took a $916 million loss.", "$916 million",
     {"cue": "show"}),
    # a noun that is no verb stays a noun
    ("The show drew 3 million viewers.", "3 million viewers", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", MISTAGGED)
def test_words_the_tagger_gets_wrong(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)
