"""Score attribution (speaker and cue of each figure or date) on hand-annotated newswcl50 articles.

Usage: python scripts/eval_attribution.py [--eval-dir DIR] [--model NAME] [--gold FILE] [--errors]

The gold file (eval/gold/newswcl50_attribution.jsonl) holds offsets and labels only: for each figure or date its
span, the canonical speaker (null for the outlet's own voice), the span of the mention that names the speaker, and
the cue lemma. The gold figure spans are the claims; attribute() fills them in. A predicted speaker matches when
its canonical name equals the gold one (or one is the other's surname: "Trump" / "Donald Trump"), or, in the
"name or mention" column, when the predicted mention overlaps the gold mention. When textacy is installed, its
direct_quotations() on the same parsed Docs is scored as a baseline (a figure counts as attributed when it lies
in a quotation textacy found).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from troopclaims.reading.articles import read_articles  # noqa: E402
from troopclaims.attribution.attribute import attributions  # noqa: E402
from troopclaims.pipeline import choose_model, load_pipeline  # noqa: E402
from troopclaims.attribution.quotes import quotations  # noqa: E402
from troopclaims.rules import load_rules  # noqa: E402
from troopclaims.spans import new_claim  # noqa: E402
from troopclaims.attribution.speakers import normalise  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEFAULT_GOLD = ROOT / "eval" / "gold" / "newswcl50_attribution.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--model", default=None, help="spaCy pipeline, or 'blank' (default: the installed model)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true",
                        help="list every item the system gets wrong (by name; a right mention is said)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline")
    args = parser.parse_args(argv)
    text_dir = args.eval_dir / "newswcl50" / "text"
    if not text_dir.is_dir():
        print(f"skipped: {text_dir} not found (pass --eval-dir pointing at shared/eval)")
        return 0
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    model = choose_model(args.model)
    nlp = load_pipeline(model)
    rules = load_rules()
    book = rules.lexicon("speakers")
    cues = rules.lexicon("attribution")
    by_doc = defaultdict(list)
    for item in gold:
        by_doc[item["doc"]].append(item)
    articles = {a.id: a for a in read_articles([str(text_dir)], warn=lambda m: print(m, file=sys.stderr))}
    textacy = None if args.no_baseline or model == "blank" else _textacy()
    ours, base = [], []
    for doc_id, items in sorted(by_doc.items()):
        article = articles[doc_id]
        doc = nlp(article.text)
        claims = [new_claim(article, doc, i["start"], i["end"], i["kind"]) for i in items]
        quoted = [any(q.holds(i["start"], i["end"]) for q in quotations(article.text)) for i in items]
        for item, found, in_quote in zip(items, attributions(doc, claims, rules), quoted):
            lemma = found.cue_lemma
            ours.append((item, found.speaker, (found.speaker_start, found.speaker_end), lemma, in_quote))
        if textacy is not None:
            for item, guess, in_quote in zip(items, _baseline(textacy, doc, items, book, cues), quoted):
                base.append((item, *guess, in_quote))
    print(f"attribution on newswcl50: {len(gold)} figures and dates, "
          f"{sum(1 for g in gold if g['speaker'])} with a speaker; pipeline {model}")
    _report("troopclaims attribute()", ours)
    if textacy is None and not args.no_baseline and model != "blank":
        print("baseline skipped: textacy is not installed (pip install textacy)")
    elif base:
        _report("textacy direct_quotations (baseline)", base)
    if args.errors:
        for item, speaker, span, lemma, _ in ours:
            wrong_name = not _speaker_ok(item, speaker, span, False) if item["speaker"] else speaker is not None
            mention = " (its mention is the gold one)" if item["speaker"] and _speaker_ok(item, speaker, span, True) \
                and wrong_name else ""
            if wrong_name or (item["cue"] or None) != lemma:
                print(f"  {item['id']}: gold {item['speaker']!r}/{item['cue']!r}  got {speaker!r}/{lemma!r}{mention}")
    return 0



def _same_name(a: str, b: str) -> bool:
    a_words, b_words = _words(a), _words(b)
    if not a_words or not b_words:
        return False
    short, long = sorted((a_words, b_words), key=len)
    return short == long[len(long) - len(short):]


def _words(name: str) -> list[str]:
    words = [w for w in normalise(name).replace("'s", "").split() if not (len(w) == 2 and w.endswith("."))]
    return words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words


def _speaker_ok(item, speaker, span, lenient: bool) -> bool:
    if not item["speaker"] or not speaker:
        return False
    if _same_name(item["speaker"], speaker):
        return True
    return lenient and span[0] is not None and span[0] < item["speaker_end"] and item["speaker_start"] < span[1]


def _report(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"  {'':30} {'precision':>9} {'recall':>7} {'F1':>6}   (n predicted / n gold)")
    for label, subset in (("all", rows), ("figure inside a quotation", [r for r in rows if r[4]]),
                          ("figure outside quotations", [r for r in rows if not r[4]])):
        if not subset:
            continue
        print(f"  [{label}: {len(subset)} items]")
        gold_n = sum(1 for r in subset if r[0]["speaker"])
        pred_n = sum(1 for r in subset if r[1])
        for name, lenient in (("speaker (name)", False), ("speaker (name or mention)", True)):
            hits = sum(1 for r in subset if _speaker_ok(r[0], r[1], r[2], lenient))
            _line(name, hits, pred_n, gold_n)
        cue_gold = sum(1 for r in subset if r[0]["cue"])
        cue_pred = sum(1 for r in subset if r[3])
        cue_hits = sum(1 for r in subset if r[3] and r[0]["cue"] == r[3])
        _line("cue lemma", cue_hits, cue_pred, cue_gold)
        silent = [r for r in subset if not r[0]["speaker"]]
        if silent:
            kept = sum(1 for r in silent if not r[1])
            print(f"  {'no speaker kept silent':30} {kept}/{len(silent)}")


def _line(name: str, hits: int, predicted: int, gold: int) -> None:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"  {name:30} {precision:9.3f} {recall:7.3f} {f1:6.3f}   ({hits} right of {predicted} / {gold})")


def _textacy():
    try:
        from textacy.extract.triples import direct_quotations
    except Exception:       # not installed, or installed against another spaCy
        return None
    return direct_quotations


def _baseline(direct_quotations, doc, items, book, cues):
    """Return (speaker, mention span, cue lemma) per item from textacy's direct quotations."""
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # textacy raises on some unbalanced quotes
        print(f"  textacy failed on a document: {exc.__class__.__name__}", file=sys.stderr)
        triples = []
    results = []
    for item in items:
        found = (None, (None, None), None)
        for triple in triples:
            content = triple.content
            if content.start_char <= item["start"] and item["end"] <= content.end_char and triple.speaker:
                start = min(t.idx for t in triple.speaker)
                end = max(t.idx + len(t.text) for t in triple.speaker)
                name = book.lookup(doc.text[start:end], cues.speaker_nouns).name
                cue = " ".join(t.lemma_.lower() for t in triple.cue) if triple.cue else None
                found = (name, (start, end), cue)
                break
        results.append(found)
    return results


if __name__ == "__main__":
    raise SystemExit(main())
