"""Running extract: the cache, worker processes, the triage of articles and the Dask cluster all give the output
of a plain in-process run, in input order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.run.cache import ClaimCache, Settings
from troopclaims.cli import cli
from troopclaims.records import Article, Claim
from troopclaims.run.runner import CHUNK, RunOptions, run_extract
from troopclaims.reading.articles import ReadReport
from troopclaims.reading.triage import Triage

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def dicts(claims) -> list[dict]:
    return [claim.to_dict() for claim in claims]


def test_the_cache_gives_back_what_was_extracted_and_skips_the_pipeline(rules, tmp_path, monkeypatch, many_articles):
    cache = ClaimCache(tmp_path)
    cold = dicts(run_extract(many_articles(3), rules, "blank", ("quantity", "date"), RunOptions(cache=cache)))
    assert cache.info()[0] == 3
    monkeypatch.setattr("troopclaims.run.runner.Extractor", None)      # a warm run never builds one
    warm = dicts(run_extract(many_articles(3), rules, "blank", ("quantity", "date"), RunOptions(cache=cache)))
    assert warm == cold and cold


def test_a_cached_entry_takes_the_name_of_the_article_it_is_used_for(rules, tmp_path, many_articles):
    cache = ClaimCache(tmp_path)
    (article,) = many_articles(1)
    list(run_extract([article], rules, "blank", ("quantity",), RunOptions(cache=cache)))
    renamed = Article("moved/a000.txt", article.text, article.published)
    claims = list(run_extract([renamed], rules, "blank", ("quantity",), RunOptions(cache=cache)))
    assert claims and {claim.source for claim in claims} == {"moved/a000.txt"}


def test_the_key_changes_with_text_date_rules_model_and_kinds():
    article = Article("a.txt", "300 troops", "2030-01-01")
    base = Settings("r", "m", ("quantity",))
    keys = {base.key(article), base.key(Article("a.txt", "301 troops", "2030-01-01")),
            base.key(Article("a.txt", "300 troops", "2030-01-02")), Settings("r2", "m", ("quantity",)).key(article),
            Settings("r", "m2", ("quantity",)).key(article), Settings("r", "m", ("date",)).key(article),
            Settings("r", "m", ("quantity",), exhaustive=True).key(article)}
    assert len(keys) == 7
    assert base.key(Article("b.txt", "300 troops", "2030-01-01")) == base.key(article)


def test_a_corrupt_entry_is_ignored_with_a_warning_and_replaced(rules, tmp_path, many_articles):
    messages = []
    cache = ClaimCache(tmp_path, warn=messages.append)
    expected = dicts(run_extract(many_articles(1), rules, "blank", ("quantity",), RunOptions(cache=cache)))
    (entry,) = tmp_path.glob("*/*.json")
    entry.write_text('{"key": "' + entry.stem + '", "claims": [{"kind": "quantity"', encoding="utf-8")
    again = dicts(run_extract(many_articles(1), rules, "blank", ("quantity",), RunOptions(cache=cache)))
    assert again == expected
    assert len(messages) == 1 and "is corrupt" in messages[0] and str(entry) in messages[0]
    assert json.loads(entry.read_text(encoding="utf-8"))["claims"] == expected


PAGE = """DUNMERE, Karsovia, 4 May 2027 (Tidewire) - Officials said 300 people left the valley on Monday.

Related: Five things to know about the Vell river

By Friday, about 40 families had returned.
"""


def test_a_warm_run_says_what_the_cold_run_found_of_furniture_and_datelines_without_reading_them(rules, tmp_path,
                                                                                                 monkeypatch):
    def run(notes, report):
        articles = [Article("page.txt", PAGE), Article("dated.txt", PAGE, "2027-05-05")]
        return dicts(run_extract(articles, rules, "blank", ("quantity", "date"), RunOptions(cache=ClaimCache(tmp_path)),
                                 notes.append, report))

    cold_notes, cold_report = [], ReadReport()
    cold = run(cold_notes, cold_report)
    assert cold_notes == ["page.txt: left out page furniture on line 3 (rules/page.yaml)",
                          "page.txt: no publication date given; using 2027-05-04 from its dateline",
                          "dated.txt: left out page furniture on line 3 (rules/page.yaml)"]
    assert {c["published"] for c in cold} == {"2027-05-04", "2027-05-05"} and "Related" not in str(cold)

    def unread(article, rules):
        raise AssertionError(f"{article.id} was read again")
    monkeypatch.setattr("troopclaims.run.runner.prepare", unread)
    warm_notes, warm_report = [], ReadReport()
    assert run(warm_notes, warm_report) == cold
    assert warm_notes == cold_notes and warm_report.furniture == cold_report.furniture == 2


def test_an_entry_whose_furniture_does_not_read_back_is_ignored_with_a_warning(rules, tmp_path, many_articles):
    messages = []
    cache = ClaimCache(tmp_path, warn=messages.append)
    expected = dicts(run_extract(many_articles(1), rules, "blank", ("quantity",), RunOptions(cache=cache)))
    (entry,) = tmp_path.glob("*/*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**data, "article": {"blanked": [[0, "9"]], "dateline": None}}), encoding="utf-8")
    assert dicts(run_extract(many_articles(1), rules, "blank", ("quantity",), RunOptions(cache=cache))) == expected
    assert len(messages) == 1 and "is corrupt" in messages[0]


def test_workers_take_the_triage_of_the_parent(rules, blank_nlp):
    from troopclaims.run.runner import Extractor

    articles = [Article("a.txt", "Rain fell on Dorn."), Article("b.txt", "300 people left Dorn.")]
    extractor = Extractor(rules, nlp=blank_nlp)
    told = extractor.batch(articles, ("quantity",), [True, False])
    assert extractor.triage is None       # told which to parse, it never compiles a triage of its own
    assert [len(outcome.claims) for outcome in told] == [0, 0]
    assert [len(outcome.claims) for outcome in extractor.batch(articles, ("quantity",))] == [0, 1]


def test_a_write_leaves_no_temporary_file(rules, tmp_path):
    cache = ClaimCache(tmp_path)
    cache.put("ab" + "0" * 62, [Claim("a.txt", None, "quantity", "3", 0, 1, 3, 3, 3)])
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["ab" + "0" * 62 + ".json"]


def test_cache_info_and_clear(tmp_path):
    runner = CliRunner()
    env = {"TROOPCLAIMS_CACHE": str(tmp_path)}
    result = runner.invoke(cli, ["extract", str(EXAMPLES), "--model", "blank", "--format", "jsonl"], env=env)
    assert result.exit_code == 0
    info = runner.invoke(cli, ["cache", "info"], env=env)
    assert info.exit_code == 0 and info.output.startswith(f"{tmp_path}\t3 entries\t")
    cleared = runner.invoke(cli, ["cache", "clear"], env=env)
    assert cleared.exit_code == 0 and f"removed 3 cache entries from {tmp_path}" in cleared.output
    assert runner.invoke(cli, ["cache", "info"], env=env).output.startswith(f"{tmp_path}\t0 entries\t")


def test_no_cache_writes_nothing(tmp_path):
    env = {"TROOPCLAIMS_CACHE": str(tmp_path)}
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "--model", "blank", "--no-cache"], env=env)
    assert result.exit_code == 0 and not any(tmp_path.iterdir())


def test_the_triage_keeps_every_article_with_a_number_or_date_word(rules):
    triage = Triage(rules)
    kinds = ("quantity", "date")
    for text in ["Dozens were hurt.", "It happened last week.", "Seven boats sank.", "Talks resume on Tuesday.",
                 "A handful returned.", "Troops left 3 towns.", "They will meet soon."]:
        assert triage.may_hold_claims(text, kinds), text
    assert not triage.may_hold_claims("The minister spoke to reporters about the talks.", kinds)
    assert triage.may_hold_claims("The minister spoke to reporters about the talks.", ("quantity", "place"))


@pytest.mark.parametrize("text, kinds", [("The crews will be home by Christmas.", ("date",)),
                                         ("Tarrow built the hall in the Fifties.", ("date",)),
                                         ("The ferry left at 7:40.", ("date",)),
                                         ("Scores of farmers marched.", ("quantity",))])
def test_the_triage_keeps_what_the_extractors_find(rules, text, kinds):
    from troopclaims.run.claims import claims_in
    from troopclaims.pipeline import load_pipeline

    article = Article("a.txt", text, "2031-03-04")
    assert claims_in(load_pipeline("blank")(text), article, rules, kinds), text       # a claim is there ...
    assert Triage(rules).may_hold_claims(text, kinds)                                  # ... so the triage keeps it


def test_the_triage_passes_over_words_that_only_join_a_date_or_figure_to_others(rules):
    # "with", "from", "after", "people", "most": words of the date and number patterns that start no scan.
    text = "Delegates came with their people from the coast after the vote, and most stayed."
    assert not Triage(rules).may_hold_claims(text, ("quantity", "date"))


@pytest.mark.model
@pytest.mark.parametrize("folder", [CORPUS, EXAMPLES], ids=["corpus", "examples"])
def test_no_claim_is_lost_against_an_exhaustive_run(folder, rules):
    from troopclaims.reading.articles import read_articles
    from troopclaims.pipeline import choose_model

    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    found = {}
    for exhaustive in (False, True):
        texts = list(read_articles([str(folder)], warn=lambda message: None))
        found[exhaustive] = dicts(run_extract(texts, rules, choose_model(), ("quantity", "date"),
                                              RunOptions(exhaustive=exhaustive)))
    assert found[False] == found[True] and found[True]


def test_workers_print_the_bytes_of_one_process_in_input_order(tmp_path, many_articles):
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in many_articles(2 * CHUNK + 5):
        (folder / article.id).write_text(article.text, encoding="utf-8")
    runner = CliRunner()
    outputs = [runner.invoke(cli, ["extract", str(folder), "--model", "blank", "--no-cache", "--format", "jsonl",
                                   "--workers", workers]).stdout for workers in ("1", "2")]
    assert outputs[0] == outputs[1]
    sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
    assert sources == sorted(sources) and len(set(sources)) == 2 * CHUNK + 5


def test_no_progress_bar_unless_stderr_is_a_terminal(monkeypatch):
    from troopclaims.run.runner import _Bar

    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert not _Bar(True).on
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert _Bar(True).on and not _Bar(False).on


@pytest.mark.parametrize("command", [["extract", "--format", "table"], ["compare", "--format", "table"],
                                     ["compare", "--format", "markdown"]])
def test_a_warm_run_prints_what_the_cold_run_printed(command, tmp_path):
    runner = CliRunner()
    args = [command[0], str(EXAMPLES), "--model", "blank", *command[1:]]
    env = {"TROOPCLAIMS_CACHE": str(tmp_path)}
    cold, warm = (runner.invoke(cli, args, env=env) for _ in range(2))
    assert any(tmp_path.iterdir()) and cold.exit_code == warm.exit_code == 0
    assert warm.stdout == cold.stdout and cold.stdout


@pytest.mark.parametrize("triaged", [False, True])
def test_a_task_holds_whole_batches_so_workers_make_the_batches_of_one_process(rules, triaged):
    from troopclaims.run.runner import BATCH_CHARS, CHUNK_BATCHES, _chunks

    def batches(texts):      # as Extractor._parsed cuts them
        cuts, size = 0, 0
        for text in texts:
            if not cuts or size + len(text) > BATCH_CHARS:
                cuts, size = cuts + 1, 0
            size += len(text)
        return cuts

    triage, kinds = Triage(rules), ("quantity", "date")
    lengths = [900, 5200, 3100, 12000, 400, 7000, 2500, 2500, 2500, 6100, 800, 4300] * 4
    # with the triage, every third article holds no figure or date: it is never parsed, so it makes no batch
    articles = [Article(f"b{i:02}.txt", ("Rain fell on Dorn for 3 days. ", "Rain fell on Dorn. ")[i % 3 == 2] * (n // 30))
                for i, n in enumerate(lengths)]

    def parsed(task):
        return [a.text for a in task if not triaged or triage.may_hold_claims(a.text, kinds)]

    tasks = [[item.article for item in chunk]
             for chunk in _chunks(articles, Settings("", "", kinds), None, triage if triaged else None)]
    assert [article for task in tasks for article in task] == articles
    assert all(len(task) <= CHUNK and batches(parsed(task)) <= CHUNK_BATCHES for task in tasks)
    assert sum(batches(parsed(task)) for task in tasks) == batches(parsed(articles))
    assert len(tasks) > len(articles) // CHUNK + 1          # by batches, not by 16 articles


def test_the_cache_counts_and_clears_the_pages_it_read(tmp_path):
    cache = ClaimCache(tmp_path)
    markup = ("<html><head><title>Harbour closes</title></head><body><article><p>The harbour of Tessel closed on "
              "Monday after 3 ships ran aground in the storm, the port authority said in a statement.</p>"
              "</article></body></html>")
    page = cache.read_page(markup)
    assert page is not None and "3 ships" in page.text
    assert cache.read_page(markup) == page and cache.info()[0] == 1
    assert cache.clear() == 1 and cache.info() == (0, 0)
