"""Attribution: who says each figure, with which cue, via whom, on what evidence, how sure (own test sentences)."""
from __future__ import annotations

import pytest

from troopclaims.attribution.attribute import attribute, attributions
from troopclaims.errors import RulesError
from troopclaims.attribution.quotes import quotations
from troopclaims.records import Article
from troopclaims.rules import load_rules
from troopclaims.spans import new_claim



def claim_for(nlp, rules, text: str, figure: str, occurrence: int = 0, kind: str = "quantity"):
    """Return the attributed claim for the n-th occurrence of `figure` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(figure, start + 1)
    article = Article("test.txt", text, "2024-10-25")
    doc = nlp(text)
    claim = new_claim(article, doc, start, start + len(figure), kind)
    return attribute(doc, [claim], rules)[0]


def check(claim, expected: dict) -> None:
    got = {key: getattr(claim, key) for key in expected}
    assert got == expected, claim.sentence


DIRECT_QUOTES = [
    ('"About 2,000 marines have reached the coast," Lindqvist wrote on Monday.', "2,000",
     {"speaker": "Lindqvist", "cue": "wrote"}),
    ("“About 2,000 marines have reached the coast,” Lindqvist wrote on Monday.", "2,000",
     {"speaker": "Lindqvist", "cue": "wrote"}),
    ('Karlsson said: "Some 600 engineers are rebuilding the bridge."', "600",
     {"speaker": "Karlsson", "cue": "said"}),
    ("Anna Berg said the talks had ended. She said of the meeting: “We counted 400 lorries near the river.”",
     "400", {"speaker": "Anna Berg", "cue": "said"}),
    ('"The convoy left at dawn. It carried 90 tanks," the governor said.', "90",
     {"speaker": "governor", "cue": "said"}),
    ("“The flood reached the old town,” said Ilse Vogt, the mayor. “More than 300 homes are under water.”", "300",
     {"speaker": "Ilse Vogt", "cue": "said"}),
    ("Mayor Ilse Vogt said:\n\n“The flood reached the old town.\n\n“More than 300 homes are under water.”", "300",
     {"speaker": "Ilse Vogt", "cue": "said"}),
    ("Erik Holm spoke first. “We saw 40 trucks,” he said. “And 15 more came later.”", "15",
     {"speaker": "Erik Holm", "cue": "said"}),
    ("“They told us 300 men would come,” the prisoner said.", "300", {"speaker": "prisoner", "cue": "said"}),
    ("The colonel said: “At least 50 drones crossed the line.\nNobody counted the 12 boats.", "50",
     {"speaker": "colonel", "cue": "said"}),
    ("The colonel said: “At least 50 drones crossed the line.\nNobody counted the 12 boats.", "12",
     {"speaker": None, "cue": None}),
    ("Ruth Adler said nothing. The army spoke later, saying: “We lost 70 vehicles.”", "70",
     {"speaker": "army", "cue": "saying"}),
]


@pytest.mark.parametrize("text, figure, expected", DIRECT_QUOTES)
def test_direct_quotes(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


INDIRECT = [
    ("The ministry said that 1,500 soldiers had crossed the border.", "1,500", {"speaker": "ministry", "cue": "said"}),
    ("General Lee told reporters that 700 vehicles were destroyed.", "700", {"speaker": "Lee", "cue": "told"}),
    ("Some 5,000 refugees crossed the river on Sunday, police said.", "5,000", {"speaker": "police", "cue": "said"}),
    ("About 80 families offered shelter, said Maria Lopez, a spokeswoman for the charity.", "80",
     {"speaker": "Maria Lopez", "cue": "said"}),
    ("It was reported that 200 prisoners escaped.", "200", {"speaker": None, "cue": "reported", "status": "reported"}),
    ("It was confirmed by the health ministry that 300 people died.", "300",
     {"speaker": "health ministry", "cue": "confirmed", "status": "confirmed"}),
    ("Japanese officials have said that they believe 1,200 fishermen are missing.", "1,200",
     {"speaker": "Japanese officials", "cue": "believe"}),
    ("Danish officials have said that they will send a team, as they believe some 900 sailors are stranded.", "900",
     {"speaker": "Danish officials", "cue": "believe"}),
    ("Sources say 600 troops were moved overnight.", "600", {"speaker": "sources", "cue": "say"}),
    ("Officials said 600 troops were moved overnight.", "600", {"speaker": "officials", "cue": "said"}),
    ("Experts suggest that the army now holds only about 300 square kilometres.", "300",
     {"speaker": "experts", "cue": "suggest"}),
    ("In an unverified video, a young sailor claimed to be the last survivor of a 12-man crew.", "12-man",
     {"speaker": "a young sailor", "cue": "claimed", "evidence": "video", "status": "unverified"}),
    ("Holm last week warned that 4,000 troops were coming, and the alliance on Friday confirmed that about 900 "
     "engineers were on their way.", "900", {"speaker": "alliance", "cue": "confirmed"}),
    ("Holm last week warned that 4,000 troops were coming, and the alliance on Friday confirmed that about 900 "
     "engineers were on their way.", "4,000", {"speaker": "Holm", "cue": "warned"}),
    ("Mayor Vogt says her staff told her that 60 bridges are closed.", "60", {"speaker": "Vogt", "cue": "says"}),
    ("About 3,000 troops arrived on Monday.", "3,000", {"speaker": None, "cue": None, "status": None}),
]
VERBS = ["said", "says", "warned", "confirmed", "claimed", "stated", "reported", "announced", "believes",
         "suggests", "estimated", "insisted"]


@pytest.mark.parametrize("text, figure, expected", INDIRECT)
def test_indirect_speech(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("verb", VERBS)
def test_cue_verbs(blank_nlp, rules, verb):
    claim = claim_for(blank_nlp, rules, f"The coast guard {verb} that 3,000 people were rescued.", "3,000")
    check(claim, {"speaker": "coast guard", "cue": verb})


SOURCES = [
    ("According to the coast guard, 80 people were rescued.", "80", {"speaker": "coast guard", "cue": "according to"}),
    ("Eighty boats sank and 80 people were rescued, according to Reuters.", "80",
     {"speaker": "Reuters", "cue": "according to"}),
    ("The newspaper reported, citing two officials, that 90 jets were moved.", "90",
     {"speaker": "two officials", "via": "newspaper", "cue": "reported"}),
    ("Ilse Vogt spoke first. She said 40 ships were seized, as reported by Reuters.", "40",
     {"speaker": "Ilse Vogt", "via": "Reuters"}),
    ("The sailor claims 30 comrades drowned, Maariv reported.", "30",
     {"speaker": "sailor", "via": "Maariv", "cue": "claims"}),
    ("According to intelligence data, 2,000 troops are massing.", "2,000",
     {"speaker": "intelligence data", "cue": "according to", "evidence": "intelligence"}),
    ("Holm reported that 2,000 troops are massing, according to intelligence data.", "2,000",
     {"speaker": "Holm", "cue": "reported", "evidence": "intelligence"}),
    ("The minister said 2,000 troops are massing, as disclosed by intelligence sources.", "2,000",
     {"speaker": "minister", "via": None, "evidence": "intelligence"}),
    ("According to purported intercepts, 900 soldiers were lost.", "900",
     {"evidence": "intercepts", "hedges": ("purported",), "status": "claimed"}),
    ("Satellite images show 40 aircraft at the base, analysts said.", "40",
     {"speaker": "analysts", "evidence": "satellite images"}),
    # an outlet named after "according to" passes the speaker's words on; a person there speaks
    ("Mayor Lena Dahl said 300 homes were lost, according to NBC News.", "300",
     {"speaker": "Lena Dahl", "via": "NBC News", "cue": "said"}),
    ("Mayor Lena Dahl said 300 homes were lost, according to her aide.", "300",
     {"speaker": "her aide", "via": "Lena Dahl", "cue": "according to"}),
]


@pytest.mark.parametrize("text, figure, expected", SOURCES)
def test_source_phrases_relays_and_evidence(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


NAMES = [
    ("President Zelenskyy said 10,000 troops were coming.", "10,000", "Volodymyr Zelensky"),
    ("Volodymyr Zelenskyi said 10,000 troops were coming.", "10,000", "Volodymyr Zelensky"),
    ("The Ukrainian leader warned that 10,000 troops were coming.", "10,000", "Volodymyr Zelensky"),
    ("Washington confirmed that about 3,000 soldiers were training.", "3,000", "United States"),
    ("The U.S. confirmed that about 3,000 soldiers were training.", "3,000", "United States"),
    ("U.S. officials said about 3,000 soldiers were training.", "3,000", "U.S. officials"),
    ("The GUR said 3,000 soldiers were training.", "3,000", "Ukraine's military intelligence (HUR)"),
    ("The Main Intelligence Directorate said 3,000 soldiers were training.", "3,000",
     "Ukraine's military intelligence (HUR)"),
    ("Pal Nagy chaired the talks. He said 300 tanks were ready.", "300", "Pal Nagy"),
    ("Spokesman John Kirby spoke on Monday. Kirby said 300 tanks were ready.", "300", "John Kirby"),
    ("Anna Berg said 20 ships had left. Ilse Vogt said 30 had. She said 300 tanks were ready.", "300", "Ilse Vogt"),
    ("Pal Nagy said the talks ended. He said of his talk with Ilse Vogt: “We need 300 tanks.”", "300", "Pal Nagy"),
    ("In a video, a young sailor said 20 men drowned. The sailor said 300 more were missing.", "300",
     "a young sailor"),
]


@pytest.mark.parametrize("text, figure, speaker", NAMES)
def test_names_titles_aliases_and_pronouns(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


def test_user_speakers_extend_the_defaults(blank_nlp, tmp_path):
    (tmp_path / "speakers.yaml").write_text(
        "speakers:\n  Anna Berg:\n    kind: person\n    aliases: [the defence chief, Berg]\n", encoding="utf-8")
    user_rules = load_rules([tmp_path])
    text = "The defence chief said 500 tanks were ready, and Zelenskyy said 900 were not."
    assert claim_for(blank_nlp, user_rules, text, "500").speaker == "Anna Berg"
    assert claim_for(blank_nlp, user_rules, text, "900").speaker == "Volodymyr Zelensky"


def test_evidence_chain_gives_speaker_and_via(blank_nlp, rules):
    text = ("The SBU said it had intercepted Russian radio messages about the offensive.\n\n"
            "According to these purported intercepts, 300 soldiers were lost.\n\n"
            "Russia reportedly complained about its losses, saying: “Only 40 officers remain.”")
    first = claim_for(blank_nlp, rules, text, "300")
    check(first, {"speaker": "Russian radio messages", "via": "Ukraine's Security Service (SBU)",
                  "evidence": "intercepts", "status": "claimed"})
    second = claim_for(blank_nlp, rules, text, "40")
    check(second, {"speaker": "Russian radio messages", "via": "Ukraine's Security Service (SBU)",
                   "evidence": "intercepts", "status": "reported", "hedges": ("reportedly",)})


HEDGES = [
    ("Officials said 3,000 troops were reportedly killed.", {"hedges": ("reportedly",), "status": "reported"}),
    ("Officials said 3,000 troops were allegedly killed.", {"hedges": ("allegedly",), "status": "claimed"}),
    ("Officials said 3,000 troops were killed, a figure that could not be independently verified.",
     {"hedges": ("could not be independently verified",), "status": "unverified"}),
    ("About 3,000 troops are expected to arrive.", {"hedges": ("are expected to",), "status": "expected",
                                                    "speaker": None}),
    ("Officials said 3,000 troops may arrive.", {"hedges": ("may",), "status": "reported"}),
    ("Officials said 3,000 troops will likely arrive.", {"status": "expected"}),
    ("The ministry confirmed that 3,000 troops arrived.", {"status": "confirmed", "hedges": ()}),
    ("The ministry denied that 3,000 troops arrived.", {"status": "denied"}),
    ("The ministry claimed that 3,000 troops arrived.", {"status": "claimed"}),
    ("The ministry has neither confirmed nor denied that 3,000 troops arrived.",
     {"status": "unverified", "negated": False}),
    ("Officials said the 3,000 troops have not engaged in combat.", {"negated": True}),
    ("The ministry did not confirm that 3,000 troops arrived.", {"negated": True, "status": "unverified"}),
    ("Officials said no more than 3,000 troops arrived.", {"negated": False}),
    ("Officials said 3,000 troops arrived in May.", {"hedges": ()}),
]


@pytest.mark.parametrize("text, expected", HEDGES)
def test_hedges_status_and_negation(blank_nlp, rules, text, expected):
    check(claim_for(blank_nlp, rules, text, "3,000"), expected)


def test_the_date_a_statement_was_made_is_not_what_it_reports(blank_nlp, rules):
    text = "Officials said on Tuesday that 300 troops arrived."
    assert claim_for(blank_nlp, rules, text, "Tuesday", kind="date").speaker is None
    assert claim_for(blank_nlp, rules, text, "300").speaker == "officials"


@pytest.mark.parametrize("text", [
    '" 3,000', "“3,000", "3,000”", '"a"b"c 3,000', "“3,000 ”” “ 3,000", "He said: “3,000", '3,000," he', "\n\n“3,000\n\n“",
    "“At least 3,000,” said.", "3,000 ‘troops’ said “", ", said 3,000",
])
def test_unbalanced_quotes_never_crash(blank_nlp, rules, text):
    claim = claim_for(blank_nlp, rules, text, "3,000")
    assert claim.text == "3,000"
    assert all(q.start < q.end <= len(text) for q in quotations(text))


def test_offsets_of_the_speaker_mention(blank_nlp, rules):
    text = "“We lost 70 vehicles,” Colonel Ruth Adler told the press."
    article = Article("t.txt", text)
    doc = blank_nlp(text)
    claim = new_claim(article, doc, text.index("70"), text.index("70") + 2, "quantity")
    found = attributions(doc, [claim], rules)[0]
    assert text[found.speaker_start:found.speaker_end] == "Colonel Ruth Adler"
    assert (found.speaker, found.cue, found.cue_lemma) == ("Ruth Adler", "told", "tell")


def test_claims_come_back_in_order_with_other_fields_kept(blank_nlp, rules):
    text = "Holm said 40 ships sank. About 90 boats were seen."
    article = Article("t.txt", text)
    doc = blank_nlp(text)
    claims = [new_claim(article, doc, text.index(f), text.index(f) + len(f), "quantity", unit="ships")
              for f in ("90", "40")]
    result = attribute(doc, claims, rules)
    assert [c.text for c in result] == ["90", "40"]
    assert [c.speaker for c in result] == [None, "Holm"]
    assert result[1].unit == "ships"
    assert attribute(doc, [], rules) == []


@pytest.mark.parametrize("name, text, message", [
    ("attribution", "verbs:\n  say: {status: sure}\n", "status 'sure'"),
    ("attribution", "verbs:\n  say: {colour: red}\n", "unknown key 'colour'"),
    ("attribution", "phrases:\n  according to: {role: boss}\n", "role 'boss'"),
    ("hedges", "hedges:\n  maybe: {scope: page}\n", "scope 'page'"),
    ("speakers", "speakers:\n  Anna Berg: {kind: robot}\n", "kind 'robot'"),
    ("speakers", "speakers:\n  Anna Berg: {aliases: Berg}\n", "aliases of 'Anna Berg'"),
])
def test_bad_rules_name_file_and_line(tmp_path, blank_nlp, name, text, message):
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    user_rules = load_rules([tmp_path])
    doc = blank_nlp("Officials said 300 troops arrived.")
    claim = new_claim(Article("t.txt", doc.text), doc, 15, 18, "quantity")
    with pytest.raises(RulesError) as error:
        attribute(doc, [claim], user_rules)
    assert message in str(error.value) and f"{name}.yaml:" in str(error.value)


MODEL = [
    ("The President of Ukraine, Volodymyr Zelensky, reported on Friday via his channel that 3,000 soldiers will "
     "arrive by Sunday, according to intelligence data.", "Sunday",
     {"speaker": "Volodymyr Zelensky", "cue": "reported", "evidence": "intelligence"}),
    ("Holm warned that 4,000 troops were coming, and the alliance confirmed that about 900 engineers were on "
     "their way.", "900", {"speaker": "alliance", "cue": "confirmed"}),
    ("Nagy, who met Holm on Tuesday, said five sites were considered.", "Tuesday", {"speaker": None}),
    ("Nagy, who met Holm on Tuesday, said five sites were considered.", "five", {"speaker": "Nagy"}),
    ("Rubens Ortiz, 34, a farmer who fled the floods, said he left behind 40 cows.", "40",
     {"speaker": "Rubens Ortiz", "cue": "said"}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", MODEL)
def test_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, speaker", [
    ("Storm to reach the coast within days: Met Office\n\nThe storm was moving north.", "Met Office"),
    ("Atlantis to send 2,000 troops north: Lindqvist\n\nThe troops will travel by rail.", "Lindqvist"),
    ("Atlantis will send 2,000 troops north. Lindqvist: none of it is true.", None),
])
def test_a_headline_ending_in_a_name_names_its_speaker(text, speaker, blank_nlp, rules, article):
    from troopclaims.extractors.dates import find_dates
    from troopclaims.extractors.quantities import find_quantities

    doc = blank_nlp(text)
    source = article(text)
    claims = list(find_quantities(doc, source, rules)) + list(find_dates(doc, source, rules))
    first = min(claims, key=lambda claim: claim.start)
    assert attribute(doc, [first], rules)[0].speaker == speaker


@pytest.mark.parametrize("text, figure, speaker", [
    ("The defence ministry said on Friday that\nabout 3,000 troops had arrived.", "about 3,000", "defence ministry"),
    ('The minister said: "We will send more than\n3,000 troops to the border." Officials said 500 officers left.',
     "500 officers", "officials"),
])
def test_hard_wrapped_lines_keep_their_speaker(text, figure, speaker, blank_nlp, rules, article):
    from troopclaims.run.claims import claims_in

    claims = claims_in(blank_nlp(text), article(text), rules)
    (claim,) = [c for c in claims if c.text.replace("\n", " ").startswith(figure)]
    assert claim.speaker == speaker


# --- issue 10: constructions of political news (sentences written for these tests) ---------------------------

NOMINAL = [
    ("Critics mocked Halvorsen's claim that 4,000 people attended the rally.", "4,000",
     {"speaker": "Halvorsen", "cue": "claim"}),
    ("The senator repeated his assertion that the bridge cost $90 million.", "$90 million",
     {"speaker": "senator", "cue": "assertion"}),
    ("Voters read a Daily Ledger report that 300 ballots were missing.", "300",
     {"speaker": "Daily Ledger", "cue": "report"}),
    ("Lindqvist's repeated emphasis that only 2 percent of staff were involved drew anger.", "2 percent",
     {"speaker": "Lindqvist", "cue": "emphasis"}),
    # a noun of saying with no owner names nobody; a plan that is only discussed is nobody's claim
    ("The allegation that 50 officers were bribed was never proved.", "50", {"speaker": None}),
    ("North and South Korea are discussing plans to cut 20 guard posts.", "20", {"speaker": None}),
    # the noun reports its own clause only
    ("His promises to cut taxes notwithstanding, the top 1 percent would gain most.", "1 percent",
     {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", NOMINAL)
def test_nominal_attributions(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


TURNS = [
    ("MORALES: We hired 120 new teachers this year.", "120", {"speaker": "Morales", "cue": ":"}),
    ("Fact Desk: Senator Vale Is Right About 3,000 Lost Jobs", "3,000", {"speaker": "Fact Desk", "cue": ":"}),
    ("UPDATE: The count reached 4,500 by noon.", "4,500", {"speaker": None}),
    ("Tuesday: 40 buses left the depot.", "40", {"speaker": None}),
    ('Ahead of the debate, Lund said the moderator should ask:\n\n"MORALES: Why were 8 schools closed?',
     "8", {"speaker": "Morales", "cue": ":"}),
]


@pytest.mark.parametrize("text, figure, expected", TURNS)
def test_transcript_turns_name_their_speaker(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


MORE_VERBS = [
    ("The auditor pointed out that 12 contracts were never signed.", "12",
     {"speaker": "auditor", "cue": "pointed"}),
    ("At one point 30 protesters blocked the road.", "30", {"speaker": None, "cue": None}),
    ("Mayor Dahl called for hiring 200 more nurses.", "200", {"speaker": "Dahl", "cue": "called"}),
    ("The Gazette has learned that 14 judges were recused, the Gazette has learned.", "14",
     {"speaker": "Gazette", "cue": "learned"}),
    ("The court ruled that 5 of the votes were invalid.", "5", {"speaker": "court", "cue": "ruled"}),
    ("These clerks, Okafor explained earlier in the hearing, earned between $30,000 and $40,000.",
     "between $30,000 and $40,000", {"speaker": "Okafor", "cue": "explained"}),
    ("A Harbor Institute poll shows Vale ahead by 6 points.", "6 points", {"cue": "shows"}),
    ("The film shows 40 dancers on a stage.", "40", {"speaker": None, "cue": None}),
    ("Figures released Monday by the county clerk show 3,400 new voters registered.", "3,400", {"cue": "show"}),
    ("The report was late, and the film shows 40 dancers.", "40", {"speaker": None, "cue": None}),
    ("The union praised Vale, citing her work after the 2011 floods.", "2011", {"speaker": None}),
    ("Vale continually brags about her 11 debates.", "11", {"speaker": "Vale", "cue": "brags"}),
    ("In the latest Ledger poll, Vale leads by 6 points.", "6 points", {"speaker": "latest Ledger poll", "cue": "in"}),
    ("In the Ledger/ABC News poll, conducted in May, Vale led by 5 points.", "5 points",
     {"speaker": "Ledger/ABC News poll", "cue": "in"}),
    ("In the city, 40 buses ran late.", "40", {"speaker": None, "cue": None}),
]


@pytest.mark.parametrize("text, figure, expected", MORE_VERBS)
def test_verbs_of_saying_beyond_said(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    ("Vale plans to visit 3 towns on Sunday, according to a campaign aide.", "3 towns",
     {"speaker": "a campaign aide", "cue": "according to"}),
    ("Critics mocked Halvorsen's claim that 4,000 people attended the rally.", "4,000",
     {"speaker": "Halvorsen", "cue": "claim"}),
    ("The Daily Ledger, which reported that 300 ballots were missing, apologised.", "300",
     {"speaker": "Daily Ledger", "cue": "reported"}),
    ("Mayor Dahl called for cutting the tax rate to 28 percent.", "28 percent", {"speaker": "Dahl", "cue": "called"}),
    ("The mayor called Vale on Monday to discuss 40 new buses.", "40", {"speaker": None}),
])
def test_issue_10_constructions_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


SOURCES_IN_CLAUSES = [
    ("The Daily Ledger, which reported that 300 ballots were missing, apologised.", "300",
     {"speaker": "Daily Ledger", "cue": "reported"}),
    ("Kirby, the council spokesman, said 40 buses had left.", "40", {"speaker": "Kirby", "cue": "said"}),
    ("The President of Latvia, Ilse Vogt, said 40 buses had left.", "40", {"speaker": "Ilse Vogt", "cue": "said"}),
    ("A Homeland Security Department official said 200 agents were deployed.", "200",
     {"speaker": "Homeland Security Department official"}),
    ("The Friends of Latvia group said 500 volunteers had joined.", "500", {"speaker": "Friends of Latvia group"}),
    ("The agency said in a statement that 45 people had been evacuated.", "45", {"speaker": "agency", "cue": "said"}),
    ("Holm told reporters on Friday that 12 ships had docked.", "12", {"speaker": "Holm", "cue": "told"}),
    ("Exit polls showed 55 percent of women backed Vale.", "55 percent", {"speaker": "Exit polls", "cue": "showed"}),
    ("Rep. Ann Vale (R-Ohio) said that 300 jobs would go.", "300", {"speaker": "Ann Vale", "cue": "said"}),
    ("Sen. Ann Vale, D-Ohio, said 300 jobs would go.", "300", {"speaker": "Ann Vale", "cue": "said"}),
    ("Sen. Vale said the bill would cost $4 billion.\n\nHe added that 2,000 jobs would be lost.", "2,000",
     {"speaker": "Vale", "cue": "added"}),
]


@pytest.mark.parametrize("text, figure, expected", SOURCES_IN_CLAUSES)
def test_relative_and_appositive_sources(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", SOURCES_IN_CLAUSES)
def test_relative_and_appositive_sources_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


ALIASES_INSIDE_NAMES = [
    # an alias at the end of another name is not that speaker; a short alias goes to the fuller name used before
    ("The New York Post reports that 40 agents left.", "40", "New York Post"),
    ("The New York Post reports that 40 agents left. The Post has learned that 14 judges were recused.", "14",
     "New York Post"),
    ("The Friends of Syria said 300 aid trucks were waiting.", "300", "Friends of Syria"),
    ("Ukrainian leader Zelensky said 3,000 troops left.", "3,000", "Volodymyr Zelensky"),
]


@pytest.mark.parametrize("text, figure, speaker", [
    # a pronoun goes to the nearest compatible speaker, never to a capitalised word opening a sentence
    ("At the forum, Ortiz called her vote a mistake, but she noted that Vale backed the plan in 2003.", "2003",
     "Ortiz"),
    ("With 50 days to go, Vale spoke. She said 300 staff had joined.", "300", "Vale"),
])
def test_pronouns_skip_words_that_open_a_sentence(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


@pytest.mark.parametrize("text, figure, speaker", ALIASES_INSIDE_NAMES)
def test_aliases_inside_other_names(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker


@pytest.mark.parametrize("text, figure, expected", [
    ("“He closed 40 schools in one year.” ― Julia Ortiz", "40", {"speaker": "Julia Ortiz", "cue": "―"}),
    ("“He closed 40 schools in one year” — and nobody noticed.", "40", {"speaker": None}),
])
def test_a_quotation_signed_with_a_dash(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


ACROSS_PARAGRAPHS = [
    ("“We counted 400 lorries on the bridge.\n\n“And 30 more waited at the border,” Holm said.", "400", 0,
     {"speaker": "Holm", "cue": "said"}),
    ("The senator spoke for an hour.\n\n“We will hire 500 officers,” she said.\n\nShe added that 40 stations "
     "would open.", "40", 0, {"speaker": "senator", "cue": "added"}),
    ("Holm said the convoy was late.\n\nHe added that 30 lorries were stuck, and officials confirmed that 12 "
     "drivers were held.", "12", 0, {"speaker": "officials", "cue": "confirmed"}),
]


@pytest.mark.parametrize("text, figure, occurrence, expected", ACROSS_PARAGRAPHS)
def test_speech_across_paragraphs(blank_nlp, rules, text, figure, occurrence, expected):
    check(claim_for(blank_nlp, rules, text, figure, occurrence), expected)


def test_place_claims_have_speakers_too(blank_nlp, rules, article):
    from troopclaims.run.extract import ALL_KINDS
    from troopclaims.run.claims import claims_in
    text = "The ministry said 300 soldiers had crossed into Latvia."
    claims = claims_in(blank_nlp(text), article(text), rules, ALL_KINDS)
    assert {(c.kind, c.speaker) for c in claims} >= {("quantity", "ministry")}
    assert all(c.speaker == "ministry" for c in claims if c.kind == "place")


# The writer's own "I" and "we" outside quotation marks name no speaker; inside a quotation they are the quoted
# speaker. Words for nobody ("no one can say") are never a speaker, nor what a later "she" points back to.
WRITER_AND_NOBODY = [
    ("Lena Holm ran the audit. I believe 40 schools closed that year.", "40", None),
    ("Lena Holm ran the audit. We estimate that 40 schools closed.", "40", None),
    ("My aunt Lena Holm taught for years, and I think 40 schools closed since.", "40", None),
    ('Lena Holm said: "I counted 40 schools that closed."', "40", "Lena Holm"),
    ("No one can say that 40 schools closed.", "40", None),
    ("Nobody claimed 40 schools closed.", "40", None),
    ("Lena Holm gave the figures. No one disputed them. She said 40 schools closed.", "40", "Lena Holm"),
]


@pytest.mark.parametrize("text, figure, speaker", WRITER_AND_NOBODY)
def test_the_writer_and_nobody_are_no_speaker(blank_nlp, rules, text, figure, speaker):
    assert claim_for(blank_nlp, rules, text, figure).speaker == speaker

