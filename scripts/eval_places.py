"""Score place mentions on ECB+: against ECB+'s own LOC marks and against our gold sample (eval/gold/).

    python scripts/eval_places.py [--eval-dir DIR] [--model NAME] [--gold FILE] [--show N]

Precision and recall count a predicted mention as found when its span overlaps a marked one (one-to-one).
ECB+ marks locations only in the sentences it annotates and only those that take part in its events, so the
ECB+ figures are computed inside annotated sentences and its precision is a floor. Our gold marks every place
mention in 40 whole documents (see docs/places.md) and carries canonical names, so it also gives the accuracy of
the names on the matched mentions; a name qualified by its container where a bare name would mean another place
("Huntsville, Texas" for gold "Huntsville") counts as right. Exits 0 with "skipped: ..." when the evaluation
folder is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from troopclaims.pipeline import choose_model, load_pipeline  # noqa: E402
from troopclaims.extractors.places import place_mentions  # noqa: E402
from troopclaims.rules import load_rules  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEFAULT_GOLD = ROOT / "eval" / "gold" / "ecbplus_places.jsonl"


def overlap_match(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return (predicted index, gold index) pairs matched one-to-one by span overlap, nearest starts first."""
    pairs = sorted(
        ((abs(p[0] - g[0]), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
         if p[0] < g[1] and g[0] < p[1]))
    used_p, used_g, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def same_name(predicted: str, gold: str) -> bool:
    """Return True when a predicted canonical name is the gold one, ignoring case and a ", Container" added."""
    predicted, gold = predicted.casefold(), gold.casefold()
    return predicted == gold or predicted.rsplit(", ", 1)[0] == gold


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(name: str, n_pred: int, n_gold: int, n_match: int) -> str:
    p, r = ratio(n_match, n_pred), ratio(n_match, n_gold)
    return (f"{name}: precision {p:.3f} ({n_match}/{n_pred})  recall {r:.3f} ({n_match}/{n_gold})  "
            f"F1 {f1(p, r):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the installed English one; 'blank')")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show", type=int, default=0, help="print up to N misses and false places of the gold run")
    args = parser.parse_args(argv)

    docs_path = args.eval_dir / "ecbplus" / "docs.jsonl"
    if not docs_path.is_file():
        print(f"skipped: {docs_path} not found (pass --eval-dir)")
        return 0
    docs = [json.loads(line) for line in docs_path.open(encoding="utf-8") if line.strip()]
    model = choose_model(args.model)
    nlp = load_pipeline(model)
    gaz = load_rules().lexicon("places")
    predicted = {}
    for doc, record in nlp.pipe(((d["text"], d) for d in docs), as_tuples=True, batch_size=32):
        predicted[record["doc_id"]] = list(place_mentions(doc, gaz))
    print(f"model: {model}; {len(docs)} ECB+ documents")

    # ECB+ LOC marks, inside the sentences ECB+ annotates.
    totals = {"all": [0, 0, 0], "named": [0, 0, 0]}
    for record in docs:
        annotated = {m["sentence"] for m in record["mentions"]} | set(record.get("gold_sentences") or [])
        bounds = [(s["start"], s["end"]) for s in record["sentences"] if s["sentence"] in annotated]
        inside = [m for m in predicted[record["doc_id"]] if any(a <= m.start < b for a, b in bounds)]
        marks = [m for m in record["mentions"] if m["type"].startswith("LOC")]
        for subset in totals:
            gold = marks if subset == "all" else [m for m in marks if any(w[:1].isupper() for w in m["text"].split())]
            matched = overlap_match([(m.start, m.end) for m in inside], [(g["start"], g["end"]) for g in gold])
            preds = inside if subset == "all" else inside
            totals[subset][0] += len(preds)
            totals[subset][1] += len(gold)
            totals[subset][2] += len(matched)
    print(report("ECB+ LOC marks (all, annotated sentences)", *totals["all"]))
    print(report("ECB+ LOC marks with a capitalised word   ", *totals["named"]))

    if not args.gold.is_file():
        print(f"skipped gold: {args.gold} not found")
        return 0
    texts = {d["doc_id"]: d["text"] for d in docs}
    n_pred = n_gold = n_match = n_named = 0
    misses, false = [], []
    for line in args.gold.open(encoding="utf-8"):
        if not line.strip():
            continue
        entry = json.loads(line)
        doc_id = entry["doc_id"]
        if doc_id not in predicted:
            continue
        preds, gold = predicted[doc_id], entry["places"]
        matched = overlap_match([(m.start, m.end) for m in preds], [(g["start"], g["end"]) for g in gold])
        n_pred += len(preds)
        n_gold += len(gold)
        n_match += len(matched)
        text = texts[doc_id]
        for i, j in matched:
            if same_name(preds[i].name, gold[j]["label"]):
                n_named += 1
            else:
                misses.append(f"{doc_id}: name {preds[i].name!r} for {text[gold[j]['start']:gold[j]['end']]!r} "
                              f"(gold {gold[j]['label']!r})")
        hit_p, hit_g = {i for i, _ in matched}, {j for _, j in matched}
        misses += [f"{doc_id}: missed {text[g['start']:g['end']]!r} ({g['type']})"
                   for j, g in enumerate(gold) if j not in hit_g]
        false += [f"{doc_id}: false {text[m.start:m.end]!r} -> {m.name}" for i, m in enumerate(preds) if i not in hit_p]
    print(report(f"our gold ({args.gold.name})              ", n_pred, n_gold, n_match))
    print(f"canonical names right on matched mentions: {ratio(n_named, n_match):.3f} ({n_named}/{n_match})")
    if args.show:
        for line in (misses + false)[:args.show]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
