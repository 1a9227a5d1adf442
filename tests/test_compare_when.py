"""Dates and times of one happening in compare: event classes (rules/events.yaml). Claims are built by hand."""
import pytest

from troopclaims.compare.facts import Grouping, compare_claims, group_claims
from troopclaims.errors import RulesError
from troopclaims.records import Claim
from troopclaims.rules import load_rules

D = "2031-03-14"


def when(source, kind="time", low=900, high=900, event=None, subject=None, aspect=None, value=None, as_of=None,
         sentence=None, published=D):
    """Return a date or time claim; dates take ISO days as low and high."""
    if value is None:
        value = low if kind == "date" else f"{int(low) // 60:02d}:{int(low) % 60:02d}"
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
])
def test_broken_events_file_names_the_line(tmp_path, text, message):
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules([tmp_path]).lexicon("events")
