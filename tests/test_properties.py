"""Properties of extract and compare on any text, on the blank pipeline (hypothesis).

The default suite runs a few dozen examples of each strategy; the fuzz pass (`pytest -m slow
tests/test_properties.py`) runs at least 10,000 generated texts, half arbitrary Unicode and half shaped like news.
"""
import io
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from troopclaims.output import render
from troopclaims.reading.articles import ReadReport, read_articles, read_claims
from troopclaims.reading.documents import not_text
from troopclaims.compare.facts import compare_claims
from troopclaims.run.extract import ALL_KINDS, extract
from troopclaims.records import Article

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces of news-shaped text, written for this test: figures in many spellings, qualifiers, counted nouns, events,
# dates, places, attribution, quotation marks, and the line breaks of the web.
FIGURES = ["3,000", "10,000", "12k", "1.5 million", "two dozen", "twelve thousand", "3,000-5,000", "0", "-4",
           "between 3,000 and 5,000", "three to five thousand", "1e309", "99999999999999999999999", "½", "3 000",
           "3.000,5", "12th", "$4bn", "40%", "1,240 km2", "F-16", "1/2", "٣٠٠٠", "tens of thousands", "a handful",
           "hundreds", "9,400", "7,000", "£2.5m", "0.0000001", "1,000,000,000,000,000,000", "2024", "10:30",
           "between 1 and 0", "from 10,000 to 3,000", "5,000-3,000", "-5 to -10", "1e-400", "0.5 million to 2",
           "nine hundred and ninety-nine", "a quarter of a million", "2.5bn", "3,000 and 5,000", "10-20%",
           "1,5", "1.000.000", "twelve hundred", "zero", "no", "3,000 or 5,000", "tens", "millions of"]
QUALIFIERS = ["about", "nearly", "more than", "up to", "at least", "some", "an estimated", "just over",
              "fewer than", "almost", "no more than", "roughly"]
NOUNS = ["soldiers", "troops", "civilians", "people", "refugees", "tanks", "of them", "residents", "officers",
         "North Korean soldiers", "-strong brigade", "every", "per", "km2", "dollars"]
EVENTS = ["were deployed", "were killed", "arrived", "were evacuated", "died", "were wounded", "were stationed",
          "the toll rose to", "have not engaged in combat", "controlled since September"]
DATES = ["on Friday", "on Sunday or Monday", "October 27-28", "by the end of August", "last week", "2024-10-25",
         "since September", "25 October 2024 13:12", "in 2023", "on 31 February", "March", "tomorrow",
         "this year", "in the spring", "as early as next month", "on 29 February 1900", "9999-12-31", "0001-01-01",
         "between Monday and Friday", "from 30 February to 1 March", "late 2024", "Q4 2199", "the 1990s",
         "mid-October", "31/12/2199", "12/31/1850", "early next week", "on the 31st", "in 1799", "until 2200",
         "since the start of the year", "by the end of December 2199", "two days later", "the next day"]
PLACES = ["in Kursk", "in the Kursk region", "near the border", "in Russia", "in Ukraine", "on the front",
          "in Borduria", "Kursk Oblast", "the Pacific", "in northern Syria"]
SPEAKERS = ["Officials said", "According to the ministry,", "Zelensky warned that", "the minister said.",
            "“", "”", '"', "'", "reportedly", "allegedly", "did not", "sources told Reuters", "he said"]
BREAKS = [" ", " ", " ", ". ", ".\n", "\n\n", "\r\n", "\r", "\u2028", ", ", "; ", " — ", "\t", "\n---\n", "\x0c"]

piece = st.one_of(st.sampled_from(FIGURES + QUALIFIERS + NOUNS + EVENTS + DATES + PLACES + SPEAKERS),
                  st.integers(-10**6, 10**12).map(lambda n: f"{n:,}"), st.text(max_size=4))
news_text = st.lists(st.tuples(piece, st.sampled_from(BREAKS)), max_size=60).map(
    lambda parts: "".join(word + gap for word, gap in parts))
any_text = st.text(max_size=400)
published = st.one_of(st.none(), st.dates(date(1850, 1, 1), date(2150, 12, 31)).map(date.isoformat))


# Files as they come: front matter (closed or not), a dateline, a byte order mark, any line ending, any encoding.
FRONT = ["", "---\npublished: 2024-10-25\n---\n", "---\npublished: yesterday\n---\n", "---\n[1, 2\n---\n",
         "---\noutlet: X\n", "\ufeff", "25 October 2024 13:12\n", "---\r\npublished: 2031-02-29\r\n---\r\n"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
file_bytes = st.one_of(
    st.tuples(st.sampled_from(FRONT), st.one_of(news_text, any_text), st.sampled_from(ENCODINGS)).map(
        lambda parts: (parts[0] + parts[1]).encode(parts[2], errors="replace")),
    st.binary(max_size=300))


def articles_of(texts):
    return st.lists(st.tuples(texts, published), min_size=1, max_size=3).map(
        lambda pairs: [Article(f"a{i}.txt", text, day) for i, (text, day) in enumerate(pairs)])


def run(articles, nlp, rules):
    """Return the claims, the fact records and the notes of one run, asserting no article was skipped."""
    notes: list[str] = []
    report = ReadReport()
    claims = list(extract(articles, nlp, rules, ALL_KINDS, notes.append, report))
    assert report.skipped == [], notes
    facts = [fact.to_dict() for fact in compare_claims(claims, rules)]
    return claims, facts


def _days(iso: str) -> tuple[date, date]:
    """Return the first and last day an ISO day, month or year covers."""
    if len(iso) == 10:
        day = date.fromisoformat(iso)
        return day, day
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:])
        last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        return date(year, month, 1), date.fromordinal(last)
    return date(int(iso), 1, 1), date(int(iso), 12, 31)


def check_claims(articles, claims):
    texts = {article.id: article.text for article in articles}
    for claim in claims:
        assert texts[claim.source][claim.start:claim.end] == claim.text, claim
        if claim.kind == "quantity":
            if claim.value is not None and claim.low is not None:
                assert claim.low <= claim.value, claim
            if claim.value is not None and claim.high is not None:
                assert claim.value <= claim.high, claim
        elif claim.kind == "date" and claim.value is not None:
            first, last = _days(claim.value)
            assert claim.low is None or _days(claim.low)[0] <= last, claim
            assert claim.high is None or first <= _days(claim.high)[1], claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


def check_round_trip(claims, facts, rules):
    lines = [json.dumps(claim.to_dict(), ensure_ascii=False) + "\n" for claim in claims]
    report = ReadReport()
    read = list(read_claims(lines, "claims.jsonl", lambda message: None, report))
    assert report.skipped == []
    assert [claim.to_dict() for claim in read] == [claim.to_dict() for claim in claims]
    assert [fact.to_dict() for fact in compare_claims(read, rules)] == facts


def check_same_bytes(articles, nlp, rules, claims, facts):
    again_claims, again_facts = run(articles, nlp, rules)
    first, second = io.StringIO(), io.StringIO()
    render.write_jsonl([claim.to_dict() for claim in claims] + facts, first)
    render.write_jsonl([claim.to_dict() for claim in again_claims] + again_facts, second)
    assert first.getvalue() == second.getvalue()


def check_all(articles, nlp, rules):
    claims, facts = run(articles, nlp, rules)
    check_claims(articles, claims)
    check_round_trip(claims, facts, rules)
    check_same_bytes(articles, nlp, rules, claims, facts)


@QUICK
@given(articles=articles_of(any_text))
def test_any_unicode_text(articles, blank_nlp, rules):
    check_all(articles, blank_nlp, rules)


@QUICK
@given(articles=articles_of(news_text))
def test_text_shaped_like_news(articles, blank_nlp, rules):
    check_all(articles, blank_nlp, rules)


@pytest.mark.slow
@FUZZ
@given(articles=articles_of(any_text))
def test_fuzz_any_unicode_text(articles, blank_nlp, rules):
    check_all(articles, blank_nlp, rules)


@pytest.mark.slow
@FUZZ
@given(articles=articles_of(news_text))
def test_fuzz_text_shaped_like_news(articles, blank_nlp, rules):
    check_all(articles, blank_nlp, rules)


def check_files(contents, nlp, rules):
    """Write the bytes as article files, read them as extract does, and check the claims against what was read."""
    with tempfile.TemporaryDirectory() as folder:
        for n, data in enumerate(contents):
            Path(folder, f"f{n}.txt").write_bytes(data)
        report = ReadReport()
        articles = list(read_articles([folder], lambda message: None, report))
        assert len(articles) + len(report.skipped) == len(contents)
        # binary, or a document by its first bytes (a PDF or Word file saved as .txt), named with the fix
        assert all(reason.startswith("looks binary") or reason == not_text(Path(name).read_bytes(), Path(name))
                   for name, reason in report.skipped), report.skipped
        check_all(articles, nlp, rules)


@QUICK
@given(contents=st.lists(file_bytes, min_size=1, max_size=3))
def test_article_files_of_any_bytes(contents, blank_nlp, rules):
    check_files(contents, blank_nlp, rules)


@pytest.mark.slow
@settings(FUZZ, max_examples=2000)
@given(contents=st.lists(file_bytes, min_size=1, max_size=3))
def test_fuzz_article_files_of_any_bytes(contents, blank_nlp, rules):
    check_files(contents, blank_nlp, rules)


def test_the_output_is_the_same_bytes_whatever_the_hash_seed():
    """Two processes with different hash seeds (set and dict orders of strings) print the same facts."""
    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    outputs = []
    for seed in ("1", "2"):
        command = [sys.executable, "-m", "troopclaims", "compare", str(examples), "--model", "blank", "--format",
                   "jsonl"]
        outputs.append(subprocess.run(command, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
                                      timeout=300).stdout)
    assert outputs[0] and outputs[0] == outputs[1]


record_line = st.one_of(
    st.tuples(st.text(max_size=6), news_text).map(lambda pair: json.dumps({"id": pair[0], "text": pair[1]})),
    st.text(max_size=30).filter(lambda line: "\n" not in line and "\r" not in line))


@settings(QUICK, max_examples=10)      # each run loads the rules again, as the command does
@given(lines=st.lists(record_line, min_size=1, max_size=5))
def test_json_lines_of_any_shape_into_the_command_line(lines):
    """Good records and broken lines mixed: no traceback, JSON on stdout, exit 4 exactly when a line was skipped."""
    from click.testing import CliRunner

    from troopclaims.cli import cli

    result = CliRunner().invoke(cli, ["extract", "-", "--model", "blank", "--format", "jsonl", "--verbose"],
                                input="".join(line + "\n" for line in lines))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for line in result.stdout.splitlines():
        json.loads(line)
    opening = "".join(lines).encode().lstrip()
    if opening and not opening.startswith(b"{"):     # not JSON Lines: the text of one article (stdin.stdin_text)
        assert "stdin: not JSON Lines" in result.stderr and "skipped" not in result.stderr, result.stderr
        assert result.exit_code == 0 and all(json.loads(line)["source"] == "stdin" for line in result.stdout.splitlines())
        return
    skipped = sum(line.startswith("troopclaims: skipped <stdin>:") for line in result.stderr.splitlines())
    good = sum(1 for line in lines if line.strip() and _is_article(line))
    assert skipped == sum(1 for line in lines if line.strip()) - good
    assert result.exit_code == (1 if not good else 4 if skipped else 0), result.stderr


def _is_article(line: str) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str) and "kind" not in record
