"""How much of a corpus the triage could leave out: the share of words in sentences where an extractor's scan can
start, by cue class, and the articles it skips.

usage: python scripts/triage_share.py [FOLDER]      (default ../shared/eval/ecbplus/text, else examples/articles)

A sentence counts for a class when one of the triage's patterns (reading/triage.py, the extractors' own number
seeds, vague phrases, date triggers and clock readings) matches in it; "next to one" adds the sentences either side.
Sentences come from the statistical pipeline's parse, so this takes as long as an extract run.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

from troopclaims.pipeline import choose_model, load_pipeline
from troopclaims.reading.articles import masked_text, read_articles
from troopclaims.reading.triage import Triage
from troopclaims.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def classes(text: str, triage: Triage, dates) -> set[str]:
    """Return the cue classes whose patterns match in a sentence's text."""
    found = set()
    seed, vague = triage.figures
    match = seed.search(text.lower())
    if match:
        found.add("figure: digit" if any(c.isdigit() for c in match.group()) else "figure: number word")
    if vague.search(text.lower()):
        found.add("figure: vague phrase")
    for match in dates.trigger.finditer(text):
        word = match.group().lower()
        found.update("date: " + name for name in (("digit",) if word.isdigit() else dates.trigger_classes.get(word, ())))
    if dates.times is not None and dates.times.atom.search(text):
        found.add("time: clock reading")
    return found


def main() -> int:
    default = ROOT.parent / "shared" / "eval" / "ecbplus" / "text"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default if default.is_dir() else ROOT / "examples" / "articles"
    rules = load_rules()
    triage, dates, nlp = Triage(rules), rules.lexicon("dates"), load_pipeline(choose_model())
    articles = list(read_articles([str(folder)], warn=lambda message: None))
    kinds = ("quantity", "date")
    skipped = sum(not triage.may_hold_claims(masked_text(article), kinds) for article in articles)
    words = collections.Counter()
    total = inside = near = 0
    for doc in nlp.pipe(masked_text(article) for article in articles):
        sentences = [(sum(not t.is_space and not t.is_punct for t in s), classes(s.text, triage, dates))
                     for s in doc.sents]
        for k, (count, found) in enumerate(sentences):
            total += count
            inside += count if found else 0
            near += count if any(f for _, f in sentences[max(0, k - 1):k + 2]) else 0
            for name in found:
                words[name] += count
    print(f"{folder}: {len(articles)} articles, {skipped} skipped by the triage; of {total:,} words, "
          f"{inside / total:.1%} in a sentence where a scan can start, {near / total:.1%} in or next to one")
    for name, count in words.most_common():
        print(f"  {name:22} {count / total:6.1%} of the words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
