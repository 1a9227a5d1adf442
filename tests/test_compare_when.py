"""Dates and times of one happening in compare: event classes (rules/events.yaml). Claims are built by hand."""
import pytest

from troopclaims.compare.facts import Grouping, compare_claims, group_claims
from troopclaims.errors import RulesError
from troopclaims.records import Claim
from troopclaims.rules import load_rules

D = "2031-03-14"


def when(source, kind="time", low=900, high=900, event=None, subject=None, aspect=None, value=None, as_of=None,
         sentence="", published=D):
    """Return a date or time claim; dates take ISO days as low and high."""
    if value is None:
        minutes = 0 if kind == "date" else int(low if low is not None else high)
        value = low if kind == "date" else f"{minutes // 60:02d}:{minutes % 60:02d}"
    return Claim(source=source, published=published, kind=kind, text="t", start=0, end=1, value=value, low=low,
                 high=high, qualifier="exact", event=event, aspect=aspect, subject=subject, as_of=as_of,
                 grain="day" if kind == "date" else "minute", sentence=sentence)


@pytest.mark.parametrize("first, second, together", [
    # "Gunfire was reported at about 3 p.m." / "The shooting occurred about 3:10 p.m.": one happening
    (dict(event="reported", subject="Gunfire"), dict(event="occurred", subject="The shooting"), True),
    # "he escaped just after 9 a.m." / "before fleeing on foot at around 9 a.m.": event words of one class
    (dict(event="escaped"), dict(event="fleeing", aspect="displaced"), True),
    # "the quake struck at 4:10" / "the tremor was felt at 4:12"
    (dict(event="struck", subject="the quake"), dict(event="felt", subject="a strong tremor"), True),
    # a shooting and a blaze are two happenings, even in one story
    (dict(event="occurred", subject="the shooting"), dict(event="reported", subject="the blaze"), False),
    # words outside every class keep the rule of their subject
    (dict(event="opened", subject="the fair"), dict(event="began", subject="the parade"), False),
])
def test_event_classes_group_dates_and_times_of_one_happening(rules, first, second, together):
    grouping = Grouping(classes=rules.lexicon("events"))
    facts = group_claims([when("a.txt", low=900, high=930, **first), when("b.txt", low=905, high=935, **second)],
                         grouping=grouping)
    assert (len(facts) == 1) == together
    if together:
        assert facts[0].verdict == "agree" and facts[0].reports == 2


def test_dates_of_one_class_are_one_fact_named_after_it(rules):
    facts = compare_claims([when("a.txt", "date", D, D, event="erupted", subject="gunfire"),
                            when("b.txt", "date", "2031-03-15", "2031-03-15", event="began", subject="The shooting")],
                           rules)
    assert [(fact.name, fact.verdict) for fact in facts] == [("date: shooting", "conflict")]


def test_a_users_events_file_adds_a_class(tmp_path):
    (tmp_path / "events.yaml").write_text("classes:\n  landslide: [landslide, mudslide]\n", encoding="utf-8")
    classes = load_rules([tmp_path]).lexicon("events")
    claim = when("a.txt", subject="the mudslide", event="buried")
    assert classes.class_of(claim) == "landslide"
    assert classes.class_of(when("a.txt", event="fled")) == "escape"     # the defaults stay


@pytest.mark.parametrize("text, message", [
    ("kinds: {a: [b]}\n", "events.yaml:1: unknown key 'kinds'"),
    ("classes: [a, b]\n", "classes must map a class name to a list of words"),
    ("classes:\n  fire: blaze\n", "events.yaml:2: class 'fire' must be a list of words"),
    ("bases: [percent]\n", "bases must map units, words, skip and stops to lists of words"),
    ("bases:\n  nouns: [a]\n", "events.yaml:2: unknown key 'nouns'"),
    ("bases:\n  words: of\n", "events.yaml:2: bases words must be a list of words"),
])
def test_broken_events_file_names_the_line(tmp_path, text, message):
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules([tmp_path]).lexicon("events")


# --- a date and a time of one happening: one fact, compared by day and hour --------------------------------------

BLAZE = dict(event="broke", subject="the blaze")
NEXT = "2031-03-15"


@pytest.mark.parametrize("claims, verdict", [
    # "the blaze broke out on 14 March" / "the blaze broke out at 3:30 a.m. on 14 March": the same day agrees
    ([when("a.txt", "date", D, D, **BLAZE), when("b.txt", low=210, high=210, as_of=D, **BLAZE)], "agree"),
    # ... on 15 March: another day conflicts
    ([when("a.txt", "date", D, D, **BLAZE), when("b.txt", low=210, high=210, as_of=NEXT, **BLAZE)], "conflict"),
    # "the blaze was out by 9:30" with no day: the hour alone cannot conflict with a day
    ([when("a.txt", "date", D, D, **BLAZE), when("b.txt", low=None, high=570, **BLAZE)], "agree"),
    # the day all the others share is the day of a time that gives none: 3:30 and 9:30 on it conflict
    ([when("a.txt", "date", D, D, **BLAZE), when("b.txt", low=210, high=210, as_of=D, **BLAZE),
      when("c.txt", low=570, high=570, **BLAZE)], "conflict"),
    # a time carries the day of the date beside it in its sentence ("at 3:30 a.m. on Saturday")
    ([when("a.txt", "date", D, D, **BLAZE),
      when("b.txt", "date", NEXT, NEXT, sentence="It broke out at 3:30 a.m. on Saturday.", **BLAZE),
      when("c.txt", low=210, high=210, sentence="It broke out at 3:30 a.m. on Saturday.", **BLAZE)], "conflict"),
])
def test_a_date_and_a_time_of_one_happening_are_one_fact(claims, verdict):
    facts = group_claims(claims)
    assert [(fact.kind, fact.verdict, len(fact.claims)) for fact in facts] == [("date", verdict, len(claims))]
    assert all(isinstance(camp.low, str) and camp.low[:4] == "2031" for camp in facts[0].camps)


def test_a_time_known_by_its_subject_joins_the_one_date_fact_of_that_subject():
    claims = [when("a.txt", "date", D, D, event="broke", subject="The warehouse"),
              when("b.txt", low=None, high=570, event="collapsed", subject="the warehouse"),
              when("c.txt", "date", D, D, event="opened", subject="the fair")]
    facts = sorted(group_claims(claims), key=lambda fact: -len(fact.claims))
    assert [(fact.kind, len(fact.claims), fact.verdict) for fact in facts] == [("date", 2, "agree"), ("date", 1, "single")]


def test_times_with_no_date_of_their_happening_stay_a_time_fact():
    facts = group_claims([when("a.txt", low=210, high=210, **BLAZE), when("b.txt", low=213, high=213, **BLAZE)])
    assert [(fact.kind, fact.verdict) for fact in facts] == [("time", "conflict")]


def test_the_report_draws_a_time_on_the_day_scale_of_its_fact():
    from troopclaims.output.charts import claim_span
    from troopclaims.output.report import build_report, report_sources

    dated, undated = when("b.txt", low=210, high=210, as_of=D, **BLAZE), when("c.txt", low=None, high=570, **BLAZE)
    day = claim_span(dated, on_days=True)
    assert (day.high - day.low, claim_span(undated, on_days=True).low) == (1, None)
    claims = [when("a.txt", "date", D, D, **BLAZE), dated, undated]
    page = build_report(group_claims(claims), report_sources(claims), claims=3)
    assert page.count('class="strip') >= 3 and "14 Mar 2031" in page


@pytest.mark.parametrize("claims, expected", [
    # "on the March 2 broadcast" (no subject) beside "the gala will be broadcast on March 2": one happening
    ([when("a.txt", "date", D, D, event="broadcast"),
      when("b.txt", "date", D, D, event="broadcast", subject="the gala")], [2]),
    # with two subjects of that word in play, a date of no subject is neither's
    ([when("a.txt", "date", D, D, event="broadcast"),
      when("b.txt", "date", D, D, event="broadcast", subject="the gala"),
      when("c.txt", "date", D, D, event="broadcast", subject="the final")], [1, 1, 1]),
])
def test_a_date_of_no_subject_joins_the_one_subject_of_its_event(claims, expected):
    assert sorted(len(fact.claims) for fact in group_claims(claims)) == expected


@pytest.mark.parametrize("intervals, runs", [
    ([], []),
    ([(5, 9), (0, 5)], [(0, 9)]),                       # touching: one run, whatever the order given
    ([(0, 10), (2, 3), (11, 12)], [(0, 10), (11, 12)]),  # one inside another, then a gap
    ([(1.0, 1.0), (2.0, 2.0)], [(1.0, 1.0), (2.0, 2.0)]),  # two days apart stay two happenings
])
def test_merged_runs_joins_what_overlaps_or_touches(intervals, runs):
    from troopclaims.spans import merged_runs

    assert merged_runs(intervals) == runs
