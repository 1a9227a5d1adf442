"""Which date dates a figure: the day it holds for (as_of) and the day its event happened; and what compare makes of
them: a toll that rose over days is "changed", figures of an earlier event or of another day's crowd are facts of
their own. Sentences written for these tests; places invented."""
from __future__ import annotations

import pytest

from troopclaims.compare.facts import Grouping, aspect_label, compare_claims, group_claims
from troopclaims.compare.when import happening_of
from troopclaims.records import Claim
from troopclaims.run.extract import extract
from troopclaims.run.claims import claims_in

PUBLISHED = "2030-05-14"      # a Tuesday: "Sunday" is 2030-05-12, "Monday" 2030-05-13


def figures(nlp, rules, article, text, published=PUBLISHED):
    doc = nlp(text)
    return [(c.text, c.as_of, c.happened) for c in claims_in(doc, article(text, published), rules)
            if c.kind == "quantity"]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    # the date of the event that caused the figure: the toll holds for the day it is reported
    ("The quake struck Arlen on Sunday, killing at least 10 people.",
     [("at least 10 people", None, "2030-05-12")]),
    ("The quake that struck Arlen on Sunday has killed 25 people, officials said.",
     [("25 people", None, "2030-05-12")]),
    ("Sunday's quake killed 25 people in Arlen.", [("25 people", None, "2030-05-12")]),
    ("Ten people were killed in Arlen when the quake struck on Sunday.", [("Ten people", None, "2030-05-12")]),
    # the figure's own event, a report above it, a bound
    ("Ten people were killed in Arlen on Sunday.", [("Ten people", "2030-05-12", "2030-05-12")]),
    ("On Tuesday, officials said the toll had risen to 40.", [("40", "2030-05-14", None)]),
    ("By Tuesday, the toll in Arlen had risen to 40.", [("40", "2030-05-14", None)]),
    # each clause its own date, not the nearest one
    ("A quake in Dorn killed 600 people in February, and 10 were killed in Arlen on Sunday.",
     [("600 people", "2030-02-28", "2030-02"), ("10 were killed", "2030-05-12", "2030-05-12")]),
    # a date at the end of verbs sharing one subject dates them all
    ("That quake killed at least six people, injured almost 50 and caused damage to homes in September.",
     [("at least six people", "2029-09-30", "2029-09"), ("almost 50", "2029-09-30", "2029-09")]),
    ("In early March, a gunman shot and wounded three people at a mall in Dorn.",
     [("three people", "2030-03-10", "2030-03")]),
    ("A quake of magnitude 6.1 struck Dorn in September, killing 13 people and injuring 40.",
     [("magnitude 6.1", "2029-09-30", "2029-09"), ("13 people", None, "2029-09"), ("40", None, "2029-09")]),
    ("On Monday about 130 people marched to the station when two dozen protesters broke away.",
     [("about 130 people", "2030-05-13", "2030-05-13"), ("two dozen protesters", None, "2030-05-13")]),
])
def test_the_date_of_a_figure_by_parse(sentence, expected, model_nlp, rules, article):
    assert figures(model_nlp, rules, article, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("By Tuesday, the toll in Arlen had risen to 40 people.", [("40 people", "2030-05-14", None)]),
    ("Sunday's quake killed 25 people in Arlen.", [("25 people", None, None)]),     # a possessive dates its noun
    ("Now 40 people are missing.", [("40 people", PUBLISHED, None)]),
])
def test_the_date_of_a_figure_by_word_order(sentence, expected, blank_nlp, rules, article):
    assert figures(blank_nlp, rules, article, sentence) == expected


def facts_of(nlp, rules, article, texts):
    articles = [article(text, published, source=f"{i}.txt") for i, (text, published) in enumerate(texts)]
    return compare_claims(list(extract(articles, nlp, rules)), rules)


def verdicts(facts, unit):
    """Return (aspect, happening, verdict) of the facts of a unit, whatever place each article's parse finds."""
    return sorted((aspect_label(fact.aspect), happening_of(fact.aspect), fact.verdict) for fact in facts
                  if fact.unit == unit and fact.kind == "quantity")


@pytest.mark.model
@pytest.mark.parametrize("texts, expected", [
    # the toll rose from one day's report to the next: the quake's Sunday is no day of either toll
    ([("The quake struck Arlen on Sunday, killing 10 people.", "2030-05-13"),
      ("The quake that struck Arlen on Sunday has killed 25 people, officials said.", "2030-05-14")],
     [("killed", None, "changed")]),
    # two tolls of one day's reports cannot both be right
    ([("The quake struck Arlen on Sunday, killing at least 10 people.", "2030-05-13"),
      ("Sunday's quake killed three people in Arlen, officials said.", "2030-05-13")],
     [("killed", None, "conflict")]),
    # an earlier quake's injured are not today's
    ([("A quake struck Arlen on Sunday, injuring five people. A quake of magnitude 6.1 struck Arlen in "
       "September, injuring 40.", "2030-05-13"),
      ("Two people were injured when a quake struck Arlen on Sunday. In September, a stronger quake there "
       "injured almost 50.", "2030-05-13")],
     [("wounded", "2029-09", "conflict"), ("wounded", "2030-05-12", "conflict")]),
    # the crowd of Monday is not that of Wednesday
    ([("On Monday about 130 people marched to the town hall in Arlen.", "2030-05-16"),
      ("On Wednesday more than 2,000 people marched to the town hall in Arlen.", "2030-05-16"),
      ("About 120 people marched to the town hall in Arlen on Monday.", "2030-05-16")],
     [("attended", "2030-05-13", "agree"), ("attended", "2030-05-15", "single")]),
])
def test_compare_keeps_days_and_happenings_apart(texts, expected, model_nlp, rules, article):
    assert verdicts(facts_of(model_nlp, rules, article, texts), "people") == expected


def toll(source, value, published, happened=None, aspect="killed", as_of=None):
    return Claim(source=source, published=published, kind="quantity", text=str(value), start=0, end=1, value=value,
                 low=value, high=value, qualifier="exact", unit="people", aspect=aspect, happened=happened,
                 as_of=as_of)


SERIES = Grouping(cumulative=frozenset({"killed"}), states=frozenset({"controlled"}), daily=frozenset({"attended"}))


@pytest.mark.parametrize("claims, expected", [
    # one quake's tolls on later days: one series, the undated ones with it
    ([toll("a", 10, "2030-05-13", "2030-05-12"), toll("b", 25, "2030-05-14", "2030-05-12"),
      toll("c", 30, "2030-05-15")],
     [(None, "changed")]),
    # an earlier quake's toll is a fact of its own; the undated toll goes with the latest happening before its day
    ([toll("a", 10, "2030-05-13", "2030-05-12"), toll("a", 600, "2030-05-13", "2030-02"), toll("b", 12, "2030-05-14"),
      toll("c", 600, "2030-05-14", "2030-02-20")],
     [("2030-02", "agree"), ("2030-05-12", "changed")]),
    # a day inside a month is that month's happening
    ([toll("a", 40, "2030-05-13", "2029-09"), toll("b", 45, "2030-05-13", "2029-09-03")], [(None, "conflict")]),
    # a state is one fact over time: its figures change, they are not split
    ([toll("a", 900, "2030-05-13", "2030-03", aspect="controlled"),
      toll("b", 780, "2030-05-13", "2030-05-12", aspect="controlled")], [(None, "conflict")]),
    # a crowd is of the day it holds for when no sentence dates its happening: Monday's is not Wednesday's
    ([toll("a", 130, "2030-05-16", as_of="2030-05-13", aspect="attended"),
      toll("b", 70, "2030-05-13", aspect="attended"),
      toll("c", 200, "2030-05-16", as_of="2030-05-15", aspect="attended")],
     [("2030-05-13", "conflict"), ("2030-05-15", "single")]),
    # a toll is not: the days its figures hold for make a series
    ([toll("a", 10, "2030-05-13", as_of="2030-05-13"), toll("b", 25, "2030-05-15", as_of="2030-05-15")],
     [(None, "changed")]),
])
def test_figures_are_split_by_their_happening(claims, expected):
    assert sorted((happening_of(f.aspect), f.verdict) for f in group_claims(claims, grouping=SERIES)) == expected
