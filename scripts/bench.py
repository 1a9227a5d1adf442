"""Speed of troopclaims extract and compare on the real articles (or any folder): articles and characters a second.

usage: python scripts/bench.py [FOLDER] [--model NAME] [--repeat N]
The pipeline is loaded once before timing (its load time is printed apart); each repeat runs extract and compare
over the whole folder. Skips when the folder is absent.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from troopclaims.articles import read_articles
from troopclaims.compare import compare_claims
from troopclaims.extract import ALL_KINDS, extract
from troopclaims.pipeline import choose_model, load_pipeline
from troopclaims.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.folder).is_dir():
        print(f"skipped: {args.folder} not found")
        return 0
    started = time.perf_counter()
    nlp = load_pipeline(choose_model(args.model))
    rules = load_rules()
    print(f"pipeline {nlp.meta.get('name', '?')} loaded in {time.perf_counter() - started:.2f}s")
    articles = list(read_articles([args.folder], warn=lambda message: None))
    chars = sum(len(article.text) for article in articles)
    list(extract(articles, nlp, rules, ALL_KINDS))    # warm caches (rules compiled, dateparser loaded)
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        claims = list(extract(articles, nlp, rules, ALL_KINDS))
        compare_claims(claims, rules)
        times.append(time.perf_counter() - started)
    best, median = min(times), statistics.median(times)
    print(f"{len(articles)} articles, {chars:,} characters, {len(claims)} claims")
    print(f"extract+compare: median {median * 1000:.0f} ms, best {best * 1000:.0f} ms over {args.repeat} runs; "
          f"{len(articles) / median:.1f} articles/s, {chars / median:,.0f} characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
