"""Times of day as claims (kind "time"): the clock reading, minutes after midnight, zone and day; and in compare."""
import pytest

from troopclaims.compare.facts import group_claims
from troopclaims.extractors.dates import find_dates
from troopclaims.records import Article, Claim

D = "2024-10-25"   # a Friday


def times_in(nlp, rules, text):
    article = Article("t.txt", text, D)
    claims = [claim for claim in find_dates(nlp(text), article, rules) if claim.kind == "time"]
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert claim.low is None or claim.high is None or claim.low <= claim.high
    return [(c.text, c.value, c.low, c.high, c.qualifier, c.unit, c.as_of) for c in claims]


TIMES = [
    ("The roof fell in at 4:12 a.m. Wednesday.", [("4:12 a.m.", "04:12", 252, 252, "exact", None, "2024-10-23")]),
    ("Firefighters came around 6 p.m. on Monday.",
     [("around 6 p.m.", "18:00", 1065, 1095, "approximate", None, "2024-10-21")]),
    ("The alarm sounded shortly after 9:40 Tuesday night.",
     [("shortly after 9:40", "21:40", 1300, 1330, "at_least", None, "2024-10-22")]),
    ("Voting starts at 7:00 am local time (0200 GMT) on Saturday.",
     [("7:00 am local time (0200 GMT)", "07:00", 420, 420, "exact", "local", "2024-10-19")]),
    ("By about 10:15 BST the bridge had reopened.", [("By about 10:15 BST", "10:15", None, 630, "at_most", "BST", None)]),
    ("The count closes at noon.", [("noon", "12:00", 720, 720, "exact", None, None)]),
    ("Late Thursday evening, at about 11 p.m., the lights went out.",
     [("at about 11 p.m.", "23:00", 1365, 1395, "approximate", None, "2024-10-24")]),
    ("The office opens between 8 and 10 a.m.", [("between 8 and 10 a.m.", "08:00", 480, 600, "range", None, None)]),
    ("The shop is open from 9 a.m. to 5:30 p.m.", [("from 9 a.m. to 5:30 p.m.", "09:00", 540, 1050, "range", None, None)]),
    ("The blast was heard at 1625 (1125 GMT).", [("1625 (1125 GMT)", "16:25", 985, 985, "exact", None, None)]),
    ("Talks went on until 12:30 a.m.", [("until 12:30 a.m.", "00:30", None, 30, "at_most", None, None)]),
    ("The ferry left after 7 o'clock.", [("after 7 o'clock", "07:00", 420, None, "at_least", None, None)]),
    # no times: verses, scores, figures, a midnight raid, a bare reading with no cue
    ("He quoted Luke 2:14 to the crowd.", []),
    ("The score stood at 3.30 per cent.", []),
    ("They staged a midnight raid.", []),
    ("The vote was 52:48 in favour.", []),
]


@pytest.mark.parametrize("text, expected", TIMES)
def test_times(blank_nlp, rules, text, expected):
    assert times_in(blank_nlp, rules, text) == expected


def _time(source, low, high, event="struck"):
    return Claim(source=source, published=D, kind="time", text="t", start=0, end=1, value="03:00", low=low, high=high,
                 qualifier="exact", event=event, aspect="struck" if event else None)


@pytest.mark.parametrize("first, second, verdict", [
    ((213, 213), (200, 230), "agree"),      # "3:33 a.m." and "shortly after 3:20 a.m."
    ((213, 213), (210, 210), "conflict"),   # "3:33" and "3:30"
])
def test_times_of_one_event_are_one_fact(first, second, verdict):
    facts = group_claims([_time("a.txt", *first), _time("b.txt", *second)])
    assert len(facts) == 1 and facts[0].kind == "time" and facts[0].verdict == verdict
    assert facts[0].name.startswith("time:")


def test_time_round_trips_through_json():
    claim = _time("a.txt", 200, 230)
    assert Claim.from_dict(claim.to_dict()) == claim
    with pytest.raises(ValueError):
        Claim.from_dict(dict(claim.to_dict(), value="3:00 a.m."))


def test_times_of_one_subject_group_whatever_the_verb():
    reported = _time("a.txt", 213, 213, event="reported").with_fields(aspect=None, subject="the blaze")
    broke = _time("b.txt", 210, 240, event="broke").with_fields(aspect=None, subject="The blaze")
    other = _time("c.txt", 400, 400, event="ended").with_fields(aspect=None, subject="the meeting")
    facts = group_claims([reported, broke, other])
    by_reports = sorted(facts, key=lambda fact: -fact.reports)
    assert [fact.reports for fact in by_reports] == [2, 1]
    assert by_reports[0].verdict == "agree" and by_reports[0].name == "time: * (the blaze)"


def test_tables_show_times_as_clock_readings():
    from troopclaims.output.render import interval
    assert interval(_time("a.txt", 200, 230)) == "03:20..03:50"
    assert interval(_time("a.txt", None, 585)) == "..09:45"
