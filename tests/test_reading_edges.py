"""Reading edges a user walkthrough found: file suffixes in capitals, written publication dates, how stderr names
files."""
import json

from troopclaims.reading.articles import ReadReport, read_articles


def read(paths, **kwargs):
    messages, report = [], ReadReport()
    articles = list(read_articles([str(p) for p in paths], messages.append, report, **kwargs))
    return articles, messages, report


def test_suffixes_in_capitals_are_text_files(tmp_path):
    (tmp_path / "STORY.TXT").write_text("About 40 people marched.", encoding="utf-8")
    (tmp_path / "Note.MD").write_text("Nine boats sank.", encoding="utf-8")
    (tmp_path / "photo.JPG").write_bytes(b"\xff\xd8")
    articles, messages, report = read([tmp_path])
    assert [a.id for a in articles] == ["Note.MD", "STORY.TXT"]
    assert messages == [f"skipped {tmp_path / 'photo.JPG'}: not a .txt, .md, .html or .htm file"]


import pytest

from troopclaims.reading.articles import parse_published


@pytest.mark.parametrize("value, expected", [
    ("4 May 2027", "2027-05-04"), ("May 4, 2027", "2027-05-04"), ("4th May 2027", "2027-05-04"),
    ("Sept. 14, 2027", "2027-09-14"), ("2027-05-04", "2027-05-04"),
])
def test_written_dates_with_a_month_name_are_accepted(value, expected):
    messages = []
    assert parse_published(value, "sources.yaml:2", messages.append) == expected
    assert messages == []


@pytest.mark.parametrize("value, reason", [
    ("03/04/2027", "is ambiguous (day or month first?)"), ("3.4.27", "is ambiguous (day or month first?)"),
    ("25/10/2027", "is not a date"), ("May 2027", "is not a date"), ("yesterday", "is not a date"), ("4 May", "is not a date"),
])
def test_ambiguous_or_partial_dates_are_refused_naming_the_fix(value, reason):
    messages = []
    assert parse_published(value, "sources.yaml:2", messages.append) is None
    assert messages == [f"sources.yaml:2: published {value!r} {reason}; write it as YYYY-MM-DD (treated as unknown)"]


def test_a_manifest_date_in_words_dates_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Nine boats sank on Monday.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt: {published: 4 May 2027}\n", encoding="utf-8")
    articles, messages, _ = read([tmp_path])
    assert [a.published for a in articles] == ["2027-05-04"] and messages == []


def test_notes_on_stderr_name_every_file_by_its_path_as_given(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from troopclaims.cli import cli

    (tmp_path / "flood").mkdir()
    (tmp_path / "flood" / "odd.txt").write_bytes("Caf\xe9 owners said 12 boats sank.\n".encode("cp1252"))
    (tmp_path / "flood" / "blog.txt").write_text("Crowd in Blogtown\n4 May 2027 13:12\nAbout 40 people marched.\n"
                                                 "Read more\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text('{"id": "r1", "text": "Nine boats sank.\\nShare this article"}\n',
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["extract", "flood", "rows.jsonl", "--model", "blank", "--format", "jsonl",
                                      "--no-cache", "--published", "2027-05-05"])
    assert result.exit_code == 0, result.stderr
    notes = [line.split(": ")[1] for line in result.stderr.splitlines()[1:-1]]
    assert notes == ["flood/blog.txt", "flood/odd.txt", "rows.jsonl:1"]
    assert {json.loads(line)["source"] for line in result.stdout.splitlines()} == {"blog.txt", "odd.txt", "r1"}


def test_a_document_in_a_folder_is_skipped_with_how_to_make_text_of_it(tmp_path):
    from troopclaims.reading import ReadReport, read_articles

    (tmp_path / "Ferry report.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 binary")
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "notes.xyz").write_text("x")
    messages, report = [], ReadReport()
    list(read_articles([str(tmp_path), str(tmp_path / "Ferry report.pdf")], messages.append, report))
    assert messages == [
        f"skipped {tmp_path / 'Ferry report.pdf'}: not a .txt, .md, .html or .htm file; make text of it first "
        "(pdftotext 'Ferry report.pdf' 'Ferry report.txt')",
        f"skipped {tmp_path / 'memo.docx'}: not a .txt, .md, .html or .htm file; make text of it first "
        "(pandoc 'memo.docx' -t plain -o 'memo.txt')",
        f"skipped {tmp_path / 'notes.xyz'}: not a .txt, .md, .html or .htm file",
        f"skipped {tmp_path / 'Ferry report.pdf'}: a PDF document, not text; make text of it first "
        "(pdftotext 'Ferry report.pdf' 'Ferry report.txt')"]


@pytest.mark.parametrize("name, data, said", [
    ("memo.pdf", b"%PDF-1.4\nPolice said 5 people died.\n", "a PDF document, not text; make text of it first "
                                                         "(pdftotext 'memo.pdf' 'memo.txt')"),
    ("memo.docx", b"PK\x03\x04 zipped", "a Word or OpenDocument file, not text; make text of it first "
                                       "(pandoc 'memo.docx' -t plain -o 'memo.txt')"),
    ("memo.doc", b"Police said 5", "a .doc document, not text; make text of it first (save it as plain text from its "
                                   "editor)"),
    ("memo.txt", b"%PDF-1.7\n", "a PDF document, not text; make text of it first "
                                "(pdftotext 'memo.txt' 'memo-text.txt')"),
])
def test_a_document_named_on_the_command_line_is_skipped_with_how_to_make_text_of_it(tmp_path, name, data, said):
    from troopclaims.reading import ReadReport, read_articles

    (tmp_path / name).write_bytes(data)
    (tmp_path / "story.txt").write_text("Police said 5 people died in Orvik.\n")      # text beside it is read
    messages, report = [], ReadReport()
    articles = list(read_articles([str(tmp_path / name), str(tmp_path / "story.txt")], messages.append, report))
    assert messages == [f"skipped {tmp_path / name}: {said}"]
    assert [article.id for article in articles] == ["story.txt"] and report.read == 1
