"""Measure date claims against third-party gold: TimeBank DATE values and Recognizers-Text DateTime specs.

Usage: PYTHONPATH=src python scripts/eval_dates.py [--eval-dir DIR] [--model blank|NAME] [--examples N]

Recall: share of gold date expressions that a date claim overlaps. Value accuracy: among those found, share whose
value (or interval) matches the gold value. Prints the main failure classes with counts. The eval folder is read
only; nothing from it is written into the project.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from troopclaims.extractors.dates import find_dates
from troopclaims.errors import TroopclaimsError
from troopclaims.pipeline import load_pipeline
from troopclaims.records import Article
from troopclaims.rules import Rules, load_rules

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RECOGNIZER_FILES = ("DateTimeModel.jsonl", "DatePeriodParser.jsonl", "DatePeriodExtractor.jsonl")
RECOGNIZER_TYPES = ("datetimeV2.date", "datetimeV2.daterange", "daterange", "date")
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def project_rules() -> Rules:
    """Return the default rules (from the source checkout when the installed-package lookup fails)."""
    try:
        return load_rules()
    except TypeError:
        return Rules([Path(__file__).resolve().parents[1] / "rules"], include_defaults=False)


def day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def gold_grain(value: str) -> str:
    """Return the grain class of a TIMEX3 value: day, month, year, week, or a named other class."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "week"
    if value.endswith("_REF"):
        return value.lower()
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    return "other"


def timebank_match(value: str, claim, reference: date) -> bool:
    """Return whether a claim carries the TIMEX3 value (see docs/dates.md for how our fields map to TIMEX3)."""
    ours, low, high = claim.value or "", day(claim.low), day(claim.high)
    grain = gold_grain(value)
    if grain in ("day", "month", "year"):
        return ours == value or (grain == "day" and claim.low == claim.high == value)
    if grain == "week":
        year, week = int(value[:4]), int(value[6:8])
        monday = date.fromisocalendar(year, week, 1)
        return ours == monday.isoformat() or (low is not None and monday <= low <= monday + timedelta(days=6))
    if grain == "quarter":
        first = date(int(value[:4]), 3 * int(value[-1]) - 2, 1)
        return low == first
    if grain == "present_ref":
        return (low is None or low <= reference) and (high is None or high >= reference) and claim.qualifier == "vague"
    if grain == "past_ref":
        return high is not None and high <= reference and claim.qualifier == "vague"
    if grain == "future_ref":
        return low is not None and low >= reference and claim.qualifier == "vague"
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if match and low:
        return (low.year, low.month) == (int(match.group(1)), SEASON_MONTHS[match.group(2)])
    match = re.fullmatch(r"(\d{4})-W(\d\d)-WE", value)
    if match and low:
        return low == date.fromisocalendar(int(match.group(1)), int(match.group(2)), 6)
    match = re.fullmatch(r"(\d{3})", value)
    if match and low:
        return str(low.year)[:3] == value
    match = re.fullmatch(r"(\d{4})-(?:WXX|QX|XX-XX|XX)", value)
    if match and (low or ours):
        return (ours or claim.low)[:4] == match.group(1)
    return False


def recognizer_match(resolution: dict, claim) -> bool:
    """Return whether a claim matches any of the alternative readings a Recognizers-Text spec gives."""
    alternatives = []
    if "values" in resolution:
        alternatives = resolution["values"]
    else:
        for key in ("FutureResolution", "PastResolution"):
            if key in resolution and resolution[key]:
                item = resolution[key]
                alternatives.append({"timex": resolution.get("Timex", ""), "Mod": resolution.get("Mod"),
                                     "start": item.get("startDate") or item.get("date"),
                                     "end": item.get("endDate"), "value": item.get("date")})
    low, high = day(claim.low), day(claim.high)
    for item in alternatives:
        timex, mod = item.get("timex", ""), item.get("Mod")
        if "value" in item and item.get("value") and not item.get("start"):
            if claim.low == claim.high == item["value"][:10] or claim.value == item["value"][:10]:
                return True
            continue
        start, end = day(item.get("start")), day(item.get("end"))
        if mod in ("before", "until") or (end and not start):
            if claim.qualifier == "at_most" and high is not None and end is not None \
                    and high in (end, end - timedelta(days=1)):
                return True
            continue
        if mod in ("after", "since") or (start and not end):
            if claim.qualifier == "at_least" and low is not None and start is not None \
                    and low in (start, start + timedelta(days=1)):
                return True
            continue
        if timex and timex == claim.value:
            return True
        if start and end and low == start and high is not None and ends_at(high, end):
            return True
        if re.fullmatch(r"\d{4}-W\d\d", timex or "") and low == start:
            return True
    return False


def ends_at(high: date, end: date) -> bool:
    """Return whether our inclusive last day matches a Recognizers end, which is exclusive for named periods
    ("this week" ends next Monday) and for ranges of months or years ("from 2014 to 2018" ends 2018-01-01)."""
    if high in (end, end - timedelta(days=1)):
        return True
    if end.day == 1 and (high.year, high.month) == (end.year, end.month):
        return True      # "from May to September": the last month named, written as its first day
    return end.month == 1 and end.day == 1 and high.year == end.year and high.month == 12


MISS_CLASSES = (
    ("present (now, currently, current)", r"^(?:now|currently|current|at present|these days|to date|the present)$"),
    ("relative to another date (a year earlier, the following month)",
     r"\b(?:earlier|later|before|after|following|previous|prior|ago)\b(?!.*\b(?:this|last|next)\b)"
     r"|year-(?:ago|earlier)"),
    ("anaphoric period (the year, the quarter, that week)", r"^(?:the|that|this|its)?\s*(?:latest\s+|current\s+|"
     r"full\s+|fiscal\s+)*(?:year|quarter|week|month|period|day|time)$"),
    ("quarter, half, fiscal or year-end", r"quarter|\bh[12]\b|\bq[1-4]\b|fiscal|year[- ]?end|half"),
    ("numeric date (11/20, 2016-11, 5.12)", r"^[\d\s/.\-]+$|\d+\s*[/.]\s*\d+"),
    ("spelled-out or ordinal number (nineteen ninety-six, the 18th)", r"\b(?:nineteen|twenty|thousand|hundred|\w+teen"
     r"|\w+(?:st|nd|rd|th))\b"),
    ("week or weekday with a number (week 31, mon 13th)", r"\bweek\b|\b(?:mon|tue|wed|thu|fri|sat|sun)"),
    ("bare year or decade without a cue", r"^\W*\d{4}s?\W*$|\b\d0s\b|'\d0s|century|decade"),
    ("vague past or future (recently, the future, recent years)", r"recent|future|past|soon|lately|once|one day"),
    ("holiday or named day (Easter, Labor Day)", r"christmas|easter|day\b|eve\b|thanksgiving|halloween|eid|\w+teenth"),
)


def miss_class(text: str) -> str:
    """Return the failure class of a gold expression no claim overlaps."""
    lowered = text.lower().strip()
    for name, pattern in MISS_CLASSES:
        if re.search(pattern, lowered):
            return name
    return "other form not covered"


def wrong_class(gold_text: str, gold_start: int, gold_end: int, claim, gold_day: date | None) -> str:
    """Return the failure class of a claim whose value does not match the gold one."""
    if claim.start < gold_start - 1 or claim.end > gold_end + 1:
        if claim.qualifier in ("range", "at_least", "at_most"):
            return "joined or bounded differently (our claim spans more than the gold expression)"
        return "our claim spans more than the gold expression"
    if claim.end < gold_end - 1 or claim.start > gold_start + 1:
        return "part of the expression read (the rest not covered)"
    low = day(claim.low)
    if gold_day and low and low != gold_day:
        if (low.month, low.day) == (gold_day.month, gold_day.day):
            return "year chosen differently for a date written without its year"
        if abs((low - gold_day).days) % 7 == 0 and abs((low - gold_day).days) <= 14:
            return "weekday placed in a different week (tense or last/next convention)"
    return "different reading or convention (grain, interval ends, quarter)"


class Tally:
    """Counts for one data set: gold found, values right, per class, with failure examples."""

    def __init__(self, name: str):
        self.name = name
        self.counts = defaultdict(Counter)
        self.failures = defaultdict(Counter)
        self.examples = defaultdict(list)
        self.claims = 0
        self.unmatched_claims = 0

    def add(self, grain: str, found: bool, right: bool | None, failure: str | None = None, example: str = ""):
        keys = [grain, "all"] + (["day+month+year"] if grain in ("day", "month", "year") else [])
        for key in keys:
            self.counts[key]["gold"] += 1
            self.counts[key]["found"] += found
            self.counts[key]["right"] += bool(right)
        if failure:
            self.failures[failure.split(":")[0]][failure] += 1
            if len(self.examples[failure]) < 3:
                self.examples[failure].append(example)

    def report(self, examples: int, extra_keys=("day+month+year",)) -> None:
        print(f"\n## {self.name}")
        for key in ["all", *extra_keys, *sorted(k for k in self.counts if k not in ("all", *extra_keys))]:
            c = self.counts.get(key)
            if not c or not c["gold"]:
                continue
            recall = c["found"] / c["gold"]
            accuracy = c["right"] / c["found"] if c["found"] else 0.0
            print(f"  {key:16} gold {c['gold']:5}  recall {recall:.3f}  value accuracy {accuracy:.3f}"
                  f"  ({c['right']}/{c['found']})")
        if self.claims:
            print(f"  claims {self.claims}, of which overlapping no gold expression: {self.unmatched_claims}")
        for kind in ("missed", "wrong"):
            classes = Counter({k: v for k, v in self.failures[kind].items()})
            if not classes:
                continue
            print(f"  {kind} ({sum(classes.values())}), main classes:")
            for failure, count in classes.most_common(12):
                shown = "; ".join(self.examples[failure][:examples]) if examples else ""
                print(f"    {count:4}  {failure.split(':', 1)[1]}" + (f"   e.g. {shown}" if shown else ""))


def overlapping(claims, start: int, end: int):
    best, size = None, 0
    for claim in claims:
        overlap = min(claim.end, end) - max(claim.start, start)
        if overlap > size:
            best, size = claim, overlap
    return best


def describe(claim) -> str:
    return f"{claim.text!r}->{claim.value} {claim.low}..{claim.high} {claim.qualifier}"


def eval_timebank(path: Path, nlp, rules, examples: int) -> Tally:
    tally = Tally(f"TimeBank 1.2 DATE ({path.name})")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = [Article(row["id"], row["text"], row["reference_date"][:10]) for row in rows]
    for row, article, doc in zip(rows, articles, nlp.pipe(a.text for a in articles)):
        claims = list(find_dates(doc, article, rules))
        reference = date.fromisoformat(article.published)
        gold = [e for e in row["expected"] if e["type"] == "DATE"]
        timexes = row["expected"]
        tally.claims += len(claims)
        tally.unmatched_claims += sum(1 for c in claims
                                      if not any(min(c.end, e["end"]) > max(c.start, e["start"]) for e in timexes))
        for item in gold:
            claim = overlapping(claims, item["start"], item["end"])
            grain = gold_grain(item["value"])
            if claim is None:
                tally.add(grain, False, None, f"missed:{miss_class(item['text'])}", item["text"])
                continue
            right = timebank_match(item["value"], claim, reference)
            gold_day = day(item["value"]) if grain == "day" else None
            failure = None if right else \
                f"wrong:{wrong_class(item['text'], item['start'], item['end'], claim, gold_day)}"
            example = f"{item['text']!r}={item['value']} ref {reference} got {describe(claim)}"
            tally.add(grain, True, right, failure, example)
    return tally


def eval_recognizers(folder: Path, nlp, rules, examples: int) -> list[Tally]:
    tallies = []
    for name in RECOGNIZER_FILES:
        path = folder / name
        if not path.is_file():
            print(f"skipped: {path} not found")
            continue
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        with_reference = [r for r in rows if r.get("reference_datetime")]
        tally = Tally(f"Recognizers-Text {name} (cases with a reference date: {len(with_reference)})")
        articles = [Article(r["id"], r["text"], r["reference_datetime"][:10]) for r in with_reference]
        for row, article, doc in zip(with_reference, articles, nlp.pipe(a.text for a in articles)):
            claims = list(find_dates(doc, article, rules))
            tally.claims += len(claims)
            tally.unmatched_claims += sum(1 for c in claims if not any(
                min(c.end, e["end"]) > max(c.start, e["start"]) for e in row["expected"]))
            for item in row["expected"]:
                if item["type"] not in RECOGNIZER_TYPES:
                    continue
                kind = item["type"].split(".")[-1]
                claim = overlapping(claims, item["start"], item["end"])
                if claim is None:
                    tally.add(kind, False, None, f"missed:{miss_class(item['text'])}", item["text"])
                    continue
                if not item.get("resolution"):
                    tally.add(kind, True, None)   # extractor specs carry no value: recall only
                    continue
                right = recognizer_match(item["resolution"], claim)
                resolution = json.dumps(item["resolution"])[:140]
                example = f"{item['text']!r} ref {article.published} gold {resolution} got {describe(claim)}"
                values = item["resolution"].get("values") or [{}]
                gold_day = day(values[0].get("value")) if kind == "date" else None
                failure = None if right else \
                    f"wrong:{wrong_class(item['text'], item['start'], item['end'], claim, gold_day)}"
                tally.add(kind, True, right, failure, example)
        tallies.append(tally)
    return tallies


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    parser.add_argument("--model", default="blank", help="spaCy pipeline: blank (default, fast) or a model name")
    parser.add_argument("--examples", type=int, default=1, help="examples shown per failure class")
    args = parser.parse_args(argv)
    timebank = args.eval_dir / "timebank" / "sentences.jsonl"
    recognizers = args.eval_dir / "recognizers" / "DateTime"
    if not args.eval_dir.is_dir():
        print(f"skipped: {args.eval_dir} not found")
        return 0
    try:
        rules = project_rules()
        nlp = load_pipeline(args.model)
    except TroopclaimsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"model: {args.model}")
    started = time.perf_counter()
    if timebank.is_file():
        eval_timebank(timebank, nlp, rules, args.examples).report(args.examples)
    else:
        print(f"skipped: {timebank} not found")
    if recognizers.is_dir():
        for tally in eval_recognizers(recognizers, nlp, rules, args.examples):
            tally.report(args.examples, extra_keys=())
    else:
        print(f"skipped: {recognizers} not found")
    print(f"\ntime {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
