"""How compare's time and memory grow with the number of claims: is any step quadratic?

usage: python scripts/bench_compare.py CLAIMS.jsonl [--times 1 2 4] [--clusters] [--series 1000]
CLAIMS.jsonl is what `troopclaims extract --format jsonl` prints (say, on the ECB+ articles). Each run compares the
claims as one story (the worst case: every claim a candidate of every other), and the claims repeated N times
(each copy's sources renamed, so a copy is other articles saying the same): a step linear in the claims takes N
times as long, a quadratic one N^2 times. --clusters also times each ECB+ cluster on its own (the source names'
prefix before "_"), as a user compares one story. --series N times one fact of N, 2N and 4N figures of a toll
that differ (one report a figure, some days with two), as fifty thousand articles on one story would give: the
camps and the clashes of one fact, the steps that would be quadratic in its figures. Prints the wall time of compare_claims (CPU-bound, one process)
and the peak memory it allocates (tracemalloc, a separate run so as not to slow the timing).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from troopclaims.compare.facts import compare_claims
from troopclaims.records import Claim
from troopclaims.rules import load_rules


def copies(claims: list[Claim], times: int) -> list[Claim]:
    """Return the claims repeated `times` times, each copy from articles of other names."""
    return [replace(claim, source=f"{claim.source}~{n}" if n else claim.source)
            for n in range(times) for claim in claims]


def series(size: int) -> list[Claim]:
    """Return `size` figures of one death toll over a year, from as many articles, most of them apart."""
    claims = []
    for i in range(size):
        value = 100 + i + (i * 7919) % 13
        day = (date(2031, 1, 1) + timedelta(days=i * 365 // size)).isoformat()
        claims.append(Claim(source=f"report{i}.txt", published=day, kind="quantity", text=f"{value} people",
                            start=0, end=1, value=value, low=value, high=value, qualifier="exact", unit="people",
                            aspect="killed", event="killed", sentence=f"The quake has killed {value} people."))
    return claims


def measure(claims: list[Claim], rules) -> tuple[float, float, int]:
    """Return the wall seconds of compare_claims, the peak MiB it allocates, and the facts it makes."""
    start = time.perf_counter()
    facts = compare_claims(claims, rules)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    compare_claims(claims, rules)
    peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
    tracemalloc.stop()
    return seconds, peak, len(facts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=Path)
    parser.add_argument("--times", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--clusters", action="store_true", help="also time each cluster (source prefix) alone")
    parser.add_argument("--series", type=int, default=0, help="also time one fact of N, 2N and 4N figures")
    args = parser.parse_args()
    with args.claims.open(encoding="utf-8") as lines:
        claims = [Claim.from_dict(json.loads(line)) for line in lines if line.strip()]
    rules = load_rules()
    compare_claims(claims[:50], rules)      # compile the rules once, outside the timings
    print(f"{len(claims)} claims of {len({claim.source for claim in claims})} articles, as one story")
    base = None
    for times in args.times:
        seconds, peak, facts = measure(copies(claims, times), rules)
        base = base or seconds / times
        print(f"  x{times}: {len(claims) * times:>6} claims  {seconds:7.2f} s  ({seconds / (base * times):.2f}x "
              f"linear)  peak {peak:6.1f} MiB  {facts} facts")
    if args.clusters:
        by_cluster = defaultdict(list)
        for claim in claims:
            by_cluster[claim.source.split("_")[0]].append(claim)
        total = sum(measure(members, rules)[0] for members in by_cluster.values())
        print(f"  {len(by_cluster)} clusters compared one by one: {total:.2f} s in all")
    if args.series:
        print(f"one toll of many figures (a series, in conflict)")
        for size in (args.series, 2 * args.series, 4 * args.series):
            seconds, peak, facts = measure(series(size), rules)
            print(f"  {size:>6} figures  {seconds:7.2f} s  peak {peak:6.1f} MiB  {facts} fact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
