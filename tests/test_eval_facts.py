"""The scorer of scripts/eval_facts.py on tiny hand-written gold and claims (no pipeline), and the gold's own shape."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from troopclaims.records import Claim

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("eval_facts", ROOT / "scripts" / "eval_facts.py")
eval_facts = importlib.util.module_from_spec(SPEC)
sys.modules["eval_facts"] = eval_facts      # its dataclass looks its module up
SPEC.loader.exec_module(eval_facts)


def figure(doc, start, end, fact, unit="people", aspect="killed", value=10, qualifier="exact"):
    return {"doc": doc, "start": start, "end": end, "text": "x" * (end - start), "value": value,
            "qualifier": qualifier, "low": value, "high": value, "unit": unit, "aspect": aspect, "place": None,
            "speaker": None, "fact": fact}


def claim(source, start, end, unit="people", aspect="killed", value=10.0, qualifier="exact"):
    return Claim(source=source, published=None, kind="quantity", text="x" * (end - start), start=start, end=end,
                 value=value, low=value, high=value, qualifier=qualifier, unit=unit, aspect=aspect)


def group(name, verdict, *claims):
    return SimpleNamespace(name=name, verdict=verdict, claims=list(claims))


def test_a_claim_matches_the_figure_it_overlaps_most():
    gold = [figure("a", 10, 15, "f"), figure("a", 16, 20, "g")]
    wide = claim("a", 12, 19)          # 3 characters over the first, 3 over the second: nearer start wins
    exact = claim("a", 16, 20)
    best_claim, best_gold = eval_facts.match_figures(gold, [wide, exact])
    assert best_claim == {0: wide, 1: exact}
    assert best_gold == {("a", 12, 19): 0, ("a", 16, 20): 1}


def test_one_claim_over_two_figures_finds_one():
    gold = [figure("a", 0, 5, "f"), figure("a", 7, 9, "g")]
    best_claim, _ = eval_facts.match_figures(gold, [claim("a", 0, 9)])
    assert list(best_claim) == [0]


def test_claims_of_another_article_never_match():
    best_claim, best_gold = eval_facts.match_figures([figure("a", 0, 5, "f")], [claim("b", 0, 5)])
    assert best_claim == {} and best_gold == {}


def test_figures_score_recall_precision_and_labels():
    gold = [figure("a", 0, 5, "f"), figure("a", 10, 15, "g", unit="USD", aspect="paid"), figure("a", 30, 33, "h")]
    claims = [claim("a", 0, 12),                                   # the first figure, right labels
              claim("a", 11, 20, unit="dollars", aspect="paid"),   # the second, unit wrong
              claim("a", 40, 44)]                                  # no figure: a false positive
    report = eval_facts.Report()
    eval_facts.score_figures(gold, claims, report)
    assert (report.gold, report.found, report.claims, report.true_claims) == (3, 2, 3, 2)
    assert (report.unit, report.aspect, report.unit_aspect) == (1, 2, 1)
    assert set(report.failures) == {"false positive: claim unit people", "missed figure: gold aspect killed",
                                    "unit wrong: USD -> dollars"}


def test_value_and_qualifier_are_checked():
    report = eval_facts.Report()
    eval_facts.score_figures([figure("a", 0, 5, "f", value=50, qualifier="at_least")],
                             [claim("a", 0, 5, value=0.5, qualifier="exact")], report)
    assert (report.value, report.qualifier) == (0, 0)
    assert "qualifier wrong: at_least -> exact" in report.failures


def score_facts(gold, facts, claims, groups):
    report = eval_facts.Report()
    best_claim, best_gold = eval_facts.match_figures(gold, claims)
    eval_facts.score_facts(gold, facts, groups, best_claim, best_gold, report)
    return report


def test_a_fact_is_grouped_when_one_group_holds_it_from_two_articles():
    gold = [figure("a", 0, 5, "toll"), figure("b", 0, 5, "toll"), figure("b", 10, 15, "hurt", aspect="wounded")]
    claims = [claim("a", 0, 5), claim("b", 0, 5), claim("b", 10, 15)]
    facts = [{"fact": "toll", "verdict": "agree"}, {"fact": "hurt", "verdict": "single"}]
    report = score_facts(gold, facts, claims, [group("people (killed)", "conflict", *claims)])
    assert (report.facts, report.grouped, report.verdict) == (1, 1, 0)     # the single-article fact is not scored
    assert (report.pure, report.matched_in_groups) == (2, 3)               # the group also holds "hurt"
    assert set(report.failures) == {"verdict wrong: agree -> conflict", "group mixes gold facts"}


def test_why_a_fact_was_not_grouped():
    gold = [figure("a", 0, 5, "split"), figure("b", 0, 5, "split"),
            figure("a", 10, 15, "lost"), figure("b", 10, 15, "lost"),
            figure("a", 20, 25, "left"), figure("b", 20, 25, "left")]
    claims = [claim("a", 0, 5), claim("b", 0, 5), claim("a", 10, 15), claim("a", 20, 25), claim("b", 20, 25)]
    facts = [{"fact": name, "verdict": "agree"} for name in ("split", "lost", "left")]
    groups = [group("one", "single", claims[0], claims[2]), group("two", "single", claims[1])]
    report = score_facts(gold, facts, claims, groups)
    assert (report.facts, report.grouped) == (3, 0)
    assert set(report.failures) == {"fact not grouped: split over groups",
                                    "fact not grouped: found in fewer than 2 articles",
                                    "fact not grouped: found claims left out of compare"}


def test_the_script_skips_without_the_evaluation_folder(tmp_path, capsys):
    assert eval_facts.main(["--eval-dir", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("skipped:")


def test_the_gold_is_consistent():
    docs, figures, facts = eval_facts.load_gold(eval_facts.DEFAULT_GOLD)
    clusters = {doc["doc"]: doc["cluster"] for doc in docs}
    verdicts = {fact["fact"]: fact["verdict"] for fact in facts}
    assert len(clusters) == len(docs) and len(verdicts) == len(facts)
    assert len(set(clusters.values())) >= 12 and len(figures) >= 200
    for item in figures:
        assert item["doc"] in clusters and item["fact"] in verdicts
        assert 0 <= item["start"] < item["end"] and item["end"] - item["start"] == len(item["text"])
        assert item["qualifier"] in {"exact", "approximate", "at_least", "at_most", "range", "vague"}
    for fact in facts:
        articles = {item["doc"] for item in figures if item["fact"] == fact["fact"]}
        assert (fact["verdict"] == "single") == (len(articles) == 1), fact
        assert fact["verdict"] in {"agree", "conflict", "changed", "single"}


@pytest.mark.skipif(not eval_facts.DEFAULT_EVAL.is_dir(), reason="../shared/eval (the annotated texts) is absent")
def test_the_gold_offsets_hold_on_the_texts():
    docs, figures, _ = eval_facts.load_gold(eval_facts.DEFAULT_GOLD)
    texts = {doc["doc"]: (eval_facts.DEFAULT_EVAL / doc["doc"]).read_text(encoding="utf-8") for doc in docs}
    assert all(texts[item["doc"]][item["start"]:item["end"]] == item["text"] for item in figures)


@pytest.mark.parametrize("gold, claimed, same", [
    (None, None, True), ("Qeshm", "Qeshm island", True), ("the Defence Ministry", "Defence Ministry", True),
    ("Athens", "Greece", False), ("Athens", None, False), (None, "Athens", False)])
def test_names_agree_loosely(gold, claimed, same):
    assert eval_facts.same_name(gold, claimed) is same
