"""The HTML report without a browser: its structure parsed back, escaping, determinism, the command and -o."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.compare.facts import group_claims
from troopclaims.records import Claim
from troopclaims.output.report import build_report, report_sources

README = Path(__file__).resolve().parents[1] / "README.md"
VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">"\'&'


class _TreeBuilder(HTMLParser):
    """Parse HTML into an ElementTree (the page's own markup is well nested: a stray tag is a test failure)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = ET.SubElement(self.stack[-1], tag, {key: value or "" for key, value in attrs})
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse(page: str) -> ET.Element:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def classes(element) -> set[str]:
    return set(element.get("class", "").split())


def find_all(root, tag, css=None):
    return [e for e in root.iter(tag) if css is None or css in classes(e)]


def text_of(element) -> str:
    return "".join(element.itertext())


def claim(source, value, low=None, high=None, qualifier="exact", published="2030-05-10", kind="quantity",
          text=None, sentence="", speaker=None, cue=None, as_of=None, unit="people", aspect="displaced"):
    if qualifier == "exact" and low is None and high is None:
        low = high = value
    return Claim(source=source, published=published, kind=kind, text=text or str(value), start=0, end=1,
                 value=value, low=low, high=high, qualifier=qualifier, unit=unit if kind == "quantity" else None,
                 aspect=aspect, event="evacuated", speaker=speaker, cue=cue, as_of=as_of,
                 sentence=sentence or f"They said {text or value} were evacuated.")


@pytest.fixture
def claims():
    return [
        claim("b.txt", 15000, 15000, None, "at_least", published="2030-05-11", text="more than 15,000 people",
              speaker="Mayor", cue="told"),
        claim("a.txt", 12000, 10800, 13200, "approximate", text="about 12,000 residents", speaker="Board",
              cue="said"),
        claim("c.txt", 12500, 11250, 13750, "approximate", published="2030-05-09"),
        claim("a.txt", 35, unit="injured", aspect="wounded"),
        claim("a.txt", "2030-05-09", kind="date", text="Thursday"),
        claim("c.txt", "2030-05-09", "2030-05-09", None, "at_least", kind="date", text="since Thursday"),
        claim("b.txt", None, None, None, "vague", unit="homes", aspect="cut", text="thousands of homes"),
        claim("b.txt", 40000, unit="homes", aspect="cut", as_of="2030-05-09"),
        claim("b.txt", 9000, unit="homes", aspect="cut", as_of="2030-05-10"),
    ]


def page_of(claims, **options) -> str:
    facts = group_claims(claims)
    return build_report(facts, report_sources(claims, {"a.txt": {"outlet": "Alpha"}}), claims=len(claims),
                        **options)


def test_every_fact_has_a_chart_with_a_strip_per_claim_in_verdict_order(claims):
    root = parse(page_of(claims))
    sections = find_all(root, "section", "fact")
    facts = group_claims(claims)
    assert [s.get("data-verdict") for s in sections] == [f.verdict for f in facts]
    assert sections[0].get("data-verdict") == "conflict"
    for section, fact in zip(sections, facts):
        assert len(find_all(section, "svg", "axis")) == 1
        strips = find_all(section, "svg", "strip")
        assert len(strips) == len(fact.claims)
        assert all(find_all(strip, "g", "mark") for strip in strips)
        assert fact.name in text_of(section.find(".//h2"))


def test_claims_are_ordered_by_publication_date(claims):
    conflict = find_all(parse(page_of(claims)), "section", "fact")[0]
    days = [text_of(row.find("td")).split("as of")[0] for row in find_all(conflict, "tr", "claim")]
    assert days == ["9 May 2030", "10 May 2030", "11 May 2030"]


@pytest.mark.parametrize("low, high, qualifier, value, shape", [
    (3000, 3000, "exact", 3000, "point"),
    (2700, 3300, "approximate", 3000, "bar"),
    (3000, None, "at_least", 3000, "arrow"),
    (None, 3000, "at_most", 3000, "arrow"),
    (None, None, "vague", None, "any"),
])
def test_marks_show_points_bars_and_open_ends(low, high, qualifier, value, shape):
    claims = [claim("a.txt", value, low, high, qualifier), claim("b.txt", 5000)]
    strip = find_all(parse(page_of(claims)), "svg", "strip")
    mark = [s for s in strip if "Alpha" in s.get("aria-label")][0].find(".//g")
    assert [e for e in mark if shape in classes(e)], ET.tostring(mark)


def test_a_changed_fact_says_the_day_each_figure_holds_for(claims):
    changed = [s for s in find_all(parse(page_of(claims)), "section", "fact") if s.get("data-verdict") == "changed"]
    assert len(changed) == 1
    rows = [text_of(row.find("td")) for row in find_all(changed[0], "tr", "claim")]
    assert any("as of 9 May 2030" in row for row in rows) and any("as of 10 May 2030" in row for row in rows)


def test_date_facts_share_one_day_axis(claims):
    dated = [s for s in find_all(parse(page_of(claims)), "section", "fact") if s.get("data-kind") == "date"]
    assert len(dated) == 1
    labels = [text_of(t) for t in find_all(dated[0], "text", "tick-label")]
    assert "9 May" in labels
    assert len(find_all(dated[0], "svg", "strip")) == 2


def test_summary_counts_and_lists_the_articles(claims):
    root = parse(page_of(claims, notes=["left out 2 figures"]))
    stats = {text_of(s.find("dt")): text_of(s.find("dd")) for s in find_all(root, "div", "stat")}
    assert stats["articles"] == "3" and stats["claims found"] == str(len(claims))
    assert stats["conflicts"] == "1" and stats["facts"] == str(len(group_claims(claims)))
    rows = find_all(find_all(root, "table", "articles")[0], "tr")[1:]
    assert [[text_of(td) for td in row] for row in rows][0] == ["9 May 2030", "", "c.txt", "2"]
    assert ["10 May 2030", "Alpha", "a.txt", "3"] in [[text_of(td) for td in row] for row in rows]
    assert "left out 2 figures" in text_of(find_all(root, "section", "notes")[0])


def test_text_from_articles_cannot_inject_markup(claims):
    hostile = claims + [claim("<b>x</b>.txt", 13000, text=HOSTILE, sentence=f"Officials said {HOSTILE} left.",
                              speaker=HOSTILE, cue="</td>")]
    sources = report_sources(hostile, {"<b>x</b>.txt": {"outlet": HOSTILE, "url": "javascript:alert(1)"}})
    page = build_report(group_claims(hostile), sources, claims=len(hostile), title=HOSTILE, notes=[HOSTILE])
    root = parse(page)
    [script] = find_all(root, "script")
    assert "pwned" not in text_of(script)
    assert not find_all(root, "img")
    assert not [e for e in root.iter("b") if text_of(e) == "x"]
    assert not any(key.startswith("on") for element in root.iter() for key in element.attrib)
    assert not any(e.get("href", "").startswith("javascript") for e in root.iter("a"))
    assert text_of(root.find(".//h1")) == HOSTILE          # shown as text, character for character
    assert HOSTILE in [text_of(e) for e in find_all(root, "span", "speaker")]
    assert any(HOSTILE in e.get("title", "") for e in root.iter("tr"))


def test_control_characters_from_articles_are_dropped():
    page = page_of([claim("a.txt", 100, text="100\x1b[31m people\x00"), claim("b.txt", 200)])
    assert "\x1b" not in page and "\x00" not in page


def test_the_page_is_self_contained(claims):
    page = page_of(claims)
    root = parse(page)
    assert not find_all(root, "link") and not find_all(root, "img")
    assert all(not e.get("src") for e in root.iter())
    assert "url(" not in page and "@import" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_same_input_same_bytes(claims):
    assert page_of(claims) == page_of(list(claims))
    assert page_of(claims).encode() == page_of(claims).encode()


def test_an_empty_comparison_still_makes_a_page():
    root = parse(build_report([], [], claims=0))
    assert find_all(root, "p", "empty") and not find_all(root, "section", "fact")


# --- the command -------------------------------------------------------------------------------------------------

ARTICLES = {
    "a.txt": "Officials said about 3,000 Atlantean soldiers were stationed in Borduria.\n",
    "b.txt": "The minister said 10,000 Atlantean soldiers were stationed in Borduria.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "sources.yaml").write_text("a.txt: {published: 2030-05-10, outlet: Daily A}\n"
                                       "b.txt: {published: 2030-05-11, outlet: Weekly B}\n")
    return root


def test_report_writes_the_file_named_by_output(folder, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(folder), "--model", "blank", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"troopclaims: read 2 articles; 1 fact in the report ({out})"
    root = parse(out.read_text(encoding="utf-8"))
    [fact] = find_all(root, "section", "fact")
    assert fact.get("data-verdict") == "conflict"
    assert {text_of(e) for e in find_all(fact, "span", "outlet")} == {"Daily A", "Weekly B"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_report_on_a_terminal_needs_output(folder, monkeypatch):
    monkeypatch.setattr("troopclaims.output.render.stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["report", str(folder), "--model", "blank"])
    assert result.exit_code == 2
    assert "give -o report.html" in result.stderr


def test_report_in_a_pipe_goes_to_stdout_and_is_deterministic(folder):
    runs = [CliRunner().invoke(cli, ["report", str(folder), "--model", "blank", *dash]) for dash in ([], ["-o", "-"])]
    assert all(run.exit_code == 0 for run in runs)
    assert runs[0].stdout.startswith("<!DOCTYPE html>") and runs[0].stdout == runs[1].stdout


def test_report_reads_extracted_claims_from_stdin(folder):
    extracted = CliRunner().invoke(cli, ["extract", str(folder), "--model", "blank", "--format", "jsonl"])
    result = CliRunner().invoke(cli, ["report", "-", "--only", "conflicts"], input=extracted.stdout)
    assert result.exit_code == 0, result.stderr
    root = parse(result.stdout)
    assert [s.get("data-verdict") for s in find_all(root, "section", "fact")] == ["conflict"]
    assert len(find_all(root, "svg", "strip")) == len(extracted.stdout.splitlines()) - sum(
        1 for line in extracted.stdout.splitlines() if json.loads(line)["unit"] is None)


def test_report_help_has_an_example_shown_in_the_readme():
    result = CliRunner().invoke(cli, ["report", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
    example = result.stdout.split("Example:")[1].strip().splitlines()[0].strip()
    assert example in README.read_text(encoding="utf-8")


def test_a_vague_claim_does_not_squeeze_the_figures_into_a_corner():
    claims = [claim("a.txt", 3000), claim("b.txt", 10000),
              claim("c.txt", None, 2000, 99999, "vague", text="thousands of people")]
    [fact] = find_all(parse(page_of(claims)), "section", "fact")
    ticks = [float(text_of(t).replace(",", "")) for t in find_all(fact, "text", "tick-label")]
    assert max(ticks) <= 12000 and len(ticks) >= 3
    vague = [s for s in find_all(fact, "svg", "strip") if "c.txt" in s.get("aria-label")][0]
    assert find_all(vague, "rect", "vague") and len(find_all(vague, "path", "beyond")) == 2


def test_the_timeline_puts_every_date_fact_and_the_publication_days_on_one_axis(claims):
    root = parse(page_of(claims))
    [timeline] = find_all(root, "section", "timeline")
    assert len(find_all(timeline, "svg", "axis")) == 1
    rows = find_all(timeline, "tr", "dated")
    dated = [s for s in find_all(root, "section", "fact") if s.get("data-kind") == "date"]
    assert [row.find(".//a").get("href") for row in rows] == [f"#{s.get('id')}" for s in dated]
    assert len(find_all(rows[0], "g", "mark")) == 2            # both claims of the fact, overlaid
    [published] = find_all(timeline, "tr", "published")
    assert len(find_all(published, "g", "mark")) == 3          # 9, 10 and 11 May


def test_no_timeline_without_dates(claims):
    assert not find_all(parse(page_of([c for c in claims if c.kind != "date"])), "section", "timeline")


def test_the_page_is_the_same_bytes_in_another_process(folder, tmp_path):
    claims = tmp_path / "claims.jsonl"      # claims, not articles: no pipeline to load in each process
    claims.write_text(CliRunner().invoke(cli, ["extract", str(folder), "--model", "blank"]).stdout, encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        done = subprocess.run([sys.executable, "-m", "troopclaims", "report", str(claims), "-o", str(out)],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and b'class="fact conflict"' in outs[0]


def test_an_article_url_is_a_link_only_when_it_is_http(claims):
    sources = report_sources(claims, {"a.txt": {"url": "https://example.org/a"}, "b.txt": {"url": "file:///etc"}})
    root = parse(build_report(group_claims(claims), sources, claims=len(claims)))
    external = [(a.get("href"), text_of(a)) for a in root.iter("a") if not a.get("href", "").startswith("#")]
    # The articles table, then each claim of a.txt (its outlet's name opens the article): never the file:// one.
    assert external[0] == ("https://example.org/a", "a.txt")
    assert {href for href, _ in external} == {"https://example.org/a"}


def test_the_readme_shows_the_screenshot_of_the_examples():
    readme = README.read_text(encoding="utf-8")
    assert "](docs/report.png)" in readme
    assert (README.parent / "docs" / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_filter_that_leaves_nothing_says_so(claims):
    root = parse(build_report([], [], claims=len(claims), all_facts=group_claims(claims)))
    assert text_of(find_all(root, "p", "empty")[0]) == "No fact is left after the filter."


def test_many_camps_colour_the_six_largest_and_count_the_rest():
    claims = [claim(f"s{i}.txt", 1000 * (i + 1)) for i in range(9)] + [claim("t.txt", 9000)]
    [fact] = find_all(parse(page_of(claims)), "section", "fact")
    items = find_all(fact, "li")
    assert len(find_all(fact, "span", "swatch")) == 6
    assert text_of(items[-1]) == "and 3 smaller camps, drawn grey"
    assert "Camp 9: 9,000 people" in text_of(fact)          # the one camp of two claims is among the coloured
    assert all(len(find_all(strip, "rect", "band")) == 6 for strip in find_all(fact, "svg", "strip"))


def test_each_claim_row_is_followed_by_its_sentence_with_the_claim_marked(claims):
    conflict = find_all(parse(page_of(claims)), "section", "fact")[0]
    rows = list(conflict.find(".//tbody"))
    assert [classes(row) & {"claim", "sentence"} for row in rows] == [{"claim"}, {"sentence"}] * 3
    assert [text_of(row.find(".//mark")) for row in rows[1::2]] == [
        "12500", "about 12,000 residents", "more than 15,000 people"]
    assert text_of(rows[3].find(".//p")) == rows[2].get("title") == "They said about 12,000 residents were evacuated."


@pytest.mark.parametrize("first, last, labels", [
    ("2024-10-25", "2024-10-29", ["25 Oct", "26 Oct", "27 Oct", "28 Oct"]),
    ("2024-10-01", "2024-10-30", ["1 Oct", "6 Oct", "11 Oct", "16 Oct", "21 Oct", "26 Oct"]),
    ("2019-12-29", "2020-01-03", ["29 Dec", "30 Dec", "31 Dec", "1 Jan 2020", "2 Jan"]),   # the new year named
    ("2024-01-10", "2024-09-20", ["Feb 2024", "Apr", "Jun", "Aug"]),
    ("1979-03-01", "2007-06-01", ["1980", "1985", "1990", "1995", "2000", "2005"]),
    ("0001-01-05", "9999-12-01", ["2000", "4000", "6000", "8000"]),
])
def test_date_axes_pick_days_months_or_years_by_the_span(first, last, labels):
    from datetime import date
    from troopclaims.output.charts import _date_ticks
    ordinal = lambda iso: float(date.fromisoformat(iso).toordinal())
    assert [label for _, label in _date_ticks(ordinal(first), ordinal(last))] == labels


def test_a_bare_year_or_month_spans_its_days():
    from troopclaims.output.charts import claim_span
    from datetime import date
    year = claim_span(claim("a.txt", "2024", kind="date"))
    month = claim_span(claim("a.txt", "2024-02", kind="date"))
    assert (year.low, year.high) == (date(2024, 1, 1).toordinal(), date(2025, 1, 1).toordinal())
    assert (month.low, month.high) == (date(2024, 2, 1).toordinal(), date(2024, 3, 1).toordinal())


def test_any_mix_of_figures_and_dates_makes_a_well_formed_page():
    """Seeded random claims: huge and tiny figures, open ends, bare years and months from year 1 to 9999."""
    import random
    from datetime import date
    chance = random.Random(13)
    for _ in range(150):
        claims = []
        for n in range(chance.randint(1, 8)):
            source = f"s{chance.randint(0, 3)}.txt"
            if chance.random() < 0.5:
                v = chance.choice([0, 1, 0.25, 1e9, chance.uniform(0, 1e5)])
                q = chance.choice(["exact", "approximate", "at_least", "at_most", "vague"])
                low, high = {"exact": (v, v), "approximate": (v * 0.9, v * 1.1), "at_least": (v, None),
                             "at_most": (None, v), "vague": (None, None)}[q]
                claims.append(claim(source, None if q == "vague" else v, low, high, q))
            else:
                day = date(chance.choice([1, 1800, 2024, 9999]), chance.randint(1, 12), chance.randint(1, 28))
                value = chance.choice([day.isoformat(), day.isoformat()[:7], str(day.year)])
                claims.append(claim(source, value, chance.choice([value, None]), chance.choice([value, None]),
                                    chance.choice(["exact", "at_least", "range"]), kind="date"))
        root = parse(page_of(claims))
        assert len(find_all(root, "svg", "strip")) >= len(claims)


def test_each_fact_has_a_link_to_itself_named_for_the_fact_and_the_same_under_a_filter(claims):
    facts = group_claims(claims)
    whole = find_all(parse(page_of(claims)), "section", "fact")
    ids = [section.get("id") for section in whole]
    assert len(set(ids)) == len(ids) and ids[0] == "people-displaced"      # words of the fact's name, not its rank
    for section in whole:
        [link] = find_all(section.find(".//h2"), "a", "permalink")
        assert link.get("href") == f"#{section.get('id')}"
    # A link pasted from the whole report still opens the same fact in a report of conflicts only, and the other
    # way round: the anchor does not move with the facts shown.
    single = [fact for fact in facts if fact.verdict == "single"]
    sources = report_sources(claims)
    filtered = find_all(parse(build_report(single, sources, claims=len(claims), all_facts=facts)), "section", "fact")
    by_name = {text_of(section.find(".//span[@class='name']")): section.get("id") for section in whole}
    assert [section.get("id") for section in filtered] == \
        [by_name[text_of(section.find(".//span[@class='name']"))] for section in filtered]


def test_facts_of_one_name_get_anchors_of_their_own():
    from troopclaims.output.report import anchors

    class Named:
        def __init__(self, name):
            self.name = name

    facts = [Named("people (killed) in Ústí"), Named("people (killed) in Ústí"), Named("«»"), Named("people-killed-in-ústí-2")]
    assert anchors(facts) == ["people-killed-in-ústí", "people-killed-in-ústí-2", "fact", "people-killed-in-ústí-2-2"]


def test_a_time_of_no_day_is_drawn_on_the_day_compare_puts_it_on():
    day = claim("a.txt", "2031-03-15", kind="date", text="Saturday", aspect="attended")
    noon = Claim(source="b.txt", published="2031-03-15", kind="time", text="noon", start=0, end=4, value=720,
                 low=720, high=720, qualifier="exact", event="set off", aspect="attended", sentence="It set off at noon.")
    (fact,) = group_claims([day, noon])
    assert fact.verdict == "agree" and fact.camps[0].low == fact.camps[0].high == "2031-03-15"
    root = parse(build_report([fact], report_sources([day, noon]), claims=2))
    strips = find_all(find_all(root, "section", "fact")[0], "svg", "strip")
    assert len(strips) == 2
    for strip in strips:        # both on the one day: no dashed line that allows any day
        assert not find_all(strip, "line", "any") and find_all(strip, "g", "mark")
    [timeline] = find_all(root, "section", "timeline")
    assert not find_all(timeline, "line", "any")


def test_a_date_years_away_from_the_story_does_not_squeeze_the_timeline():
    claims = [claim("a.txt", "2031-03-15", kind="date", text="Saturday", published="2031-03-15", aspect="attended"),
              claim("b.txt", "2031-03-14", kind="date", text="Friday", published="2031-03-17", aspect="attended"),
              claim("b.txt", "2019", "2019-01-01", None, "at_least", kind="date", text="since 2019",
                    published="2031-03-17", aspect="seen")]
    root = parse(build_report(group_claims(claims), report_sources(claims), claims=3))
    [timeline] = find_all(root, "section", "timeline")
    labels = [text_of(tick) for tick in find_all(timeline, "text", "tick-label")]
    assert labels and not any("2019" in label or "2020" in label for label in labels), labels
    far = [row for row in find_all(timeline, "tr", "dated") if "since 2019" in text_of(row) or "seen" in text_of(row)]
    assert far and find_all(far[0], "path", "beyond")          # it runs off the edge, said by a chevron
    fact = [s for s in find_all(root, "section", "fact") if "seen" in text_of(s.find(".//h2"))][0]
    assert "1 Jan 2019" in [text_of(tick) for tick in find_all(fact, "text", "tick-label")]   # its own chart shows it


def test_a_claim_s_outlet_links_to_its_article_when_the_manifest_gives_an_http_url(claims):
    sources = report_sources(claims, {"a.txt": {"outlet": "Alpha", "url": "https://alpha.example/flood"},
                                      "b.txt": {"outlet": "Beta", "url": "javascript:alert(1)"}})
    root = parse(build_report(group_claims(claims), sources, claims=len(claims)))
    rows = [row for section in find_all(root, "section", "fact") for row in find_all(section, "tr", "claim")]
    cells = [row.find("td[@class='source']") for row in rows]
    alpha = [cell for cell in cells if "Alpha" in text_of(cell)]
    beta = [cell for cell in cells if "Beta" in text_of(cell)]
    assert alpha and all(cell.find("a").get("href") == "https://alpha.example/flood" for cell in alpha)
    assert beta and all(cell.find("a") is None for cell in beta)


def test_each_fact_says_its_verdict_in_words_under_its_name(claims):
    root = parse(page_of(claims))
    words = {section.get("data-verdict"): text_of(find_all(section, "p", "verdict-words")[0])
             for section in find_all(root, "section", "fact")}
    assert words["conflict"] == "These figures cannot all be true."
    assert set(words) - {"conflict"} and all(text.endswith(".") and text[0].isupper() for text in words.values())
