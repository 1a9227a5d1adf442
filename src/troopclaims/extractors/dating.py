"""Which date in a figure's sentence dates the figure: the day it holds for (`as_of`) and the day its event happened.

"The quake struck on Sunday, killing 10" dates the quake: the toll of 10 holds for the day it was reported, and
happened with the quake on Sunday. "Ten were killed on Sunday" dates the killing itself: both. "Officials said on
Monday that 10 had died" dates the report: the toll holds for Monday. "By the end of August, 1,240 km2" bounds the
figure: it holds for that day, and says nothing of when an event happened. The parse tells these apart; without
one, the nearest date in the sentence is the day a figure holds for, and no date says when it happened.
"""
from __future__ import annotations

from troopclaims.extractors.dates.dateline import in_dateline
from troopclaims.records import Claim
from troopclaims.spans import annotated, doc_text, sentence_at

_VERBAL = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "agent", "csubj")
_SHARED = ("conj", "dep")          # verbs coordinated with the figure's: "killed six, injured 50 and caused ..."
_SIMULTANEOUS = ("when", "as", "while")
_BOUNDS = ("at_least", "at_most", "vague")     # "by the end of August", "since Friday", "recently": no happening


def dated_by(doc, claim: Claim, dates: list[Claim], events, present: frozenset[str]) -> tuple[str | None, str | None]:
    """Return (as_of, happened) of a figure from the dates of its sentence (its date and time claims, in text
    order; the caller picks them, by offset, from the article's).

    as_of: the nearest date of the figure's own event or of the report that states it, else publication for a
    present word ("now", "currently") or a count running since a date ("since Friday"). happened: the nearest date of the figure's event or of the event that
    caused it ("Sunday's quake", "the quake that struck in September"), bounds left out; its ISO value."""
    sentence = sentence_at(doc, claim.start)
    if sentence is None:
        return None, None
    text = doc_text(doc)
    near = [d for d in dates if d.kind == "date" and (d.high or d.low) and not in_dateline(text, d.start, d.end)]
    if annotated(doc, "DEP"):
        own, caused, reports = _relations(doc, claim, sentence, events)
        anchors = [(d, _anchor(doc, d)) for d in near]
        held = [d for d, anchor in anchors if anchor is not None and (anchor.i in own or anchor.i in reports)]
        # "the toll from Sunday's quake rose to 19 on Monday": Monday is when the count stood so, not the quake's day
        own_events = {i for i in own if not _moves_a_count(doc[i], own, events)}
        # "two bodies were found on Tuesday, bringing the toll to 27": the clause that moved the count dates no
        # death; the count's own subject still may ("the toll from Sunday's attack rose to 19")
        if own_events != own:
            caused = {word.i for i in own for child in doc[i].children if child.dep_ in _SUBJECTS
                      for word in child.subtree} - own
        happened = [d for d, anchor in anchors if anchor is not None and (anchor.i in own_events or anchor.i in caused)
                    and d.qualifier not in _BOUNDS and isinstance(d.value, str)]
    else:
        held = [d for d in near if not _possessive(doc, d)]      # "Sunday's quake" dates the quake
        happened = []
    # "since Friday" starts a running count: it holds for the day of the report, not for Friday
    started = [d for d in held if _is_start(d)]
    held = [d for d in held if not _is_start(d)]
    as_of = None
    if held:
        nearest = _nearest(claim, held)
        as_of = nearest.high or nearest.low
    elif claim.published and (started or any(token.lower_ in present for token in sentence)):
        as_of = claim.published
    if claim.earlier:       # "up from 312 a day earlier": the day it held for, no day of a happening
        happened = []
    return as_of, (_nearest(claim, happened).value if happened else None)


def _is_start(date: Claim) -> bool:
    """Return whether a date only opens the span a figure counts over ("since Friday", "after March 3")."""
    return date.qualifier == "at_least" and date.low is not None and date.high is None


def _nearest(claim: Claim, dates: list[Claim]) -> Claim:
    return min(dates, key=lambda d: min(abs(d.start - claim.end), abs(claim.start - d.end)))


def _possessive(doc, date: Claim) -> bool:
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


def _anchor(doc, date: Claim):
    """Return the word a date hangs on: the first head outside the date and its prepositions ("struck on Sunday":
    struck; "Sunday's quake": quake; "the March 2 broadcast": broadcast), or None."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None
        if not (span.start <= head.i < span.end or head.pos_ == "ADP"):
            return head
        token = head
    return None


def _moves_a_count(verb, own: set[int], events) -> bool:
    """Return whether a verb of the figure's own event only moves a running count ("the toll rose to 19", "reached
    40"): not where the figure counts the verb's object ("a storm hit 40 villages", "40 villages were hit"), whose
    verb is the event itself."""
    if verb.lower_ not in events.running and verb.lemma_ not in events.running:
        return False
    doc = verb.doc
    return not any(doc[i].head.i == verb.i and doc[i].dep_ in ("dobj", "nsubjpass") and doc[i].pos_ in ("NOUN", "PROPN")
                   for i in own)


def _relations(doc, claim: Claim, sentence, events) -> tuple[set[int], set[int], set[int]]:
    """Return the token indices of the figure's own event (the words up to its verb, verbs sharing its subject or
    going on from it), of events that caused it (the verb a participle hangs on, the subject of either: "the quake
    struck on Sunday, killing 10", "Sunday's quake killed 10", "when the quake struck on Sunday"), and of
    reporting verbs above it."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or not len(span):
        return set(), set(), set()
    own, token, verb = set(), span.root, None
    for _ in range(12):
        own.add(token.i)
        if token.pos_ in _VERBAL:
            verb = token
            break
        if token.head.i == token.i:
            break
        token = token.head
    reports = {head.i for head in _ancestors(token) if head.pos_ in _VERBAL and events.reports(head.text, head.lemma_)}
    if verb is None:
        return own, set(), reports
    verbs = _own_verbs(verb)
    own |= {v.i for v in verbs}
    causes = [v.head for v in verbs if v.dep_ == "advcl" and (_at_once(v) or not _has_subject(v)
                                                              and v.tag_ in ("VBG", "VBN"))]
    causes += [child for v in verbs for child in v.children if child.dep_ == "advcl" and _at_once(child)]
    caused = {v.i for v in causes}
    for v in verbs + causes:
        for child in v.children:
            if child.dep_ in _SUBJECTS:
                caused |= {word.i for word in child.subtree}
    return own, caused - own, reports - own


def _own_verbs(verb) -> list:
    """Return the verb with those that share its subject ("killed six, injured 50 and caused damage") or go on from
    it ("were forced to flee")."""
    found, todo = [], [verb]
    while todo and len(found) < 8:
        v = todo.pop()
        if v in found:
            continue
        found.append(v)
        todo += [child for child in v.children if child.pos_ in _VERBAL and (
            child.dep_ == "xcomp" or child.dep_ in _SHARED and not _has_subject(child))]
        # a head tagged as a noun with a subject is still a verb ("a gunman shot and wounded three")
        if v.head.i != v.i and (v.head.pos_ in _VERBAL or _has_subject(v.head)) and (
                v.dep_ == "xcomp" or v.dep_ in _SHARED and not _has_subject(v)):
            todo.append(v.head)
    return found


def _at_once(verb) -> bool:
    """Return whether a clause happens at the time of the one it hangs on: "when the quake struck on Sunday"."""
    return any(child.dep_ in ("advmod", "mark") and child.lower_ in _SIMULTANEOUS for child in verb.children)


def _has_subject(verb) -> bool:
    return any(child.dep_ in _SUBJECTS for child in verb.children)


def _ancestors(token):
    for _ in range(16):
        if token.head.i == token.i:
            return
        token = token.head
        yield token
