"""Page furniture (rules/page.yaml): comment sections, "Related:" links, share lines, cookie banners and newsletter
sign-ups are blanked before the pipeline reads the text; sentences of the article never are."""
import json

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.errors import RulesError
from troopclaims.reading.articles import ReadReport, masked_text
from troopclaims.reading.furniture import build_page_rules, furniture_spans, with_furniture
from troopclaims.records import Article
from troopclaims.rules import Rules
from troopclaims.run.extract import extract

PAGE = """Flood toll rises in the Vell valley

The civil protection agency said on Thursday that 27 people had died in the flood in Dunmere.

Related: Five things to know about the Vell river

Read more

Share this article: Facebook | Email

We use cookies to improve your experience on our site. Accept all | Manage preferences

Sign up for our morning newsletter and get the news first.

Comments (3)
Reader2: 27 is way too low, the locals say over 50 died.

Mara_K: my street flooded on Monday, 300 homes at least.
"""


def claims_of(text, rules, blank_nlp, source="page.txt"):
    messages, report = [], ReadReport()
    claims = list(extract([Article(source, text, "2027-05-06")], blank_nlp, rules, ("quantity", "date"),
                          messages.append, report))
    return claims, messages, report


def test_furniture_makes_no_claims_and_comments_put_no_toll_in_conflict(rules, blank_nlp):
    claims, messages, report = claims_of(PAGE, rules, blank_nlp)
    assert [(c.kind, c.text) for c in claims] == [("date", "Thursday"), ("quantity", "27 people")]
    assert report.furniture == 1
    assert messages == ["page.txt: left out page furniture on lines 5, 7, 9, 11, 13, 15-16, 18 (rules/page.yaml)"]
    assert "(page furniture left out of 1)" in report.summary()


def test_blanking_keeps_every_offset_and_line_break(rules):
    article = with_furniture(Article("page.txt", PAGE), furniture_spans(PAGE, rules.lexicon("page")), lambda m: None)
    masked = masked_text(article)
    assert len(masked) == len(PAGE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(PAGE) if c == "\n"]
    assert "27 people had died" in masked and "Reader2" not in masked and "Related" not in masked
    assert masked.rstrip().endswith("in Dunmere.")


@pytest.mark.parametrize("text", [
    'The mayor said: "Comments (3) on this are not what we need. We need 40 pumps."\n',
    "Officials said the related: five deaths were confirmed on Tuesday, police said.\n",
    "Read more about the 40 pumps the city bought on Tuesday in our earlier report.\n",
    "We use cookies, the baker said, and 300 loaves were lost in the flood on Monday.\n",
    "Share this article's concern: the 12 dead were never named, her lawyer said.\n",
])
def test_sentences_of_the_article_are_never_blanked(rules, text):
    assert furniture_spans("The quake struck at dawn, killing at least nine people in the town.\n" + text,
                           rules.lexicon("page")) == ()


def test_a_comment_count_under_the_headline_blanks_only_its_own_line(rules):
    text = "Dam gives way in Harlow Bay\nComments (12)\nAt least 14 people were killed, the coastguard said today.\n"
    spans = furniture_spans(text, rules.lexicon("page"))
    assert [text[a:b] for a, b in spans] == ["Comments (12)"]


def test_a_comment_section_ends_at_its_end_marker(rules):
    text = ("At least 14 people were killed when the dam gave way, the coastguard said.\n"
            "Leave a reply\nTomas: surely more than 30 died.\nHide comments\n"
            "About 2,500 residents were evacuated, the mayor said on Monday.\n")
    spans = furniture_spans(text, rules.lexicon("page"))
    assert [text[a:b] for a, b in spans] == ["Leave a reply", "Tomas: surely more than 30 died.", "Hide comments"]


def test_a_users_rules_add_their_sites_furniture(tmp_path, rules, blank_nlp):
    (tmp_path / "page.yaml").write_text("lines:\n  - 'from our partners:.*'\n", encoding="utf-8")
    mine = Rules([tmp_path])
    text = "About 2,500 residents were evacuated, the mayor said.\nFrom our partners: 40 deals on boots\n"
    assert [c.text for c in claims_of(text, mine, blank_nlp)[0]] == ["About 2,500 residents"]
    assert len(claims_of(text, rules, blank_nlp)[0]) == 2


def test_a_broken_pattern_names_its_file_and_line(tmp_path):
    (tmp_path / "page.yaml").write_text("lines:\n  - 'ok'\n  - 'comments ('\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"page\.yaml:3: 'comments \(' is not a regular expression"):
        Rules([tmp_path]).lexicon("page")


def test_triage_reads_the_masked_text(rules, blank_nlp):
    # Only the comment holds a figure or a date: with it blanked the article may hold none.
    from troopclaims.reading.triage import Triage

    text = "Water rose in the old town, and the river kept rising, people said there.\nComments\nAna: 50 died\n"
    article = with_furniture(Article("a.txt", text), furniture_spans(text, rules.lexicon("page")), lambda m: None)
    assert not Triage(rules).may_hold_claims(masked_text(article), ("quantity", "date"))


def test_the_command_line_says_which_lines_were_left_out(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--model", "blank", "--format", "jsonl",
                                      "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert {json.loads(line)["text"] for line in result.stdout.splitlines()} == {"Thursday", "27 people"}
    assert "page.txt: left out page furniture on lines 5, 7, 9, 11, 13, 15-16, 18 (rules/page.yaml)" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("troopclaims: read 1 article (page furniture left out of 1);")


LIVE = """Live: flood in the Vell valley

13:30 Police said 40 people had died in the flood.

14:05 BST Rescuers pulled 12 survivors from the river, the fire service said.

2.45pm - The mayor, Orla Benn, said about 300 homes were flooded.
"""


def test_a_live_blogs_time_stamps_are_no_part_of_a_speaker_subject_or_figure(rules, blank_nlp):
    claims, messages, _ = claims_of(LIVE, rules, blank_nlp)
    assert [(c.text, c.speaker, c.subject) for c in claims] == [
        ("40 people", "police", "people"), ("12 survivors", "fire service", "survivors"),
        ("about 300 homes", "Orla Benn", "homes")]
    assert messages == ["page.txt: left out the live blog's time stamps on lines 3, 5, 7 (rules/page.yaml)"]
    masked = masked_text(with_furniture(Article("page.txt", LIVE), furniture_spans(LIVE, rules.lexicon("page")),
                                        lambda m: None))
    assert len(masked) == len(LIVE) and "Police said 40" in masked and "13:30" not in masked


@pytest.mark.parametrize("text", [
    "10.30 Euros was the fare, the driver said.\n\nAbout 40 people boarded the bus.\n",     # one line: a sentence
    "1.50 million people fled.\n\n2.25 million were displaced by the flood.\n",            # figures, not times
    "The fire started at 13:30 Police said 40 people died.\n",
])
def test_lines_that_only_look_like_time_stamps_are_kept(rules, text):
    assert furniture_spans(text, rules.lexicon("page")) == ()


# An article that states times: a line that wraps a sentence, and a schedule in the order of the day.
AGENDA = """Council meets on the Vell flood plan

The council of Dunmere will meet at
10:30 a.m. Monday to vote on the plan, the mayor said.
The schedule for the day:
9:00 Doors open to 200 residents.
11:15 Engineers present the 3 options.
2:30 p.m. Vote on the $5 million budget.
"""


def test_the_times_an_article_states_are_kept_as_its_times(rules, blank_nlp):
    claims, messages, report = claims_of(AGENDA, rules, blank_nlp)
    assert [c.text for c in claims if c.kind == "time"] == ["10:30 a.m.", "2:30 p.m."]
    assert messages == [] and report.furniture == 0
    timeline = "Timeline of the quake\n\n06:40 The first tremor shook Orvik.\n07:15 A second one killed 3 people.\n"
    assert furniture_spans(timeline, rules.lexicon("page")) == ()        # one line after another, in time order


@pytest.mark.parametrize("text, stamps", [
    # entries one line after another, newest first: a live blog, stamps with their seconds and zones
    ("Live: Orvik fire\n\n14:05:22 Police said 12 people were rescued.\n13:30:05 The mayor said 300 homes burnt.\n"
     "09:10 BST: Crews reached 40 villagers.\n", ["14:05:22 ", "13:30:05 ", "09:10 BST: "]),
    # stamps on lines of their own above their entries
    ("Live: Orvik fire\n\n14.05 BST\nPolice said 12 people were rescued.\n\n13.30 BST\nThe mayor said 300 homes "
     "burnt.\n\n2.45pm\nCrews reached 40 villagers.\n", ["14.05 BST", "13.30 BST", "2.45pm"]),
])
def test_a_live_blogs_stamps_are_taken_whole(rules, blank_nlp, text, stamps):
    spans = furniture_spans(text, rules.lexicon("page"))
    assert [text[start:end] for start, end in spans] == stamps
    claims, messages, _ = claims_of(text, rules, blank_nlp)
    assert [c.text for c in claims if c.kind == "quantity"] == ["12 people", "300 homes", "40 villagers"]
    assert [c.speaker for c in claims][:2] == ["police", "mayor"]
    assert messages[0].startswith("page.txt: left out the live blog's time stamps on lines ")


def test_figures_on_lines_of_their_own_are_no_stamps(rules):
    text = "Fares in Orvik\n\n12.50\nThe fare to the coast.\n\n10.30\nThe fare to the hills.\n"
    assert furniture_spans(text, rules.lexicon("page")) == ()


def test_the_marks_of_markdown_headings_are_left_out_of_sentences_without_a_note(rules, blank_nlp):
    text = "## Toll rises to 27 in Dunmere\n\nThe agency said 27 people had died. #VellFlood was trending.\n"
    claims, messages, report = claims_of(text, rules, blank_nlp)
    assert [claim.sentence for claim in claims if claim.text == "27"][0] == "Toll rises to 27 in Dunmere"
    assert messages == [] and report.furniture == 0          # markup, not words: nothing to say
    assert furniture_spans(text, rules.lexicon("page")) == ((0, 3),)        # the hashtag stays
