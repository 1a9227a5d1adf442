"""How much of a corpus the triage could leave out: the share of words in sentences where an extractor's scan can
start, by cue class, and the articles it skips; with --cpu, what parsing less would save at most.

usage: python scripts/triage_share.py [FOLDER ...] [--cpu] [--claims CLAIMS.jsonl]
       (default ../shared/eval/ecbplus/text, else examples/articles)

A sentence counts for a class when one of the triage's patterns (reading/triage.py, the extractors' own number
seeds, vague phrases, date triggers and clock readings) matches in it; "next to one" adds the sentences either side.
Sentences come from the statistical pipeline's parse, so this takes as long as an extract run.
--cpu times (CPU seconds, this process, best of two) what a worker does (the pipeline, the extractors and
attribution), the pipeline on the whole texts, on the candidate sentences
alone, and on those with every other sentence through the entity recogniser alone (it has its own embedding): the
most that parsing only near a claim could save, before any claim it loses.
--claims reads extract's JSON Lines of the same folder and counts the claims whose speaker is named in another
sentence than the claim's (pronouns, short names, "he said" after a quote): what attribution reads elsewhere.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

from troopclaims.pipeline import choose_model, load_pipeline
from troopclaims.reading.articles import masked_text, read_articles
from troopclaims.reading.triage import Triage
from troopclaims.rules import load_rules
from troopclaims.run.preparation import prepare, prepared

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("quantity", "date")


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


def cpu_ceiling(nlp, rules, articles, texts: list[str], parts: list[tuple[str, str]]) -> None:
    """Print the CPU of a worker's whole extraction, of the pipeline on whole texts, and of the pipeline on
    (candidate sentences, the rest) as parsing less would."""
    from troopclaims.run.runner import CHUNK, Extractor

    def seconds(run) -> float:
        best = None
        for _ in range(2):
            started = time.process_time()
            run()
            best = min(best or 1e9, time.process_time() - started)
        return best

    def full(chunks):
        for _ in nlp.pipe([chunk for chunk in chunks if chunk]):
            pass

    def entities(chunks):
        with nlp.select_pipes(enable=["ner"]):
            full(chunks)

    extractor = Extractor(rules, nlp=nlp)
    work = seconds(lambda: [extractor.batch(articles[i:i + CHUNK], ("quantity", "date", "age", "duration"))
                            for i in range(0, len(articles), CHUNK)])
    whole = seconds(lambda: full(texts))
    alone = seconds(lambda: full([candidate for candidate, _ in parts]))
    rest = seconds(lambda: entities([other for _, other in parts]))
    print(f"a worker's CPU: {work:.2f} s, the pipeline {whole / work:.0%} of it, the extractors and attribution the rest")
    print(f"pipeline CPU: whole texts {whole:.2f} s; candidate sentences alone {alone:.2f} s ({alone / whole:.0%}); "
          f"with the others through the entity recogniser alone {alone + rest:.2f} s ({(alone + rest) / whole:.0%})")


def speakers_elsewhere(path: Path, folder: Path) -> None:
    """Print how many claims with a speaker name it in another sentence, and how far back."""
    far = collections.Counter()
    spoken = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        if not claim.get("speaker"):
            continue
        spoken += 1
        last = claim["speaker"].split()[-1].lower()
        if last in claim["sentence"].lower():
            continue
        text = (folder / claim["source"]).read_text(encoding="utf-8", errors="replace")
        at = text.lower().rfind(last, 0, claim["start"])
        ends = len(re.findall(r"[.!?][\"”’']?\s+|\n\s*\n", text[at:claim["start"]])) if at >= 0 else -1
        far["the sentence before" if 0 <= ends <= 1 else "2 or more sentences back" if ends > 1 else "not before"] += 1
    print(f"claims with a speaker: {spoken}; named in another sentence: {sum(far.values())} "
          f"({', '.join(f'{n} {where}' for where, n in far.most_common())})")


def main() -> int:
    default = ROOT.parent / "shared" / "eval" / "ecbplus" / "text"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(default if default.is_dir() else ROOT / "examples" / "articles")])
    parser.add_argument("--cpu", action="store_true", help="time the pipeline on less of the text")
    parser.add_argument("--claims", type=Path, help="extract's JSON Lines of the one folder given")
    args = parser.parse_args()
    rules = load_rules()
    triage, dates, nlp = Triage(rules), rules.lexicon("dates"), load_pipeline(choose_model())
    articles = [prepared(article, prepare(article, rules), lambda message: None)       # furniture and datelines
                for article in read_articles(args.folders, warn=lambda message: None)]
    texts = [masked_text(article) for article in articles]
    skipped = sum(not triage.may_hold_claims(text, KINDS) for text in texts)
    words, parts = collections.Counter(), []
    total = inside = near = 0
    for doc in nlp.pipe(texts):
        sentences = [(sum(not t.is_space and not t.is_punct for t in s), classes(s.text, triage, dates), s)
                     for s in doc.sents]
        candidate, other = [], []
        for k, (count, found, sentence) in enumerate(sentences):
            total += count
            inside += count if found else 0
            near += count if any(f for _, f, _ in sentences[max(0, k - 1):k + 2]) else 0
            (candidate if found else other).append(sentence.text_with_ws)
            for name in found:
                words[name] += count
        parts.append(("".join(candidate), "".join(other)))
    print(f"{', '.join(args.folders)}: {len(articles)} articles, {skipped} skipped by the triage; of {total:,} words, "
          f"{inside / total:.1%} in a sentence where a scan can start, {near / total:.1%} in or next to one")
    for name, count in words.most_common():
        print(f"  {name:22} {count / total:6.1%} of the words")
    if args.cpu:
        cpu_ceiling(nlp, rules, articles, texts, parts)
    if args.claims:
        speakers_elsewhere(args.claims, Path(args.folders[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
