"""Grouping and verdicts on hand-made claims: no NLP involved."""
from dataclasses import replace

import pytest

from troopclaims.compare.facts import Grouping, camps_of, compare_claims, claim_interval, filter_facts, group_claims
from troopclaims.records import Claim


def q(source, value, low=None, high=None, qualifier="exact", unit="troops", actor="Atlantis", place=None,
      aspect="deployed", speaker=None, as_of=None, relation=None, kind="quantity"):
    if qualifier == "exact" and low is None and high is None and kind == "quantity":
        low = high = value
    return Claim(source=source, published="2030-05-10", kind=kind, text=str(value), start=0, end=1, value=value,
                 low=low, high=high, qualifier=qualifier, unit=unit, actor=actor, place=place, aspect=aspect,
                 speaker=speaker, as_of=as_of, relation=relation)


def inside(outer, inner):
    return outer == inner or (outer, inner) in {("Borduria", "North March"), ("Borduria", "Szohod"),
                                                ("North March", "Szohod")}


@pytest.mark.parametrize("claims, verdict", [
    ([q("a", 10000), q("b", 10000, 9000, 11000, "approximate")], "agree"),
    ([q("a", 8000, 7200, 8000, "at_most"), q("b", 8000, 0, 8000, "at_most")], "agree"),
    ([q("a", 3000, 2700, 3300, "approximate"), q("b", 10000)], "conflict"),
    ([q("a", None, 2000, 99999, "vague"), q("b", 3000)], "agree"),
    ([q("a", 1240, as_of="2030-03-31"), q("a", 780, as_of="2030-05-10")], "changed"),
    ([q("a", 1240, as_of="2030-03-31"), q("b", 780)], "conflict"),
    ([q("a", 500)], "single"),
    ([q("a", 500), q("a", 500)], "single"),
    ([q("a", 5000, 5000, None, "at_least"), q("b", 7000)], "agree"),
    ([q("a", 5000, None, 5000, "at_most"), q("b", 7000)], "conflict"),
])
def test_verdicts(claims, verdict):
    facts = group_claims(claims)
    assert len(facts) == 1
    assert facts[0].verdict == verdict


def test_camps_show_who_agrees_with_whom():
    claims = [q("a", 3000, 2700, 3300, "approximate", speaker="Ministry"), q("b", 10000, speaker="Mayor"),
              q("c", 10000, 9000, 11000, "approximate", speaker="Ministry"), q("d", 12000, 10800, 13200, "approximate")]
    fact = group_claims(claims)[0]
    assert fact.verdict == "conflict"
    camps = {tuple(sorted(fact.claims[i].source for i in camp.members)) for camp in fact.camps}
    assert camps == {("a",), ("b", "c"), ("c", "d")}


def test_camps_are_maximal_cliques():
    intervals = [q("a", 1, 0, 10, "range"), q("b", 5, 5, 15, "range"), q("c", 12, 12, 20, "range")]
    assert sorted(members for _, members in camps_of(intervals)) == [(0, 1), (1, 2)]


def test_sources_and_speakers_are_counted_apart():
    claims = [q(name, 10000, speaker="Mayor") for name in ("a", "b", "c")] + [q("d", 10000)]
    fact = group_claims(claims)[0]
    assert (fact.speakers, fact.reports) == (2, 4)


def test_contained_place_is_its_own_fact_within_the_container():
    claims = [q("a", 10000, place="Borduria"), q("b", 8000, 7200, 8000, "at_most", place="North March"),
              q("c", 3000, place="Borduria")]
    facts = {fact.place: fact for fact in group_claims(claims, contains=inside)}
    assert set(facts) == {"Borduria", "North March"}
    assert facts["North March"].within == facts["Borduria"].name
    assert facts["Borduria"].verdict == "conflict"
    assert facts["North March"].verdict == "single"


def test_nearest_container_is_chosen():
    claims = [q("a", 1, place="Borduria"), q("b", 2, place="North March"), q("c", 3, place="Szohod")]
    facts = {fact.place: fact for fact in group_claims(claims, contains=inside)}
    assert facts["Szohod"].within == facts["North March"].name


def test_unrelated_places_are_separate_facts():
    claims = [q("a", 500, place="Borduria"), q("b", 300, place="Syldavia")]
    facts = group_claims(claims, contains=inside)
    assert sorted(fact.place for fact in facts) == ["Borduria", "Syldavia"]
    assert all(fact.verdict == "single" for fact in facts)


def test_unplaced_and_relative_claims_join_the_one_place_in_play():
    claims = [q("a", 3000, place="Borduria"), q("b", 10000), q("c", 3000, place="front line", relation="near")]
    facts = group_claims(claims, contains=inside)
    assert len(facts) == 1 and facts[0].place == "Borduria" and len(facts[0].claims) == 3


def test_unplaced_claims_stay_apart_when_several_places_are_in_play():
    claims = [q("a", 500, place="Borduria"), q("b", 300, place="Syldavia"), q("c", 800)]
    assert sorted(str(fact.place) for fact in group_claims(claims, contains=inside)) == ["Borduria", "None", "Syldavia"]


def test_unknown_actor_and_aspect_join_the_only_known_one():
    claims = [q("a", 3000), q("b", 10000, actor=None, aspect=None)]
    facts = group_claims(claims)
    assert len(facts) == 1 and facts[0].verdict == "conflict"


@pytest.mark.parametrize("change", [{"unit": "officers"}, {"actor": "Syldavia"}, {"aspect": "killed"},
                                    {"kind": "date"}])
def test_different_units_actors_aspects_and_kinds_never_mix(change):
    facts = group_claims([q("a", 3000), q("b", 10000, **change)])
    assert len(facts) == 2


def test_dates_compare_as_days():
    dates = [q("a", "2030-05-12", "2030-05-12", "2030-05-13", "range", unit=None, kind="date"),
             q("b", "2030-05-12", "2030-05-12", "2030-05-12", "exact", unit=None, kind="date"),
             q("c", "2030-06-01", "2030-06-01", "2030-06-01", "exact", unit=None, kind="date")]
    fact = group_claims(dates)[0]
    assert fact.verdict == "conflict"
    assert sorted((camp.low, camp.high) for camp in fact.camps) == [("2030-05-12", "2030-05-12"),
                                                                    ("2030-06-01", "2030-06-01")]


def test_conflicts_come_first_and_filters_apply():
    claims = [q("a", 1, aspect="killed"), q("b", 1, aspect="killed"), q("a", 5, aspect="wounded"),
              q("b", 9, aspect="wounded"), q("a", 4, aspect="arrested")]
    facts = group_claims(claims)
    assert [fact.verdict for fact in facts] == ["conflict", "agree", "single"]
    assert [fact.aspect for fact in filter_facts(facts, only="conflicts")] == ["wounded"]
    assert len(filter_facts(facts, min_sources=2)) == 2


def test_bare_vague_claim_allows_anything():
    claim = q("a", None, qualifier="vague")
    assert claim_interval(claim) == (float("-inf"), float("inf"))


def test_fact_names_say_what_is_counted_and_where():
    fact = group_claims([q("a", 3000, place="Borduria")], name_actor=lambda actor: actor + "n")[0]
    assert fact.name == "Atlantisn troops (deployed) in Borduria"
    assert fact.to_dict()["fact"] == fact.name


def toll(source, value, published, low=None, high=None, qualifier="exact", as_of=None, earlier=False):
    claim = q(source, value, low, high, qualifier, unit="people", actor=None, aspect="killed", as_of=as_of)
    return claim.with_fields(published=published, earlier=earlier)


@pytest.mark.parametrize("claims, verdict", [
    ([toll("a", 4000, "2030-02-06"), toll("b", 7000, "2030-02-08")], "changed"),          # the toll rose
    ([toll("a", 7000, "2030-02-06"), toll("b", 4000, "2030-02-08")], "conflict"),         # a lower later toll
    ([toll("a", 4000, "2030-02-06"), toll("b", 7000, "2030-02-06")], "conflict"),         # two tolls on one day
    ([toll("a", 4000, "2030-02-08", as_of="2030-02-06"), toll("b", 7000, "2030-02-07")], "changed"),   # as_of wins
    ([toll("a", 4000, None), toll("b", 7000, "2030-02-07")], "conflict"),                 # a day unknown
    ([toll("a", 2500, "2030-02-06", earlier=True), toll("a", 6100, "2030-02-06")], "changed"),   # "up from 2,500"
    ([toll("a", 6100, "2030-02-06", earlier=True), toll("a", 2500, "2030-02-06")], "conflict"),
    ([toll("a", 4000, "2030-02-06"), toll("b", 4000, "2030-02-09", 3600, 4400, "approximate"),
      toll("c", 9000, "2030-02-10", 9000, None, "at_least")], "changed"),
    ([toll("a", 4000, "2030-02-06"), toll("b", 4100, "2030-02-08", 3690, 4510, "approximate")], "agree"),
])
def test_cumulative_counts_are_a_series_over_days(claims, verdict):
    facts = group_claims(claims, grouping=Grouping(cumulative=frozenset({"killed"})))
    assert len(facts) == 1
    assert facts[0].verdict == verdict


# claims -> the reasons compare gives its verdict, as its JSON carries them (`why`: how, which claims, which day)
@pytest.mark.parametrize("claims, cumulative, reasons", [
    ([toll("a", 4000, "2030-02-06"), toll("b", 7000, "2030-02-08")], True,      # the toll rose
     [("grew", [0], "2030-02-06"), ("grew", [1], "2030-02-08")]),
    ([toll("a", 7000, "2030-02-06"), toll("b", 4000, "2030-02-08")], True, [("fell", [0, 1], "2030-02-08")]),
    ([toll("a", 4000, "2030-02-06"), toll("b", 7000, "2030-02-06")], True, [("same_day", [0, 1], "2030-02-06")]),
    ([toll("a", 4000, None), toll("b", 7000, "2030-02-07")], True, [("day_unknown", [1, 0], None)]),
    ([toll("a", 2500, "2030-02-06", earlier=True), toll("a", 6100, "2030-02-06")], True,
     [("grew", [0], "2030-02-06"), ("grew", [1], "2030-02-06")]),
    ([q("a", 3000, 2700, 3300, "approximate"), q("b", 10000)], False, [("apart", [0, 1], None)]),
    ([q("a", 1240, as_of="2030-03-31"), q("a", 780, as_of="2030-05-10")], False, [("dated_apart", [0, 1], None)]),
    ([q("a", 10000), q("b", 10000, 9000, 11000, "approximate")], False, []),
])
def test_the_verdict_carries_its_reasons(claims, cumulative, reasons):
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=frozenset({"killed"} if cumulative else ())))
    assert [(r["why"], r["claims"], r["day"]) for r in fact.to_dict()["why"]] == reasons


def test_destroyed_joins_damaged_unless_an_article_gives_both():
    joins = Grouping(joins=(("destroyed", "damaged"),))
    villages = [q("a", 7, unit="villages", actor=None, aspect="destroyed"),
                q("b", 7, unit="villages", actor=None, aspect="damaged")]
    assert [len(fact.claims) for fact in group_claims(villages, grouping=joins)] == [2]
    homes = [q("a", 60, 60, None, "at_least", unit="homes", actor=None, aspect="destroyed"),
             q("a", 150, unit="homes", actor=None, aspect="damaged"),
             q("b", 85, unit="homes", actor=None, aspect="destroyed")]
    facts = {fact.name: sorted(claim.value for claim in fact.claims) for fact in group_claims(homes, grouping=joins)}
    assert facts == {"homes (destroyed)": [60, 85], "homes (damaged)": [150]}


def test_counts_that_are_not_cumulative_keep_the_rule_of_rivals():
    claims = [q("a", 3000).with_fields(published="2030-02-06"), q("b", 10000).with_fields(published="2030-02-08")]
    assert group_claims(claims, grouping=Grouping(cumulative=frozenset({"killed"})))[0].verdict == "conflict"


def test_story_facts_split_by_aspect_actor_and_place():
    claims = [toll("a", 300, "2030-02-06"), toll("b", 320, "2030-02-06"),
              toll("a", 1200, "2030-02-06").with_fields(aspect="wounded"),
              toll("a", 50, "2030-02-06").with_fields(aspect="missing"),
              toll("b", 4000, "2030-02-06").with_fields(aspect="evacuated", place="Szohod"),
              toll("c", 5000, "2030-02-06").with_fields(aspect="evacuated", place="Borduria"),
              q("a", 200000, unit="people", actor=None, aspect="attended"),
              q("b", 5e9, unit="USD", actor="Syldavia", aspect="pledged"),
              q("c", 2e9, unit="USD", actor="Atlantis", aspect="pledged"),
              toll("c", 40, "2030-02-06").with_fields(aspect="arrested")]
    grouping = Grouping(cumulative=frozenset({"killed", "evacuated"}))
    facts = {fact.name: fact for fact in group_claims(claims, contains=inside, grouping=grouping)}
    assert set(facts) == {"people (killed)", "people (wounded)", "people (missing)", "people (evacuated) in Szohod",
                          "people (evacuated) in Borduria", "people (attended)", "Syldavia USD (pledged)",
                          "Atlantis USD (pledged)", "people (arrested)"}
    assert facts["people (killed)"].verdict == "conflict"
    assert facts["people (evacuated) in Szohod"].within == "people (evacuated) in Borduria"


def test_measures_of_the_event_are_one_fact_whatever_the_verb():
    claims = [q("a", 6.4, unit="magnitude", actor=None, aspect="damaged"),
              q("b", 6.2, unit="magnitude", actor=None, aspect="killed")]
    assert len(group_claims(claims, grouping=Grouping(event_measures=frozenset({"magnitude"})))) == 1
    assert len(group_claims(claims)) == 2


def test_figures_of_events_outside_the_rules_pool_by_unit_but_not_generic_units():
    def other(source, value, unit, event):
        return q(source, value, unit=unit, actor=None, aspect=None).with_fields(event=event)
    grouping = Grouping(generic=frozenset({"people"}))
    assert len(group_claims([other("a", 7, "candidates", "standing"), other("b", 8, "candidates", "competing")],
                            grouping=grouping)) == 1
    joined = group_claims([other("a", 7, "engines", "tackling"), q("b", 8, unit="engines", actor=None)],
                          grouping=grouping)
    assert [fact.aspect for fact in joined] == ["deployed"]     # the one known aspect of the unit
    assert len(group_claims([other("a", 2800, "people", "staying"), other("b", 15000, "people", "moved")],
                            grouping=grouping)) == 2


def date(source, text, event, subject=None, value=None):
    return Claim(source=source, published=None, kind="date", text=text, start=0, end=len(text), value=value,
                 low=value, high=value, grain="day", event=event, subject=subject)


def test_dates_of_a_light_verb_compare_by_subject():
    claims = [date("a", "Thursday", "happened", "the blazes", "2030-02-07"),
              date("b", "Thursday night", "took", "the blaze", "2030-02-07")]
    assert len(group_claims(claims, grouping=Grouping(light=frozenset({"happened", "took"})))) == 1
    assert len(group_claims(claims)) == 2


def test_dates_with_no_year_are_placed_in_the_story_year(rules):
    claims = [date("a", "March 3, 2031", "killed", value="2031-03-03"), date("b", "Mar. 3", "killed"),
              date("c", "Feb. 26", "killed"), date("d", "eight days ago", "killed")]
    facts = compare_claims(claims, rules)
    assert len(facts) == 1 and facts[0].verdict == "conflict"
    assert sorted((camp.low, tuple(facts[0].claims[i].source for i in camp.members)) for camp in facts[0].camps) \
        == [("2031-02-26", ("c",)), ("2031-03-03", ("a", "b"))]


@pytest.mark.parametrize("texts, verdict, left_out", [
    # a weekday with no publication date is no day: it neither conflicts with nor agrees with a dated escape
    (["Nov. 30, 2031", "Monday"], "single", 1),
    (["Nov. 30, 2031", "Nov. 30", "Tuesday"], "agree", 1),
    (["Nov. 30, 2031", "Friday", "Sunday"], "single", 2),
])
def test_weekdays_with_no_publication_date_stay_unplaced(rules, texts, verdict, left_out):
    claims = [date(f"s{i}", text, "escaped", value="2031-11-30" if "2031" in text else None)
              for i, text in enumerate(texts)]
    notes = []
    facts = compare_claims(claims, rules, warn=notes.append)
    assert [fact.verdict for fact in facts] == [verdict]
    assert any(note.startswith(f"left out {left_out} date") and "not placed" in note for note in notes)


@pytest.mark.parametrize("figures, verdict", [
    # an earlier value the text revises differs from today's figures: a change, not a rivalry
    ([(65, True), (125, False), (125, False)], "changed"),
    ([(65, True), (125, False)], "changed"),
    # today's figures still disagree among themselves: a conflict
    ([(65, True), (125, False), (140, False)], "conflict"),
    ([(125, False), (140, False)], "conflict"),
])
def test_an_earlier_value_of_a_count_that_is_not_cumulative_is_a_change(figures, verdict):
    claims = [replace(q(f"s{i}", value, unit="seats", aspect=None), earlier=earlier)
              for i, (value, earlier) in enumerate(figures)]
    facts = group_claims(claims)
    assert [fact.verdict for fact in facts] == [verdict]


PAYERS = Grouping(named_actor=frozenset({"paid"}))


def offer(source, value, actor):
    return q(source, value, unit="USD", actor=actor, aspect="paid")


@pytest.mark.parametrize("claims, expected", [
    # a name written shorter is the one longer name that holds all its words
    ([offer("a", 150, "Red Sox"), offer("b", 150, "Boston Red Sox"), offer("c", 150, "Boston")],
     [("Boston Red Sox", 3)]),
    # "Boston" could be either longer name: it stays itself
    ([offer("a", 150, "Boston Red Sox"), offer("b", 150, "Boston Celtics"), offer("c", 150, "Boston")],
     [("Boston", 1), ("Boston Celtics", 1), ("Boston Red Sox", 1)]),
    # one of two payers named together is not both of them: it goes to its own longer name
    ([offer("a", 160, "Hawks and Port Falcons"), offer("b", 160, "Falcons"), offer("c", 160, "Port Falcons")],
     [("Hawks and Port Falcons", 1), ("Port Falcons", 2)]),
    # an unnamed sum beside the sums of several named payers is nobody's in particular: each stays alone
    ([offer("a", 150, "Hawks"), offer("b", 160, "Falcons"), offer("c", 150, None), offer("d", 170, None)],
     [("Falcons", 1), ("Hawks", 1), (None, 1), (None, 1)]),
    # beside one named payer, unnamed sums join it
    ([offer("a", 150, "Hawks"), offer("c", 150, None), offer("d", 150, None)], [("Hawks", 3)]),
    # with no payer named at all, unnamed sums are compared with each other
    ([offer("c", 150, None), offer("d", 150, None)], [(None, 2)]),
])
def test_sums_of_named_payers(claims, expected):
    facts = group_claims(claims, grouping=PAYERS)
    assert sorted(((fact.actor, len(fact.claims)) for fact in facts), key=str) == sorted(expected, key=str)


def test_other_aspects_keep_unnamed_figures_together():
    claims = [q("a", 10, actor="Atlantis"), q("b", 10, actor="Borduria"), q("c", 10, actor=None),
              q("d", 10, actor=None)]
    assert sorted(len(fact.claims) for fact in group_claims(claims, grouping=PAYERS)) == [1, 1, 2]


TOTALS = Grouping(cumulative=frozenset({"captured"}), totals=("a total of", "so far"))


def seized(source, value, sentence):
    return Claim(source=source, published="2030-05-10", kind="quantity", text=f"{value} rifles", start=0, end=1,
                 value=value, low=value, high=value, qualifier="exact", unit="rifles", aspect="captured",
                 sentence=sentence)


@pytest.mark.parametrize("claims, expected", [
    # an article that gives the raid's count and the running total: the totals are a fact of their own
    ([seized("a", 6, "Six rifles were seized in the raid."), seized("a", 14, "A total of 14 rifles were seized."),
      seized("b", 6, "Guards seized six rifles."), seized("b", 14, "They have seized 14 rifles so far.")],
     [("rifles (captured)", "agree", 2), ("rifles (captured) in all", "agree", 2)]),
    # no article gives both: the totals stay rivals of the other figures
    ([seized("a", 6, "Six rifles were seized in the raid."), seized("b", 14, "A total of 14 rifles were seized.")],
     [("rifles (captured)", "conflict", 2)]),
])
def test_running_totals_are_apart_from_the_count_of_one_event(claims, expected):
    facts = group_claims(claims, grouping=TOTALS)
    assert sorted((fact.name, fact.verdict, len(fact.claims)) for fact in facts) == expected


def boats(source, value, text, event):
    return Claim(source=source, published="2030-05-10", kind="quantity", text=text, start=0, end=1, value=value,
                 low=value, high=value, qualifier="exact", unit="boats", event=event)


@pytest.mark.parametrize("claims, expected", [
    # a part of a whole ("two of them") stays with the figures of its own event, not with the whole's
    ([boats("a", 5, "five boats", "spotted"), boats("a", 2, "two of them", "escaped"),
      boats("b", 5, "five boats", "detected"), boats("b", 2, "two of the boats", "escaped")],
     [("boats", "agree", 2), ("boats (escaped)", "agree", 2)]),
    # figures that are no parts pool by unit whatever their event words outside the rules
    ([boats("a", 5, "five boats", "spotted"), boats("b", 2, "two boats", "escaped")], [("boats", "conflict", 2)]),
])
def test_a_part_of_a_whole_is_kept_with_its_own_event(claims, expected):
    assert sorted((fact.name, fact.verdict, len(fact.claims)) for fact in group_claims(claims)) == expected
