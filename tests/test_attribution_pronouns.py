"""Pronouns: "he" and "she" point to no one the text calls by a title of the other sex, and a common noun that
opens a sentence is no person they can point to; a surname alone is the fuller name before it unless a title
named it alone first; a title that speaks is the name the next sentence gives it; an owned statement speaks for
its owner (own test sentences, invented names)."""
from __future__ import annotations

import pytest

from tests.test_attribution import claim_for

SEXES = [
    # "she" passes over the nearer "Okafor", whom the text calls "Mr. Okafor"
    ("Mrs. Vale met Mr. Okafor on Monday. Okafor said the talks went well. She said 300 jobs would be saved.",
     "300 jobs", "Vale"),
    ("Mrs. Vale met Mr. Okafor on Monday. Okafor said the talks went well. He said 300 jobs would be saved.",
     "300 jobs", "Okafor"),
    # "she" opening a sentence is the woman who opens the one before
    ("Mrs. Vale has backed Mr. Okafor's plan, promising to meet his goals. She is proposing 500 new buses by 2030.",
     "500 new buses", "Vale"),
    # "Mr. Vale" and "Mrs. Vale" in one text tell nothing of "Anna Vale"
    ("Mr. Vale met Mrs. Vale on Monday. Anna Vale said the talks went well. He said 300 jobs would be saved.",
     "300 jobs", "Anna Vale"),
]


@pytest.mark.parametrize("text, figure, speaker", SEXES)
def test_he_and_she_by_the_titles_of_the_text(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


@pytest.mark.model
@pytest.mark.parametrize("text, figure, speaker", SEXES + [
    # a common noun opening a sentence is no person ("Crops", "All of this")
    ("Kel Okafor spoke first. Crops are failing in the north, he noted. He said 300 farms were lost.", "300 farms",
     "Kel Okafor"),
    ("Kel Okafor spoke first. All of this, he said, cost 300 farms.", "300 farms", "Kel Okafor"),
])
def test_he_and_she_with_the_parse(model_nlp, rules, text, figure, speaker):
    assert claim_for(model_nlp, rules, text, figure).speaker == speaker


@pytest.mark.parametrize("text, figure, speaker", [
    # without the parse, the object of a preposition is no subject of the verb after it ...
    ("Vale is also gathering her supporters at a rally in Dunmore to ask why 300 homes were lost.", "300 homes",
     None),
    ("Vale is also urging her supporters at a rally in Dunmore to ask why 300 homes were lost.", "300 homes",
     "Vale"),
    # ... but a frame that opens the sentence, a name with a preposition inside and a relative clause are
    ("In Kyiv officials said 300 homes were lost.", "300 homes", "Kyiv officials"),
    # (the word shapes keep only the words after "on" of such a name)
    ("The Commission on Public Debates says 300 homes were lost.", "300 homes", "Public Debates"),
    ("The plan drew criticism from its allies, who said 300 homes were lost.", "300 homes", "its allies"),
    # "accounts for" is a verb, not a noun of saying owned by the possessive before it
    ("Ardia's prison system accounts for 25 percent of the inmates.", "25 percent", None),
])
def test_subjects_by_word_order(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


SURNAMES = [
    # a surname alone goes to the fuller name before it ...
    ("Mira Halvorsen, the mayor, opened the fair.\n\nHalvorsen said 300 guests had come.", "300 guests",
     "Mira Halvorsen"),
    # ... unless the text named it after a title before that fuller name: the president, not his wife
    ("President Halvorsen and his wife, Mira Halvorsen, arrived in Ostlund on Monday.\n\nMr. Halvorsen said 300 "
     "guests had come.", "300 guests", "Halvorsen"),
    ("President Halvorsen welcomed the guests. First lady Mira Halvorsen greeted the children.\n\nHalvorsen said "
     "300 guests had come.", "300 guests", "Halvorsen"),
    # a headline's bare surname is no title: the fuller name still counts
    ("Halvorsen Opens Fair\n\nMira Halvorsen, the mayor, opened the fair. Halvorsen said 300 guests had come.",
     "300 guests", "Mira Halvorsen"),
    # nobody says what the writer tells
    ("President Halvorsen and his wife, Mira Halvorsen, arrived in Ostlund with 300 guests.", "300 guests", None),
    # a title that speaks is the person the next sentence names after a title between commas ...
    ("Ardia's security chief warned on Tuesday that 3,000 troops were at the border. The official, Oskar Lind, "
     "said the army was ready.", "3,000 troops", "Oskar Lind"),
    ("Ardia's security chief warned on Tuesday that 3,000 troops were at the border. The official, Oskar Lind, "
     "said 40 tanks were ready.", "40 tanks", "Oskar Lind"),
    # ... not a ministry, not past the paragraph, not without a name
    ("The ministry warned on Tuesday that 3,000 troops were at the border. The spokesman, Oskar Lind, said the "
     "army was ready.", "3,000 troops", "ministry"),
    ("Ardia's security chief warned on Tuesday that 3,000 troops were at the border.\n\nThe official, Oskar Lind, "
     "said the army was ready.", "3,000 troops", "Ardia's security chief"),
    ("Ardia's security chief warned on Tuesday that 3,000 troops were at the border. The official said the army "
     "was ready.", "3,000 troops", "Ardia's security chief"),
    ("Ardia's security chief arrived on Tuesday with 3,000 troops. The official, Oskar Lind, said the army was "
     "ready.", "3,000 troops", None),
]


@pytest.mark.parametrize("text, figure, speaker", SURNAMES)
def test_a_surname_alone(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


@pytest.mark.model
@pytest.mark.parametrize("text, figure, speaker", SURNAMES)
def test_a_surname_alone_with_the_parse(model_nlp, rules, text, figure, speaker):
    assert claim_for(model_nlp, rules, text, figure).speaker == speaker


OWNED_WORDS = [
    # an owned statement or report that speaks is its owner's word
    ("Chancellor Anna Berg met the mayor. Berg's statement said 300 jobs were saved.", "300 jobs", "Anna Berg"),
    ("The ministry's latest report said 300 jobs were saved.", "300 jobs", "ministry"),
    ("The Harbor Institute met on Monday. Its statement said 300 jobs were saved.", "300 jobs", "Harbor Institute"),
    # records someone owns are no words of theirs, and a statement that lists says nothing
    ("Berg's tax returns show she paid 300 dollars.", "300 dollars", "Berg's tax returns"),
    ("Berg's statement listed 300 names.", "300 names", None),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, speaker", OWNED_WORDS)
def test_an_owned_statement_speaks_for_its_owner(model_nlp, rules, text, figure, speaker):
    assert claim_for(model_nlp, rules, text, figure).speaker == speaker


@pytest.mark.parametrize("text, figure, speaker", OWNED_WORDS[1:2] + OWNED_WORDS[4:])
def test_an_owned_report_by_word_order(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker
