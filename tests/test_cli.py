"""The command line end to end on the blank pipeline: formats, stdin, bad input, exit codes, help."""
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from troopclaims.output import render
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
    monkeypatch.setattr(render, "stdout_is_terminal", lambda: True)
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
    assert "no such file or folder" in result.stderr and "Error: nothing could be read: the one input was skipped" in result.stderr
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
                         "why", "speakers", "reports", "independent", "claims"}
    assert [(reason["why"], reason["claims"]) for reason in fact["why"]] == [("apart", [0, 1])]


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
    assert f"skipped {folder / 'huge.txt'}: too long (1,080,000 characters" in result.stderr   # the path as given


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


# --- everyday edges: notes, exit codes, --output, Ctrl-C, closed pipes, help, completion -----------------------

def test_a_broken_jsonl_line_among_good_ones_is_skipped_named_and_exits_4():
    good = [json.dumps({"id": f"r{n}", "text": f"Some {n},000 marines landed."}) for n in (1, 2)]
    result = run("extract", "-", "--model", "blank", "--format", "jsonl",
                 input=f"{good[0]}\n{{not json\n{good[1]}\n")
    assert result.exit_code == ExitCode.SKIPPED == 4
    assert [claim["source"] for claim in jsonl(result.stdout)] == ["r1", "r2"]
    assert "skipped <stdin>:2: not JSON" in result.stderr
    assert result.stderr.splitlines()[-1] == "troopclaims: read 2 articles, skipped 1 (see above); 2 claims"


def test_a_broken_claims_line_into_compare_exits_4(folder):
    claims = run("extract", str(folder), "--model", "blank", "--format", "jsonl").stdout
    result = run("compare", "-", "--format", "jsonl", input=claims + "[1, 2]\n")
    assert result.exit_code == ExitCode.SKIPPED and len(jsonl(result.stdout)) == 1
    assert "skipped <stdin>:3: not a claim" in result.stderr


def test_fail_on_conflict_wins_over_skipped(folder):
    (folder / "broken.txt").write_bytes(b"\x00binary")
    result = run("compare", str(folder), "--model", "blank", "--format", "jsonl", "--fail-on-conflict")
    assert result.exit_code == ExitCode.CONFLICT


@pytest.fixture
def undated(tmp_path):
    """Eight articles with no publication date but a dateline: eight notes of one kind."""
    for n in range(8):
        (tmp_path / f"d{n}.txt").write_text(f"25 October 2024\nAbout {n + 1},000 soldiers arrived.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path


def test_repeated_notes_show_the_first_few_then_a_count(undated):
    result = run("extract", str(undated), "--model", "blank", "--format", "jsonl")
    notes = [line for line in result.stderr.splitlines() if "from its dateline" in line]
    assert notes[:3] == [f"troopclaims: {undated / f'd{n}.txt'}: no publication date given; using 2024-10-25 from its "
                         "dateline"
                         for n in range(3)]
    assert notes[3] == (f'troopclaims: and 5 more like "{undated / "d0.txt"}: no publication date given; using '
                        '2024-10-25 from its dateline" (--verbose lists them all)')
    assert len(notes) == 4 and sum(claim["kind"] == "quantity" for claim in jsonl(result.stdout)) == 8
    assert result.stderr.splitlines()[-1].startswith("troopclaims: read 8 articles, skipped 1")


def test_a_headline_with_a_date_gives_no_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text("Remembering The March 11, 2011 Earthquake\n"
                                    "Officials said on Thursday that 41 people died.\n")
    result = run("extract", str(tmp_path), "--model", "blank", "--format", "jsonl")
    claims = jsonl(result.stdout)
    assert "from its dateline" not in result.stderr
    assert {claim["published"] for claim in claims} == {None}
    assert [claim["value"] for claim in claims if claim["text"] == "Thursday"] == [None]


def test_verbose_lists_every_note_and_quiet_keeps_skips_and_the_summary(undated):
    verbose = run("extract", str(undated), "--model", "blank", "--format", "jsonl", "--verbose")
    assert sum("from its dateline" in line for line in verbose.stderr.splitlines()) == 8
    quiet = run("extract", str(undated), "--model", "blank", "--format", "jsonl", "-q")
    assert quiet.stderr.splitlines() == [f"troopclaims: skipped {undated / 'notes.pdf'}: not a .txt, .md, .html or .htm file"
                                         "; make text of it first (pdftotext 'notes.pdf' 'notes.txt')",
                                         "troopclaims: read 8 articles, skipped 1 (see above); 16 claims"]
    assert quiet.stdout == verbose.stdout and quiet.exit_code == ExitCode.SKIPPED


def test_quiet_and_verbose_together_is_a_usage_error(folder):
    result = run("extract", str(folder), "-q", "-v")
    assert result.exit_code == 2 and "Use just one of --quiet or --verbose" in result.stderr


@pytest.mark.parametrize("command, name, marker", [("extract", "claims.jsonl", '{"source"'),
                                                    ("extract", "claims.csv", "\ufeffsource,published,kind"),
                                                    ("compare", "facts.md", "### "),
                                                    ("compare", "facts.jsonl", '{"fact"')])
def test_output_file_gets_the_format_of_its_suffix_and_stdout_stays_empty(folder, tmp_path_factory, command, name,
                                                                          marker):
    out = tmp_path_factory.mktemp("out") / name
    result = run(command, str(folder), "--model", "blank", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(marker)
    assert [path.name for path in out.parent.iterdir()] == [name]       # no temporary file left behind


def test_an_error_leaves_the_output_file_as_it_was(tmp_path):
    out = tmp_path / "claims.jsonl"
    out.write_text("old\n")
    result = run("extract", str(tmp_path / "missing"), "--model", "blank", "-o", str(out))
    assert result.exit_code == 1 and out.read_text() == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claims.jsonl"]


def test_an_output_folder_that_does_not_exist_is_one_line(folder, tmp_path):
    result = run("extract", str(folder), "--model", "blank", "-o", str(tmp_path / "nowhere" / "x.jsonl"))
    assert result.exit_code == 1 and result.stderr.splitlines()[-1].startswith("Error: ")
    assert "give another output file" in result.stderr


def test_ctrl_c_mid_run_exits_130_and_writes_no_output(folder, tmp_path, monkeypatch):
    def interrupted(records, out):
        out.write("half a line")
        raise KeyboardInterrupt
    monkeypatch.setattr(render, "write_jsonl", interrupted)
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    result = run("extract", str(folder), "--model", "blank", "-o", str(out))
    assert result.exit_code == ExitCode.INTERRUPTED == 130
    assert "Traceback" not in result.stderr and result.stderr.endswith("troopclaims: interrupted\n")
    assert list(out.parent.iterdir()) == []


def _troopclaims(*args):
    return [sys.executable, "-m", "troopclaims", *args]


def test_ctrl_c_on_a_real_process(tmp_path):
    """SIGINT while the command waits on stdin: exit 130, no traceback, no output file, no temporary file."""
    out = tmp_path / "claims.jsonl"
    # As from a shell: Ctrl-C not ignored, whatever an earlier test's worker pool left in this process.
    process = subprocess.Popen(_troopclaims("extract", "-", "--model", "blank", "-o", str(out)),
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    process.stdin.write(json.dumps({"id": "a", "text": "Some 300 marines landed."}) + "\n")
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".claims.jsonl.*")) and time.monotonic() < deadline:
        time.sleep(0.05)          # the temporary output file exists: the command is running
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    # 130, or killed by the SIGINT itself where the interpreter ends that way: a shell reports both as 130
    assert process.returncode in (130, -signal.SIGINT), stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_prints_no_traceback(tmp_path):
    """`troopclaims extract ... | head -1` with a real pipe: the reader leaves after one line."""
    lines = [json.dumps({"id": f"r{n}", "text": "Some 300 marines landed. " * 50}) for n in range(400)]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shell = f"{' '.join(_troopclaims('extract', str(tmp_path / 'articles.jsonl'), '--model', 'blank'))} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=300)
    assert json.loads(result.stdout)["source"] == "r0"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode == ExitCode.BROKEN_PIPE


def _commands(group, path=()):
    """Yield (path, command) for every command and subcommand of a click group."""
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


@pytest.mark.parametrize("path", [path for path, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example_that_the_readme_shows(path):
    result = run(*path, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout, f"{' '.join(path)} --help has no Example:"
    examples = [line.strip() for line in result.stdout.split("Example:")[1].strip().splitlines() if line.strip()]
    assert examples[0].startswith(f"troopclaims {' '.join(path)}")
    assert examples[0] in README.read_text(encoding="utf-8")
    assert result.stdout.rstrip().splitlines()[-1].strip() == examples[-1]     # the last lines, after the options


def test_shell_completion_is_clicks_own():
    result = CliRunner().invoke(cli, [], prog_name="troopclaims", env={"_TROOPCLAIMS_COMPLETE": "bash_source"})
    assert "_troopclaims_completion" in result.stdout
    assert "_TROOPCLAIMS_COMPLETE=bash_source troopclaims" in README.read_text(encoding="utf-8")


# --- rules list, show and check -----------------------------------------------------------------------------

def test_rules_list_shows_defaults_then_user_folders_with_counts(tmp_path):
    (tmp_path / "quantities.yaml").write_text("units:\n  sheep: [sheep, ewe, ewes]\n")
    result = run("rules", "list", "--rules", str(tmp_path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("defaults: ") and lines[-2:] == [str(tmp_path),
                                                                "  quantities.yaml   units: 1 entry (3 items)"]
    assert any(line.startswith("  quantities.yaml   units: ") for line in lines[1:-2])


def test_rules_show_prints_the_merged_file(tmp_path):
    import yaml

    (tmp_path / "quantities.yaml").write_text("units:\n  sheep: [sheep, ewes]\n  troops: [legionnaires]\n")
    result = run("rules", "show", "quantities.yaml", "--rules", str(tmp_path))
    units = yaml.safe_load(result.stdout)["units"]
    assert units["sheep"] == ["sheep", "ewes"] and units["troops"][0] == "legionnaires" and "soldiers" in units["troops"]
    assert run("rules", "show", "colours").exit_code == 2


def test_rules_check_reports_every_problem_with_file_line_key_and_fix(tmp_path):
    (tmp_path / "quantities.yaml").write_text("units:\n  troops: legion\n  goats: [goat, 3]\ncolours: [red]\n")
    (tmp_path / "aspects.yaml").write_text("aspects:\n  killed: [die\n")
    (tmp_path / "speakers.yaml").write_text("speakers: 5\n")
    (tmp_path / "colours.yaml").write_text("red: 1\n")
    (tmp_path / "notes.txt").write_text("not a rule file, not read\n")
    result = run("rules", "check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/aspects.yaml:3: broken YAML (expected ',' or ']', but got '<stream end>'); fix the syntax",
        f"{tmp_path}/colours.yaml: unknown rule file; name it one of numbers.yaml, quantities.yaml, dates.yaml, "
        "places.yaml, speakers.yaml, attribution.yaml, hedges.yaml, aspects.yaml, events.yaml, spans_of_time.yaml, "
        "page.yaml",
        f"{tmp_path}/quantities.yaml:2: units.troops: unit 'troops' must be a list of words, e.g. [a, b]",
        f"{tmp_path}/quantities.yaml:3: units.goats: unit 'goats' must hold non-empty words, got 3",
        f"{tmp_path}/quantities.yaml:4: colours: unknown key 'colours'; expected one of count_nouns, distributive, "
        "durations, earlier, ellipsis, ellipsis_before, event_measures, generic, implied, measure_links, measured_apart, measures, members, plurals, present, price_ends, price_rates, pronouns, rates, scopes, size_words, thresholds, time_determiners, totals, units",
        f"{tmp_path}/speakers.yaml:1: speakers: speakers must map a canonical name to its options",
    ]
    assert result.stderr == f"troopclaims: {tmp_path}: 6 problems\n"


def test_rules_check_of_a_good_folder_and_of_no_folder(tmp_path):
    (tmp_path / "quantities.yaml").write_text("units:\n  sheep: [sheep, ewes]\n")
    good = run("rules", "check", str(tmp_path))
    assert good.exit_code == 0 and good.stdout == ""
    missing = run("rules", "check", str(tmp_path / "nowhere"))
    assert missing.exit_code == 1 and "rules folder not found" in missing.stdout


def test_json_lines_keep_unicode_line_separators_inside_one_line():
    import io
    import json

    from troopclaims.output.render import write_jsonl
    out = io.StringIO()
    write_jsonl([{"text": "a\x85b\u2028c\u2029d é"}], out)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line) == {"text": "a\x85b\u2028c\u2029d é"} and "é" in line
