"""The command line end to end on the blank pipeline: formats, stdin, bad input, exit codes, help."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims import cli as cli_module
from troopclaims.cli import cli
from troopclaims.errors import ExitCode
from troopclaims.records import FIELD_NAMES

README = Path(__file__).resolve().parents[1] / "README.md"

ARTICLES = {
    "a.txt": "Officials said about 3,000 Atlantean soldiers were stationed in Borduria.\n",
    "b.txt": "The minister said 10,000 Atlantean soldiers were stationed in Borduria.\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt: {published: 2030-05-10}\nb.txt: {published: 2030-05-11}\n")
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(cli, [*args], input=input)


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_jsonl_has_every_field_and_offsets_slice_back(folder):
    result = run("extract", str(folder), "--model", "blank", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    claims = jsonl(result.stdout)
    assert [(c["source"], c["value"], c["unit"]) for c in claims] == [("a.txt", 3000, "troops"), ("b.txt", 10000, "troops")]
    assert all(list(c) == list(FIELD_NAMES) for c in claims)
    for claim in claims:
        assert ARTICLES[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
    assert "read 2 articles" in result.stderr


def test_piped_output_is_jsonl_and_a_terminal_gets_a_table(folder, monkeypatch):
    piped = run("extract", str(folder), "--model", "blank")
    assert jsonl(piped.stdout)[0]["kind"] == "quantity"
    monkeypatch.setattr(cli_module.render, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "160")
    table = run("extract", str(folder), "--model", "blank")
    assert "about 3,000" in table.stdout and not table.stdout.lstrip().startswith("{")
    forced = run("extract", str(folder), "--model", "blank", "--format", "jsonl")
    assert forced.stdout.lstrip().startswith("{")


def test_extract_csv(folder):
    result = run("extract", str(folder), "--model", "blank", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(FIELD_NAMES)
    assert len(lines) == 3


def test_stdin_articles_as_jsonl():
    record = {"id": "s1", "text": "Some 2,000 marines landed.", "published": "2030-01-02"}
    result = run("extract", "-", "--model", "blank", input=json.dumps(record) + "\n")
    assert [(c["source"], c["value"], c["published"]) for c in jsonl(result.stdout)] == [("s1", 2000, "2030-01-02")]


def test_a_bad_file_among_good_ones_is_named_and_the_rest_read(folder):
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    result = run("extract", str(folder), "--model", "blank", "--format", "jsonl")
    assert result.exit_code == ExitCode.SKIPPED == 4     # the rest was read: a code of its own, not 0
    assert len(jsonl(result.stdout)) == 2
    assert f"skipped {folder / 'broken.txt'}: looks binary" in result.stderr
    assert "read 2 articles, skipped 1" in result.stderr


def test_no_readable_input_is_an_error(tmp_path):
    result = run("extract", str(tmp_path / "missing"), "--model", "blank")
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr and "Error: no input could be read" in result.stderr
    assert result.stdout == ""


def test_broken_rules_stop_the_run_with_file_and_line(folder, tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    (rules / "quantities.yaml").write_text("units:\n  troops: [a\n")
    result = run("extract", str(folder), "--model", "blank", "--rules", str(rules))
    assert result.exit_code == 1
    assert re.match(rf"Error: {re.escape(str(rules / 'quantities.yaml'))}:\d+: broken YAML", result.stderr)


def test_missing_model_is_one_line_naming_the_fix(folder):
    result = run("extract", str(folder), "--model", "en_core_web_xx_missing")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "pip install" in result.stderr and "--model blank" in result.stderr


def test_bad_published_option(folder):
    result = run("extract", str(folder), "--model", "blank", "--published", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_compare_from_folder_and_from_extracted_claims_agree(folder):
    direct = run("compare", str(folder), "--model", "blank", "--format", "jsonl")
    claims = run("extract", str(folder), "--model", "blank", "--format", "jsonl").stdout
    piped = run("compare", "-", "--format", "jsonl", input=claims)
    assert direct.exit_code == piped.exit_code == 0
    assert jsonl(direct.stdout) == jsonl(piped.stdout)
    (fact,) = jsonl(direct.stdout)
    assert fact["verdict"] == "conflict" and fact["unit"] == "troops" and fact["reports"] == 2
    assert set(fact) == {"fact", "kind", "unit", "actor", "place", "aspect", "within", "verdict", "camps",
                         "speakers", "reports", "claims"}


def test_compare_fail_on_conflict_exits_3(folder):
    assert run("compare", str(folder), "--model", "blank", "--format", "jsonl", "--fail-on-conflict").exit_code == 3
    assert run("compare", str(folder), "--model", "blank", "--format", "jsonl").exit_code == 0


@pytest.mark.parametrize("fmt, marker", [("csv", "fact,verdict,speakers,reports,camp,source"),
                                         ("markdown", "| camp | source |"), ("table", "CONFLICT")])
def test_compare_formats(folder, fmt, marker):
    result = run("compare", str(folder), "--model", "blank", "--format", fmt)
    assert result.exit_code == 0 and marker in result.stdout


def test_compare_filters(folder):
    assert jsonl(run("compare", str(folder), "--model", "blank", "--format", "jsonl", "--only", "agreements").stdout) == []
    assert jsonl(run("compare", str(folder), "--model", "blank", "--format", "jsonl", "--min-sources", "3").stdout) == []


@pytest.mark.parametrize("command", ["extract", "compare"])
def test_every_command_has_help_with_an_example_shown_in_the_readme(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout
    example = result.stdout.split("Example:")[1].strip().splitlines()[0].strip()
    assert example in README.read_text(encoding="utf-8")


def test_readme_documents_every_claim_field():
    readme = README.read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|", readme, re.M)
    names = {name for pair in documented for name in pair if name}
    assert names == set(FIELD_NAMES)


def test_lone_surrogates_in_json_input_do_not_break_the_output():
    result = run("extract", "-", "--model", "blank", "--format", "jsonl",
                 input='{"id": "s\\ud800", "text": "Some \\ud800 2,000 marines landed."}\n')
    assert result.exit_code == 0
    assert [(c["source"], c["value"]) for c in jsonl(result.stdout)] == [("s\ufffd", 2000)]


def test_an_article_longer_than_the_pipeline_takes_is_skipped_and_named(tmp_path, folder):
    (folder / "huge.txt").write_text("Some 300 soldiers arrived. " * 40000, encoding="utf-8")
    result = run("extract", str(folder), "--model", "blank", "--format", "jsonl")
    assert result.exit_code == ExitCode.SKIPPED and len(jsonl(result.stdout)) == 2
    assert "skipped huge.txt: too long (1,080,000 characters" in result.stderr


@pytest.mark.parametrize("name", ["spacy", "./no/such/folder", "en_core_web_sm-3.8.0"])
def test_odd_model_names_are_one_line_errors(folder, name):
    result = run("extract", str(folder), "--model", name)
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "--model blank" in result.stderr


def test_an_empty_pipe_into_compare_is_no_error():
    result = run("compare", "-", "--format", "jsonl", input="")
    assert result.exit_code == 0 and result.stdout == "" and "stdin is empty" in result.stderr


def test_dates_with_no_publication_date_are_not_compared(tmp_path):
    for name, day in (("a.txt", "Monday"), ("b.txt", "Tuesday")):
        (tmp_path / name).write_text(f"The troops arrived on {day}.", encoding="utf-8")
    result = run("compare", str(tmp_path), "--model", "blank", "--format", "jsonl")
    assert [fact["kind"] for fact in jsonl(result.stdout)] == []
    assert "not placed on the calendar" in result.stderr


def test_tables_print_no_control_characters_from_the_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    (tmp_path / "x.txt").write_text("Officials \x1b]0;title\x07said 3,000 [bold]troops[/bold] arrived.\n")
    for command in ("extract", "compare"):
        result = run(command, str(tmp_path), "--model", "blank", "--format", "table", "--published", "2030-01-01")
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
