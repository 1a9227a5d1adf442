"""The cheap first pass: which articles can hold a figure or a date at all, so the others skip the pipeline.

An article can hold a claim only where an extractor's own scan can start: a number seed (a digit, a number word,
"a" before a magnitude) or a vague phrase ("dozens", "a handful") for figures; a date trigger (a month, weekday,
relative day, season, holiday, decade word, period word or digit) or a clock reading for dates and times. The
triage asks those same compiled patterns (from `rules.lexicon`), so it is exact by construction and widens with a
user's rules; `--exhaustive` (every article through every component) checks that none is missed.

Finer windows (only the sentences near a claim) were left out: on ECB+ 65% of the words are in a sentence where an
extractor's scan can start and 89% in one or next to one (`scripts/triage_share.py`), and attribution reads every
sentence's subject and every named person or organisation before a claim (a pronoun's antecedent, "Kirby" after
"John Kirby"), so skipping the parse or the entities of the other sentences would change speakers for a few per
cent of the work.
"""
from __future__ import annotations

from troopclaims.records import SPAN_KINDS

FIGURE_KINDS = ("quantity", *SPAN_KINDS)     # kinds whose claims start at a number seed


class Triage:
    """Tells from the text alone whether an article may hold claims of the kinds asked for."""

    def __init__(self, rules):
        numbers, dates = rules.lexicon("numbers"), rules.lexicon("dates")
        self.figures = (numbers.seed, numbers.vague_phrases)       # matched on the lower-cased text, as there
        self.dates = (dates.trigger, *((dates.times.atom,) if dates.times is not None else ()))

    def may_hold_claims(self, text: str, kinds) -> bool:
        """Return False only when no claim of these kinds can be in the text (places can be anywhere).

        text is what the pipeline reads (front matter blanked).
        """
        if "place" in kinds:
            return True
        if any(kind in kinds for kind in FIGURE_KINDS):
            low = text.lower()
            # A letter whose lower case is longer ("İ") would shift the scan's view of the text: take no chance.
            if len(low) != len(text) or any(pattern.search(low) for pattern in self.figures):
                return True
        return "date" in kinds and any(pattern.search(text) for pattern in self.dates)
