"""The tense of the clause around a date: from the governing verb of a parse, else from cue words."""
from __future__ import annotations

import re

from troopclaims.extractors.dates.rules import DateRules
from troopclaims.spans import annotated


def _lexical_tense(sentence: str, start: int, end: int, dr: DateRules) -> str | None:
    """Return "future", "past" or None from cue words in the clause around sentence[start:end]."""
    breaks = [m.span() for m in dr.clause_break.finditer(sentence) if not (start <= m.start() < end)]
    left = max((b for _, b in breaks if b <= start), default=0)
    right = min((a for a, _ in breaks if a >= end), default=len(sentence))
    own = sentence[left:start] + " " + sentence[end:right]
    clauses = [own]
    if not re.search(r"\w{3,}", own):
        # A fronted date ("On Sunday, troops will ...") has no verb in its own clause: read the next one.
        after = next((b for a, b in breaks if a == right), right)
        following = min((a for a, _ in breaks if a >= after), default=len(sentence))
        clauses.append(sentence[after:following])
    for clause in clauses:
        if any(regex.search(clause) for regex in dr.future):
            return "future"
        if any(regex.search(clause) for regex in dr.past):
            return "past"
    return None


def _parse_tense(doc, start: int, end: int, dr: DateRules) -> str | None:
    """Return "future", "past" or None from the verb that governs the date in a parsed doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # The governing verb must be near: the date's head, or the head of its preposition ("met on Friday"). Through a
    # noun or an adjective ("payable Dec. 7", "the deadline of Nov. 10") the main verb says nothing about the date.
    verb = span.root.head
    if verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in range(span.start, span.end):
        return None
    return _verb_tense(verb, dr)


_MODIFIER_DEPS = ("amod", "acl", "appos")   # a verb or adjective that describes a noun ("open until Friday")


def main_tense(doc, start: int, end: int, dr: DateRules) -> str | None:
    """Return the tense of the clause that a date's phrase describes a noun of, when the date hangs on a modifier
    with no tense of its own ("The shelter, open until Friday, housed 300 people": past), else of its own verb
    (None for a present one: "remains in force until Friday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    word = span.root
    for _ in range(8):
        if word.head.i == word.i:
            return None
        word = word.head
        if word.pos_ in ("VERB", "AUX") and word.dep_ not in _MODIFIER_DEPS:
            return _verb_tense(word, dr)
    return None


def _verb_tense(verb, dr: DateRules) -> str | None:
    """Return "future", "past" or None from a verb, its auxiliaries and the verb it is the complement of."""
    head = verb
    for _ in range(3):
        if any(child.dep_ in ("aux", "auxpass") and child.lower_ in dr.future_auxiliaries for child in head.children):
            return "future"
        if head.dep_ in ("xcomp", "advcl") and head.head.lemma_.lower() in dr.future_heads:
            if any(child.lower_ == "to" for child in head.children) or head.dep_ == "xcomp":
                return "future"
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            break
        head = head.head
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries):
        return "past"
    return None


def tense_of(doc, text: str, start: int, end: int, dr: DateRules, parsed: bool) -> str | None:
    if parsed:
        found = _parse_tense(doc, start, end, dr)
        if found:
            return found
    sentence_start, sentence_end = 0, len(text)
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is not None and len(span) and (parsed or annotated(doc, "SENT_START")):
        sentence = span[0].sent
        sentence_start, sentence_end = sentence.start_char, sentence.end_char
    return _lexical_tense(text[sentence_start:sentence_end], start - sentence_start, end - sentence_start, dr)
