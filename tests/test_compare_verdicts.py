"""Verdicts a fact-checker expects, on claims built by hand (invented names): a figure that moved is a change, not a
conflict; one wire story printed by several outlets is one report; a passive's agent is no change's size."""
import re

import pytest

from troopclaims.compare.facts import Grouping, compare_claims, group_claims
from troopclaims.compare.measures import Particles, is_change_size
from troopclaims.records import Claim

CUMULATIVE = Grouping(cumulative=frozenset({"killed", "evacuated"}))


def figure(source, published, value, low=None, high=None, qualifier="exact", aspect="killed", unit="people",
           earlier=False, speaker=None, sentence=None, as_of=None):
    low, high = (value, value) if qualifier == "exact" and low is None and high is None else (low, high)
    return Claim(source=source, published=published, kind="quantity", text=f"{value}", start=0, end=1, value=value,
                 low=low, high=high, qualifier=qualifier, unit=unit, aspect=aspect, earlier=earlier,
                 speaker=speaker, sentence=sentence, as_of=as_of)


MON, TUE, WED = "2031-04-07", "2031-04-08", "2031-04-09"


@pytest.mark.parametrize("claims, grouping, verdict", [
    # "more than 7,000" on Monday, 9,400 on Tuesday: the toll rose, though both can be true
    ([figure("a", MON, 7000, 7000, None, "at_least"), figure("b", TUE, 9400)], CUMULATIVE, "changed"),
    # "more than 7,000", then "more than 9,000": the later rules the earlier figure out
    ([figure("a", MON, 7000, 7000, None, "at_least"), figure("b", TUE, 9000, 9000, None, "at_least")],
     CUMULATIVE, "changed"),
    # "about 3,000", then 3,000, on later days or the same: no change
    ([figure("a", MON, 3000, 2700, 3300, "approximate", "evacuated"), figure("b", TUE, 3000, aspect="evacuated")],
     CUMULATIVE, "agree"),
    ([figure("a", MON, 3000, 2700, 3300, "approximate"), figure("b", MON, 3000)], CUMULATIVE, "agree"),
    ([figure("a", MON, 3000, 2700, 3300, "approximate", "deployed", "troops"),
      figure("b", MON, 3000, aspect="deployed", unit="troops")], Grouping(), "agree"),
    # a later figure inside the earlier one as written is no rise: "between 7,000 and 8,000", then 7,500; "about
    # 9,000", then 9,400; 3,000, then "about 3,100" -- but a figure above a range is
    ([figure("a", MON, 7000, 7000, 8000, "range"), figure("b", TUE, 7500)], CUMULATIVE, "agree"),
    ([figure("a", MON, 9000, 8100, 9900, "approximate"), figure("b", TUE, 9400)], CUMULATIVE, "agree"),
    ([figure("a", MON, 3000), figure("b", TUE, 3100, 2790, 3410, "approximate")], CUMULATIVE, "agree"),
    ([figure("a", MON, 7000, 7000, 8000, "range"), figure("b", TUE, 8000, 8000, None, "at_least"),
      figure("c", WED, 9400)], CUMULATIVE, "changed"),
    # 9,400 on Monday, "more than 7,000" on Tuesday: a later report that is vaguer, not a fall
    ([figure("a", MON, 9400), figure("b", TUE, 7000, 7000, None, "at_least")], CUMULATIVE, "agree"),
    # a range against a figure inside it, and outside it
    ([figure("a", MON, 3000, 3000, 5000, "range", "deployed", "troops"),
      figure("b", MON, 4000, aspect="deployed", unit="troops")], Grouping(), "agree"),
    ([figure("a", MON, 3000, 3000, 5000, "range", "deployed", "troops"),
      figure("b", MON, 6000, aspect="deployed", unit="troops")], Grouping(), "conflict"),
    # "4,500 soldiers, up from 2,000" on Wednesday revises Monday's 2,000: a change, not a rival
    ([figure("a", MON, 2000, aspect="deployed", unit="troops"),
      figure("b", WED, 2000, aspect="deployed", unit="troops", earlier=True),
      figure("b", WED, 4500, aspect="deployed", unit="troops")], Grouping(), "changed"),
    # ... and a killed toll "revised to 310 from 290" read as a series
    ([figure("a", MON, 290), figure("b", TUE, 290, earlier=True), figure("b", TUE, 310)], CUMULATIVE, "changed"),
    # a figure given after the revision, or one the revision does not name, is still a rival
    ([figure("a", WED, 2000, aspect="deployed", unit="troops"),
      figure("b", MON, 2000, aspect="deployed", unit="troops", earlier=True),
      figure("b", MON, 4500, aspect="deployed", unit="troops")], Grouping(), "conflict"),
    ([figure("a", MON, 3000, aspect="deployed", unit="troops"),
      figure("b", WED, 2000, aspect="deployed", unit="troops", earlier=True),
      figure("b", WED, 4500, aspect="deployed", unit="troops")], Grouping(), "conflict"),
    # another speaker's figure of the revision's day, or of a day not known, is a rival, not the value revised ...
    ([figure("a", MON, 2000, aspect="damaged", unit="homes", speaker="officials"),
      figure("b", WED, 2000, aspect="damaged", unit="homes", earlier=True, speaker="officials"),
      figure("b", WED, 4500, aspect="damaged", unit="homes", speaker="officials"),
      figure("c", WED, 2000, aspect="damaged", unit="homes", speaker="Red Cross")], Grouping(), "conflict"),
    ([figure("b", WED, 2000, aspect="damaged", unit="homes", earlier=True, speaker="officials"),
      figure("b", WED, 4500, aspect="damaged", unit="homes", speaker="officials"),
      figure("c", None, 2000, aspect="damaged", unit="homes", speaker="Red Cross")], Grouping(), "conflict"),
    # ... but the figure its own speaker gave, that day or earlier, is what it revises
    ([figure("b", WED, 2000, aspect="damaged", unit="homes", earlier=True, speaker="officials"),
      figure("b", WED, 4500, aspect="damaged", unit="homes", speaker="officials"),
      figure("c", WED, 2000, aspect="damaged", unit="homes", speaker="Officials")], Grouping(), "changed"),
])
def test_verdicts_a_fact_checker_expects(claims, grouping, verdict):
    (fact,) = group_claims(claims, grouping=grouping)
    assert fact.verdict == verdict


FALLS = Grouping(cumulative=frozenset({"killed", "missing"}), falls=frozenset({"missing"}))


@pytest.mark.parametrize("claims, verdict", [
    # the missing are found: 48 on Monday, 40 on Tuesday, 31 on Wednesday is a count that moved
    ([figure("a", MON, 48, aspect="missing"), figure("b", TUE, 40, aspect="missing"),
      figure("c", WED, 31, aspect="missing")], "changed"),
    ([figure("a", MON, 20, aspect="missing"), figure("b", TUE, 35, aspect="missing")], "changed"),
    # two figures of one day still cannot both be true, nor one of no day apart from the others
    ([figure("a", MON, 48, aspect="missing"), figure("b", MON, 40, aspect="missing")], "conflict"),
    ([figure("a", MON, 48, aspect="missing"), figure("b", TUE, 40, aspect="missing"),
      figure("c", None, 12, aspect="missing")], "conflict"),
    # a toll of the dead still only grows
    ([figure("a", MON, 48), figure("b", TUE, 40)], "conflict"),
])
def test_a_count_that_also_falls_is_a_series_in_both_directions(claims, verdict):
    (fact,) = group_claims(claims, grouping=FALLS)
    assert fact.verdict == verdict
    if verdict == "conflict":
        assert all(reason.why != "fell" for reason in fact.reasons) or fact.aspect == "killed"


def test_the_rules_read_the_missing_and_the_displaced_as_counts_that_fall(rules):
    from troopclaims.compare.facts import compare_claims
    claims = [figure(source, day, value, aspect="missing") for source, day, value in
              (("a", MON, 48), ("b", TUE, 40), ("c", WED, 31))]
    (fact,) = compare_claims(claims, rules)
    assert fact.verdict == "changed" and [reason.why for reason in fact.reasons] == ["grew"] * 3


def test_a_revision_names_the_figures_it_revises():
    claims = [figure("a", MON, 2000, aspect="deployed", unit="troops"),
              figure("b", WED, 2000, aspect="deployed", unit="troops", earlier=True),
              figure("b", WED, 4500, aspect="deployed", unit="troops")]
    (fact,) = group_claims(claims)
    assert [(reason.why, {fact.claims[i].source for i in reason.claims}) for reason in fact.reasons] == [
        ("revised", {"a", "b"})]


def test_a_toll_that_rose_within_one_camp_says_how_it_moved():
    (fact,) = group_claims([figure("a", MON, 7000, 7000, None, "at_least"), figure("b", TUE, 9400)],
                           grouping=CUMULATIVE)
    assert [(r["why"], r["day"]) for r in fact.to_dict()["why"]] == [("grew", MON), ("grew", TUE)]


WIRE = ("Police arrested 480 people in the capital overnight after a march against the new fuel tax turned violent "
        "near the river, Inspector Dalla Renn said.")
LEDE = "Police said 12 people were arrested in the square in Orvik."      # ten words: written alike everywhere
ASIDE = "The march had set off from the central station at noon on Sunday."


def aside(source):
    """A second sentence an article prints, with a figure of another fact (a time of the march)."""
    return Claim(source=source, published=MON, kind="quantity", text="noon", start=0, end=1, value=12, low=12,
                 high=12, qualifier="exact", unit="hours", sentence=ASIDE)


@pytest.mark.parametrize("claims, speakers, reports, independent", [
    # two outlets print one wire sentence of 20 or more words: one report, whoever speaks in it
    ([figure("a", MON, 480, speaker="Dalla Renn", sentence=WIRE),
      figure("b", MON, 480, speaker="Dalla Renn", sentence=WIRE.replace("capital", "Capital")),
      figure("c", MON, 480, speaker="Dalla Renn", sentence="Dalla Renn told us 480 people had been arrested.")],
     1, 3, 2),
    # a copy links outlets through a third: a copies b, b copies c
    ([figure("a", MON, 480, sentence=WIRE), figure("b", MON, 480, sentence=WIRE),
      figure("b", MON, 480, sentence=WIRE.replace("overnight", "on Sunday night")),
      figure("c", MON, 480, sentence=WIRE.replace("overnight", "on Sunday night"))], 1, 3, 1),
    # a short lede printed alike by two outlets is no copy on its own ...
    ([figure("a", MON, 12, sentence=LEDE), figure("b", MON, 12, sentence=LEDE)], 2, 2, 2),
    ([figure("a", MON, 480, sentence="480 people were arrested."),
      figure("b", MON, 480, sentence="480 people were arrested.")], 2, 2, 2),
    # ... but two articles that also print another sentence alike are one copy: one outlet's voice, not two
    ([figure("a", MON, 12, sentence=LEDE), figure("b", MON, 12, sentence=LEDE), aside("a"), aside("b")], 1, 2, 1),
    # two outlets' own words: two reports, two voices
    ([figure("a", MON, 480, sentence=WIRE), figure("b", MON, 480, sentence="The capital's police held 480.")],
     2, 2, 2),
])
def test_copies_of_one_story_are_one_report(claims, speakers, reports, independent):
    (fact,) = [fact for fact in group_claims(claims, grouping=Grouping()) if fact.unit == "people"]
    record = fact.to_dict()
    assert (record["speakers"], record["reports"], record["independent"]) == (speakers, reports, independent)


# a figure after a change word and "by": the size of the change, unless the word is the particle of a passive verb
# and the figure counts a noun of its own (the passive's agent)
@pytest.mark.parametrize("sentence, text, subject, unit, change", [
    ("The jet was shot down by 3 missiles.", "3 missiles", "missiles", "missiles", False),
    ("The convoy was held up by 12 gunmen.", "12 gunmen", "gunmen", "gunmen", False),
    ("The patrol had been quickly pinned down by 40 fighters.", "40 fighters", "fighters", "fighters", False),
    # a particle after "is", or after a verb of no passive, says how a figure changed: the size of the change
    ("The garrison in Velka is down by 2,000 soldiers from last year.", "2,000 soldiers", "soldiers", "troops",
     True),
    ("Attendance was up by 300 people on the year.", "300 people", "people", "people", True),
    ("The crowd went up by 300 people after noon.", "300 people", "people", "people", True),
    ("The number of soldiers was down by 300 from May.", "300", "soldiers", "troops", True),
    ("Prices went up by 5 percent.", "5 percent", None, "percent", True),
    ("The toll rose by 30 people to 120.", "30 people", "people", "people", True),
    ("Its budget was cut by 2,000 dollars.", "2,000 dollars", "dollars", "USD", True),
])
def test_the_size_of_a_change_and_a_passive_s_agent(rules, sentence, text, subject, unit, change):
    claim = Claim(source="a", published=MON, kind="quantity", text=text, start=0, end=len(text),
                  value=float(re.sub(r"[^\d]", "", text)), qualifier="exact", unit=unit, subject=subject,
                  sentence=sentence)
    measures = frozenset(rules.lexicon("numbers").unit_forms.values())
    events = rules.lexicon("events")
    assert is_change_size(claim, rules.lexicon("numbers").difference_before, 0,
                          Particles(events.particles, events.passive), measures) is change
    kept = [fact for fact in compare_claims([claim], rules)]
    assert bool(kept) is not change


def lasted(source, value, unit, event="stay"):
    return Claim(source=source, published=MON, kind="duration", text=f"{value} {unit}", start=0, end=1, value=value,
                 low=value, high=value, qualifier="exact", unit=unit, event=event,
                 sentence=f"She began a {value} {unit} stay at the clinic.")


@pytest.mark.parametrize("claims, verdict", [
    # N months last from the shortest to the longest run of N calendar months in a row (three: 89 to 92 days):
    # "a three-month stay" and "a 90-day stay" are one stay
    ([lasted("a", 3, "months"), lasted("b", 90, "days")], "agree"),
    ([lasted("a", 3, "months"), lasted("b", 90, "days"), lasted("c", 90, "days")], "agree"),
    ([lasted("a", 1, "years"), lasted("b", 365, "days")], "agree"),
    # ... but not 120 days, nor four months beside three
    ([lasted("a", 3, "months"), lasted("b", 120, "days")], "conflict"),
    ([lasted("a", 3, "months"), lasted("b", 4, "months")], "conflict"),
    ([lasted("a", 36, "hours"), lasted("b", 2, "days"), lasted("c", 2, "days")], "conflict"),
    # ... nor 12 months (365 or 366 days) beside 340 days, nor three months beside 85 days
    ([lasted("a", 12, "months", "siege"), lasted("b", 340, "days", "siege"), lasted("c", 1, "years", "siege")],
     "conflict"),
    ([lasted("a", 3, "months", "ceasefire"), lasted("b", 85, "days", "ceasefire")], "conflict"),
    ([lasted("a", 12, "months", "siege"), lasted("b", 1, "years", "siege"), lasted("c", 366, "days", "siege")],
     "agree"),
    ([lasted("a", 4, "years"), lasted("b", 1461, "days"), lasted("c", 48, "months")], "agree"),
    ([lasted("a", 4, "years"), lasted("b", 1465, "days")], "conflict"),
])
def test_durations_in_calendar_units(rules, claims, verdict):
    (fact,) = compare_claims(claims, rules)
    assert fact.verdict == verdict


SEATS = "The council raised the number of seats from 65 to 125."
TROOPS = "Officials said 2,000 troops were deployed."


@pytest.mark.parametrize("claims, words", [
    # "raised the number of seats from 65 to 125" beside 125 the same day: a revision, not figures dated apart
    ([figure("a", MON, 65, aspect="held", unit="seats", earlier=True, sentence=SEATS),
      figure("a", MON, 125, aspect="held", unit="seats", sentence=SEATS),
      figure("b", MON, 125, aspect="held", unit="seats", sentence="The council now has 125 seats.")],
     "an article gives the figure as revised from an earlier one"),
    # 2,000 troops as of Monday, 4,500 as of Wednesday: dated apart
    ([figure("a", MON, 2000, aspect="deployed", unit="troops", as_of=MON, sentence=TROOPS),
      figure("b", WED, 4500, aspect="deployed", unit="troops", as_of=WED, sentence=TROOPS.replace("2,0", "4,5"))],
     "the articles date the figures apart"),
])
def test_a_changed_verdict_says_why_it_changed_in_markdown_and_the_report(claims, words):
    import io

    from troopclaims.output.render import write_facts_markdown
    from troopclaims.output.report import build_report, report_sources

    (fact,) = group_claims(claims)
    assert fact.verdict == "changed"
    markdown = io.StringIO()
    write_facts_markdown([fact], markdown)
    page = build_report([fact], report_sources(claims), claims=len(claims))
    for text in (markdown.getvalue(), page):
        assert words in text.lower()
    assert ("moved over time" in page) is (words.startswith("the articles"))
