"""The HTML report in a real browser: Debian's headless Chromium, network off, over the DevTools pipe.

Chromium is installed once per session when missing (apt-get, as root); where it cannot be, these tests skip and
say why. Deselect them with -m "not browser".
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.compare.facts import group_claims
from troopclaims.output.report import build_report, report_sources

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from headless_chromium import Browser, find_chromium  # noqa: E402

from test_report import HOSTILE, claim  # noqa: E402

pytestmark = pytest.mark.browser

CHARTS = """Array.from(document.querySelectorAll("section.fact")).map(fact => ({
  verdict: fact.dataset.verdict,
  rows: fact.querySelectorAll("tr.claim").length,
  ticks: fact.querySelectorAll("svg.axis text").length,
  marks: Array.from(fact.querySelectorAll("svg.strip g.mark")).map(mark => {
    const box = mark.getBBox(), shown = mark.ownerSVGElement.getBoundingClientRect();
    return box.width + box.height > 0 && shown.width > 100 && shown.height > 10;
  }),
}))"""


def _install_chromium() -> str | None:
    """Return why chromium could not be installed, or None once it is."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        return "chromium is not installed, and installing it needs root and apt-get: apt-get install chromium"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"],
                    ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=600", "chromium"]):
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"could not install chromium ({' '.join(command)}: {exc})"
        if done.returncode != 0:
            said = (done.stderr.strip().splitlines() or ["no message"])[-1]
            return f"could not install chromium ({' '.join(command)} failed: {said})"
    return None if find_chromium() else "apt-get installed chromium, but no chromium is on PATH"


@pytest.fixture(scope="session")
def browser():
    if not find_chromium():
        reason = _install_chromium()
        if reason:
            pytest.skip(reason)
    with Browser() as opened:
        yield opened


@pytest.fixture(scope="session")
def example_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "examples.html"
    result = CliRunner().invoke(cli, ["report", str(ROOT / "examples" / "articles"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.model
def test_every_fact_of_the_examples_draws_its_chart_offline(browser, example_report):
    page = browser.open(example_report)
    facts = page.evaluate(CHARTS)
    assert len(facts) >= 5 and facts[0]["verdict"] == "conflict"
    for fact in facts:
        assert fact["ticks"] >= 2, fact
        assert len(fact["marks"]) == fact["rows"] >= 1 and all(fact["marks"]), fact
    timeline = page.evaluate("Array.from(document.querySelectorAll('table.timeline svg.strip g.mark'))"
                             ".map(mark => mark.getBBox().width > 0)")
    assert timeline and all(timeline)
    assert page.errors() == []
    assert all(url.startswith(("file:", "data:")) for url in page.requests()), page.requests()


@pytest.mark.model
def test_the_buttons_filter_by_verdict_and_open_the_sentences(browser, example_report):
    page = browser.open(example_report)
    assert page.evaluate("document.querySelector('nav.filter').hidden") is False
    page.evaluate("document.querySelector('button[data-show=conflict]').click()")
    shown = page.evaluate("Array.from(document.querySelectorAll('section.fact'))"
                          ".filter(f => f.offsetParent !== null).map(f => f.dataset.verdict)")
    assert shown and set(shown) == {"conflict"}
    shown_sentences = ("Array.from(document.querySelectorAll('tr.sentence'))"
                       ".filter(row => row.getBoundingClientRect().height > 0).length")
    assert page.evaluate(shown_sentences) == 0
    page.evaluate("document.querySelector('button[data-sentences]').click()")
    assert page.evaluate("Array.from(document.querySelectorAll('td.claim-text details')).every(d => d.open)")
    page.evaluate("document.querySelector('button[data-show=all]').click()")
    assert page.evaluate(shown_sentences) == page.evaluate("document.querySelectorAll('tr.claim').length") > 0
    assert page.errors() == []


def test_hostile_article_text_runs_no_script(browser, tmp_path):
    claims = [claim("a.txt", 12000), claim("b.txt", 13000, text=HOSTILE, sentence=f"They said {HOSTILE}.",
                                              speaker=HOSTILE)]
    out = tmp_path / "hostile.html"
    out.write_text(build_report(group_claims(claims), report_sources(claims, {"b.txt": {"outlet": HOSTILE}}),
                                claims=2, title=HOSTILE), encoding="utf-8")
    page = browser.open(out)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelector('h1').textContent") == HOSTILE
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.errors() == []
    assert all(url.startswith(("file:", "data:")) for url in page.requests())


def test_the_checks_see_errors_and_requests_when_there_are_some(browser, tmp_path):
    """The harness itself: a page that logs an error, throws and fetches is caught on all three."""
    out = tmp_path / "bad.html"
    out.write_text('<!DOCTYPE html><img src="http://troopclaims.invalid/x.png"><script>console.error("logged");'
                   'throw new Error("thrown")</script>', encoding="utf-8")
    page = browser.open(out)
    errors = page.errors()
    assert any("logged" in error for error in errors) and any("thrown" in error for error in errors)
    assert "http://troopclaims.invalid/x.png" in page.requests()


def test_the_screenshot_script_writes_a_png(browser, tmp_path):
    claims = [claim("a.txt", 12000), claim("b.txt", 15000, 15000, None, "at_least")]
    report = tmp_path / "r.html"
    report.write_text(build_report(group_claims(claims), report_sources(claims), claims=2), encoding="utf-8")
    png = tmp_path / "r.png"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot_report.py"), str(report), str(png),
                           "--facts", "1"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1280 and 300 < height < 2000


def test_without_root_or_apt_the_browser_tests_say_how_to_get_chromium(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "apt-get install chromium" in _install_chromium()


@pytest.mark.model
def test_with_scripts_off_every_chart_is_drawn_and_no_dead_button_shows(browser, example_report):
    page = browser.open(example_report, scripts=False)
    facts = page.evaluate(CHARTS)
    assert facts and all(len(fact["marks"]) == fact["rows"] and all(fact["marks"]) for fact in facts)
    assert page.evaluate("document.querySelector('nav.filter').getBoundingClientRect().height") == 0
    assert page.errors() == []
