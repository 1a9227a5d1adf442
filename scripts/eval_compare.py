"""How often compare puts the same fact from different articles into one group, on ECB+ news clusters.

usage: python scripts/eval_compare.py [--eval-dir DIR] [--model NAME] [--show N] [--seed S] [--misses]
For every gold cross-document entity of ../shared/eval/ecbplus/numeric_coref_instances.jsonl whose numbers differ
between articles, compare runs over the articles of its cluster; the instance is a hit when one fact group holds
claims that overlap its mentions in two or more articles. Also prints examples of hits and misses, and N random
groups of several articles for reading by hand; --misses adds, under each miss, every claim overlapping its mentions
with the fact compare put it in (or "left out"). Skips when the folder is absent.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from troopclaims.compare.facts import compare_claims
from troopclaims.extractors.dates import find_dateline
from troopclaims.run.extract import DEFAULT_KINDS, extract
from troopclaims.pipeline import choose_model, load_pipeline
from troopclaims.records import Article
from troopclaims.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def overlaps(claim, mention) -> bool:
    return claim.start < mention["end"] and mention["start"] < claim.end


def miss_detail(mentions: dict, claims: list, facts: list) -> str:
    """Return one line per claim overlapping a missed instance's mentions: article, claim and its fact."""
    fact_of = {id(claim): fact.name for fact in facts for claim in fact.claims}
    lines = []
    for claim in claims:
        if any(overlaps(claim, mention) for mention in mentions.get(claim.source, [])):
            lines.append(f"\n         {claim.source}: {claim.kind} {claim.text!r} = {claim.value} "
                         f"(event {claim.event}, subject {claim.subject}) -> {fact_of.get(id(claim), 'left out')!r}")
    return "".join(lines) or "\n         (no claim overlaps a mention)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--show", type=int, default=10, help="random multi-article groups to print")
    parser.add_argument("--seed", type=int, default=7, help="which random groups to print (7: make eval's)")
    parser.add_argument("--misses", action="store_true", help="under each miss, its claims and their facts")
    args = parser.parse_args()
    folder = Path(args.eval_dir) / "ecbplus"
    if not (folder / "numeric_coref_instances.jsonl").is_file():
        print(f"skipped: {folder} not found")
        return 0
    instances = [json.loads(line) for line in (folder / "numeric_coref_instances.jsonl").open(encoding="utf-8")]
    differing = [instance for instance in instances if instance["numbers_differ"]]
    clusters = {instance["cluster"] for instance in differing}
    docs = [json.loads(line) for line in (folder / "docs.jsonl").open(encoding="utf-8")]
    rules = load_rules()
    # The corpus's guess at each dateline is a line as written ("Monday, March 11, 2013 23:51"): read it as extract
    # reads a dateline; where it reads as none, extract looks for one in the text itself.
    articles = [Article(doc["doc_id"], doc["text"], find_dateline(doc.get("date_line_guess") or "", rules=rules))
                for doc in docs if doc["cluster"] in clusters]
    cluster_of = {doc["doc_id"]: doc["cluster"] for doc in docs}
    nlp = load_pipeline(choose_model(args.model))
    claims_by_cluster = defaultdict(list)
    for claim in extract(articles, nlp, rules, DEFAULT_KINDS):
        claims_by_cluster[cluster_of[claim.source]].append(claim)
    facts_by_cluster = {cluster: compare_claims(claims, rules) for cluster, claims in claims_by_cluster.items()}

    hits, found_any, lines = 0, 0, []
    for instance in differing:
        mentions = defaultdict(list)
        for mention in instance["mentions"]:
            mentions[mention["doc_id"]].append(mention)
        claims = claims_by_cluster[instance["cluster"]]
        extracted = {doc for doc, spans in mentions.items()
                     if any(c.source == doc and any(overlaps(c, m) for m in spans) for c in claims)}
        found_any += len(extracted) >= 2
        best = None
        for fact in facts_by_cluster.get(instance["cluster"], []):
            docs_in = {c.source for c in fact.claims if any(overlaps(c, m) for m in mentions.get(c.source, []))}
            if len(docs_in) >= 2 and (best is None or len(docs_in) > best[0]):
                best = (len(docs_in), fact)
        hits += best is not None
        surface = sorted({m["mention"] for m in instance["mentions"]})[:5]
        if best:
            lines.append(f"  HIT  {instance['descriptor']}: {best[0]} of {len(mentions)} articles in "
                         f"{best[1].name!r} ({best[1].verdict}); mentions {surface}")
        else:
            lines.append(f"  miss {instance['descriptor']}: found in {len(extracted)} of {len(mentions)} articles; "
                         f"mentions {surface}" + (miss_detail(mentions, claims, facts_by_cluster.get(
                             instance["cluster"], [])) if args.misses else ""))
    total = len(differing)
    print(f"ECB+ instances whose numbers differ between articles: {total}")
    print(f"  extracted from 2+ articles: {found_any} ({found_any / total:.0%})")
    print(f"  grouped across 2+ articles by compare: {hits} ({hits / total:.0%})")
    print("\n".join(sorted(lines)))

    groups = [fact for facts in facts_by_cluster.values() for fact in facts if fact.reports >= 2]
    random.Random(args.seed).shuffle(groups)
    print(f"\n{len(groups)} groups hold claims from 2+ articles; {min(args.show, len(groups))} of them at random:")
    for fact in groups[:args.show]:
        print(f"\n# {fact.name} [{fact.verdict}] {fact.reports} articles")
        for claim in fact.claims:
            print(f"  {claim.source}: {claim.text!r} ({claim.event or '-'}) | {claim.sentence[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
