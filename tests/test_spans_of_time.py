"""Ages and durations as claims (extractors/spans_of_time.py) and compared (compare/spans_of_time.py).

Every sentence here is written for these tests; the names are invented.
"""
from __future__ import annotations

import pytest

from troopclaims.compare.facts import compare_claims
from troopclaims.errors import RulesError
from troopclaims.output.render import interval
from troopclaims.records import Claim
from troopclaims.rules import Rules
from troopclaims.run.extract import ALL_KINDS, DEFAULT_KINDS
from troopclaims.run.claims import claims_in

SPANS = ("age", "duration")


def spans(nlp, rules, article, text, kinds=SPANS):
    """Return (kind, text, value, low, high, qualifier, unit, subject, event) of the age and duration claims."""
    claims = claims_in(nlp(text), article(text), rules, kinds)
    return [(c.kind, c.text, c.value, c.low, c.high, c.qualifier, c.unit, c.subject, c.event)
            for c in claims if c.kind in SPANS]


# sentence -> the one age or duration it holds: kind, words, value, low, high, qualifier, unit, subject, event
ON_WORD_ORDER = [
    ("Police said the 24-year-old gunman had fled.",
     ("age", "24-year-old", 24, 24, 24, "exact", "years", "gunman", None)),
    ("Okafor, 45, was among the dead.", ("age", "45", 45, 45, 45, "exact", "years", "Okafor", None)),
    ("Wilma Treck, 70, lives nearby.", ("age", "70", 70, 70, 70, "exact", "years", "Wilma Treck", None)),
    ("The driver, aged 29, was unhurt.", ("age", "aged 29", 29, 29, 29, "exact", "years", "driver", None)),
    ("Brask was 29 years old.", ("age", "29 years old", 29, 29, 29, "exact", "years", "Brask", None)),
    ("A six-month-old baby was rescued.", ("age", "six-month-old", 6, 6, 6, "exact", "months", "baby", None)),
    ("Ferro is 52 years of age.", ("age", "52 years of age", 52, 52, 52, "exact", "years", "Ferro", None)),
    ("The standoff lasted 10 hours.", ("duration", "10 hours", 10, 10, 10, "exact", "hours", None, "standoff")),
    ("She gave a 30-minute interview.",
     ("duration", "30-minute", 30, 30, 30, "exact", "minutes", None, "interview")),
    ("Staff get six weeks of paid leave.",
     ("duration", "six weeks", 6, 6, 6, "exact", "weeks", None, "paid leave")),
    ("The siege lasted more than 12 hours.",
     ("duration", "more than 12 hours", 12, 12, None, "at_least", "hours", None, "siege")),
    ("The talks lasted two to three weeks.",
     ("duration", "two to three weeks", 2, 2, 3, "range", "weeks", None, "talks")),
    ("They agreed an eight-year deal.", ("duration", "eight-year", 8, 8, 8, "exact", "years", None, "deal")),
    ("The hearing took about four hours.",
     ("duration", "about four hours", 4, 3.6, 4.4, "approximate", "hours", None, "hearing")),
]


@pytest.mark.parametrize("sentence, expected", ON_WORD_ORDER)
def test_ages_and_durations_on_word_order(blank_nlp, rules, article, sentence, expected):
    assert spans(blank_nlp, rules, article, sentence) == [expected]


# Spans of time that measure nothing, and figures that are part of a date: no age or duration claim.
LEFT_OUT = [
    "She has lived there in the past 10 years.",
    "The order expires within 24 hours.",
    "Varga left the town two years ago.",
    "Talks will resume in two weeks.",
    "Three days after the blast, the road reopened.",
    "Patrols pass every two weeks.",
    "The first three days were calm.",
    "Five days later the bridge closed.",
    "He got a 10-game suspension.",
    "The club won over six seasons.",
    "The vote is on 12 March 2025.",
    "Four days into the strike, the mill shut.",
    "The bill would raise the retirement age for nurses to 65.",
    "The voting age of 18 stays.",
    "With Tomsk four years older, the bout was short.",
    "The index hit a 30-year high.",
]


@pytest.mark.parametrize("sentence", LEFT_OUT)
def test_windows_and_dates_are_no_age_or_duration(blank_nlp, rules, article, sentence):
    assert spans(blank_nlp, rules, article, sentence) == []


def test_ages_and_durations_are_no_quantities(blank_nlp, rules, article):
    text = "Police said the 24-year-old gunman held 12 hostages for 10 hours."
    claims = claims_in(blank_nlp(text), article(text), rules, ALL_KINDS)
    assert [(c.kind, c.text) for c in claims if c.kind != "place"] == [
        ("age", "24-year-old"), ("quantity", "12 hostages"), ("duration", "10 hours")]


def test_kinds_asked_for_only(blank_nlp, rules, article):
    text = "The 31-year-old driver waited for three hours."
    assert [c[0] for c in spans(blank_nlp, rules, article, text, ("age",))] == ["age"]
    assert [c[0] for c in spans(blank_nlp, rules, article, text, ("duration",))] == ["duration"]
    assert spans(blank_nlp, rules, article, text, ("quantity", "date")) == []
    assert set(SPANS) <= set(ALL_KINDS) and set(SPANS) <= set(DEFAULT_KINDS)


def test_ages_and_durations_carry_speaker_and_cue(blank_nlp, rules, article):
    text = "Police said the 24-year-old gunman had been held for two weeks."
    claims = [c for c in claims_in(blank_nlp(text), article(text), rules, SPANS)]
    assert [(c.kind, c.speaker, c.cue) for c in claims] == [("age", "police", "said"), ("duration", "police", "said")]


def test_claims_slice_back_and_read_back(blank_nlp, rules, article):
    text = "Marek Olsz, 38, said the 5-hour shift ended."
    for claim in claims_in(blank_nlp(text), article(text), rules, SPANS):
        assert text[claim.start:claim.end] == claim.text
        assert Claim.from_dict(claim.to_dict()) == claim


# On the statistical pipeline the parse says what a span of time is of.
ON_THE_PARSE = [
    ("Police said the 24-year-old gunman had planned the attack for two weeks.",
     [("age", "24-year-old", "gunman", None), ("duration", "two weeks", "gunman", "planned")]),
    ("Dorn Halvik served 30 years in the navy.", [("duration", "30 years", "Dorn Halvik", "served")]),
    ("Lena Brandt, a 45-year-old teacher, was hurt.", [("age", "45-year-old", "Lena Brandt", None)]),
    ("Pell was sentenced to 15 years in prison.", [("duration", "15 years", "Pell", "sentenced")]),
    ("The standoff lasted 10 hours.", [("duration", "10 hours", None, "standoff")]),
    ("Bettie Vale died in a hospital at the age of 85.", [("age", "age of 85", "Bettie Vale", None)]),
    ("Esme Rook has died in her sleep aged 91.", [("age", "aged 91", "Esme Rook", None)]),
    ("It was the 32-year-old Okafor's third win.", [("age", "32-year-old", "Okafor", None)]),
    ("Orla Penn, a 20-year veteran of the force, retired.", [("duration", "20-year", None, "veteran")]),
    ("It took crews about three hours to put the fire out.",
     [("duration", "about three hours", None, "put")]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", ON_THE_PARSE)
def test_what_a_span_is_of_on_the_parse(model_nlp, rules, article, sentence, expected):
    claims = claims_in(model_nlp(sentence), article(sentence), rules, SPANS)
    assert [(c.kind, c.text, c.subject, c.event) for c in claims] == expected


# --- compare -----------------------------------------------------------------------------------------------------

def claim(source, kind, value, unit, subject=None, event=None, qualifier="exact", low=None, high=None):
    low = value if low is None and qualifier == "exact" else low
    high = value if high is None and qualifier == "exact" else high
    return Claim(source=source, published="2030-04-02", kind=kind, text=str(value), start=0, end=1, value=value,
                 low=low, high=high, qualifier=qualifier, unit=unit, subject=subject, event=event)


def facts_of(rules, claims):
    return {fact.name: (fact.verdict, [(camp.low, camp.high) for camp in fact.camps])
            for fact in compare_claims(claims, rules)}


def test_one_person_s_ages_agree_or_conflict(rules):
    facts = facts_of(rules, [claim("a", "age", 24, "years", "gunman"), claim("b", "age", 25, "years", "gunman"),
                             claim("a", "age", 61, "years", "Ilse Marr"), claim("b", "age", 61, "years", "Marr")])
    assert facts == {"age: gunman": ("conflict", [(24, 24), (25, 25)]), "age: Ilse Marr": ("agree", [(61, 61)])}


def test_different_people_are_not_grouped(rules):
    facts = facts_of(rules, [claim("a", "age", 45, "years", "Adam Kell"), claim("b", "age", 50, "years", "Eve Kell"),
                             claim("c", "age", 47, "years", "Kell"), claim("a", "age", 30, "years", "Rosa Imm")])
    assert set(facts) == {"age: Adam Kell", "age: Eve Kell", "age: Kell", "age: Rosa Imm"}
    assert {verdict for verdict, _ in facts.values()} == {"single"}


def test_durations_compare_across_units_and_qualifiers(rules):
    facts = facts_of(rules, [
        claim("a", "duration", 36, "hours", event="siege"), claim("b", "duration", 1.5, "days", event="siege"),
        claim("c", "duration", 30, "hours", event="siege", qualifier="at_least", low=30),
        claim("a", "duration", 10, "hours", event="standoff"),
        claim("b", "duration", 12, "hours", event="standoff", qualifier="approximate", low=10.8, high=13.2)])
    assert facts["duration: siege"] == ("agree", [(36, 36)])
    assert facts["duration: standoff"] == ("conflict", [(10, 10), (10.8, 13.2)])


def test_durations_of_a_verb_are_grouped_by_its_subject(rules):
    facts = facts_of(rules, [
        claim("a", "duration", 30, "years", "Dorn Halvik", "served"),
        claim("b", "duration", 25, "years", "Halvik", "serving"),
        claim("c", "duration", 8, "years", "Ama Roth", "served")])
    assert facts == {"duration: served (Dorn Halvik)": ("conflict", [(25, 25), (30, 30)]),
                     "duration: served (Ama Roth)": ("single", [(8, 8)])}


def test_spans_of_nobody_are_left_out_and_said_so(rules):
    notes = []
    facts = compare_claims([claim("a", "age", 20, "years"), claim("a", "duration", 3, "days")], rules, notes.append)
    assert facts == []
    assert notes == ["left out 2 ages or durations that say not whose age or what lasted (a pronoun, or no noun "
                     "or verb found)"]


def test_tables_show_the_unit_of_time():
    assert interval(claim("a", "duration", 12, "hours", qualifier="approximate", low=10.8, high=13.2)) == \
        "10.8..13.2 hours"
    assert interval(claim("a", "age", 24, "years")) == "24 years"


def test_a_pattern_name_that_is_not_in_numbers_yaml_is_refused(tmp_path):
    (tmp_path / "spans_of_time.yaml").write_text("ages: [age_compounds, ages_of_trees]\n")
    with pytest.raises(RulesError, match=r"spans_of_time.yaml:1: 'ages_of_trees' is not a not_figures"):
        Rules([tmp_path]).lexicon("spans_of_time")


@pytest.mark.model
def test_compare_puts_the_example_ages_and_durations_side_by_side():
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from troopclaims.cli import cli

    folder = Path(__file__).resolve().parents[1] / "examples" / "standoff"
    result = CliRunner().invoke(cli, ["compare", str(folder), "--format", "jsonl", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    facts = {fact["fact"]: (fact["verdict"], fact["unit"], [c["text"] for c in fact["claims"]])
             for fact in map(json.loads, result.stdout.splitlines())}
    assert facts == {"age: Dario Venn": ("conflict", "years", ["25", "24-year-old"]),
                     "duration: standoff": ("conflict", "hours", ["about 12 hours", "10 hours"]),
                     "age: Ilse Marr": ("agree", "years", ["61", "61"]),
                     "duration: planned (Dario Venn)": ("single", "weeks", ["two weeks"])}


@pytest.mark.parametrize("text, kinds, expected", [
    ("The siege lasted ten hours.", ("duration",), True),
    ("Okafor, 45, was hurt.", ("age",), True),
    ("No figure here at all.", ("age", "duration"), False),
])
def test_triage_keeps_articles_that_may_hold_an_age_or_duration(rules, text, kinds, expected):
    from troopclaims.reading.triage import Triage

    assert Triage(rules).may_hold_claims(text, kinds) is expected


def test_a_unit_of_time_needs_a_positive_length(tmp_path):
    (tmp_path / "spans_of_time.yaml").write_text("units:\n  hours: {words: [hour], days: 0}\n")
    with pytest.raises(RulesError, match=r"spans_of_time.yaml:2: days must be a positive number"):
        Rules([tmp_path]).lexicon("spans_of_time")


def test_the_report_draws_every_duration_of_a_fact_on_its_unit(rules):
    from troopclaims.output.charts import claim_span, scaled

    fact, = compare_claims([claim("a", "duration", 36, "hours", event="siege"),
                            claim("b", "duration", 1.5, "days", event="siege")], rules)
    assert fact.unit == "hours" and fact.factors == (1.0, 24.0)
    assert [scaled(claim_span(c), f).point for c, f in zip(fact.claims, fact.factors)] == [36, 36]


def test_a_user_unit_of_two_words_across_a_line_break(tmp_path, blank_nlp, article):
    (tmp_path / "spans_of_time.yaml").write_text("units:\n  shifts: {words: [straight hours], days: 0.5}\n")
    text = "The crew worked for 10 straight\nhours. They rested for 3 straight  hours."
    assert [(c.text, c.unit) for c in claims_in(blank_nlp(text), article(text), Rules([tmp_path]), SPANS)] == \
        [("10 straight\nhours", "shifts"), ("3 straight  hours", "shifts")]


def test_the_unit_of_a_bare_age_is_the_rules(tmp_path, blank_nlp, article):
    (tmp_path / "spans_of_time.yaml").write_text("age_unit: months\n")
    text = "Okafor, 45, was among the dead."
    assert [(c.text, c.unit) for c in claims_in(blank_nlp(text), article(text), Rules([tmp_path]), SPANS)] == \
        [("45", "months")]


def test_the_unit_of_a_bare_age_must_be_a_unit(tmp_path):
    (tmp_path / "spans_of_time.yaml").write_text("age_unit: eons\n")
    with pytest.raises(RulesError, match=r"spans_of_time.yaml:1: age_unit 'eons' is not one of the units"):
        Rules([tmp_path]).lexicon("spans_of_time")


def test_one_article_s_two_ages_of_a_noun_are_two_people(rules):
    # "a 24-year-old man was shot; his neighbour, a 60-year-old man, called police": no conflict of one man's age
    facts = facts_of(rules, [claim("a", "age", 24, "years", "man"), claim("a", "age", 60, "years", "man"),
                             claim("b", "age", 24, "years", "man"), claim("a", "age", 41, "years", "Vel Orr"),
                             claim("b", "age", 42, "years", "Orr")])
    assert {verdict for name, (verdict, _) in facts.items() if name.startswith("age: man")} == {"single"}
    assert len([name for name in facts if name.startswith("age: man")]) == 3
    assert facts["age: Vel Orr"] == ("conflict", [(41, 41), (42, 42)])


def test_a_noun_s_age_repeated_in_one_article_is_one_person_s(rules):
    facts = facts_of(rules, [claim("a", "age", 24, "years", "gunman"), claim("a", "age", 24, "years", "gunman"),
                             claim("b", "age", 25, "years", "gunman")])
    assert facts == {"age: gunman": ("conflict", [(24, 24), (25, 25)])}


def test_the_copulas_of_an_age_are_the_rules(tmp_path, blank_nlp, article):
    (tmp_path / "spans_of_time.yaml").write_text("copulas: [seems]\n")
    text = "The guard said Brask seems 29 years old."
    assert [c.subject for c in claims_in(blank_nlp(text), article(text), Rules([tmp_path]), SPANS)] == ["Brask"]
