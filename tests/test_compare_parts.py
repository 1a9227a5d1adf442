"""A part of a whole its sentence opens with is not a rival of the whole (claims built by hand, invented names)."""
import pytest

from troopclaims.compare.facts import Grouping, compare_claims, group_claims
from troopclaims.compare.when import EventClasses
from troopclaims.records import Claim


def count(source, value, sentence, event="arrested", aspect="arrested"):
    return Claim(source=source, published="2030-05-10", kind="quantity", text=str(value), start=0, end=1,
                 value=value, low=value, high=value, qualifier="exact", unit="smugglers", aspect=aspect, event=event,
                 sentence=sentence)


WHOLE = "Of the 23 smugglers arrested, 12 are said to be from Varn."


@pytest.mark.parametrize("claims, expected", [
    # the 12 took the whole's event word: they are a part of the 23, in a fact of their own with the other 12
    ([count("a", 23, "Police arrested 23 smugglers."), count("a", 12, WHOLE),
      count("b", 12, "Out of 23 smugglers arrested, 12 are from Varn."), count("b", 23, "23 smugglers were arrested.")],
     [2, 2]),
    # a part with an event of its own is counted with that event's figures ("of the 40 injured, two died")
    ([count("a", 2, "Of the 40 injured, two died.", event="died", aspect="killed"),
      count("b", 2, "Two people died.", event="died", aspect="killed")], [2]),
])
def test_a_part_of_an_opening_whole(claims, expected):
    assert sorted(len(fact.claims) for fact in group_claims(claims)) == expected


def test_a_part_whose_figure_is_inside_the_whole_s_figure():
    # "3" is written inside "23": the part is still a part, no rival of the 23
    claims = [count("a", 23, "Police arrested 23 smugglers."), count("a", 3, "Of the 23 smugglers arrested, 3 are from Varn."),
              count("b", 23, "23 smugglers were arrested.")]
    facts = group_claims(claims)
    assert sorted([claim.value for claim in fact.claims] for fact in facts) == [[3], [23, 23]]


def part(source, value, sentence, event=None, aspect=None, unit="candidates", start=0):
    return Claim(source=source, published="2030-05-10", kind="quantity", text=str(value), start=start,
                 end=start + 1, value=value, low=value, high=value, qualifier="exact", unit=unit, aspect=aspect,
                 event=event, sentence=sentence)


OPENING = "Of the 312 candidates, 301 hold degrees and 190 are under 40."


def test_a_part_with_no_event_word_of_its_own_takes_the_whole_s():
    # 301 and 190 have no event word: parts of the 312 all the same, no rivals of the 312 another article gives
    claims = [part("a", 312, OPENING), part("a", 301, OPENING, start=1), part("a", 190, OPENING, start=2),
              part("b", 312, "A total of 312 candidates are standing.")]
    facts = group_claims(claims)
    whole = next(fact for fact in facts if any(claim.value == 312 for claim in fact.claims))
    assert sorted(claim.value for claim in whole.claims) == [312, 312] and whole.verdict == "agree"


CACHE = "The cache held nine carbines, a mortar and four other rifles."
KILLED = "The quake killed 10 people and wounded other 70."
HELD = "Police held 12 men and more than 40 women."


def said(source, value, text, sentence, event, aspect, unit):
    """A figure written as `text` in its sentence, its offsets those of the text there."""
    start = sentence.index(text)
    return part(source, value, sentence, event, aspect, unit, start).with_fields(text=text, end=start + len(text))


@pytest.mark.parametrize("claims, expected", [
    # "four other rifles" counts rifles besides the carbines: a fact with the other article's four others
    ([said("a", 9, "nine carbines", CACHE, "held", "captured", "carbines"),
      said("a", 4, "four other rifles", CACHE, "held", "captured", "rifles"),
      # ... and of no known event, beside nine rifles of one: the one count of others there is
      said("b", 4, "four other rifles", "Marines found nine AK-47 rifles and four other rifles.", "found", None,
           "rifles"),
      said("b", 9, "nine AK-47 rifles", "Marines found nine AK-47 rifles and four other rifles.", "found",
           "captured", "rifles")],
     [[4, 4], [9], [9]]),
    # "other" with no figure of its kind before it in its sentence is no count besides: it joins its fact
    ([said("a", 4, "Four other rifles", "Four other rifles were found.", "found", "captured", "rifles"),
      said("b", 4, "Four rifles", "Four rifles were found.", "found", "captured", "rifles")], [[4, 4]]),
    # others than the dead are the wounded: "killing 10 people and wounding other 70" counts the wounded
    ([said("a", 10, "10 people", KILLED, "killed", "killed", "people"),
      said("a", 70, "70", KILLED, "wounded", "wounded", "people"),
      said("b", 70, "About 70 people", "About 70 people were wounded.", "wounded", "wounded", "people")],
     [[10], [70, 70]]),
    # "more than 40" is a bound, not more besides
    ([said("a", 12, "12 men", HELD, "held", "arrested", "people"),
      said("a", 40, "more than 40 women", HELD, "held", "arrested", "people")], [[12, 40]]),
])
def test_a_count_besides_another_of_its_sentence_is_a_fact_of_its_own(claims, expected):
    facts = group_claims(claims, grouping=Grouping(classes=EventClasses(others=frozenset({"other", "more"}),
                                                                   bounds=(("more", "than"),))))
    assert sorted(sorted(claim.value for claim in fact.claims) for fact in facts) == expected


BLAST = "Police said 40 people were killed in the blast at the Vorn market, while witnesses said 60 or more people were killed."
MARCH = "Police arrested 30 protesters on Friday, and 12 more protesters were arrested on Saturday."


@pytest.mark.parametrize("claims, expected", [
    # "60 or more" is a bound (at least 60), as "more than 60" is: a rival of the other article's 40, not more besides
    ([said("a", 40, "40 people", BLAST, "killed", "killed", "people"),
      said("a", 60, "60 or more people", BLAST, "killed", "killed", "people").with_fields(
          low=60, high=None, qualifier="at_least"),
      said("b", 40, "At least 40 people", "At least 40 people were killed.", "killed", "killed", "people").with_fields(
          low=40, high=None, qualifier="at_least")],
     [([40, 40, 60], "conflict")]),
    # "12 more protesters" after 30 of them are more besides: a count of their own
    ([said("a", 30, "30 protesters", MARCH, "arrested", "arrested", "protesters"),
      said("a", 12, "12 more protesters", MARCH, "arrested", "arrested", "protesters"),
      said("b", 30, "30 protesters", "Police arrested 30 protesters.", "arrested", "arrested", "protesters")],
     [([12], "single"), ([30, 30], "agree")]),
])
def test_a_bound_is_no_count_besides(rules, claims, expected):
    facts = group_claims(claims, grouping=Grouping(classes=rules.lexicon("events")))
    assert sorted((sorted(claim.value for claim in fact.claims), fact.verdict) for fact in facts) == expected


def vague(claim):
    return claim.with_fields(value=None, low=24, high=199, qualifier="vague")


BOARD = "Varo Lines said 258 people were on board when the ferry sank."
WATER = "Rescuers said dozens of people were still in the water."


@pytest.mark.parametrize("claims, expected", [
    # a vague count of no event word says another thing of people than an exact count of another predicate
    ([said("a", 258, "258 people", BOARD, None, None, "people"),
      vague(said("b", 0, "dozens of people", WATER, None, None, "people"))],
     [([None], "single"), ([258], "single")]),
    # ... and the same thing as a count that says it too: rivals, as before
    ([said("a", 258, "258 people", "Some 258 people were still in the water.", None, None, "people"),
      vague(said("b", 0, "dozens of people", WATER, None, None, "people"))],
     [([None, 258], "conflict")]),
    # a vague count with an event word, or of the one aspect of its unit in play, is grouped as before
    ([said("a", 258, "258 people", "Some 258 people were rescued.", "rescued", "rescued", "people"),
      vague(said("b", 0, "dozens of people", WATER, None, None, "people"))],
     [([None, 258], "conflict")]),
])
def test_a_vague_count_of_no_event_is_no_rival_of_another_predicate(rules, claims, expected):
    facts = compare_claims(claims, rules)
    assert sorted((sorted(claim.value or 0 for claim in fact.claims), fact.verdict) for fact in facts) == \
        sorted((sorted(value or 0 for value in values), verdict) for values, verdict in expected)
