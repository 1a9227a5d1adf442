"""Check the claims troopclaims finds in the real articles of ../shared/corpus against what the issues ask for.

usage: python scripts/check_corpus.py [--corpus DIR] [--model NAME]
Prints one line per expectation (ok / MISS with what was found) and the share met, and exits 1 when one is missed;
skips when the corpus is absent. Names match when the expected text is part of the found one ("Zelensky").
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from troopclaims.run.extract import ALL_KINDS, claims_from_inputs
from troopclaims.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]

# (file prefix, kind, pattern over the claim text, expected fields). None in an expectation means "must be empty".
EXPECTED = [
    ("002", "quantity", r"10,000 troops", {"value": 10000, "qualifier": "exact", "unit": "troops",
                                           "speaker": "Zelensky", "cue": "warn"}),
    ("002", "quantity", r"about 3,000 North Korean soldiers", {"value": 3000, "qualifier": "approximate",
                                                               "unit": "troops", "place": "Russia",
                                                               "speaker": "United States", "cue": "confirm",
                                                               "actor": "North Korea"}),
    ("003", "quantity", r"approximately 10,000", {"value": 10000, "qualifier": "approximate", "unit": "troops",
                                                  "place": "Russia", "speaker": "United States"}),
    ("003", "quantity", r"nearly 8,000", {"value": 8000, "qualifier": "at_most", "unit": "troops",
                                          "place": "Kursk", "speaker": "United States"}),
    ("003", "quantity", r"some 3,000", {"value": 3000, "qualifier": "approximate", "unit": "troops",
                                        "speaker": "South Korea", "cue": "believe", "relation": "near"}),
    ("003", "quantity", r"40", {"value": 40, "speaker": "soldier", "evidence": "video"}),
    ("004", "quantity", r"about 12,000", {"value": 12000, "qualifier": "approximate", "unit": "troops",
                                          "evidence": "intercept"}),
    ("004", "quantity", r"500", {"value": 500, "unit": "officers"}),
    ("004", "quantity", r"three generals", {"value": 3, "unit": "generals"}),
    ("004", "quantity", r"every 30|30 North Korean soldiers", {"value": 30, "unit": "troops"}),
    ("000", "quantity", r"1,240 square kilometres", {"value": 1240, "qualifier": "approximate", "unit": "km2",
                                                     "place": "Kursk"}),
    ("000", "quantity", r"780 square kilometres", {"value": 780, "qualifier": "approximate", "unit": "km2",
                                                   "place": "Kursk", "speaker": "xperts", "cue": "suggest"}),
    ("003", "quantity", r"[Tt]housands", {"qualifier": "vague"}),
    ("004", "quantity", r"thousands", {"qualifier": "vague"}),
    ("001", "quantity", r"significant number", {"qualifier": "vague"}),
    ("000", "date", r"Sunday or Monday", {"low": "2024-10-27", "high": "2024-10-28"}),
    ("004", "date", r"Sunday or Monday", {"low": "2024-10-27", "high": "2024-10-28"}),
    ("002", "date", r"October 27", {"low": "2024-10-27", "high": "2024-10-28", "speaker": "Zelensky"}),
    ("004", "date", r"October 27", {"low": "2024-10-27", "high": "2024-10-28"}),
    ("000", "date", r"Thursday", {"value": "2024-10-24"}),
    ("002", "date", r"Wednesday", {"value": "2024-10-23"}),
    ("000", "date", r"6 August", {"value": "2024-08-06"}),
    ("001", "date", r"December 13", {"value": "2024-12-13"}),
    ("003", "date", r"November 1, 2024", {"value": "2024-11-01"}),
    ("001", "place", r"^Kursk$", {"place": "Kursk"}),
    ("000", "place", r"Kazan", {"place": "Kazan", "unit": "city"}),
    ("002", "place", r"Pyongyang", {"place": "Pyongyang", "unit": "city"}),
    ("000", "place", r"Moscow", {"place": "Moscow", "unit": "city"}),
]
# (file prefix, kind, pattern): no claim of this kind may have this text.
FORBIDDEN = [("000", "quantity", r"13:12"), ("000", "date", r"13:12"), ("004", "quantity", r"four"),
             ("004", "date", r"four-star"), ("002", "quantity", r"27"), ("004", "quantity", r"27"),
             ("003", "quantity", r"LwAv51LwdX|51")]


def matches(claim, expected: dict) -> list[str]:
    """Return the fields of claim that miss their expectation."""
    missed = []
    for key, want in expected.items():
        got = getattr(claim, key)
        if isinstance(want, str) and not isinstance(got, (int, float)):
            if not got or want.lower() not in str(got).lower():
                missed.append(f"{key}={got!r}")
        elif got != want:
            missed.append(f"{key}={got!r}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    if not Path(args.corpus).is_dir():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    claims = list(claims_from_inputs([args.corpus], load_rules(), model=args.model, kinds=ALL_KINDS,
                                     warn=lambda message: print(message, file=sys.stderr)))
    met = 0
    for prefix, kind, pattern, expected in EXPECTED:
        candidates = [c for c in claims if c.source.startswith(prefix) and c.kind == kind and re.search(pattern, c.text)]
        misses = [matches(c, expected) for c in candidates]
        best = min(misses, key=len) if misses else None
        if best == []:
            met += 1
            print(f"ok    {prefix} {kind:8} {pattern}")
        elif best is None:
            print(f"MISS  {prefix} {kind:8} {pattern}: no such claim")
        else:
            print(f"MISS  {prefix} {kind:8} {pattern}: {', '.join(best)}")
    for prefix, kind, pattern in FORBIDDEN:
        bad = [c.text for c in claims if c.source.startswith(prefix) and c.kind == kind and re.search(pattern, c.text)]
        met += not bad
        print(f"{'ok   ' if not bad else 'WRONG'} {prefix} {kind:8} no claim from {pattern!r}{': ' + repr(bad) if bad else ''}")
    total = len(EXPECTED) + len(FORBIDDEN)
    print(f"\n{met}/{total} expectations met ({met / total:.0%})")
    return 0 if met == total else 1


if __name__ == "__main__":
    sys.exit(main())
