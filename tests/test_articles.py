"""Reading input: folders, manifests, front matter, encodings, JSON Lines, and what is skipped."""
import io

import pytest

from troopclaims.reading.articles import ReadReport, masked_text, read_articles, read_claims, sniff_jsonl


def read(paths, **kwargs):
    messages, report = [], ReadReport()
    articles = list(read_articles([str(p) for p in paths], messages.append, report, **kwargs))
    return articles, messages, report


def test_folder_is_read_recursively_with_relative_ids_and_manifest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("Second.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt: {published: 2024-10-25, outlet: Daily}\n", encoding="utf-8")
    articles, messages, report = read([tmp_path])
    assert [(a.id, a.published) for a in articles] == [("a.txt", "2024-10-25"), ("sub/b.md", None)]
    assert articles[0].meta == {"outlet": "Daily"}
    assert report.read == 2 and not report.skipped and not messages


def test_other_files_in_a_folder_are_reported_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    articles, messages, report = read([tmp_path])
    assert len(articles) == 1
    assert report.skipped == [(str(tmp_path / "photo.jpg"), "not a .txt, .md, .html or .htm file")]
    assert messages == [f"skipped {tmp_path / 'photo.jpg'}: not a .txt, .md, .html or .htm file"]


def test_legacy_encoding_is_read_with_a_warning(tmp_path):
    (tmp_path / "old.txt").write_bytes("Caf\xe9 talks on \u20ac5 million".encode("cp1252"))
    articles, messages, _ = read([tmp_path / "old.txt"])
    assert articles[0].text == "Caf\xe9 talks on \u20ac5 million"
    assert messages == [f"{tmp_path / 'old.txt'}: not valid UTF-8; read as cp1252 (save it as UTF-8 to be sure)"]


def test_binary_and_missing_files_are_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    articles, messages, report = read([tmp_path / "bad.txt", tmp_path / "nope.txt", tmp_path / "good.txt"])
    assert [a.id for a in articles] == ["good.txt"]
    assert [name for name, _ in report.skipped] == [str(tmp_path / "bad.txt"), str(tmp_path / "nope.txt")]
    assert "skipped 2" in report.summary()


def test_front_matter_gives_the_date_and_offsets_stay_the_files(tmp_path):
    text = "---\npublished: 2024-11-01\noutlet: Wire\n---\nTroops arrived.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (article,), _, _ = read([tmp_path / "a.md"])
    assert article.published == "2024-11-01" and article.meta == {"outlet": "Wire"}
    assert article.text == text
    masked = masked_text(article)
    assert len(masked) == len(text) and masked[article.body_start:] == "Troops arrived.\n"
    assert "published" not in masked


def test_manifest_date_wins_over_front_matter_and_flag_fills_gaps(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-11-01\n---\nA.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.md: {published: 2024-10-30}\n", encoding="utf-8")
    articles, _, _ = read([tmp_path], published="2024-01-01")
    assert [(a.id, a.published) for a in articles] == [("a.md", "2024-10-30"), ("b.txt", "2024-01-01")]


def test_bad_manifest_date_is_a_warning_naming_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("# dates\na.txt:\n  published: last Friday\n", encoding="utf-8")
    (article,), messages, _ = read([tmp_path])
    assert article.published is None
    assert messages == [f"{tmp_path / 'sources.yaml'}:2: published 'last Friday' is not a date; "
                        "write it as YYYY-MM-DD (treated as unknown)"]


def test_manifest_entry_for_a_missing_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("gone.txt: {published: 2024-10-30}\n", encoding="utf-8")
    _, messages, _ = read([tmp_path])
    assert messages == [f"{tmp_path / 'sources.yaml'}: lists gone.txt, which is not among the files read"]


def test_jsonl_articles_from_stdin_with_a_bad_line():
    stdin = io.StringIO('{"id": "x1", "text": "One.", "published": "2024-10-25"}\n'
                        'not json\n'
                        '{"id": "x2"}\n'
                        '{"text": "Three."}\n')
    articles, messages, report = read(["-"], stdin=stdin)
    assert [(a.id, a.published) for a in articles] == [("x1", "2024-10-25"), ("<stdin>:4", None)]
    assert [name for name, _ in report.skipped] == ["<stdin>:2", "<stdin>:3"]


def test_claims_are_told_from_articles_and_read():
    lines = ['{"source": "a.txt", "kind": "quantity", "text": "500 officers", "value": 500, "unit": "officers"}\n',
             '{"source": "a.txt"}\n']
    assert sniff_jsonl(lines) == "claims"
    assert sniff_jsonl(['{"id": "a", "text": "t"}\n']) == "articles"
    messages, report = [], ReadReport()
    claims = list(read_claims(lines, "claims.jsonl", messages.append, report))
    assert [(c.value, c.unit) for c in claims] == [(500, "officers")]
    assert messages == ["skipped claims.jsonl:2: not a claim (missing field(s) kind, text); "
                        "give claims as `troopclaims extract` prints them"]


@pytest.mark.parametrize("value, expected", [("2024-10-25", "2024-10-25"), ("2024-10-25T13:12:00Z", "2024-10-25"),
                                             ("25/10/2024", None), ("2024-02-30", None), (None, None)])
def test_published_dates_are_iso_days(value, expected):
    from troopclaims.reading.articles import parse_published
    assert parse_published(value, "here", lambda message: None) == expected


def test_two_outlets_files_of_one_name_stay_two_sources(tmp_path):
    for outlet in ("wire", "daily"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(f"{outlet} text", encoding="utf-8")
    articles, messages, report = read([tmp_path / "wire", tmp_path / "daily"])
    assert [a.id for a in articles] == ["story.txt", f"{tmp_path / 'daily'}/story.txt"]
    assert messages == [f"two inputs are called story.txt; this one from {tmp_path / 'daily'} is called "
                        f"{tmp_path / 'daily'}/story.txt"]


def test_duplicate_jsonl_ids_are_made_unique():
    stdin = io.StringIO('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    articles, messages, _ = read(["-"], stdin=stdin)
    assert [a.id for a in articles] == ["a", "<stdin>/a"]


@pytest.mark.parametrize("line", [
    '{"source": "a", "kind": "quantity", "text": "t", "unit": ["troops"]}',
    '{"source": "a", "kind": "quantity", "text": "t", "value": {"n": 1}}',
    '{"source": "a", "kind": "quantity", "text": "t", "start": "zero"}',
    '{"source": "a", "kind": "quantity", "text": "t", "hedges": "maybe"}',
])
def test_claims_with_fields_of_the_wrong_type_are_skipped_with_a_reason(line):
    messages = []
    assert list(read_claims([line], "c.jsonl", messages.append)) == []
    assert messages[0].startswith("skipped c.jsonl:1: not a claim (field ")


def test_far_dates_are_not_publication_dates():
    from troopclaims.reading.articles import parse_published
    assert parse_published("0001-01-01", "x", lambda m: None) is None
    assert parse_published("9999-12-31", "x", lambda m: None) is None


@pytest.mark.parametrize("line, reason", [
    ('{"source": "a", "kind": "quantity", "text": "t", "value": Infinity}', "finite numbers"),
    ('{"source": "a", "kind": "quantity", "text": "t", "low": 5000, "high": 1000}', "above high"),
    ('{"source": "a", "kind": "banana", "text": "t"}', "is not one of"),
    ('{"source": "a", "kind": "date", "text": "t", "value": "2024-02-31"}', "day is out of range"),
])
def test_claims_that_contradict_themselves_are_skipped(line, reason):
    messages = []
    assert list(read_claims([line], "c.jsonl", messages.append)) == []
    assert reason in messages[0]


def test_a_claim_among_articles_is_named_not_read_as_an_article():
    stdin = io.StringIO('{"id": "a", "text": "One."}\n{"source": "a", "kind": "date", "text": "Monday"}\n')
    articles, messages, _ = read(["-"], stdin=stdin)
    assert [a.id for a in articles] == ["a"]
    assert "a claim, not an article" in messages[0]


def test_links_to_folders_and_files_that_are_not_regular_are_named(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "in" / "broken.txt").symlink_to(tmp_path / "nowhere")
    articles, messages, report = read([tmp_path / "in"])
    assert [a.id for a in articles] == ["a.txt"]
    assert sorted(name.rsplit("/", 1)[-1] for name, _ in report.skipped) == ["broken.txt", "linked"]


def test_utf16_with_a_byte_order_mark_is_read_without_a_warning(tmp_path):
    (tmp_path / "u.txt").write_bytes("About 300 soldiers.".encode("utf-16"))
    (article,), messages, _ = read([tmp_path / "u.txt"])
    assert article.text == "About 300 soldiers." and not any("UTF-8" in message for message in messages)


def test_unclosed_front_matter_is_said(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-10-25\nText.", encoding="utf-8")
    (article,), messages, _ = read([tmp_path / "a.md"])
    assert article.published is None and "never closed" in messages[0]
