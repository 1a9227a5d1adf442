"""What a user reads in tables, Markdown and the report: rows in time order, the day each figure holds for, why a
series that only grows is in conflict, and claims tables that stay readable on a narrow terminal."""
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.compare.facts import group_claims, Grouping
from troopclaims.output import render
from troopclaims.output.report import build_report, report_sources
from troopclaims.output.why import over_time, why
from troopclaims.records import Claim

CUMULATIVE = frozenset({"killed"})


def toll(source, value, published, speaker=None, as_of=None, low=None, high=None, qualifier="exact"):
    low = value if low is None and qualifier == "exact" else low
    high = value if high is None and qualifier == "exact" else high
    return Claim(source=source, published=published, kind="quantity", text=str(value), start=0, end=1, value=value,
                 low=low, high=high, qualifier=qualifier, unit="people", aspect="killed", event="killed",
                 speaker=speaker, as_of=as_of, sentence=f"The toll rose to {value}.")


@pytest.fixture
def series():
    """A toll that rises over three days, with two rival figures on the third (file names out of date order)."""
    claims = [toll("c-third.txt", 41, "2030-05-06", "hospital officials"),
              toll("c-third.txt", 38, "2030-05-06", "civil protection agency"),
              toll("a-second.txt", 27, "2030-05-05", "interior minister"),
              toll("b-first.txt", 12, "2030-05-04", qualifier="at_least", high=None)]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert fact.verdict == "conflict"
    return fact


def test_only_the_figures_of_one_day_clash_in_a_rising_toll(series):
    pairs = {frozenset((series.claims[i].value, series.claims[j].value)) for reason in series.reasons
             if reason.why in ("same_day", "day_unknown", "fell") for i, j in [reason.claims]}
    assert pairs == {frozenset((41, 38))}          # 12.. then 27 then 41 is a rise, not a conflict
    assert why(series, CUMULATIVE) == ("on 2030-05-06, 41 (hospital officials in c-third.txt) and 38 (civil "
                                       "protection agency in c-third.txt) cannot both be true")
    assert why(series, frozenset()) is None         # not read as a series: its camps say it


def test_a_figure_below_an_earlier_days_is_the_clash_of_a_series():
    claims = [toll("a.txt", 30, "2030-05-04", "police"), toll("b.txt", 25, "2030-05-05", "mayor")]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert why(fact, CUMULATIVE) == ("25 (mayor in b.txt) on 2030-05-05 is below 30 (police in a.txt) on 2030-05-04, "
                                     "and this count only grows")


def test_a_fact_table_reads_in_time_order_with_the_day_a_figure_holds_for_and_why(series):
    out = io.StringIO()
    series.claims.append(toll("d-fourth.txt", 41, "2030-05-07", "hospital officials", as_of="2030-05-06"))
    render.write_facts_table([series], out, width=200, cumulative=CUMULATIVE)
    lines = out.getvalue().splitlines()
    rows = [line.split("│")[2:4] for line in lines if line.startswith("│")]
    assert [source.strip() for source, _ in rows if source.strip()] == ["b-first.txt", "a-second.txt", "c-third.txt",
                                                                        "c-third.txt", "d-fourth.txt"]
    assert [published.strip() for _, published in rows[-2:]] == ["2030-05-07", "(as of 2030-05-06)"]
    assert any(line.startswith("why: on 2030-05-06, 41 (hospital officials in c-third.txt) and 38") for line in lines)


def test_markdown_says_why_too(series):
    out = io.StringIO()
    render.write_facts_markdown([series], out, cumulative=CUMULATIVE)
    text = out.getvalue()
    assert "\nwhy: on 2030-05-06, 41 (hospital officials in c-third.txt) and 38 (civil protection agency" in text
    assert text.index("| b-first.txt |") < text.index("| a-second.txt |") < text.index("| c-third.txt |")


def test_the_report_says_why_in_its_own_words(series):
    page = build_report([series], report_sources(series.claims, {"c-third.txt": {"outlet": "Third Daily"}}),
                        claims=4, cumulative=CUMULATIVE)
    assert ('<p class="why"><b>Why a conflict</b>: on 6 May 2030, 41 people (hospital officials in Third Daily) and '
            '38 people (civil protection agency in Third Daily) cannot both be true</p>') in page


def test_the_command_says_why_a_toll_conflicts(tmp_path):
    texts = {"a.txt": "The death toll rose to 27 people, the ministry said.",
             "b.txt": "The death toll rose to 41 people, the hospital said.",
             "c.txt": "The death toll rose to 38 people, the agency said."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "sources.yaml").write_text("a.txt: {published: 2030-05-05}\nb.txt: {published: 2030-05-06}\n"
                                           "c.txt: {published: 2030-05-06}\n")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "--model", "blank", "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "why: on 2030-05-06, 41 (hospital in b.txt) and 38 (agency in c.txt) cannot both be true" \
        in result.stdout


def test_figures_of_one_day_below_one_earlier_figure_are_said_once():
    claims = [toll("a.txt", 30, "2030-05-04", "police"), toll("b.txt", 25, "2030-05-05", "mayor"),
              toll("c.txt", 26, "2030-05-05", qualifier="approximate", low=23.4, high=28.6)]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert why(fact, CUMULATIVE) == ("25 (mayor in b.txt) and 23.4..28.6 (c.txt) on 2030-05-05 are below 30 (police "
                                     "in a.txt) on 2030-05-04, and this count only grows")


def test_a_narrow_claims_table_wraps_words_not_figures_and_leaves_out_empty_columns():
    claims = [toll("wire/first-report.txt", 12, "2030-05-04", "regional civil protection agency", qualifier="at_least",
                   high=None),
              Claim(source="wire/first-report.txt", published="2030-05-04", kind="date", text="4 May 2030", start=0,
                    end=10, value="2030-05-04", low="2030-05-04", high="2030-05-04", qualifier="exact", grain="day")]
    out = io.StringIO()
    render.write_claims_table(claims, out, width=100)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 100
    header = lines[1]
    assert "place" not in header and "value" not in header       # no claim has a place; the interval says it
    # Too narrow for a column a field: two fields a column, source above kind, text above interval.
    assert [name.strip() for name in header.split("┃")[1:-1]][:2] == ["source, kind", "text, interval"]
    cells = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if line.startswith("│")]
    assert [row[0] for row in cells if row[0] in ("quantity", "date")] == ["quantity", "date"]
    assert "2030-05-04" in [row[1] for row in cells] and "wire/first-report.txt" in [row[0] for row in cells]


def test_a_label_s_colon_is_no_cue_to_show():
    claim = Claim(source="a.txt", published=None, kind="quantity", text="over 50", start=0, end=7, value=50, low=50,
                  qualifier="at_least", unit="people", speaker="Reader2", cue=":")
    assert render.who(claim) == "Reader2"
    assert render.who(Claim(**{**claim.__dict__, "cue": "said"})) == "Reader2 (said)"
    page = build_report(group_claims([claim]), report_sources([claim]), claims=1)
    assert '<span class="cue">:</span>' not in page and '<span class="speaker">Reader2</span>' in page


TOLL = Path(__file__).resolve().parents[1] / "examples" / "toll"


@pytest.mark.parametrize("model", ["blank", pytest.param(None, marks=pytest.mark.model)])
def test_the_toll_example_is_a_series_whose_conflict_is_one_day_and_without_it_a_change(model):
    options = ["--model", model] if model else []
    claims = CliRunner().invoke(cli, ["extract", str(TOLL), "--format", "jsonl", *options]).stdout
    compared = CliRunner().invoke(cli, ["compare", "-", "--format", "jsonl"], input=claims)
    (toll_fact,) = [fact for fact in map(json.loads, compared.stdout.splitlines()) if fact["fact"] == "people (killed)"]
    assert toll_fact["verdict"] == "conflict" and toll_fact["reports"] == 4
    assert [(c["source"], c["value"]) for c in toll_fact["claims"] if c["value"] in (38, 41)] == [
        ("daily.txt", 41), ("daily.txt", 38)]
    table = CliRunner().invoke(cli, ["compare", "-", "--format", "table", "--only", "conflicts"], input=claims)
    assert "why: on 2027-05-06, 41 (Hospital officials in daily.txt) and 38 (" in table.stdout
    without = "".join(line + "\n" for line in claims.splitlines() if json.loads(line)["value"] != 38)
    changed = CliRunner().invoke(cli, ["compare", "-", "--format", "jsonl"], input=without)
    verdicts = {fact["fact"]: fact["verdict"] for fact in map(json.loads, changed.stdout.splitlines())}
    assert verdicts["people (killed)"] == "changed"


def test_a_series_that_changed_says_how_it_moved_day_by_day():
    claims = [toll("c.txt", 41, "2030-05-06", "hospital"), toll("a.txt", 12, "2030-05-04", qualifier="at_least", low=12),
              toll("b.txt", 27, "2030-05-05", "minister"), toll("b2.txt", 27, "2030-05-05"),
              toll("d.txt", 20, None, "agency", qualifier="at_least", low=20)]      # no day: it fits, and is not a step
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert fact.verdict == "changed" and why(fact, CUMULATIVE) is None
    steps = "12.. on 2030-05-04, then 27 on 2030-05-05, then 41 on 2030-05-06"
    assert over_time(fact, CUMULATIVE) == steps and over_time(fact, frozenset()) is None
    table, markdown = io.StringIO(), io.StringIO()
    render.write_facts_table([fact], table, width=200, cumulative=CUMULATIVE)
    render.write_facts_markdown([fact], markdown, cumulative=CUMULATIVE)
    assert f"over time: {steps}" in table.getvalue().splitlines()
    assert f"\nover time: {steps}\n" in markdown.getvalue()
    page = build_report([fact], report_sources(claims), claims=5, cumulative=CUMULATIVE)
    assert ('<p class="why"><b>Over time</b>: 12 or more people on 4 May 2030, then 27 people on 5 May 2030, then '
            '41 people on 6 May 2030</p>') in page


def test_a_place_has_no_unknown_value_in_the_claims_table_and_an_unplaced_date_has():
    place = Claim(source="a.txt", published=None, kind="place", text="Dunmere", start=0, end=7, place="Dunmere")
    day = Claim(source="a.txt", published=None, kind="date", text="Tuesday", start=9, end=16, qualifier="exact")
    out = io.StringIO()
    render.write_claims_table([place, day], out, width=100)
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in out.getvalue().splitlines()
            if line.startswith("│")]
    assert [row[3] for row in rows] == ["", "?"]


def test_markdown_counts_speakers_and_reports_in_words(series):
    out = io.StringIO()
    render.write_facts_markdown([series], out)
    assert out.getvalue().splitlines()[2] == f"{render.verdict_in_words(series)} 4 speakers, 3 reports."


def test_an_earlier_value_the_text_revises_is_before_its_publication_day_not_on_it():
    claims = [replace(toll("a.txt", 12, "2030-05-05"), earlier=True), toll("a.txt", 27, "2030-05-05")]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert fact.verdict == "changed"
    assert over_time(fact, CUMULATIVE) == "12 before 2030-05-05, then 27 on 2030-05-05"
    dated = [replace(claims[0], as_of="2030-05-03"), claims[1]]      # the day it holds for, when the text gives it
    (fact,) = group_claims(dated, grouping=Grouping(cumulative=CUMULATIVE))
    assert over_time(fact, CUMULATIVE) == "12 on 2030-05-03, then 27 on 2030-05-05"


def test_an_earlier_value_above_a_later_one_of_the_same_article_is_a_fall():
    claims = [replace(toll("a.txt", 30, "2030-05-05", "police"), earlier=True), toll("a.txt", 27, "2030-05-05", "mayor")]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert why(fact, CUMULATIVE) == ("27 (mayor in a.txt) on 2030-05-05 is below 30 (police in a.txt) before "
                                     "2030-05-05, and this count only grows")


def test_two_figures_of_no_known_day_are_not_said_to_share_one():
    claims = [toll("a.txt", 30, None, "police"), toll("b.txt", 27, None, "mayor")]
    (fact,) = group_claims(claims, grouping=Grouping(cumulative=CUMULATIVE))
    assert why(fact, CUMULATIVE) == ("30 (police in a.txt) on a day not known and 27 (mayor in b.txt) on a day not "
                                     "known cannot both be true")


def test_markdown_links_a_source_to_its_article_and_lists_each_camp_on_a_line_of_its_own(series):
    out = io.StringIO()
    render.write_facts_markdown([series], out, links={"c-third.txt": "https://third.example/toll?day=6",
                                                      "b-first.txt": "javascript:alert(1)"})
    text = out.getvalue()
    assert "| [c-third.txt](https://third.example/toll?day=6) |" in text     # renders as a link in a chat or a wiki
    assert "| b-first.txt |" in text                                          # only http(s) links are links
    camps = [line for line in text.splitlines() if line.startswith("- camp ")]
    assert len(camps) == len(series.camps) > 1 and camps[0].startswith("- camp 1: ")


def test_compare_in_markdown_links_the_sources_its_manifest_gives(tmp_path):
    from click.testing import CliRunner
    from troopclaims.cli import cli

    (tmp_path / "wire.txt").write_text("Police said 40 people were arrested on Saturday.\n")
    (tmp_path / "daily.txt").write_text("Police said 52 people were arrested on Saturday.\n")
    (tmp_path / "sources.yaml").write_text('wire.txt: {published: 2031-03-15, url: "https://wire.example/a"}\n'
                                           "daily.txt: {published: 2031-03-15}\n")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "--model", "blank", "--format", "markdown",
                                      "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "| [wire.txt](https://wire.example/a) |" in result.stdout and "| daily.txt |" in result.stdout


def _narrow_claims():
    said = dict(kind="quantity", start=0, end=1, qualifier="exact", unit="people", aspect="attended",
                event="took part", published="2031-03-15", cue="said")
    return [Claim(source="channel7-evening.txt", text="about 12,000 people", value=12000, low=10800, high=13200,
                  speaker="Metropolitan Police Service", subject="people", place="Marrowfield", **said),
            Claim(source="tidewire-wire.txt", text="40,000 marchers", value=40000, low=40000, high=40000,
                  speaker="Fair Fares Alliance", subject="marchers", **said)]


@pytest.mark.parametrize("table", ["claims", "facts"])
def test_on_a_narrow_terminal_tables_wrap_words_whole_within_its_width(table):
    claims = _narrow_claims()
    out = io.StringIO()
    if table == "claims":
        render.write_claims_table(claims, out, width=80)
    else:
        render.write_facts_table(group_claims(claims), out, width=80)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    words = re.findall(r"[\w.,:-]+", " ".join(line.replace("│", " ").replace("┃", " ") for line in lines))
    for name in ("channel7-evening.txt", "tidewire-wire.txt", "Metropolitan", "Alliance", "Marrowfield",
                 "12,000", "10,800..13,200"):
        assert name in words, f"{name!r} was cut: {out.getvalue()}"


def test_a_wide_terminal_keeps_a_column_a_field():
    out = io.StringIO()
    render.write_facts_table(group_claims(_narrow_claims()), out, width=200)
    header = [cell.strip() for cell in out.getvalue().splitlines()[2].split("┃")[1:-1]]
    assert header == ["camp", "source", "published", "speaker", "figure", "interval", "status", "event"]


def test_markdown_sentences_come_in_the_rows_order_with_the_claim_in_bold(series):
    claims = [replace(claim, sentence=f"Officials said {claim.text} people had died.") for claim in series.claims]
    fact = replace(series, claims=claims)
    out = io.StringIO()
    render.write_facts_markdown([fact], out, show_sentences=True)
    said = [line for line in out.getvalue().splitlines() if line.startswith("- ") and "Officials" in line]
    rows = [line.split(" | ")[1] for line in out.getvalue().splitlines() if line.startswith("| ") and ".txt" in line]
    assert [line.split(":")[0].removeprefix("- ") for line in said] == rows
    assert said[0].endswith(f"Officials said **{claims[render.by_date(claims)[0]].text}** people had died.")


@pytest.mark.parametrize("sentence, text, bold", [
    ("Crews counted 70 homes lost, then 7 more.", "7", "then **7** more"),
    ("A total of 7,000 fled; 7 died.", "7", "; **7** died"),
    ("Officials said 41 people died.", "41 people", "said **41 people** died"),
])
def test_markdown_bolds_the_claim_as_a_whole_number(sentence, text, bold):
    claim = Claim("a.txt", None, "quantity", text, 0, len(text), sentence=sentence)
    assert bold in render._md_marked(claim)


def test_markdown_heads_a_fact_with_its_name_alone_so_a_wikis_anchor_of_it_is_the_reports(series):
    from troopclaims.output.report import anchors

    out = io.StringIO()
    render.write_facts_markdown([series], out)
    heading = out.getvalue().splitlines()[0]
    assert heading == f"### {series.name}"
    github_slug = re.sub(r"[^\w\- ]", "", heading[4:].lower()).replace(" ", "-")     # as GitHub and GitLab make it
    assert github_slug == anchors([series])[0]


@pytest.mark.parametrize("verdict, kind, words", [
    ("conflict", "quantity", "**Conflict**: these figures cannot all be true."),
    ("changed", "quantity", "**Changed**: the figure moved over time; the articles date the figures apart."),
    ("agree", "date", "**Agree**: every source fits one date."),
    ("single", "quantity", "**Single source**: no other article gives this figure."),
])
def test_markdown_says_each_verdict_in_words(series, verdict, kind, words):
    assert render.verdict_in_words(replace(series, verdict=verdict, kind=kind)) == words


def test_markdown_ends_with_its_sources_outlets_and_dates_and_how_to_read_an_interval(series):
    out = io.StringIO()
    render.write_facts_markdown([series], out, links={"c-third.txt": "https://third.example/toll"},
                                outlets={"c-third.txt": "Third Daily"})
    tail = out.getvalue().split("### Sources\n\n")[1].splitlines()
    cited = sorted({claim.source for claim in series.claims})
    assert [line.split(":")[0] for line in tail[:len(cited)]] == [
        f"- [{name}](https" if name == "c-third.txt" else f"- {name}" for name in cited]
    third = next(line for line in tail if "c-third.txt" in line)
    published = next(claim.published for claim in series.claims if claim.source == "c-third.txt")
    assert third.endswith(f": Third Daily, published {published}")
    assert "what its wording allows" in tail[len(cited) + 1]
