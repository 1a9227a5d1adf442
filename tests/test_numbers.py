"""Numeric expressions in plain text: figures, qualifiers, ranges, vague magnitudes, units, and what is not a number."""
from __future__ import annotations

import math
import random

import pytest

from troopclaims.errors import RulesError
from troopclaims.extractors.numbers import Numeric, figures, numerics, parse_number
from troopclaims.extractors.quantities import find_quantities
from troopclaims.rules import load_rules


@pytest.fixture(scope="module")
def lex(rules):
    return rules.lexicon("numbers")


def found(sentence: str, lex) -> list[tuple]:
    """Return (text, value, low, high, qualifier, unit) for every numeric in the sentence."""
    return [(sentence[n.start:n.end], n.value, n.low, n.high, n.qualifier, n.unit) for n in numerics(sentence, lex)]


def exact(text, value, unit=None):
    return (text, value, value, value, "exact", unit)


# Each sentence maps to every numeric it holds, in order: nothing more, nothing less.
FIGURES = [
    ("Officials counted 1,240 vehicles at the depot.", [exact("1,240", 1240)]),
    ("The unit lost 12,000 rounds of ammunition.", [exact("12,000", 12000)]),
    ("A ratio of 1.5 was reported.", [exact("1.5", 1.5)]),
    ("Engineers laid .75 of the cable.", [exact(".75", 0.75)]),
    ("The brigade had 12 000 men.", [exact("12 000", 12000)]),
    ("The brigade had 12\u00a0000 men.", [exact("12\u00a0000", 12000)]),
    ("The brigade had 12\u202f000 men.", [exact("12\u202f000", 12000)]),
    ("They hold 1.5 million shells.", [exact("1.5 million", 1.5e6)]),
    ("The fund holds 2.3 billion for repairs.", [exact("2.3 billion", 2.3e9)]),
    ("A crowd of 12k gathered.", [exact("12k", 12000)]),
    ("It borrowed 5bn last year.", [exact("5bn", 5e9)]),
    ("There are twelve thousand reservists.", [exact("twelve thousand", 12000)]),
    ("The convoy had three trucks.", [exact("three", 3)]),
    ("The list names one hundred and six villages.", [exact("one hundred and six", 106)]),
    ("Twenty-one drones were shot down.", [exact("Twenty-one", 21)]),
    ("It took a dozen attempts.", [exact("a dozen", 12)]),
    ("We bought two dozen helmets.", [exact("two dozen", 24)]),
    ("It weighed a hundred tonnes.", [exact("a hundred tonnes", 100, "t")]),
    ("Half a dozen officers resigned.", [exact("Half a dozen", 6)]),
    ("Half a million people fled.", [exact("Half a million", 500000)]),
    ("The soldiers walked three quarters of the way.", [exact("three quarters", 0.75)]),
    ("A third of the shells were duds.", [exact("A third", 1 / 3)]),
    ("The mix is 3/4 water.", [exact("3/4", 0.75)]),
    ("The pipe is 2 1/2 metres long.", [exact("2 1/2 metres", 2.5, "m")]),
    ("He was one and a half kilometres away.", [exact("one and a half kilometres", 1.5, "km")]),
    ("The fleet reached five and a half million tonnes.", [exact("five and a half million tonnes", 5.5e6, "t")]),
    ("A 40-person unit crossed the river.", [exact("40", 40)]),
    ("The three-day operation ended.", [exact("three", 3)]),
    ("Temperatures fell to -5 overnight.", [exact("-5", -5)]),
    ("Only one translator was present.", [exact("one", 1)]),
    ("The ministry said 2000 troops had moved.", [exact("2000", 2000)]),
    ("In 2024, some 1500 people fled.", [("some 1500", 1500, 1350, 1650, "approximate", None)]),
    ("About 2000 were killed.", [("About 2000", 2000, 1800, 2200, "approximate", None)]),
    ("Two thirds of the budget went on shells.", [exact("Two thirds", 2 / 3)]),
    ("A quarter of the fleet was lost.", [exact("A quarter", 0.25)]),
    ("The share rose to 2½ points.", [exact("2½", 2.5)]),
    ("The ratio is one over three.", [exact("one over three", 1 / 3)]),
    ("Over 3 days they fired 1,000 shells.", [("Over 3", 3, 3, None, "at_least", None), exact("1,000", 1000)]),
    ("It cost three dollars and fifty cents.", [exact("three dollars and fifty cents", 3.5, "USD")]),
    ("Exactly two hundred thousand mines were cleared.", [("Exactly two hundred thousand", 200000, 200000, 200000,
                                                            "exact", None)]),
    ("The depot held 1,674.5 million litres.", [exact("1,674.5 million litres", 1.6745e9, "l")]),
    ("They lost two brigades and 30 tanks.", [exact("two", 2), exact("30", 30)]),
    ("The patrol of seven crossed at dawn.", [exact("seven", 7)]),
]

QUALIFIED = [
    ("about 3,000 soldiers", [("about 3,000", 3000, 2700, 3300, "approximate", None)]),
    ("approximately 10,000 troops", [("approximately 10,000", 10000, 9000, 11000, "approximate", None)]),
    ("roughly 400 tanks", [("roughly 400", 400, 360, 440, "approximate", None)]),
    ("around 50 drones", [("around 50", 50, 45, 55, "approximate", None)]),
    ("an estimated 700 casualties", [("an estimated 700", 700, 630, 770, "approximate", None)]),
    ("some 3,000 troops", [("some 3,000", 3000, 2700, 3300, "approximate", None)]),
    ("300 or so vehicles", [("300 or so", 300, 270, 330, "approximate", None)]),
    ("nearly 8,000 of them", [("nearly 8,000", 8000, 7200, 8000, "at_most", None)]),
    ("almost 200 shells", [("almost 200", 200, 180, 200, "at_most", None)]),
    ("just under 1,000 men", [("just under 1,000", 1000, 900, 1000, "at_most", None)]),
    ("more than 500 officers", [("more than 500", 500, 500, None, "at_least", None)]),
    ("over 1,000 drones", [("over 1,000", 1000, 1000, None, "at_least", None)]),
    ("at least 14 people", [("at least 14", 14, 14, None, "at_least", None)]),
    ("upwards of 2,000 fighters", [("upwards of 2,000", 2000, 2000, None, "at_least", None)]),
    ("no fewer than 60 aircraft", [("no fewer than 60", 60, 60, None, "at_least", None)]),
    ("3,000-plus recruits", [("3,000-plus", 3000, 3000, None, "at_least", None)]),
    ("5,000 or more troops", [("5,000 or more", 5000, 5000, None, "at_least", None)]),
    ("just over 300 sorties", [("just over 300", 300, 300, 330, "at_least", None)]),
    ("up to 700 workers", [("up to 700", 700, None, 700, "at_most", None)]),
    ("no more than 20 tanks", [("no more than 20", 20, None, 20, "at_most", None)]),
    ("fewer than a thousand pandas", [("fewer than a thousand", 1000, None, 1000, "at_most", None)]),
    ("less than 5 percent", [("less than 5 percent", 5, None, 5, "at_most", "percent")]),
    ("under 18 years", [("under 18", 18, None, 18, "at_most", None)]),
    ("at most 12 crew", [("at most 12", 12, None, 12, "at_most", None)]),
    ("exactly 42 prisoners", [("exactly 42", 42, 42, 42, "exact", None)]),
    ("about 500 or more", [("about 500 or more", 500, 500, None, "at_least", None)]),
    ("some 200-odd villages", [("some 200-odd", 200, 180, 220, "approximate", None)]),
]

RANGES = [
    ("3,000-5,000 troops", [("3,000-5,000", 3000, 3000, 5000, "range", None)]),
    ("3,000–5,000 troops", [("3,000–5,000", 3000, 3000, 5000, "range", None)]),
    ("3,000 to 5,000 troops", [("3,000 to 5,000", 3000, 3000, 5000, "range", None)]),
    ("3,000—5,000 troops", [("3,000—5,000", 3000, 3000, 5000, "range", None)]),
    ("men aged 18–60", [("18–60", 18, 18, 60, "range", None)]),
    ("10-20% of the shells", [("10-20%", 10, 10, 20, "range", "percent")]),
    ("Losses of 2-3 tanks a day", [("2-3", 2, 2, 3, "range", None)]),
    ("a 24- to 30-foot boat", [("24- to 30-foot", 24, 24, 30, "range", "ft")]),
    ("Temperatures of -5 to 3 degrees", [("-5 to 3", -5, -5, 3, "range", None)]),
    ("between 3,000 and 5,000 troops", [("between 3,000 and 5,000", 3000, 3000, 5000, "range", None)]),
    ("three to five thousand troops", [("three to five thousand", 3000, 3000, 5000, "range", None)]),
    ("$3-5 million in aid", [("$3-5 million", 3e6, 3e6, 5e6, "range", "USD")]),
    ("one or two drones", [("one or two", 1, 1, 2, "range", None)]),
    ("from 200 to 300 shells a day", [("from 200 to 300", 200, 200, 300, "range", None)]),
    ("more than 10 and less than 20 units", [("more than 10 and less than 20", 10, 10, 20, "range", None)]),
    # A change, not a range.
    ("Losses rose from 200 to 300.", [exact("200", 200), exact("300", 300)]),
]

VAGUE = [
    ("thousands of troops", [("thousands", None, 2000, 99999, "vague", None)]),
    ("tens of thousands of refugees", [("tens of thousands", None, 20000, 99999, "vague", None)]),
    ("hundreds of thousands of shells", [("hundreds of thousands", None, 200000, 999999, "vague", None)]),
    ("hundreds of drones", [("hundreds", None, 200, 999, "vague", None)]),
    ("dozens of villages", [("dozens", None, 24, 199, "vague", None)]),
    ("several hundred marines", [("several hundred", None, 300, 900, "vague", None)]),
    ("a few thousand volunteers", [("a few thousand", None, 2000, 5000, "vague", None)]),
    ("a significant number of soldiers", [("a significant number", None, None, None, "vague", None)]),
    ("large numbers of troops", [("large numbers", None, None, None, "vague", None)]),
    ("scores of civilians", [("scores", None, 40, 199, "vague", None)]),
    ("a handful of advisers", [("a handful", None, 2, 9, "vague", None)]),
]

UNITS = [
    ("about 780 square kilometres", [("about 780 square kilometres", 780, 702, 858, "approximate", "km2")]),
    ("1,240 square kilometers", [exact("1,240 square kilometers", 1240, "km2")]),
    ("400 sq km", [exact("400 sq km", 400, "km2")]),
    ("400 km²", [exact("400 km²", 400, "km2")]),
    ("400 km2", [exact("400 km2", 400, "km2")]),
    ("a 25% rise", [exact("25%", 25, "percent")]),
    ("by 12 per cent", [exact("12 per cent", 12, "percent")]),
    ("$5 million", [exact("$5 million", 5e6, "USD")]),
    ("$1.5bn", [exact("$1.5bn", 1.5e9, "USD")]),
    ("US$20 billion", [exact("US$20 billion", 2e10, "USD")]),
    ("€40m", [exact("€40m", 4e7, "EUR")]),
    ("£300", [exact("£300", 300, "GBP")]),
    ("20,000 hryvnias", [exact("20,000 hryvnias", 20000, "UAH")]),
    ("5 billion roubles", [exact("5 billion roubles", 5e9, "RUB")]),
    ("3 million dollars", [exact("3 million dollars", 3e6, "USD")]),
    ("70 euros", [exact("70 euros", 70, "EUR")]),
    ("361 million pounds", [exact("361 million pounds", 3.61e8, "GBP")]),
    ("25 pounds of flour", [exact("25 pounds", 25, "lb")]),
    ("a 3-inch gap", [exact("3-inch", 3, "in")]),
    ("180ml of water", [exact("180ml", 180, "ml")]),
    ("12 km away", [exact("12 km", 12, "km")]),
    ("5m deep", [exact("5m", 5, "m")]),
    # a money suffix apart, with a full stop, or glued before a currency word, is a magnitude of money only
    ("a fund of 110 b. Euro", [exact("110 b. Euro", 1.1e11, "EUR")]),
    ("it cost $3 m. in all", [exact("$3 m.", 3e6, "USD")]),
    ("paid 40m euros", [exact("40m euros", 4e7, "EUR")]),
    ("a 4 m. fence", [exact("4 m", 4, "m")]),
    ("the 40m mast", [exact("40m", 40, "m")]),
    ("80 tonnes of grain", [exact("80 tonnes", 80, "t")]),
    ("EUR 125", [exact("EUR 125", 125, "EUR")]),
    ("a deal worth 5 billion won", [exact("5 billion won", 5e9, "KRW")]),
    ("10 $ is not much", [exact("10 $", 10, "USD")]),
    ("₴300 million", [exact("₴300 million", 3e8, "UAH")]),
]

NOT_NUMBERS = [
    "The strike came at 13:12 local time.",
    "It ended at 10:30 am and resumed at 5 p.m.",
    "Talks were held on October 27-28 in Geneva.",
    "Talks were held on 27–28 October in Geneva.",
    "Troops arrived on 6 August.",
    "Troops arrived on December 13, officials said.",
    "The report was published on November 1, 2024.",
    "The war began in 2022.",
    "Fighting has gone on since 2014.",
    "Russia's 2022's invasion plans were leaked.",
    "The 2022 invasion changed everything.",
    "He was the first to arrive and the third to leave.",
    "The 21st and 3rd brigades merged.",
    "The 24th brigade moved north.",
    "The 3rd Army advanced.",
    "A four-star general spoke.",
    "A two-time champion retired.",
    "It was a one-sided contest.",
    "It is the second-largest city.",
    "See pic.twitter.com/LwAv51LwdX for the video.",
    "Contact @user42 or use #tag2024.",
    "Write to press42@example.org for details.",
    "Call +1 202 555 0199 now.",
    "Kyiv asked for F-16 jets and Su-25 spares.",
    "MiG-29 pilots and KN-23 missiles were seen.",
    "COVID-19 cases fell.",
    "The G7 met.",
    "HIMARS M142 launchers arrived.",
    "Tu-95MS bombers flew.",
    "One of the soldiers was hurt.",
    "No one was hurt.",
    "They blamed one another.",
    "Someone saw it.",
    "The score was 3-1.",
    "See page 12 of the report.",
    "Article 5 was invoked.",
    "The twenty-first century began.",
    "In the 1990s the base closed.",
    "The plan holds through at least 2025 and the talks began in 2018.",
    "By around 2030 the fleet will be replaced.",
    "Fighting from 2014 to 2022 changed the region.",
    "The 2022-23 winter was hard.",
    "A statement from 10 Downing Street followed.",
    "It was a 2-3 defeat for the visitors.",
    "The council voted 7-2 to approve it.",
    "They held a one-on-one meeting.",
    "At one point the line broke.",
    "His half brother was arrested.",
    "Profits fell in the third quarter and recovered in the second half.",
    "The strike began at 0600 GMT.",
    "Patriot PAC-3 interceptors and S-400 systems were used.",
    "Production of 9M723 missiles and 2S19 howitzers resumed.",
    "They moved the Boeing 737 to Article 5 discussions on page 3.",
    "See https://example.org/report-2024/item-123456 for more.",
    "Call 202-555-0199 for details.",
    "The servers at 192.168.1.2 failed.",
    "She was on the phone 24/7.",
    "The party that in 2020 won the vote lost it later.",
    "Call the hotline on 0845 125 2222 or 0800 555 111.",
    "A report filed MON 22 JUL 2013 was withdrawn.",
    "BREAKING NEWS - police say the road is closed.",
    "The shooting happened in the 2500 block of Elm Avenue.",
    "She called 911 and a 911 dispatcher answered.",
    "Their second-half surge won the game.",
]


@pytest.mark.parametrize("sentence, expected", FIGURES + QUALIFIED + RANGES + VAGUE + UNITS)
def test_numerics_in_sentences(sentence, expected, lex):
    got = found(sentence, lex)
    assert len(got) == len(expected), got
    for have, want in zip(got, expected):
        assert have[0] == want[0]
        for a, b in zip(have[1:4], want[1:4]):
            assert (a is None and b is None) or (a is not None and b is not None and a == pytest.approx(b)), got
        assert have[4:] == want[4:]


@pytest.mark.parametrize("sentence", NOT_NUMBERS)
def test_not_numbers(sentence, lex):
    assert found(sentence, lex) == []


@pytest.mark.parametrize("sentence, cue", [
    ("about 3,000 soldiers", "about"),
    ("more than 500 officers", "more than"),
    ("between 3,000 and 5,000", "between"),
    ("3,000 troops", None),
])
def test_cue_is_the_qualifier_words(sentence, cue, lex):
    assert numerics(sentence, lex)[0].cue == cue


def test_num_span_is_the_figure(lex):
    text = "Officials said about 3,000 North Korean soldiers crossed."
    (n,) = numerics(text, lex)
    assert text[n.num_start:n.num_end] == "3,000"
    assert text[n.start:n.end] == "about 3,000"


def test_spans_slice_back_and_do_not_overlap(lex):
    text = ("Some 3,000 troops, between 2,000 and 4,000 according to others, moved 12 km; thousands more waited. "
            "Costs reached $1.5bn, up 25% from 2023.")
    result = numerics(text, lex)
    assert [text[n.start:n.end] for n in result] == [
        "Some 3,000", "between 2,000 and 4,000", "12 km", "thousands", "$1.5bn", "25%"]
    for a, b in zip(result, result[1:]):
        assert a.end <= b.start
    assert all(isinstance(n, Numeric) for n in result)


@pytest.mark.parametrize("text, value", [
    ("twelve thousand", 12000), ("1.5 million", 1.5e6), ("two dozen", 24), ("12k", 12000), ("3/4", 0.75),
    ("one hundred and six", 106), ("twenty-one", 21), ("a half", 0.5), ("two thirds", 2 / 3), ("1,240", 1240),
    ("seventy", 70), ("2024", 2024), (" 40 ", 40),
])
def test_parse_number(text, value, lex):
    assert parse_number(text, lex) == pytest.approx(value)


@pytest.mark.parametrize("text", ["troops", "", "12 troops", "third", "one of"])
def test_parse_number_refuses_non_numbers(text, lex):
    assert parse_number(text, lex) is None


ARTICLE = (
    "Officials in the capital said on Tuesday that about 3,000 soldiers had crossed the border overnight, and that "
    "nearly 8,000 more were waiting in camps to the north. The defence ministry, which has been reluctant to give "
    "figures since the start of the conflict, put the number higher, at between 10,000 and 12,000, while a "
    "spokesman for the regional governor would say only that thousands of troops were on the move and that the "
    "roads out of the town had been closed to civilian traffic. Satellite images taken at 13:12 showed more than "
    "200 vehicles parked along a forest road, according to analysts who have followed the build-up for months. "
    "The army says it has lost roughly 1,240 square kilometres since August, and the government has asked its "
    "allies for $1.5bn in new aid, up 25% on last year, to pay for air defence and for the repair of power "
    "stations damaged in recent strikes. A four-star general told reporters that a 40-person unit had been sent "
    "to the front, one of several sent since 2022, and that the men were being trained by instructors who had "
    "themselves arrived only weeks ago. Residents of villages near the front described a tense night in which "
    "they heard artillery from the east and saw flares over the river. Many have already left; those who remain "
    "are mostly elderly and say they have nowhere else to go. "
)


def test_a_whole_article_gives_its_figures_and_nothing_else(lex):
    found = [(ARTICLE[n.start:n.end], n.value, n.qualifier, n.unit) for n in numerics(ARTICLE, lex)]
    assert found == [("about 3,000", 3000, "approximate", None), ("nearly 8,000", 8000, "at_most", None),
                     ("between 10,000 and 12,000", 10000, "range", None), ("thousands", None, "vague", None),
                     ("more than 200", 200, "at_least", None), ("roughly 1,240 square kilometres", 1240, "approximate", "km2"),
                     ("$1.5bn", 1.5e9, "exact", "USD"), ("25%", 25, "exact", "percent"), ("40", 40, "exact", None)]


@pytest.mark.parametrize("content, line, words", [
    ("qualifiers:\n  approximate:\n    qualifier: approximate\n    low: 0.9\n    high: 1.1\n    colour: red\n", 6,
     "unknown key 'colour'"),
    ("not_numbers:\n  broken: '(unclosed'\n", 2, "bad pattern"),
    ("not_figures:\n  ages: [aged]\n", 2, "not_figures.ages must be one regular expression"),
    ("vague:\n  umpteen: [1]\n", 2, "needs [low, high]"),
    ("words:\n  digits: {one: 1\n", 3, "broken YAML"),
    ("qualifiers:\n  odd:\n    qualifier: sideways\n    low: 1\n    high: 1\n", 3, "sideways"),
])
def test_broken_rules_name_file_and_line(tmp_path, content, line, words):
    (tmp_path / "numbers.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules([tmp_path]).lexicon("numbers")
    message = str(caught.value)
    assert f"numbers.yaml:{line}:" in message
    assert words in message


def test_user_rules_extend_the_defaults(tmp_path, lex):
    (tmp_path / "numbers.yaml").write_text(
        "units:\n  bbl: {after: [barrels of oil]}\nvague:\n  umpteen: [13, 99]\n",
        encoding="utf-8")
    user = load_rules([tmp_path]).lexicon("numbers")
    assert found("umpteen drones", user) == [("umpteen", None, 13, 99, "vague", None)]
    assert found("about 3,000 soldiers", user)[0][4] == "approximate"


def test_odd_text_keeps_the_invariants(lex):
    pieces = ["one", "two", "hundred", "thousand", "and", "a", "half", "thirds", "-", "–", " ", "1", "4,500", "0.5",
              ".", "$", "%", "km", "between", "to", "more than", "about", "1e400", "½", "İ", "\u00a0", "\n",
              "minus", "point", "dozen", "thousands", "twenty-first", "3/0", "over", "or", "2024", "May", "12:30",
              "F-16", "@x", "x10^5"]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 10)))
        result = numerics(text, lex)
        for n in result:
            assert 0 <= n.start <= n.num_start <= n.num_end <= n.end <= len(text)
            assert n.qualifier in ("exact", "approximate", "at_least", "at_most", "range", "vague")
            assert n.value is None or math.isfinite(n.value)
            assert n.low is None or n.high is None or n.low <= n.high
        assert all(a.end <= b.start for a, b in zip(result, result[1:]))


# Numbers that are no figure a fact-checker compares (not_figures): each sentence maps to the quantity claims the
# blank pipeline makes of it, so that the true figure beside the trap is seen to stay.
NOT_FIGURES = [
    # ages
    ("Dara Quill, 29, said 40 people were hurt.", ["40 people"]),
    ("A 29-year-old was among 12 people arrested.", ["12 people"]),
    ("The 61 - year - old driver and 3 passengers died.", ["3 passengers"]),
    ("The victims, ages 47 and 52, were taken to hospital.", []),
    ("Both 51, they died at the scene.", []),
    ("Ferro turns 30 in May; 200 fans waited for him.", ["200 fans"]),
    ("The plan raises the pension age for men to 67.", []),
    ("Lena Marsh (34) was charged.", []),
    # durations written as adjectives
    ("The club offered him an eight-year deal worth $160 million.", ["$160 million"]),
    ("Unions called a 24 - hour strike; 5,000 workers marched.", ["5,000 workers"]),
    ("The tariffs were put off for 30 Days.", []),
    ("Over 50 arrests were made over four nights of protest.", ["Over 50 arrests"]),
    ("Half an hour later, two engines arrived.", ["two engines"]),
    ("In the next minute or two the roof caught fire.", []),
    # clock times without a colon, and time stamps
    ("Polls closed at 1800 local time (1400 GMT).", []),
    ("The tremor struck at 1412 (0942 GMT) and killed 8 people.", ["8 people"]),
    ("Boats attacked the tanker at about 0930 hrs IST.", []),
    ("Posted 2011-11-15 6:07:15 PM GMT+01:00", []),
    # phone numbers
    ("Anyone with information should call Det. Rowe at 555 - 0142.", []),
    ("Call the station on 907-555-0188 or Crimestoppers on 0800 555111.", []),
    ("The first 9 - 1 - 1 call came at dawn.", []),
    # roads, routes, channels, names and models
    ("He was caught on Interstate 75 after a chase.", []),
    ("Traffic on the I - 94 corridor stopped.", []),
    ("The bank on Oregon 99 was robbed.", []),
    ("The bank sits on the Salem 22 Highway.", []),
    ("Route 9 was closed and 300 homes were evacuated.", ["300 homes"]),
    ("She told Channel 4 that 60 residents had left.", ["60 residents"]),
    ("He spoke on AM 680 about the fire.", []),
    ("Sources told NewsDesk 7 that the talks had ended.", []),
    ("They seized six AK 47 rifles and 12 magazines.", ["six", "12 magazines"]),
    ("Police found an AK - 47 in the car.", []),
    ("The crew of the Boeing 747 were unhurt.", []),
    ("He lives at 12 Harbour Way, near 473 West 41st Street.", []),
    # calibres, storeys, coordinates, families, sports
    ("Officers found a 12-gauge shotgun and a .38-caliber revolver.", []),
    ("They seized a 5.56mm and a 7.62mm rifle.", []),
    ("The rain left 40 mm of water in the streets.", ["40 mm"]),
    ("The three-story building and a one - storey shop burned.", []),
    ("The fire started two floors below.", []),
    ("The epicentre lay at 27.1 degrees north and 55.9 degrees east.", []),
    ("He leaves behind a wife and three children.", []),
    ("A nurse with two daughters and a father of four were rescued.", []),
    ("The strike killed three children.", ["three children"]),
    ("The quake left 12 children dead, leaving 2 children hurt.", ["12 children", "2 children"]),
    ("He hit .301 with 31 homers and 102 RBIs in 150 games.", []),
    ("Ferro averaged more than 30 home runs a season.", []),
    # "one" with no count in it
    ("No-one was injured, and no - one was arrested.", []),
    ("One resident told reporters the ground shook.", []),
    ("The fire was contained to one corner of the roof.", []),
    ("Two buildings burned, one used by tax officials.", ["Two buildings"]),
    ("The moment was a deeply personal one.", []),
    ("One man died and 4 were injured.", ["One man", "4 were injured"]),
    # ordinals after "a"
    ("It was a third straight night of rioting.", []),
    ("The navy foiled a third successive attack.", []),
    ("A third of the town was flooded.", ["A third of the town"]),
    # list members that share a time noun, the hour of a clock time, a misspelt month, selections, generic
    ("Ask me again eight, 10, 12 years from now.", []),
    ("They stayed two or three more days and then six big-league seasons.", []),
    ("Shops must close before 9.", []),
    ("The quake struck on Decmber 26, 2003.", []),
    ("The two biggest banks lent $40 million.", ["$40 million"]),
    ("A magnitude 6 quake can cause severe damage.", []),
    ("Agents can arrest more than 1,000 people on any given day.", []),
    # figures next to the same words stay figures
    ("The toll hit 9,000 two days later.", ["9,000"]),
    ("Officials said 85 died, 2 days after the quake.", ["85"]),
    ("On Sunday, 85 died.", ["85"]),
    ("In Dunmore, 46 were arrested.", ["46 were arrested"]),
    ("The aftershocks measured around 4.0.", ["around 4.0"]),
    ("Relief reached Eastport 40 families at a time.", ["40 families"]),
    ("The toll stood at 9.", ["9"]),
    ("In Heraklion, 10,000 people marched.", ["10,000 people"]),
    ("Deaths by town: Aleppo, 45; Idlib, 12.", ["45", "12"]),
    ("The victims were Tanya Morrow, 47; Lisa Rend, 36; and Bo Kay, 39.", []),
    ("Aid reached the 12 worst-hit villages.", ["12 worst"]),
]


@pytest.mark.parametrize("sentence, expected", NOT_FIGURES)
def test_numbers_that_are_no_figure_make_no_claim(sentence, expected, blank_nlp, rules, article):
    claims = find_quantities(blank_nlp(sentence), article(sentence), rules)
    assert [claim.text for claim in claims] == expected


@pytest.mark.parametrize("sentence, number", [
    ("Dara Quill, 29, said so.", "29"),
    ("He drove north on Interstate 75.", "75"),
    ("She was caught with a 12-gauge shotgun.", "12"),
])
def test_no_figure_is_still_a_number(sentence, number, lex):
    assert number in [sentence[n.start:n.end] for n in numerics(sentence, lex)]
    assert number not in [sentence[n.start:n.end] for n in figures(sentence, lex)]


def test_user_rules_add_numbers_that_are_no_figure(tmp_path, lex):
    (tmp_path / "numbers.yaml").write_text(r"""not_figures:
  jerseys: '\b(?P<x>\d+)\s+jersey\b'
""", encoding="utf-8")
    user = load_rules([tmp_path]).lexicon("numbers")
    sentence = "He wore the 9 jersey as 40 fans cheered."
    assert [sentence[n.start:n.end] for n in figures(sentence, lex)] == ["9", "40"]
    assert [sentence[n.start:n.end] for n in figures(sentence, user)] == ["40"]
    assert len(user.not_figures) == len(lex.not_figures) + 1


def test_figures_far_apart_in_a_long_text_are_judged_alike(lex):
    filler = "The council met again and talked about the roads and the river. " * 8
    parts = ["Dara Quill, 29, said 40 people were hurt.", "Call the station on 907-555-0188 today.",
             "Ask me again eight, 10, 12 years from now.", "More than 300 families left."]
    text = filler + filler.join(parts) + filler
    got = [text[n.start:n.end] for n in figures(text, lex)]
    alone = [part[n.start:n.end] for part in parts for n in figures(part, lex)]
    assert got == alone == ["40", "More than 300"]
    assert set(got) <= {text[n.start:n.end] for n in numerics(text, lex)}


@pytest.mark.parametrize("sentence, expected", [
    # a conversion in brackets is hedged as the figure it converts
    ("The ship sailed about 35 miles (56 km) from the port.",
     [("about 35 miles", 35, 31.5, 38.5, "approximate", "mi"), ("56 km", 56, 50.4, 61.6, "approximate", "km")]),
    ("The fire burned more than 1,200 acres (486 hectares).",
     [("more than 1,200 acres", 1200, 1200, None, "at_least", "acre"),
      ("486 hectares", 486, 486, None, "at_least", "ha")]),
    # a bare figure keeps its own bare reading, and so does a conversion that says its own hedge
    ("The town is 40 km (25 miles) away.", [exact("40 km", 40, "km"), exact("25 miles", 25, "mi")]),
    ("The town is about 40 km (about 25 miles) away.",
     [("about 40 km", 40, 36, 44, "approximate", "km"), ("about 25 miles", 25, 22.5, 27.5, "approximate", "mi")]),
    # not a conversion: no unit, or not right after the figure
    ("Nearly 50 people (and 3 dogs) were rescued.", [("Nearly 50", 50, 45, 50, "at_most", None), exact("3", 3)]),
])
def test_a_conversion_takes_the_qualifier_of_its_figure(sentence, expected, lex):
    assert found(sentence, lex) == expected
