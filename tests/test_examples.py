"""The shipped examples end to end with the statistical pipeline: offsets, and the compare table as a golden file.

Regenerate the golden file after a deliberate change with: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_examples.py
"""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.reading.articles import read_articles
from troopclaims.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden" / "examples_compare.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def claims():
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "--kind", "all", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_claim_slices_back_to_its_source(claims):
    texts = {article.id: article.text for article in read_articles([str(EXAMPLES)], warn=pytest.fail)}
    assert {claim["kind"] for claim in claims} == {"quantity", "date", "place"}
    for claim in claims:
        assert texts[claim["source"]][claim["start"]:claim["end"]] == claim["text"]


def test_the_story_of_the_examples_is_told(claims):
    evacuated = {(c["source"], c["value"], c["qualifier"]) for c in claims
                 if c["kind"] == "quantity" and c["aspect"] == "evacuated"}
    assert evacuated == {("coast-watch.txt", 12000, "approximate"), ("harbour-daily.txt", 15000, "at_least"),
                         ("lowlands-wire.md", 12500, "approximate"), ("lowlands-wire.md", 12500, "exact")}
    reopening = {(c["source"], c["value"]) for c in claims if c["kind"] == "date" and c["event"] == "reopen"}
    assert reopening == {("harbour-daily.txt", "2026-11-15"), ("lowlands-wire.md", "2026-11-15")}


def test_compare_table_matches_the_golden_file(monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    result = CliRunner().invoke(cli, ["compare", str(EXAMPLES), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
