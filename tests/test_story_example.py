"""The README's "Adapt troopclaims to another story": examples/rules/ over examples/crossing/, before and after.

Every README block that starts with "$ troopclaims ..." is run, and its output must be what the block shows.
After a deliberate change, rewrite those blocks with: UPDATE_README=1 .venv/bin/python -m pytest tests/test_story_example.py
"""
import json
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ARTICLES, RULES = ROOT / "examples" / "crossing", ROOT / "examples" / "rules"


def shown_runs():
    """Return (command line, output) for each ```text block of the README that starts with "$ troopclaims"."""
    blocks = re.findall(r"```text\n\$ (troopclaims [^\n]*)\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [(command, output) for command, output in blocks]


def run(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, args)
    return result


def facts(args, monkeypatch):
    result = run([*args, "--format", "jsonl"], monkeypatch)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_example_rules_are_fine(monkeypatch):
    result = run(["rules", "check", "examples/rules"], monkeypatch)
    assert result.exit_code == 0 and result.stdout == "" and "fine" in result.stderr


@pytest.mark.parametrize("model", ["blank", pytest.param(None, marks=pytest.mark.model)])
def test_with_the_rules_the_three_figures_are_one_fact_in_conflict(monkeypatch, model):
    options = ["--model", model] if model else []
    after = facts(["compare", str(ARTICLES), "--rules", str(RULES), *options], monkeypatch)
    counts = [fact for fact in after if fact["kind"] == "quantity" and fact["unit"] == "refugees"]
    assert [(f["unit"], f["actor"], f["aspect"], f["place"], f["verdict"], f["reports"]) for f in counts] == [
        ("refugees", "Veloria", "crossed", "Calder province", "conflict", 3)]
    assert sorted(claim["value"] for claim in counts[0]["claims"]) == [4000, 6500, 11000]


@pytest.mark.model
def test_without_the_rules_the_asylum_seekers_stand_apart(monkeypatch):
    before = facts(["compare", str(ARTICLES)], monkeypatch)
    counts = sorted((fact["unit"], fact["actor"], len(fact["claims"]), fact["verdict"])
                    for fact in before if fact["kind"] == "quantity")
    assert counts == [("migrants", None, 2, "conflict"), ("seekers", None, 1, "single")]


@pytest.mark.model
@pytest.mark.parametrize("command, output", shown_runs())
def test_readme_shows_what_the_tool_prints(command, output, monkeypatch):
    result = run(shlex.split(command)[1:], monkeypatch)
    assert result.exit_code == 0, result.stderr
    printed = "\n".join(line.rstrip() for line in result.stdout.splitlines())
    if os.environ.get("UPDATE_README"):
        text = README.read_text(encoding="utf-8")
        README.write_text(text.replace(f"$ {command}\n{output}", f"$ {command}\n{printed.strip(chr(10))}\n"),
                          encoding="utf-8")
        return
    assert printed.strip("\n") == "\n".join(line.rstrip() for line in output.splitlines()).strip("\n")


def test_the_readme_shows_runs_of_the_example():
    commands = [command for command, _ in shown_runs()]
    assert "troopclaims compare examples/crossing --format table" in commands
    assert "troopclaims compare examples/crossing --rules examples/rules --format table" in commands
