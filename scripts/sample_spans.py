"""Print random age and duration claims of the ECB+ articles, to judge by hand whether each is a real age or
duration of something (and whether its person or event is right).

Usage: python scripts/sample_spans.py [--eval-dir DIR] [--model NAME] [--show N] [--seed S]

The README's count of right ones comes from `--show 30` with `--seed 10`, `11` and `12` (the judging is by hand:
this script only draws the sample, the same one for the same seed, claims and pipeline).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from troopclaims.pipeline import choose_model, load_pipeline  # noqa: E402
from troopclaims.reading.articles import read_articles  # noqa: E402
from troopclaims.records import SPAN_KINDS  # noqa: E402
from troopclaims.rules import load_rules  # noqa: E402
from troopclaims.run.extract import extract  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the installed English one; 'blank')")
    parser.add_argument("--show", type=int, default=30, help="claims drawn")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    folder = args.eval_dir / "ecbplus" / "text"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    model = choose_model(args.model)
    articles = read_articles([str(folder)], warn=lambda message: None)
    claims = list(extract(articles, load_pipeline(model), load_rules(), SPAN_KINDS))
    ages = sum(claim.kind == "age" for claim in claims)
    print(f"{len(claims)} ages and durations in ECB+ ({ages} ages; model {model}); {args.show} drawn, seed {args.seed}")
    random.seed(args.seed)
    for number, claim in enumerate(random.sample(claims, min(args.show, len(claims))), 1):
        print(f"{number:2} {claim.kind:8} {claim.text!r} = {claim.value} {claim.unit}; of {claim.subject!r}, "
              f"event {claim.event!r}; speaker {claim.speaker!r}\n   {claim.sentence[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
