"""Score figures and facts against our own gold (eval/gold/facts_*.jsonl) on ECB+ and NewsWCL50 clusters.

    python scripts/eval_facts.py [--eval-dir DIR] [--gold-dir DIR] [--model NAME|blank] [--verbose] [--sentences]

troopclaims extracts the claims of the annotated articles and compares them cluster by cluster (each cluster's
annotated articles only). A gold figure is found when a quantity claim of its article overlaps its span (one claim
finds one figure); every quantity claim in an annotated article that overlaps no gold figure is a false positive
(the articles are marked whole: eval/gold/README.md says which numbers are figures). Of the found figures, the claim
overlapping most is checked for unit, aspect, value and qualifier (and, loosely, place and speaker). A gold fact
with members in 2+ articles is grouped when one fact of compare holds found claims of it from 2+ articles; then its
verdict is checked, and the purity of that group is the share of its gold-matched claims that belong to the same
gold fact. Failures follow, by class, largest first (--verbose: all of them; --sentences: each unit or aspect
miss with its sentence, to sort the misses by cause). Exits 0 with "skipped: ..." when the evaluation folder is
absent.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_GOLD = ROOT / "eval" / "gold"
EXAMPLES = 3


@dataclass
class Report:
    """Counts of one scoring run, and failures by class with examples."""

    gold: int = 0
    claims: int = 0
    found: int = 0
    true_claims: int = 0
    unit: int = 0
    aspect: int = 0
    unit_aspect: int = 0
    value: int = 0
    qualifier: int = 0
    place: int = 0
    speaker: int = 0
    facts: int = 0
    grouped: int = 0
    verdict: int = 0
    pure: int = 0
    matched_in_groups: int = 0
    sentences: bool = False      # list a unit or aspect miss with the claim's sentence
    failures: dict = field(default_factory=lambda: defaultdict(list))

    def fail(self, kind: str, example: str) -> None:
        self.failures[kind].append(example)


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a (0/0)"


def load_gold(gold_dir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """Return the gold articles, figures and facts."""
    def rows(name: str) -> list[dict]:
        with (gold_dir / name).open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
    return rows("facts_docs.jsonl"), rows("facts_figures.jsonl"), rows("facts.jsonl")


def key(claim) -> tuple:
    return claim.source, claim.start, claim.end


def overlap(claim, figure: dict) -> int:
    return min(claim.end, figure["end"]) - max(claim.start, figure["start"])


def match_figures(figures: list[dict], claims: list) -> tuple[dict[int, object], dict[tuple, int]]:
    """Return gold index -> its claim, and claim key -> the gold index it overlaps most.

    A claim goes to the figure it overlaps most (then the nearest start), so one claim that runs over two figures
    finds only one of them; of the claims that go to one figure, the one overlapping it most is its claim.
    """
    by_doc = defaultdict(list)
    for index, figure in enumerate(figures):
        by_doc[figure["doc"]].append(index)
    best_claim, best_gold, best_fit = {}, {}, {}
    for claim in claims:
        scored = [(overlap(claim, figures[i]), -abs(claim.start - figures[i]["start"]), i)
                  for i in by_doc.get(claim.source, ()) if overlap(claim, figures[i]) > 0]
        if not scored:
            continue
        fit = max(scored)
        index = fit[2]
        best_gold[key(claim)] = index
        if index not in best_fit or fit[:2] > best_fit[index]:
            best_claim[index], best_fit[index] = claim, fit[:2]
    return best_claim, best_gold


def same_unit(gold: str | None, claimed: str | None) -> bool:
    return (gold or "").strip().lower() == (claimed or "").strip().lower()


def same_value(gold, claimed) -> bool:
    if gold is None or claimed is None:
        return gold is None and claimed is None
    try:
        return abs(float(gold) - float(claimed)) <= 1e-6 * max(1.0, abs(float(gold)))
    except (TypeError, ValueError):
        return False


def same_name(gold: str | None, claimed: str | None) -> bool:
    """Return whether two names agree loosely: both null, or the words of one all among the other's."""
    def words(name: str | None) -> set[str]:
        return {word.strip(".,'’") for word in (name or "").lower().replace("'s", "").split()} - {"the", ""}
    shorter, longer = sorted((words(gold), words(claimed)), key=len)
    return shorter <= longer and (bool(shorter) or not longer)


def show(figure: dict) -> str:
    return f"{figure['doc']}@{figure['start']} {figure['text']!r} ({figure['unit']}/{figure['aspect']})"


def with_sentence(example: str, claim, report: Report) -> str:
    return f"{example}\n            | {claim.sentence}" if report.sentences and claim.sentence else example


def show_claim(claim) -> str:
    return f"{claim.source}@{claim.start} {claim.text!r} ({claim.unit}/{claim.aspect})"


def score_figures(figures: list[dict], claims: list, report: Report) -> tuple[dict[int, object], dict[tuple, int]]:
    """Count found figures and true claims, and the labels of found figures; return the matching."""
    best_claim, best_gold = match_figures(figures, claims)
    report.gold += len(figures)
    report.claims += len(claims)
    report.found += len(best_claim)
    report.true_claims += len(best_gold)
    for claim in claims:
        if key(claim) not in best_gold:
            report.fail(f"false positive: claim unit {claim.unit}", show_claim(claim))
    for index, figure in enumerate(figures):
        claim = best_claim.get(index)
        if claim is None:
            report.fail(f"missed figure: gold aspect {figure['aspect']}", show(figure))
            continue
        unit_ok, aspect_ok = same_unit(figure["unit"], claim.unit), figure["aspect"] == claim.aspect
        report.unit += unit_ok
        report.aspect += aspect_ok
        report.unit_aspect += unit_ok and aspect_ok
        if not unit_ok:
            report.fail(f"unit wrong: {figure['unit']} -> {claim.unit}",
                        with_sentence(f"{show(figure)} got {claim.text!r}", claim, report))
        if not aspect_ok:
            report.fail(f"aspect wrong: {figure['aspect']} -> {claim.aspect}",
                        with_sentence(f"{show(figure)} got {claim.text!r} (event {claim.event})", claim, report))
        value_ok = same_value(figure["value"], claim.value)
        report.value += value_ok
        if not value_ok:
            report.fail("value wrong", f"{show(figure)} value {figure['value']} got {claim.value} ({claim.text!r})")
        report.qualifier += figure["qualifier"] == claim.qualifier
        report.place += same_name(figure["place"], claim.place)
        report.speaker += same_name(figure["speaker"], claim.speaker)
        if figure["qualifier"] != claim.qualifier:
            report.fail(f"qualifier wrong: {figure['qualifier']} -> {claim.qualifier}",
                        f"{show(figure)} got {claim.text!r}")
    return best_claim, best_gold


def score_facts(figures: list[dict], facts: list[dict], groups: list, best_claim: dict, best_gold: dict,
                report: Report) -> None:
    """Count the gold facts of 2+ articles that one group holds from 2+ articles, their verdicts and purity."""
    group_of = {key(claim): number for number, group in enumerate(groups) for claim in group.claims}
    members = defaultdict(list)
    for index, figure in enumerate(figures):
        members[figure["fact"]].append(index)
    for fact in facts:
        indices = members.get(fact["fact"], [])
        if len({figures[i]["doc"] for i in indices}) < 2:
            continue
        report.facts += 1
        found = [(figures[i]["doc"], best_claim[i]) for i in indices if i in best_claim]
        docs_by_group = defaultdict(set)
        for doc, claim in found:
            if key(claim) in group_of:
                docs_by_group[group_of[key(claim)]].add(doc)
        best = max(docs_by_group, key=lambda g: (len(docs_by_group[g]), -g), default=None)
        label = f"{fact['fact']} [{fact['verdict']}]"
        if best is None or len(docs_by_group[best]) < 2:
            if len({doc for doc, _ in found}) < 2:
                report.fail("fact not grouped: found in fewer than 2 articles", label)
            elif len({doc for doc, claim in found if key(claim) in group_of}) < 2:
                report.fail("fact not grouped: found claims left out of compare", label)
            else:
                names = sorted({groups[g].name for g in docs_by_group})
                report.fail("fact not grouped: split over groups", f"{label} in {names}")
            continue
        report.grouped += 1
        group = groups[best]
        if group.verdict == fact["verdict"]:
            report.verdict += 1
        else:
            report.fail(f"verdict wrong: {fact['verdict']} -> {group.verdict}", f"{label} as {group.name!r}")
        gold_facts = [figures[best_gold[key(claim)]]["fact"] for claim in group.claims if key(claim) in best_gold]
        same = sum(1 for other in gold_facts if other == fact["fact"])
        report.pure += same
        report.matched_in_groups += len(gold_facts)
        if same < len(gold_facts):
            others = Counter(other for other in gold_facts if other != fact["fact"])
            report.fail("group mixes gold facts", f"{label} in {group.name!r} with {dict(others)}")


def print_report(report: Report, header: str, verbose: bool) -> None:
    print(header)
    print(f"  figures: recall {ratio(report.found, report.gold)}  precision {ratio(report.true_claims, report.claims)}")
    print(f"  found figures with the right unit and aspect: {ratio(report.unit_aspect, report.found)}; "
          f"unit {ratio(report.unit, report.found)}, aspect {ratio(report.aspect, report.found)}, "
          f"value {ratio(report.value, report.found)}, qualifier {ratio(report.qualifier, report.found)}")
    print(f"  and, names compared loosely: place {ratio(report.place, report.found)}, "
          f"speaker {ratio(report.speaker, report.found)}")
    print(f"  gold facts in 2+ articles grouped across 2+ articles by compare: {ratio(report.grouped, report.facts)}; "
          f"right verdict {ratio(report.verdict, report.grouped)}; "
          f"purity {ratio(report.pure, report.matched_in_groups)}")
    print("failures by class, largest first:")
    for kind, examples in sorted(report.failures.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"  {len(examples):4d}  {kind}")
        for example in examples[:None if verbose else EXAMPLES]:
            print(f"          {example}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the installed English one; 'blank')")
    parser.add_argument("--verbose", action="store_true", help="print every failure, not only a few of each class")
    parser.add_argument("--sentences", action="store_true",
                        help="list every unit and aspect miss with its sentence (implies --verbose)")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"skipped: {args.eval_dir} not found")
        return 0
    from troopclaims.compare.facts import compare_claims
    from troopclaims.run.extract import extract
    from troopclaims.pipeline import choose_model, load_pipeline
    from troopclaims.records import Article
    from troopclaims.rules import load_rules

    docs, figures, facts = load_gold(args.gold_dir)
    missing = [doc["doc"] for doc in docs if not (args.eval_dir / doc["doc"]).is_file()]
    if missing:
        print(f"skipped: {len(missing)} annotated articles not found under {args.eval_dir}, e.g. {missing[0]}")
        return 0
    model = choose_model(args.model)
    rules, nlp = load_rules(), load_pipeline(model)
    articles = [Article(doc["doc"], (args.eval_dir / doc["doc"]).read_text(encoding="utf-8"), doc["published"])
                for doc in docs]
    cluster_of = {doc["doc"]: doc["cluster"] for doc in docs}
    claims = defaultdict(list)
    for claim in extract(articles, nlp, rules):
        claims[cluster_of[claim.source]].append(claim)
    report = Report(sentences=args.sentences)
    for cluster in sorted({doc["cluster"] for doc in docs}):
        gold = [figure for figure in figures if cluster_of[figure["doc"]] == cluster]
        quantities = [claim for claim in claims[cluster] if claim.kind == "quantity"]
        best_claim, best_gold = score_figures(gold, quantities, report)
        score_facts(gold, [fact for fact in facts if fact["cluster"] == cluster], compare_claims(claims[cluster], rules),
                    best_claim, best_gold, report)
    clusters = len({doc["cluster"] for doc in docs})
    print_report(report, f"figures and facts on our gold: {clusters} clusters, {len(docs)} articles, "
                         f"{len(figures)} figures (model {model})", args.verbose or args.sentences)
    return 0


if __name__ == "__main__":
    sys.exit(main())
