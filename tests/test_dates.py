"""Date claims: forms, resolution against a fixed publication date (Friday 25 October 2024), tense, rule errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from troopclaims.extractors.dates import find_dates, find_dateline, resolve
from troopclaims.errors import RulesError
from troopclaims.records import Article
from troopclaims.rules import Rules, load_rules

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def rules_with(*user_dirs) -> Rules:
    """Return the project rules with user folders laid over them."""
    try:
        return load_rules(user_dirs)
    except TypeError:   # the installed-package lookup of the default rules fails from a source checkout
        return Rules([RULES_DIR, *user_dirs], include_defaults=False)


@pytest.fixture(scope="module")
def date_rules():
    return rules_with()


def found(nlp, rules, text, published="2024-10-25"):
    """Return (text, value, low, high, grain, qualifier) of each date claim in text."""
    article = Article("t.txt", text, published)
    # Times of day come from dates() too, after the dates: tests/test_times.py checks them.
    claims = [claim for claim in find_dates(nlp(text), article, rules) if claim.kind != "time"]
    for claim in claims:
        assert article.text[claim.start:claim.end] == claim.text
        assert claim.kind == "date" and claim.published == published
    return [(c.text, c.value, c.low, c.high, c.grain, c.qualifier) for c in claims]


D = "2024-10-25"   # the fixed publication date, a Friday

FORMS = [
    # weekdays and the tense rule: past by default, future when the clause says so
    ("The minister said on Friday that the talks had ended.",
     [("Friday", D, D, D, "day", "exact")]),
    ("Border guards saw the column on Thursday.",
     [("Thursday", "2024-10-24", "2024-10-24", "2024-10-24", "day", "exact")]),
    ("Officials said the convoy will cross the border on Sunday.",
     [("Sunday", "2024-10-27", "2024-10-27", "2024-10-27", "day", "exact")]),
    ("Scouts reported the column on Sunday.",
     [("Sunday", "2024-10-20", "2024-10-20", "2024-10-20", "day", "exact")]),
    ("The brigade will move to the front on Sunday or Monday, officials said.",
     [("Sunday or Monday", "2024-10-27", "2024-10-27", "2024-10-28", "day", "range")]),
    ("Scouts reported movement on Sunday or Monday.",
     [("Sunday or Monday", "2024-10-20", "2024-10-20", "2024-10-21", "day", "range")]),
    ("On Sunday, the brigade will cross the river.",
     [("Sunday", "2024-10-27", "2024-10-27", "2024-10-27", "day", "exact")]),
    ("The general said on Friday that the brigade will move on Sunday.",
     [("Friday", D, D, D, "day", "exact"), ("Sunday", "2024-10-27", "2024-10-27", "2024-10-27", "day", "exact")]),
    ("The alliance will meet next Friday.",
     [("next Friday", "2024-11-01", "2024-11-01", "2024-11-01", "day", "exact")]),
    ("Envoys met last Monday.",
     [("last Monday", "2024-10-21", "2024-10-21", "2024-10-21", "day", "exact")]),
    # days and periods relative to publication
    ("The shelling began yesterday.", [("yesterday", "2024-10-24", "2024-10-24", "2024-10-24", "day", "exact")]),
    ("Talks end today.", [("today", D, D, D, "day", "exact")]),
    ("The envoy arrived last week.", [("last week", "2024-10-14", "2024-10-14", "2024-10-20", "week", "exact")]),
    ("A spokesman said this week that supplies were short.",
     [("this week", "2024-10-21", "2024-10-21", D, "week", "exact")]),
    ("Earlier this month, the army withdrew from the town.",
     [("Earlier this month", "2024-10", "2024-10-01", "2024-10-24", "month", "range")]),
    ("The two countries signed a pact in June.",
     [("June", "2024-06", "2024-06-01", "2024-06-30", "month", "exact")]),
    ("The new law will take effect in June.",
     [("June", "2025-06", "2025-06-01", "2025-06-30", "month", "exact")]),
    ("Troops arrived three weeks ago.",
     [("three weeks ago", "2024-09-30", "2024-09-30", "2024-10-06", "week", "exact")]),
    # vague expressions: no value, an interval from the publication date
    ("A commander mentioned the plan the other day.",
     [("the other day", None, "2024-10-15", "2024-10-24", "day", "vague")]),
    ("Troops could arrive within days.", [("within days", None, D, None, "day", "vague")]),
    ("More units will follow in the coming days.", [("in the coming days", None, D, None, "day", "vague")]),
    ("The unit may deploy in the near future.", [("in the near future", None, D, None, "day", "vague")]),
    # absolute dates
    ("The agreement was signed on 25 October 2024 in the capital.",
     [("25 October 2024", D, D, D, "day", "exact")]),
    ("The statement is dated November 1, 2024.",
     [("November 1, 2024", "2024-11-01", "2024-11-01", "2024-11-01", "day", "exact")]),
    ("The offensive started on 6 August.",
     [("6 August", "2024-08-06", "2024-08-06", "2024-08-06", "day", "exact")]),
    ("The ceasefire collapsed on Aug. 2.",
     [("Aug. 2", "2024-08-02", "2024-08-02", "2024-08-02", "day", "exact")]),
    ("The parade takes place on November 2.",
     [("November 2", "2024-11-02", "2024-11-02", "2024-11-02", "day", "exact")]),
    ("Reinforcements reached the city in 2023.", [("2023", "2023", "2023-01-01", "2023-12-31", "year", "exact")]),
    # ranges and bounds
    ("Deployment is expected on October 27-28.",
     [("October 27-28", "2024-10-27", "2024-10-27", "2024-10-28", "day", "range")]),
    ("Deployment is expected on 27–28 October.",
     [("27–28 October", "2024-10-27", "2024-10-27", "2024-10-28", "day", "range")]),
    ("Exercises ran between 23 October and 1 November.",
     [("between 23 October and 1 November", "2024-10-23", "2024-10-23", "2024-11-01", "day", "range")]),
    ("The army held the town by the end of August.",
     [("by the end of August", "2024-08", None, "2024-08-31", "month", "at_most")]),
    ("The brigade will be in position by Sunday.",
     [("by Sunday", "2024-10-27", D, "2024-10-27", "day", "at_most")]),
    ("Soldiers could be deployed as early as October 27–28.",
     [("as early as October 27–28", "2024-10-27", "2024-10-27", "2024-10-28", "day", "at_least")]),
    ("Forces have been losing ground since September.",
     [("since September", "2024-09", "2024-09-01", None, "month", "at_least")]),
    ("The ceasefire holds until November 5.",
     [("until November 5", "2024-11-05", None, "2024-11-05", "day", "at_most")]),
    ("No troops moved before October 20.",
     [("before October 20", "2024-10-20", None, "2024-10-19", "day", "at_most")]),
    ("Fighting resumed after October 20.",
     [("after October 20", "2024-10-20", "2024-10-21", None, "day", "at_least")]),
    # parts of periods
    ("The offensive could start in early 2025.",
     [("early 2025", "2025", "2025-01-01", "2025-04-30", "year", "approximate")]),
    ("Heavy fighting was reported in mid-October.",
     [("mid-October", "2024-10", "2024-10-11", "2024-10-21", "month", "approximate")]),
    ("Russia took the village this summer.",
     [("this summer", "2024-06-01", "2024-06-01", "2024-08-31", "month", "approximate")]),
    # not dates: times of day, durations, ranks, counts, names, the verbs may and march
    ("The update was posted at 13:12 local time.", []),
    ("A four-star general visited the front.", []),
    ("Officials counted 1,240 square kilometres of territory.", []),
    ("The plan, called Vision 2030, was unveiled.", []),
    ("The troops fought for weeks, then rested for three days.", []),
    ("Soldiers may march to the border.", []),
    ("Officials said 2000 troops crossed.", []),
    ("Leaders will meet as soon as possible at his Mar-a-Lago resort.", []),
    ("Prices rose sharply over the last year.", []),
    ("The 2000 soldiers of the brigade and May Day parades.", []),
    ("The town was surrounded by 2000 soldiers; about 5 may have died.", []),
    ("Readers of USA Today saw the map on June 1 and 2,000 more troops.",
     [("June 1", "2024-06-01", "2024-06-01", "2024-06-01", "day", "exact")]),
]


@pytest.mark.parametrize("sentence, expected", FORMS)
def test_dates_on_blank_pipeline(blank_nlp, date_rules, sentence, expected):
    assert found(blank_nlp, date_rules, sentence) == expected


# Issue 11: the forms news uses beyond the seed corpus, each read whole against Friday 25 October 2024.
MORE_FORMS = [
    # numeric dates: month/day unless the day must come first; ISO-like year-month
    ("The talks resumed on 10/20.", [("10/20", "2024-10-20", "2024-10-20", "2024-10-20", "day", "exact")]),
    ("Officials will meet on 11/20.", [("11/20", "2024-11-20", "2024-11-20", "2024-11-20", "day", "exact")]),
    ("The ceasefire began on 22/10.", [("22/10", "2024-10-22", "2024-10-22", "2024-10-22", "day", "exact")]),
    ("The truce began on 05/10.", [("05/10", "2024-05-10", "2024-05-10", "2024-05-10", "day", "exact")]),
    ("Prices peaked in 2016-11.", [("2016-11", "2016-11", "2016-11-01", "2016-11-30", "month", "exact")]),
    ("Output fell in 2015.3.", [("2015.3", "2015-03", "2015-03-01", "2015-03-31", "month", "exact")]),
    ("The plant reopened in 11/2016.", [("11/2016", "2016-11", "2016-11-01", "2016-11-30", "month", "exact")]),
    ("The index closed at 2015.3 points.", []),
    # days written as words or ordinals
    ("The vote is set for the 18th.", [("the 18th", "2024-11-18", "2024-11-18", "2024-11-18", "day", "exact")]),
    ("The siege ended on the 18th.", [("the 18th", "2024-10-18", "2024-10-18", "2024-10-18", "day", "exact")]),
    ("The 4th Brigade crossed the river.", []),
    ("Elections were held on May twenty nine.",
     [("May twenty nine", "2024-05-29", "2024-05-29", "2024-05-29", "day", "exact")]),
    ("The offensive began on March first.",
     [("March first", "2024-03-01", "2024-03-01", "2024-03-01", "day", "exact")]),
    ("In March two brigades crossed the river.", [("March", "2024-03", "2024-03-01", "2024-03-31", "month", "exact")]),
    ("Envoys met on the second of August.",
     [("the second of August", "2024-08-02", "2024-08-02", "2024-08-02", "day", "exact")]),
    ("The brigade arrived on Friday the 18th.",
     [("Friday the 18th", "2024-10-18", "2024-10-18", "2024-10-18", "day", "exact")]),
    # relative to the date before them, else to publication; "that year" with nothing before it says nothing
    ("The first convoy arrived on 3 March 2022. A year earlier, the border had been quiet.",
     [("3 March 2022", "2022-03-03", "2022-03-03", "2022-03-03", "day", "exact"),
      ("A year earlier", "2021-03-03", "2021-03-03", "2021-03-03", "day", "exact")]),
    ("The strike came on 4 June 2023, and two days later the bridge fell.",
     [("4 June 2023", "2023-06-04", "2023-06-04", "2023-06-04", "day", "exact"),
      ("two days later", "2023-06-06", "2023-06-06", "2023-06-06", "day", "exact")]),
    ("Talks opened in May 2023. The following month, they collapsed.",
     [("May 2023", "2023-05", "2023-05-01", "2023-05-31", "month", "exact"),
      ("The following month", "2023-06", "2023-06-01", "2023-06-30", "month", "exact")]),
    ("The army withdrew on 17 October 2024. Earlier in the week, scouts had seen the column.",
     [("17 October 2024", "2024-10-17", "2024-10-17", "2024-10-17", "day", "exact"),
      ("Earlier in the week", "2024-10-14", "2024-10-14", "2024-10-16", "week", "range")]),
    ("A year earlier, the border was quiet.", [("A year earlier", "2023", "2023-01-01", "2023-12-31", "year", "exact")]),
    ("That year the rains failed.", []),
    ("Supplies ran out two days before the vote.", []),
    ("The work was done more than 2 weeks before today.",
     [("more than 2 weeks before today", "2024-10-11", None, "2024-10-11", "day", "at_most")]),
    ("It will be done less than 3 days after tomorrow.",
     [("less than 3 days after tomorrow", "2024-10-26", "2024-10-26", "2024-10-29", "day", "range")]),
    ("The next convoy leaves three weeks from tomorrow.",
     [("three weeks from tomorrow", "2024-11-16", "2024-11-16", "2024-11-16", "day", "exact")]),
    # periods with a number, weeks by number and by rank
    ("Aid will arrive in the next 2 days.",
     [("the next 2 days", "2024-10-26", "2024-10-26", "2024-10-27", "day", "range")]),
    ("Shelling intensified over the past few days.",
     [("the past few days", None, "2024-10-20", D, "day", "vague")]),
    ("Losses rose in the previous 3 weeks.",
     [("the previous 3 weeks", "2024-10-04", "2024-10-04", D, "week", "range")]),
    ("Fighting peaked in week 31.", [("week 31", "2024-07-29", "2024-07-29", "2024-08-04", "week", "exact")]),
    ("The drills took place in the first week of July.",
     [("the first week of July", "2024-07-01", "2024-07-01", "2024-07-07", "week", "exact")]),
    ("The talks are scheduled for the week of 10 April.",
     [("the week of 10 April", "2025-04-07", "2025-04-07", "2025-04-13", "week", "exact")]),
    ("Envoys will meet on Tuesday of next week.",
     [("Tuesday of next week", "2024-10-29", "2024-10-29", "2024-10-29", "day", "exact")]),
    ("Envoys met the previous Wednesday.",
     [("previous Wednesday", "2024-10-16", "2024-10-16", "2024-10-16", "day", "exact")]),
    ("Exports grew in the year to date.",
     [("the year to date", "2024-01-01", "2024-01-01", D, "year", "range")]),
    # quarters, halves, fiscal years
    ("Exports fell in H1 2016.", [("H1 2016", "2016-01-01", "2016-01-01", "2016-06-30", "month", "exact")]),
    ("Profits rose in the third quarter.",
     [("the third quarter", "2024-07-01", "2024-07-01", "2024-09-30", "month", "exact")]),
    ("Sales rose last quarter.", [("last quarter", "2024-07-01", "2024-07-01", "2024-09-30", "month", "exact")]),
    ("The budget covers fiscal 2019.", [("fiscal 2019", "2019", "2019-01-01", "2019-12-31", "year", "exact")]),
    # decades and centuries
    ("Prices were low in the 1990s.", [("the 1990s", "1990-01-01", "1990-01-01", "1999-12-31", "year", "exact")]),
    ("The plant was built in the 70s.", [("the 70s", "1970-01-01", "1970-01-01", "1979-12-31", "year", "exact")]),
    ("The town grew in the seventies.",
     [("the seventies", "1970-01-01", "1970-01-01", "1979-12-31", "year", "exact")]),
    ("The fort dates from the 20th century.",
     [("the 20th century", "1900-01-01", "1900-01-01", "1999-12-31", "year", "exact")]),
    # ranges read whole
    ("The curfew ran from 3 until 12 of September.",
     [("from 3 until 12 of September", "2024-09-03", "2024-09-03", "2024-09-12", "day", "range")]),
    ("Patrols ran from Friday the 11th until Tuesday the 15th.",
     [("from Friday the 11th until Tuesday the 15th", "2024-10-11", "2024-10-11", "2024-10-15", "day", "range")]),
    ("The mission ran 2014-2018.", [("2014-2018", "2014", "2014-01-01", "2018-12-31", "year", "range")]),
    ("Aid has flowed from 1 March to today.",
     [("from 1 March to today", "2024-03-01", "2024-03-01", D, "day", "range")]),
    ("The rule covers contracts signed in 2012 or later.",
     [("2012 or later", "2012", "2012-01-01", None, "year", "at_least")]),
    # an abbreviated month joined to its day by the dot alone, as wire copy writes it
    ("Voting in Ostrel began on Dec.14.", [("Dec.14", "2024-12-14", "2024-12-14", "2024-12-14", "day", "exact")]),
    ("The gala was held on Feb.22, 2009.", [("Feb.22, 2009", "2009-02-22", "2009-02-22", "2009-02-22", "day", "exact")]),
    # holidays
    ("The truce held over Christmas.", [("Christmas", "2023-12-25", "2023-12-25", "2023-12-25", "day", "exact")]),
    ("Talks will resume after Easter.", [("after Easter", "2025-04-20", "2025-04-21", None, "day", "at_least")]),
    ("Markets closed on Thanksgiving 2023.",
     [("Thanksgiving 2023", "2023-11-23", "2023-11-23", "2023-11-23", "day", "exact")]),
    # past and future references; present ones are no claims
    ("Troops may return in the future.", [("in the future", None, "2024-10-26", None, "day", "vague")]),
    ("Now the army holds the town.", []),
    ("Casualties to date exceed 300.", [("to date", None, None, D, "day", "at_most")]),
]


@pytest.mark.parametrize("sentence, expected", MORE_FORMS)
def test_more_forms_on_blank_pipeline(blank_nlp, date_rules, sentence, expected):
    assert found(blank_nlp, date_rules, sentence) == expected


def test_searching_forms_only_near_their_trigger_words_finds_what_a_full_search_finds(date_rules):
    from dataclasses import replace

    from troopclaims.extractors.dates.rules import _date_rules
    from troopclaims.extractors.dates.scan import scan_mentions
    compiled = _date_rules(date_rules)
    everywhere = replace(compiled, forms=tuple(replace(form, near=()) for form in compiled.forms))
    text = " ".join(sentence for sentence, _ in FORMS + MORE_FORMS)
    assert [(m.start, m.end) for m in scan_mentions(text, compiled)] == [(m.start, m.end) for m in scan_mentions(text, everywhere)]


def test_an_article_writing_day_first_reads_all_its_numeric_dates_day_first(blank_nlp, date_rules):
    # 22/10 can only be day/month, so 05/10 in the same article is 5 October, not 10 May.
    assert found(blank_nlp, date_rules, "The truce began on 22/10 and ended on 05/10.")[1][1] == "2024-10-05"


def test_a_relative_date_does_not_count_from_another_paragraph(blank_nlp, date_rules):
    text = "The pact was signed on 3 March 2022.\n\nTwo days later, the talks resumed."
    assert found(blank_nlp, date_rules, text)[1][1:3] == ("2024-10-27", "2024-10-27")


@pytest.mark.parametrize("text", ["The vault opens on 9999-12-31. Two days later, it closes.",
                                  "The lease runs to 9999-12-31, and a year later it lapses."])
def test_a_date_past_the_calendar_makes_no_claim_and_no_error(blank_nlp, date_rules, text):
    claims = found(blank_nlp, date_rules, text)
    assert [claim[1] for claim in claims] == ["9999-12-31"]


def test_year_comes_from_publication(blank_nlp, date_rules):
    text = "Units were put on alert on December 13."
    assert found(blank_nlp, date_rules, text, "2024-12-16") == [
        ("December 13", "2024-12-13", "2024-12-13", "2024-12-13", "day", "exact")]
    # Early in the next year, a December without a year is the December just gone.
    assert found(blank_nlp, date_rules, text, "2025-01-05")[0][1] == "2024-12-13"


NO_DATE = [
    ("The brigade will move on Sunday or Monday.", [("Sunday or Monday", None, None, None, "day", "range")]),
    ("The envoy arrived last week.", [("last week", None, None, None, "week", "exact")]),
    ("The army held the town by the end of August.", [("by the end of August", None, None, None, "month", "at_most")]),
    ("Troops could arrive within days.", [("within days", None, None, None, "day", "vague")]),
    ("Units were put on alert on December 13.", [("December 13", None, None, None, "day", "exact")]),
    ("The pact was signed on 25 October 2024.", [("25 October 2024", D, D, D, "day", "exact")]),
    ("Fighting went on in August 2024.", [("August 2024", "2024-08", "2024-08-01", "2024-08-31", "month", "exact")]),
]


@pytest.mark.parametrize("sentence, expected", NO_DATE)
def test_without_publication_date_relative_dates_stay_unresolved(blank_nlp, date_rules, sentence, expected):
    assert found(blank_nlp, date_rules, sentence, published=None) == expected


RESOLVE = [
    ("Sunday or Monday", True, ("2024-10-27", "2024-10-27", "2024-10-28", "day", "range")),
    ("Sunday or Monday", False, ("2024-10-20", "2024-10-20", "2024-10-21", "day", "range")),
    ("on Friday", False, (D, D, D, "day", "exact")),
    ("in June", False, ("2024-06", "2024-06-01", "2024-06-30", "month", "exact")),
    ("in June", True, ("2025-06", "2025-06-01", "2025-06-30", "month", "exact")),
    ("as early as October 27", True, ("2024-10-27", "2024-10-27", "2024-10-27", "day", "at_least")),
    ("by the end of August", False, ("2024-08", None, "2024-08-31", "month", "at_most")),
    ("11/20/2024", False, ("2024-11-20", "2024-11-20", "2024-11-20", "day", "exact")),
    ("the 1990s", False, ("1990-01-01", "1990-01-01", "1999-12-31", "year", "exact")),
]


@pytest.mark.parametrize("expression, future, expected", RESOLVE)
def test_resolve(date_rules, expression, future, expected):
    result = resolve(expression, D, future=future, rules=date_rules)
    assert (result.value, result.low, result.high, result.grain, result.qualifier) == expected


@pytest.mark.parametrize("expression", ["13:12", "four-star", "three days", "Vision 2030", "Friday and more"])
def test_resolve_refuses_what_is_not_one_date(date_rules, expression):
    assert resolve(expression, D, rules=date_rules) is None


@pytest.mark.parametrize("text, expected", [
    ("Headline about troops\nA subtitle line\n25 October 2024 13:12\nThe body starts here.", "2024-10-25"),
    ("Headline\nPublished: October 25, 2024 at 1:12 pm\nBody.", "2024-10-25"),
    ("Headline\nPublished Friday, 1 November 2024, 08:05 GMT\nBody.", "2024-11-01"),
    # an update stamp is no publication date: the publication line wins wherever it is, and alone it gives none
    ("Headline\nUpdated Friday, 1 November 2024, 08:05 GMT\nBody.", None),
    ("Flood in Brisk\nUpdated 14:05 GMT, 5 May 2031\nPublished 3 May 2031\nBody.", "2031-05-03"),
    ("Flood in Brisk\nLast updated: 5 May 2031 14:05\nVELMOR, Calder, May 3, 2031\nBody.", "2031-05-03"),
    ("Headline\nThe pact was signed on 25 October 2024 in the capital.\nBody.", None),
    ("Headline\n6 August\nBody.", None),
    ("No date at all.", None),
    # a clock time, zone, label or place in capitals beside the date
    ("Flood in Brisk\n9:41 a.m. EST March 4, 2031\nBody.", "2031-03-04"),
    ("Flood in Brisk\nVELMOR, Calder, March 4, 2031\nBody.", "2031-03-04"),
    ("Flood in Brisk\nPOSTED: 0941 GMT (1741 HKT), March 4, 2031\nBody.", "2031-03-04"),
    ("Flood in Brisk\nThu Mar 4 2031, 09:41 hrs\nBody.", "2031-03-04"),
    ("Flood in Brisk\n4 March 2031 Last updated at 09:41 GMT\nBody.", "2031-03-04"),
    # a short sentence with a date is no dateline
    ("Flood in Brisk\nOkafor was born on May 2, 1961, in Velmor.\nBody.", None),
    ("Flood in Brisk\nRiver levels peaked on Tuesday, March 4, 2031.\nBody.", None),
])
def test_find_dateline(date_rules, text, expected):
    assert find_dateline(text, rules=date_rules) == expected


@pytest.mark.parametrize("line, expected", [
    # a headline in Title Case or capitals around a full date, with no place, label or time: no dateline
    ("Remembering The March 11, 2011 Earthquake", None),
    ("Dorn Flood: Toll Reaches 44 After Storm Of May 2, 2027", None),
    ("DORN FLOOD: TOLL REACHES 44 AFTER STORM OF MAY 2, 2027", None),
    ("QUAKE STRIKES ON MAY 2, 2027", None),
    ("The Last Storm Of May 2, 2027", None),
    ("Velmor Radio, 7 May 2027 Flood Special", None),
    ("In Brisk, May 2, 2027 - the river rose", None),
    # a place in capitals (and its region) before the date opens a dateline, whatever text follows
    ("DUNMERE, Karsovia, 4 May 2027 (Tidewire) -", "2027-05-04"),
    ("DUNMERE, Karsovia, 4 May 2027 (Tidewire) - Officials said on Thursday that 41 people died in the flood, and "
     "that many more were missing.", "2027-05-04"),
    ("DUNMERE, 4 May 2027 – Officials said on Thursday that 41 people died.", "2027-05-04"),
    ("Velmor Radio, 7 May 2027", "2027-05-07"),
    # a label or time beside the date, with words in capitals, a weekday, or words opening the label
    ("Sat Mar 4 2031, 09:41 hrs", "2031-03-04"),
    ("KRT Mar 4, 2031, 09.41AM IST VELMOR:", "2031-03-04"),
    ("Article posted on 4 March 2031", "2031-03-04"),
])
def test_dateline_needs_a_place_label_or_time_beside_its_date(date_rules, line, expected):
    assert find_dateline(f"{line}\nBody.", rules=date_rules) == expected


def test_front_matter_is_not_scanned(blank_nlp, date_rules):
    text = "---\nupdated: 1 May 2020\n---\nThe shelling began yesterday."
    article = Article("t.md", text, D, {}, body_start=text.index("The"))
    assert [c.text for c in find_dates(blank_nlp(text), article, date_rules)] == ["yesterday"]


def test_user_rules_add_a_vague_phrase(blank_nlp, tmp_path):
    (tmp_path / "dates.yaml").write_text("vague:\n  any day now: {low: 0, high: null, grain: day}\n")
    rules = rules_with(tmp_path)
    assert found(blank_nlp, rules, "The assault could start any day now.") == [
        ("any day now", None, D, None, "day", "vague")]


@pytest.mark.parametrize("content, line, words", [
    ("vague:\n  soon: {low: 0, high: null\n", 3, "broken YAML"),
    ("bounds:\n  by: {qualifier: at_most, edge: end}\n  circa: {qualifier: around, edge: end}\n", 3, "qualifier"),
    ("forms:\n  - name: odd\n    pattern: '(?P<year>\\d{4}'\n    resolve: calendar\n", 3, "bad regex"),
    ("forms:\n  - name: odd\n    pattern: '\\d{4}'\n    resolve: calendar\n    colour: red\n", 5, "unknown key"),
    ("forms:\n  - name: odd\n    pattern: '{fortnight}'\n    resolve: calendar\n", 3, "unknown placeholder"),
    ("holidays:\n  founders day: {month: 13, day: 1}\n", 2, "whole number from 1 to 12"),
    ("holidays:\n  founders day: {month: 3}\n", 2, "month and day"),
    ("forms:\n  - name: odd\n    pattern: 'x'\n    resolve: calendar\n    prefix: maybe\n", 5, "true or false"),
    ("forms:\n  - name: odd\n    pattern: 'x'\n    resolve: calendar\n    near: [moon]\n", 5, "near must be"),
])
def test_broken_user_rules_name_file_and_line(tmp_path, date_rules, content, line, words):
    (tmp_path / "dates.yaml").write_text(content)
    with pytest.raises(RulesError) as caught:
        rules = rules_with(tmp_path)
        resolve("last week", D, rules=rules)
    message = str(caught.value)
    assert f"{tmp_path / 'dates.yaml'}:{line}:" in message and words in message


MODEL = [
    ("The president reported on Friday that the soldiers will join the fighting on Sunday or Monday.",
     [("Friday", D, D, D, "day", "exact"),
      ("Sunday or Monday", "2024-10-27", "2024-10-27", "2024-10-28", "day", "range")]),
    ("Spies spotted the troops entering the combat zone Thursday.",
     [("Thursday", "2024-10-24", "2024-10-24", "2024-10-24", "day", "exact")]),
    ("The troops are expected to be deployed as soon as Sunday.",
     [("as soon as Sunday", "2024-10-27", "2024-10-27", "2024-10-27", "day", "at_least")]),
    ("The company declared a dividend, payable Nov. 22 to holders of record.",
     [("Nov. 22", "2024-11-22", "2024-11-22", "2024-11-22", "day", "exact")]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", MODEL)
def test_dates_with_parse(model_nlp, date_rules, sentence, expected):
    assert found(model_nlp, date_rules, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The councils meet again on 3.4, officials said.", ["3.4"]),
    ("Aftershocks of 3.4, officials said, followed.", []),      # a magnitude
    ("Readings ranging from 3.4, officials said, rose.", []),   # a link opening a range of figures
    ("The report of 3.4, officials said, was filed.", ["3.4"]),  # "of" after no measured noun
])
def test_a_figure_after_the_words_of_a_measure_is_no_day(blank_nlp, date_rules, sentence, expected):
    assert [claim[0] for claim in found(blank_nlp, date_rules, sentence)] == expected
