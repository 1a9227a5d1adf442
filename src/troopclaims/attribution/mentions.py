"""Speaker mentions: the words that name who says something, found next to a cue by word shape (the parse's
half, subjects of verbs and the phrases nouns head, is troopclaims.attribution.subjects)."""
from __future__ import annotations

import re

from troopclaims.attribution.cues import CueRules, lowered
from troopclaims.attribution.subjects import CURRENCY, QUOTE_CHARS, ParsedSubjects
from troopclaims.spans import annotated

_DETERMINERS = frozenset(("the", "a", "an"))
_JOINERS = frozenset(("of", "'s", "’s", "-", "&", "and"))
# Words that end a source named after "according to" or "citing" ("two people briefed on the talks").
_TARGET_STOPS = frozenset("""who which that whose when where while with on in at for to from by after before familiar
briefed obtained released published as because since than said says told say claimed reported who's
regarding about concerning showing indicating suggesting confirming saying stating""".split())
# Words that open a sentence with a capital without naming anyone ("At the forum, ...", "With 50 days to go").
_FUNCTION_WORDS = frozenset("""at with in on for from by after before when while lest since as if though although
because despite during under over into about against among between without within until unless once recent
following amid like unlike no nobody nothing one based according given regarding including all this these those
each every much""".split())
_TAG = re.compile(r"^[A-Z]-[A-Z][\w.]*$")     # a party-and-state tag after a name: "D-Ohio", "R-S.C."


class MentionFinder(ParsedSubjects):
    """Finds speaker mentions in one Doc; spans are (start, end) token indices, end exclusive. Word shapes (the
    blank pipeline) here, the parse in ParsedSubjects."""

    def __init__(self, doc, cues: CueRules):
        self.doc = doc
        self.cues = cues
        self.parsed = annotated(doc, "DEP")

    def capitalised(self, token) -> bool:
        """Return True for a word that opens with a capital letter (a quote mark is no word)."""
        return token.text[:1].isupper() and token.text not in QUOTE_CHARS

    def skippable(self, token) -> bool:
        """Return True for a word that may stand between a speaker and its verb ("has", "last week", "publicly")."""
        lower = lowered(token)
        return (lower in self.cues.skip_words or lower in self.cues.time_words
                or (lower.endswith("ly") and token.is_lower and len(lower) > 4))

    def _can_head(self, token) -> bool:
        lower = lowered(token)
        if lower in self.cues.pronouns:
            return True
        if lower in _FUNCTION_WORDS:
            return False
        if lower in self.cues.time_words or lower in self.cues.clause_breaks or lower in self.cues.skip_words:
            return False
        return (self.capitalised(token) and any(c.isalpha() for c in token.text) or lower in self.cues.speaker_nouns
                or lower in self.cues.documents)

    def _can_extend(self, token) -> bool:
        lower = lowered(token)
        if lower in self.cues.clause_breaks or lower in self.cues.time_words or lower in self.cues.pronouns:
            return False
        if token.i == token.sent.start and (lower in self.cues.skip_words or lower in _FUNCTION_WORDS):
            return False                  # "Despite media pronouncements that": "Despite" names no one
        if token.i > 0 and self.doc[token.i - 1].text == "-" and not self.doc[token.i - 1].whitespace_:
            return True                   # "Commander-in-Chief"
        return (self.capitalised(token) or lower in self.cues.modifiers or lower in self.cues.speaker_nouns
                or token.like_num or lower in _JOINERS or lower in _DETERMINERS)

    def np_before(self, i: int, sent) -> tuple[int, int] | None:
        """Return the speaker phrase that ends just before token i, skipping adverbs and times ("X last week said")."""
        j = i - 1
        while j >= sent.start and self.skippable(self.doc[j]) and not self._can_head(self.doc[j]):
            j -= 1
        if j < sent.start:
            return None
        if self.doc[j].text == ")":
            # "Rep. Ann Vale (R-Ohio) said": the name before the parenthesis speaks
            opening = next((k for k in range(j - 1, max(j - 8, sent.start - 1), -1) if self.doc[k].text == "("), None)
            return self.np_ending_at(opening - 1, sent) if opening is not None else None
        if self.doc[j].text == ",":
            comma = next((k for k in range(j - 1, max(j - 6, sent.start - 1), -1) if self.doc[k].text == ","), None)
            if comma is not None and _TAG.match(self.doc[comma + 1:j].text.replace(" ", "")):
                return self.np_ending_at(comma - 1, sent)    # "Sen. Ann Vale, D-Ohio, said"
            # "The President of Ukraine, Volodymyr Zelensky, reported": the name between the commas speaks;
            # "Kirby, the council spokesman, said": the name before them does.
            span = self.np_ending_at(j - 1, sent)
            if span and span[0] - 1 >= sent.start and self.doc[span[0] - 1].text == ",":
                if lowered(self.doc[span[0]]) in _DETERMINERS:
                    name = self.np_ending_at(span[0] - 2, sent)
                    if name and self.capitalised(self.doc[name[1] - 1]):
                        return name
                return span
            return None
        if lowered(self.doc[j]) in ("who", "which") and j - 1 > sent.start and self.doc[j - 1].text == ",":
            return self.np_ending_at(j - 2, sent)      # "The Daily Ledger, which reported that ..."
        return self.np_ending_at(j, sent)

    def np_ending_at(self, j: int, sent) -> tuple[int, int] | None:
        """Return the speaker phrase whose last word is token j, from word shapes, or None."""
        if j < sent.start:
            return None
        if not self._can_head(self.doc[j]):
            return self.owned_saying(j, sent) or self._determined_before(j, sent)
        if lowered(self.doc[j]) in self.cues.pronouns:
            return (j, j + 1)
        k = j
        while k - 1 >= sent.start and self._can_extend(self.doc[k - 1]):
            k -= 1
            if lowered(self.doc[k]) in _DETERMINERS:
                break
        while k < j and lowered(self.doc[k]) in _JOINERS:
            k += 1
        if k > sent.start and self.doc[k - 1].text in CURRENCY:
            while k < j and self.doc[k].like_num:
                k += 1                    # "the $40 million analysts say": the money is no part of the speaker
        elif k > sent.start and self._plain_word(self.doc[k - 1]) and self.doc[k - 1].is_lower:
            return self._determined_before(j, sent) or (k, j + 1)   # "the civil protection agency"
        return (k, j + 1)

    def owned_saying(self, j: int, sent) -> tuple[int, int] | None:
        """Return "Berg's statement", "her latest report" ending at token j, a noun of saying with its owner (a
        name or speaker noun before "'s", or a possessive pronoun), past one lower-case word between them."""
        if lowered(self.doc[j]) not in self.cues.nouns:
            return None
        k = j - 1
        if k > sent.start and self.doc[k].is_alpha and self.doc[k].is_lower and lowered(self.doc[k]) \
                not in self.cues.possessives:
            k -= 1                        # "the ministry's latest report"
        if k >= sent.start and lowered(self.doc[k]) in self.cues.possessives:
            return (k, j + 1)
        if k - 1 < sent.start or self.doc[k].text not in ("'s", "’s"):
            return None
        owner = self.np_ending_at(k - 1, sent)
        return (owner[0], j + 1) if owner is not None else None

    def _plain_word(self, token) -> bool:
        lower = lowered(token)
        return (token.is_alpha and lower not in _DETERMINERS and lower not in self.cues.skip_words
                and lower not in self.cues.clause_breaks and lower not in self.cues.all_verbs
                and lower not in _TARGET_STOPS and lower not in self.cues.time_words)

    def _determined_before(self, j: int, sent) -> tuple[int, int] | None:
        """Return "the coast guard" / "a young sailor" ending at token j: a determiner and up to three words."""
        for k in range(j - 1, max(j - 5, sent.start - 1), -1):
            token = self.doc[k]
            if lowered(token) in _DETERMINERS:
                return (k, j + 1)
            if not self._plain_word(token):
                return None
        return None

    def _determined_after(self, i: int, sent) -> tuple[int, int] | None:
        """Return "the health ministry" starting at token i (a determiner and up to three plain words)."""
        if i >= sent.end or lowered(self.doc[i]) not in _DETERMINERS:
            return None
        end = i + 1
        while end < sent.end and end - i <= 3 and self._plain_word(self.doc[end]):
            end += 1
        return (i, end) if end > i + 1 else None

    def np_after(self, i: int, sent, boundary: bool = True, limit: int = 8,
                 appositive: bool = False) -> tuple[int, int] | None:
        """Return the speaker phrase that starts at token i ("said Youn Kun-young, director ...").

        With `boundary`, the phrase must be followed by punctuation or the end of the sentence, so that
        "said he would" (a clause, not an inverted speaker) is not taken.
        """
        if i >= sent.end:
            return None
        first = self.doc[i]
        if lowered(first) in self.cues.pronouns:
            end = i + 1
        else:
            end = i
            while end < sent.end and end - i < limit and (self._can_extend(self.doc[end])
                                                         or self._can_head(self.doc[end])):
                if lowered(self.doc[end]) in self.cues.pronouns:
                    break
                end += 1
            while end > i and not self._can_head(self.doc[end - 1]):
                end -= 1
        if end <= i:
            if boundary:
                return None
            return self._determined_after(i, sent)
        if appositive and end + 1 < sent.end and self.doc[end].text == ",":
            # "his Commander-in-Chief, four-star general Oleksandr Syrsky": the name joins the mention
            other = self.np_after(end + 1, sent, boundary=False, limit=limit)
            if other and self.capitalised(self.doc[other[1] - 1]) and (
                    other[1] >= sent.end or self.doc[other[1]].is_punct):
                end = other[1]
        if boundary and end < sent.end and not (self.doc[end].is_punct or self.skippable(self.doc[end])):
            return None
        if boundary and end == i + 1 and lowered(first) in self.cues.pronouns and end < sent.end \
                and not self.doc[end].is_punct:
            return None                   # "say he has forged": the report's subject, not a speaker after its verb
        return (i, end)

    def target_after(self, i: int, sent, limit: int = 7) -> tuple[int, int] | None:
        """Return the source named after "according to"/"citing": words up to punctuation or a clause word."""
        end = i
        while end < sent.end and end - i < limit:
            token = self.doc[end]
            lower = lowered(token)
            if token.is_punct and lower not in ("-", "'s", "&") or token.text in QUOTE_CHARS:
                break
            if lower in _TARGET_STOPS and end > i and not self.capitalised(token):
                break
            if lower == "of" and end > i and not (self.capitalised(self.doc[end - 1])
                                                  or lowered(self.doc[end - 1]) in self.cues.speaker_nouns):
                break
            end += 1
        return (i, end) if end > i else None

    def sentence_subject(self, sent, before: int, skip=frozenset()) -> tuple[int, int] | None:
        """Return the first speaker phrase of a sentence before token `before`, outside quotes (skip)."""
        i = sent.start
        while i < before:
            token = self.doc[i]
            lower = lowered(token)
            if lower in _FUNCTION_WORDS and token.is_title:
                # "At the forum, Ortiz said": the subject comes after the opening phrase
                comma = next((k for k in range(i + 1, before) if self.doc[k].text == ","), None)
                if comma is not None:
                    i = comma + 1
                    continue
            if (i in skip or token.is_punct or lower in self.cues.clause_breaks or self.skippable(token)
                    or not self._can_head(token) and not self._can_extend(token)):
                i += 1
                continue
            span = self.np_after(i, sent, boundary=False)
            return span if span and span[1] <= before else None
        return None
