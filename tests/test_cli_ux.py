"""The command line as a user meets it first: text piped in, inputs with nothing to read, rule errors, help."""
import io
import json
import re

import click
import pytest
from click.testing import CliRunner

from troopclaims.stdin import stdin_text
from troopclaims.cli import cli

STORY = ("HARLOW BAY, 3 June 2031 - At least 14 people were killed when the dam above Harlow Bay gave way,\r\n"
         "the coastguard said. About 2,500 residents were evacuated.\r\n")


def run(*args, input=None):
    return CliRunner().invoke(cli, [*args], input=input)


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_plain_text_on_stdin_is_one_article_with_offsets_of_the_text_as_piped():
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", input=STORY.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    claims = jsonl(result.stdout)
    figures = [(c["source"], c["value"], c["unit"]) for c in claims if c["kind"] == "quantity"]
    assert figures == [("stdin", 14, "people"), ("stdin", 2500, "people")]
    assert all(STORY[c["start"]:c["end"]] == c["text"] for c in claims)     # \r\n kept: offsets slice the input
    assert "stdin: not JSON Lines; read as the text of one article" in result.stderr
    assert "not JSON (" not in result.stderr


def test_plain_text_on_stdin_into_compare_is_compared_as_an_article():
    result = run("compare", "-", "--model", "blank", "--format", "jsonl", input=STORY)
    assert result.exit_code == 0, result.stderr
    assert {fact["fact"] for fact in jsonl(result.stdout)} >= {"people (killed)", "people (evacuated)"}


def test_json_lines_on_stdin_are_still_records_even_after_a_byte_order_mark():
    record = json.dumps({"id": "r1", "text": "Some 300 people fled.", "published": "2031-06-03"})
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", input=b"\xef\xbb\xbf\n" + record.encode())
    assert result.exit_code == 0, result.stderr
    assert [(c["source"], c["value"]) for c in jsonl(result.stdout)] == [("r1", 300)]
    assert "not JSON Lines" not in result.stderr


class Pipe(io.RawIOBase):
    """Stdin as a pipe hands it over: one write at a time, whatever the reader asks for."""

    def __init__(self, *writes: bytes):
        self.writes = list(writes)

    def readable(self):
        return True

    def readinto(self, into):
        data = self.writes.pop(0) if self.writes else b""
        into[:len(data)] = data
        return len(data)


@pytest.mark.parametrize("writes, record", [
    # `(echo; sleep 1; cat story.txt) | troopclaims extract -`: the first write holds only a blank line
    ([b"\xef\xbb\xbf", b"\n", b"  \r\n", STORY.encode("utf-8")], {"id": "stdin", "text": "\n  \r\n" + STORY}),
    ([b"\xef", b"\xbb\xbfSome ", b"300 people fled.\n"], {"id": "stdin", "text": "Some 300 people fled.\n"}),
])
def test_text_on_stdin_is_told_from_json_lines_by_its_first_byte_that_is_not_blank(monkeypatch, writes, record):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Pipe(*writes))))
    assert [json.loads(line) for line in stdin_text(lambda message: None)] == [record]


def test_json_lines_on_stdin_after_blank_writes_are_read_whole_with_their_line_numbers(monkeypatch):
    lines = [b"\n", b'{"id": "r1", "text": "Some 300 people fled."}\n', b"\n", b'{"id": "r2", "text": "x"}\n']
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Pipe(*lines))))
    assert stdin_text(lambda message: None).read() == b"".join(lines).decode()


def test_an_empty_folder_is_an_error_that_names_it(tmp_path):
    (tmp_path / ".hidden.txt").write_text("Some 300 people fled.")
    result = run("extract", str(tmp_path), "--model", "blank")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"Error: no article in {tmp_path}: no .txt, .md, .html or .htm file (hidden ones are left out) and no JSON Lines record; "
        "give a folder of articles, files, or JSON Lines")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = run("extract", str(empty), "--model", "blank")
    assert result.exit_code == 1 and result.stderr.splitlines()[-1].startswith(f"Error: no article in {empty}: ")


def test_an_empty_folder_beside_an_empty_stdin_names_both(tmp_path):
    result = run("extract", str(tmp_path), "-", "--model", "blank", input="")
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == (
        f"Error: no article in {tmp_path} and nothing on stdin: no .txt, .md, .html or .htm file (hidden ones are left out) and no "
        "JSON Lines record; give a folder of articles, files, or JSON Lines")


def test_nothing_on_stdin_is_an_error_that_says_what_to_pipe():
    result = run("extract", "-", "--model", "blank", input="\n\n")
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == (
        "Error: nothing on stdin: pipe in JSON Lines of articles, or the text of one article")


def test_when_every_input_is_skipped_the_error_points_at_the_reasons_given(tmp_path):
    (tmp_path / "huge.txt").write_text("Some 300 soldiers arrived. " * 40000, encoding="utf-8")
    result = run("extract", str(tmp_path / "huge.txt"), str(tmp_path / "missing"), "--model", "blank")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(f"skipped {tmp_path / 'huge.txt'}: too long" in line for line in lines)
    assert any("missing: no such file or folder; check the path" in line for line in lines)
    assert lines[-1] == "Error: nothing could be read: all 2 inputs were skipped, for the reasons above"


@pytest.mark.parametrize("given", ["{}", "{}/", "./{}"])
def test_a_rules_error_names_the_command_that_checks_that_folder(tmp_path, given, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "quantities.yaml").write_text("units:\n  goats: [goat\n")
    (tmp_path / "a.txt").write_text("Some 300 goats fled.")
    folder = given.format("my-rules")
    result = run("compare", "a.txt", "--model", "blank", "--rules", folder)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: my-rules/quantities.yaml:3: broken YAML")
    assert result.stderr.rstrip().endswith(f"(`troopclaims rules check {folder}` lists every problem of the folder)")


def _groups(group, path=()):
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _groups(command, (*path, name))


@pytest.mark.parametrize("path", [path for path, _ in _groups(cli)], ids=lambda path: " ".join(path) or "top")
def test_the_list_of_commands_in_help_says_each_in_full(path):
    result = run(*path, "--help")
    commands = result.stdout.split("Commands:\n")[1].split("\n\n")[0].rstrip().splitlines()   # the examples follow
    assert commands and all(re.match(r"  [a-z]+ +[A-Z].*\.$", line) and not line.endswith("...")
                            for line in commands), commands


@pytest.fixture
def story(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY)
    return tmp_path


@pytest.mark.parametrize("command, name, fix", [
    ("compare", "facts.html", "compare writes no HTML page; `troopclaims report` does: troopclaims report ... -o"),
    ("extract", "claims.html", "extract writes no HTML page"),
    ("extract", "claims.md", "extract writes no markdown; name the file .jsonl, .csv, .txt, or give --format"),
    ("compare", "facts.xlsx", "compare writes no spreadsheet workbook; name the file .csv, which Excel"),
])
def test_an_output_file_named_for_a_format_the_command_does_not_write_is_refused_before_any_work(story, command,
                                                                                                 name, fix):
    target = story / name
    result = run(command, str(story / "in"), "--model", "blank", "-o", str(target))
    assert result.exit_code == 2 and fix in result.stderr and not target.exists()
    assert "read 1 article" not in result.stderr


@pytest.mark.parametrize("command", ["extract", "compare"])
def test_a_txt_output_file_gets_the_table(story, command):
    target = story / "out.txt"
    result = run(command, str(story / "in"), "--model", "blank", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert "┏" in target.read_text() and "2,500" in target.read_text()


def test_an_output_file_of_an_unknown_suffix_gets_json_lines_and_a_note_saying_so(story):
    target = story / "facts.out"
    result = run("compare", str(story / "in"), "--model", "blank", "-o", str(target))
    assert result.exit_code == 0 and jsonl(target.read_text())
    assert f"{target}: no format is known by the suffix .out; writing JSON Lines" in result.stderr


def test_rules_check_of_a_good_folder_prints_nothing_on_stdout_and_says_fine_as_the_readme_shows():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(cli, ["rules", "check", str(root / "examples" / "rules")])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"troopclaims: {root / 'examples' / 'rules'}: fine\n"
    assert '"troopclaims: examples/rules: fine" on stderr, exit 0' in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command, name, found", [("extract", "claims.csv", "claims"), ("compare", "facts.md", "shown")])
def test_the_summary_names_the_file_written_as_report_does(story, command, name, found):
    target = story / name
    result = run(command, str(story / "in"), "--model", "blank", "-o", str(target))
    assert result.exit_code == 0 and result.stderr.splitlines()[-1].endswith(f"{found} ({target})")


@pytest.mark.parametrize("given, meant", [(["--only", "conflict"], ["--only", "conflicts"]),
                                          (["--only", "changed"], ["--only", "changes"]),
                                          (["--only", "Agree"], ["--only", "agreements"]),
                                          (["--format", "md"], ["--format", "markdown"])])
def test_a_choice_in_the_other_number_or_its_short_name_is_understood(story, given, meant):
    args = ["compare", str(story / "in"), "--model", "blank", "--no-cache"]
    result, expected = run(*args, *given), run(*args, *meant)
    assert result.exit_code == expected.exit_code == 0 and result.stdout == expected.stdout


def test_a_kind_in_the_plural_is_understood_and_a_wrong_one_still_refused(story):
    args = ["extract", str(story / "in"), "--model", "blank", "--no-cache", "--format", "jsonl"]
    assert run(*args, "--kind", "quantities").stdout == run(*args, "--kind", "quantity").stdout != ""
    wrong = run(*args, "--kind", "money")
    assert wrong.exit_code == 2 and "'money' is not one of 'quantity', 'date'" in wrong.stderr


@pytest.mark.parametrize("name, fmt", [("facts.md", "markdown"), ("facts.csv", "csv"), ("claims.jsonl", "jsonl")])
def test_report_refuses_an_output_file_named_for_another_format_before_any_work(story, name, fmt):
    target = story / name
    result = run("report", str(story / "in"), "--model", "blank", "-o", str(target))
    assert result.exit_code == 2 and not target.exists() and "read 1 article" not in result.stderr
    assert f"{target}: report writes an HTML page, not {fmt}; name the file .html, or write it with " \
           f"`troopclaims compare ... -o {target}`" in " ".join(result.stderr.split())


def test_report_writes_its_page_to_a_file_of_no_known_suffix(story):
    target = story / "page"
    assert run("report", str(story / "in"), "--model", "blank", "-o", str(target)).exit_code == 0
    assert target.read_text().startswith("<!DOCTYPE html>")


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry sinks off Marnholt</title>
<meta property="og:site_name" content="Coastline News">
<meta property="article:published_time" content="2032-02-11T08:00:00Z">
<link rel="canonical" href="https://coastline.example/news/ferry-marnholt"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ferry sinks off Marnholt</h1>
<p>Rescuers pulled 212 passengers from the water overnight, according to the harbour master, Ilse Varnow.</p>
</article><footer>Copyright Coastline News</footer></body></html>
"""


def test_a_web_page_on_stdin_is_read_as_its_article_with_its_date_and_outlet():
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", input=b"\n" + PAGE.encode())
    assert result.exit_code == 0, result.stderr
    [claim] = jsonl(result.stdout)
    assert (claim["source"], claim["published"], claim["text"]) == ("stdin", "2032-02-11", "212 passengers")
    assert "<" not in claim["sentence"] and "Home" not in claim["sentence"]
    assert "stdin: a web page; read as its article" in result.stderr


def test_a_web_page_on_stdin_links_its_source_in_compares_markdown():
    result = run("compare", "-", "--model", "blank", "--format", "markdown", input=PAGE)
    assert result.exit_code == 0, result.stderr
    assert "[stdin](https://coastline.example/news/ferry-marnholt)" in result.stdout


def test_a_web_page_on_stdin_with_no_article_is_said_skipped():
    result = run("extract", "-", "--model", "blank", input="<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert result.exit_code == 1 and result.stdout == ""
    assert "skipped stdin: no article text found in the page" in result.stderr


@pytest.mark.parametrize("opening", [
    '<?xml version="1.0" encoding="utf-8"?>\n',                  # XHTML
    "<!-- saved from the Coastline News site -->\n",
    "\ufeff",                                                     # a byte order mark
    '\ufeff<?xml version="1.0"?>\n<!-- a comment\nof two lines -->\n',
])
def test_a_web_page_on_stdin_is_told_after_an_xml_declaration_a_comment_or_a_byte_order_mark(opening):
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", input=(opening + PAGE).encode())
    assert result.exit_code == 0, result.stderr
    assert [(c["text"], c["published"]) for c in jsonl(result.stdout)] == [("212 passengers", "2032-02-11")]
    assert "stdin: a web page; read as its article" in result.stderr


@pytest.mark.parametrize("data, said", [
    (b"%PDF-1.4\nRescuers pulled 212 passengers\n", "a PDF document, not text; make text of it first "
                                                   "(pdftotext FILE.pdf - | troopclaims extract -)"),
    (b"PK\x03\x04 zipped", "a Word or OpenDocument file, not text; make text of it first "
                          "(pandoc FILE.docx -t plain | troopclaims extract -)"),
    (b"{\\rtf1 Rescuers pulled 212 passengers}", "an RTF document, not text; make text of it first "
                                               "(save it as plain text from its editor, and give that file)"),
])
def test_a_document_on_stdin_is_skipped_with_how_to_pipe_its_text(data, said):
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", input=data)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"skipped stdin: {said}" in result.stderr


TIMED = ("Fire crews reached the Kell warehouse at 3:40 a.m. on Sunday, 2 May 2032, the fire service said.\n"
         "About 40 workers were evacuated.\n")


@pytest.mark.parametrize("kinds, expected", [
    (["--kind", "time"], {"time"}),
    (["--kind", "times", "--kind", "quantity"], {"time", "quantity"}),
    (["--kind", "date"], {"date", "time"}),
])
def test_kind_time_lists_times_of_day_alone_and_kind_date_lists_them_with_the_days(kinds, expected):
    result = run("extract", "-", "--model", "blank", "--format", "jsonl", *kinds, input=TIMED)
    assert result.exit_code == 0, result.stderr
    assert {claim["kind"] for claim in jsonl(result.stdout)} == expected


@pytest.mark.parametrize("head, said", [
    ("Updated 14:05 GMT, 5 May 2031", "using 2031-05-05 from its update stamp (published that day or before)"),
    ("DUNMERE, 4 May 2031 - Officials spoke.\nUpdated 14:05 GMT, 5 May 2031", "using 2031-05-04 from its dateline"),
])
def test_the_note_on_a_date_from_the_first_lines_says_whether_it_is_an_update_stamp(tmp_path, head, said):
    (tmp_path / "a.txt").write_text(f"{head}\n\nAbout 40 people fled the flood in Dunmere, officials said.\n")
    for _ in range(2):          # the second run reads the cache, and says what the first said
        result = run("extract", str(tmp_path), "--model", "blank", "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        assert f"a.txt: no publication date given; {said}\n" in result.stderr


def test_a_format_only_compare_writes_is_refused_by_extract_with_the_command_that_writes_it(story):
    result = run("extract", str(story / "in"), "--model", "blank", "--format", "md")
    assert result.exit_code == 2 and "Markdown is compare's: troopclaims compare ... --format md" in result.stderr
