"""A folder of a text file and a saved web page, end to end on the blank pipeline: extract, compare, the cache."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.reading import read_articles

PAGES = Path(__file__).parent / "data" / "html"
VALLEY = ("Brenvale evacuates thousands as river floods\n\n"
          "BRENVALE, 14 March 2031 - The regional governor said thousands of people left their homes in Brenvale.\n\n"
          "Two people were missing, the fire service said.\n")


@pytest.fixture
def story(tmp_path):
    shutil.copy(PAGES / "wire-story.html", tmp_path / "calder.html")
    shutil.copy(PAGES / "index-page.html", tmp_path / "world.htm")
    (tmp_path / "valley.txt").write_text(VALLEY, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, [*args, "--model", "blank", "--format", "jsonl"])


def test_extract_reads_text_files_and_web_pages_side_by_side(story):
    result = run("extract", str(story))
    assert result.exit_code == 4, result.output          # the index page was skipped, and said so
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["source"] for c in claims} == {"calder.html", "valley.txt"}
    page = [c for c in claims if c["source"] == "calder.html"]
    assert {c["published"] for c in page} == {"2031-03-14"}
    assert ("About 4,000 people", 4000) in [(c["text"], c["value"]) for c in page]
    texts = {a.id: a.text for a in read_articles([str(story)], lambda message: None)}
    for claim in claims:                                   # offsets count in the text extracted from the page
        assert texts[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
    assert f"skipped {story / 'world.htm'}: no article text found in the page" in result.stderr
    assert "read 2 articles, skipped 1 (see above)" in result.stderr.splitlines()[-1]


def test_compare_groups_a_figure_across_a_text_file_and_a_web_page(story):
    result = run("compare", str(story))
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    missing = next(f for f in facts if f["fact"] == "people (missing)")
    assert missing["verdict"] == "agree"
    assert sorted((c["source"], c["value"]) for c in missing["claims"]) == [("calder.html", 2), ("valley.txt", 2)]


def test_a_warm_run_over_web_pages_prints_the_same_bytes(story, cold_cache):
    def entries():                                        # the claims' entries, not the pages' (in pages/)
        return sorted(path.name for path in cold_cache.glob("??/*.json"))

    cold = run("extract", str(story))
    cached = entries()
    assert len(cached) == 2                               # one entry an article: the page's keyed by its text
    warm = run("extract", str(story))
    assert cold.stdout and warm.stdout == cold.stdout and entries() == cached
    changed = (story / "calder.html").read_text().replace("two people were missing", "three people were missing")
    (story / "calder.html").write_text(changed)          # a new page text is a new key: never the stale claims
    again = run("extract", str(story))
    assert "three people" in again.stdout and "two people" not in again.stdout
    assert len(entries()) == 3
    (story / "calder.html").write_text(changed.replace(">Sport<", ">Sports<"))    # the menu is not the article
    assert run("extract", str(story)).stdout == again.stdout and len(entries()) == 3


def test_a_warm_run_over_web_pages_reads_no_page_again(story, cold_cache, monkeypatch):
    import troopclaims.reading.pages as pages

    read = []
    real = pages.read_page
    monkeypatch.setattr(pages, "read_page", lambda markup: read.append(markup) or real(markup))
    cold = run("extract", str(story))
    assert len(read) == 2 and len(list(cold_cache.glob("pages/*/*.json"))) == 2    # the article and the index
    warm = run("extract", str(story))
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert len(read) == 2                                              # trafilatura was not run again
    assert "no article text found in the page" in warm.stderr         # the index page is still named as skipped


def test_a_corrupt_page_entry_is_named_and_read_again(story, cold_cache):
    cold = run("extract", str(story))
    for entry in cold_cache.glob("pages/*/*.json"):
        entry.write_text("{not json", encoding="utf-8")
    warm = run("extract", str(story))
    assert warm.stdout == cold.stdout and warm.stderr.count("is corrupt (JSONDecodeError); ignored") == 2
    assert run("extract", str(story)).stderr == cold.stderr            # written again, whole


def test_a_page_without_metadata_is_dated_by_its_dateline_and_speakers_carry_across_paragraphs(tmp_path):
    shutil.copy(PAGES / "local-no-meta.html", tmp_path / "harrow.html")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'harrow.html'}: no publication date given; using 2031-05-12 from its dateline" in result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["published"] for c in claims} == {"2031-05-12"}
    vehicles = next(c for c in claims if c["text"] == "About 9,000 vehicles")
    assert (vehicles["speaker"], vehicles["cue"]) == ("a council spokesman", "added")   # "he", one paragraph up
