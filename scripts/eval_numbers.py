"""Score troopclaims.extractors.numbers on the Microsoft Recognizers-Text English spec cases (value precision and recall).

Usage: PYTHONPATH=src python scripts/eval_numbers.py [--eval-dir DIR] [--errors N] [--rules DIR]

A predicted numeric matches an expected one when their spans overlap and the values agree (relative tolerance
1e-6); for NumberRangeModel both interval ends must agree (an open end only with an open end). Matching is one to
one, left to right. In the Dimension and Currency files only predictions that carry a unit of that family are
scored (those files mark only measurements and money), and expected mentions with no figure ("dollar") are left
out; in NumberRangeModel only predictions with qualifier words or a range are scored (that file marks only
bounds and ranges). A predicted range matches a single expected figure at either end. Unit agreement is reported
for matched pairs whose expected unit maps to one of ours.
The "P py" and "R py" columns leave out the records that the spec itself marks as not supported by the reference Python
implementation. Prints "skipped: ... not found" and exits 0 when the evaluation folder is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from troopclaims.extractors.numbers import numerics
from troopclaims.rules import load_rules

FILES = ("Number/NumberModel.jsonl", "Number/NumberRangeModel.jsonl", "NumberWithUnit/DimensionModel.jsonl",
         "NumberWithUnit/CurrencyModel.jsonl")
CURRENCIES = {"USD", "EUR", "GBP", "GBX", "cent", "UAH", "RUB", "CNY", "JPY", "KRW", "KPW", "INR", "CHF", "CAD",
              "AUD", "HKD", "NZD", "MXN", "TRY", "PLN", "BTC"}
# The spec's unit names -> ours, where one exists.
UNIT_NAMES = {
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "British pound": "GBP", "Chinese yuan": "CNY",
    "Japanese yen": "JPY", "Canadian dollar": "CAD", "Swiss franc": "CHF", "Turkish lira": "TRY", "Rupee": "INR",
    "Australian dollar": "AUD", "Mexican peso": "MXN", "Bitcoin": "BTC", "Hong Kong dollar": "HKD",
    "New Zealand dollar": "NZD", "Mile": "mi", "Foot": "ft", "Inch": "in", "Kilometer": "km", "Meter": "m",
    "Square meter": "m2", "Square kilometer": "km2", "Ton": "t", "Metric ton": "t", "Gallon": "gal",
    "Barrel": "bbl", "Kilogram": "kg", "Gram": "g", "Acre": "acre", "Millimeter": "mm", "Centimeter": "cm",
    "Milliliter": "ml", "Ounce": "oz", "Mile per hour": "mph", "Kilometer per hour": "kmh", "Microgram": "ug",
    "Cubic foot": "ft3", "Cubic meter": "m3", "Cent": "cent", "Pence": "GBX", "Penny": "GBX",
}


def default_eval_dir() -> Path:
    """Return ../shared/eval relative to the repository root."""
    return Path(__file__).resolve().parents[2] / "shared" / "eval"


def same(a: float | None, b: float | None) -> bool:
    """Return True when two figures agree (both open, or within a relative 1e-6)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def interval(text: str) -> tuple[float | None, float | None]:
    """Return the ends of a spec interval such as "(20,35]" or "[30,)"."""
    lo, hi = text.strip("[]()").split(",")
    return (float(lo) if lo.strip() else None, float(hi) if hi.strip() else None)


def gold_items(record: dict, ranged: bool) -> list[dict]:
    """Return the expected mentions that carry a figure, with their value (or interval) and unit."""
    items = []
    for exp in record["expected"]:
        res = exp.get("resolution") or {}
        value = res.get("value")
        if value in (None, ""):
            continue
        item = {"start": exp["start"], "end": exp["end"], "text": exp["text"], "unit": res.get("unit"),
                "iso": res.get("isoCurrency")}
        if ranged:
            item["low"], item["high"] = interval(value)
        else:
            item["value"] = float(value)
        items.append(item)
    return items


def scored_predictions(found, family: str | None):
    """Return the predictions a file scores: all of them, or those carrying a unit of the file's family."""
    if family == "range":
        return [n for n in found if n.cue is not None or n.qualifier == "range"]
    if family == "currency":
        return [n for n in found if n.unit in CURRENCIES]
    if family == "dimension":
        return [n for n in found if n.unit and n.unit not in CURRENCIES and n.unit not in ("percent", "pp")]
    return list(found)


def agree(gold: dict, pred, ranged: bool) -> bool:
    """Return True when a prediction overlaps an expected mention and gives the same figure(s)."""
    if pred.end <= gold["start"] or pred.start >= gold["end"]:
        return False
    if ranged:
        low, high = (pred.low, pred.high)
        if pred.qualifier in ("exact", "approximate") and pred.value is not None:
            low = high = pred.value
        return same(low, gold["low"]) and same(high, gold["high"])
    if pred.qualifier == "range":    # the spec marks one end of "eight to 10 feet"
        return same(pred.low, gold["value"]) or same(pred.high, gold["value"])
    return pred.value is not None and same(pred.value, gold["value"])


def score_file(path: Path, lex, errors: int) -> dict:
    ranged = "Range" in path.name
    family = "currency" if "Currency" in path.name else "dimension" if "Dimension" in path.name else \
        "range" if ranged else None
    totals = {key: 0 for key in ("tp", "fp", "fn", "tp_py", "fp_py", "fn_py", "unit_ok", "unit_checked",
                                 "records", "records_py")}
    shown = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        python_ok = "python" not in (record.get("not_supported_by") or "")
        golds = gold_items(record, ranged)
        preds = scored_predictions(numerics(record["text"], lex), family)
        used = set()
        matched = 0
        for gold in golds:
            for index, pred in enumerate(preds):
                if index not in used and agree(gold, pred, ranged):
                    used.add(index)
                    matched += 1
                    wanted = UNIT_NAMES.get(gold["unit"] or "")
                    if gold["unit"] == "Pound":
                        wanted = "GBP" if family == "currency" else "lb"
                    if family in ("currency", "dimension") and wanted:
                        totals["unit_checked"] += 1
                        totals["unit_ok"] += pred.unit == wanted
                    break
        tp, fp, fn = matched, len(preds) - matched, len(golds) - matched
        totals["records"] += 1
        totals["tp"] += tp
        totals["fp"] += fp
        totals["fn"] += fn
        if python_ok:
            totals["records_py"] += 1
            totals["tp_py"] += tp
            totals["fp_py"] += fp
            totals["fn_py"] += fn
        if (fp or fn) and len(shown) < errors:
            text = record["text"]
            got = [(text[p.start:p.end], p.value if not ranged else (p.low, p.high), p.unit) for p in preds]
            want = [(g["text"], g.get("value", (g.get("low"), g.get("high"))), g["unit"]) for g in golds]
            shown.append(f"  {record['id']}: {text[:110]!r}\n      want {want}\n      got  {got}")
    totals["shown"] = shown
    return totals


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir())
    parser.add_argument("--errors", type=int, default=0, help="print up to N records with errors per file")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="extra rules folder")
    args = parser.parse_args(argv)
    folder = args.eval_dir / "recognizers"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    lex = load_rules(args.rules).lexicon("numbers")
    header = f"{'file':38} {'recs':>5} {'P':>6} {'R':>6} {'F1':>6} | {'P py':>6} {'R py':>6} | unit ok"
    print(header)
    print("-" * len(header))
    details = []
    for name in FILES:
        path = folder / name
        if not path.is_file():
            print(f"{name:38} skipped: not found")
            continue
        started = time.perf_counter()
        t = score_file(path, lex, args.errors)
        elapsed = time.perf_counter() - started
        p, r = t["tp"] / max(1, t["tp"] + t["fp"]), t["tp"] / max(1, t["tp"] + t["fn"])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        unit = f"{t['unit_ok']}/{t['unit_checked']}" if t["unit_checked"] else "-"
        print(f"{name:38} {t['records']:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f} | "
              f"{ratio(t['tp_py'], t['tp_py'] + t['fp_py']):>6} {ratio(t['tp_py'], t['tp_py'] + t['fn_py']):>6} | "
              f"{unit}   ({t['tp']} tp, {t['fp']} fp, {t['fn']} fn; {elapsed * 1000:.0f} ms)")
        if t["shown"]:
            details.append(f"{name}:\n" + "\n".join(t["shown"]))
    for block in details:
        print()
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
