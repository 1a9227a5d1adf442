"""Clauses a cue does not report: a coordinated clause with a subject of its own ("The Union announced $55
million, and Ostlund offered 20 million euros": the euros are Ostlund's), by the parse and by word order."""
from __future__ import annotations

from troopclaims.attribution.cues import lowered

# Words that join two clauses side by side, each with its own subject speaking ("..., while Japan offered ...").
COORDINATORS = frozenset(("and", "but", "while", "whereas", "yet"))
_CONTRASTS = frozenset(("while", "whereas"))      # the marks of an adverbial clause that is a clause of its own
_SUBJECTS = ("nsubj", "nsubjpass")


def own_clause(child, span: tuple[int, int]) -> bool:
    """Return True when a verb's child on the way to the claim is a clause joined to it side by side ("and",
    "but", "while"), with a subject of its own that is not the claim: that subject, not the verb's, says it.
    (A coordinated clause whose subject is the claim, "..., and 200 people were hurt", may still be reported,
    unless the claim is a name: "..., while Japan offered". After an attribution that follows what it reports,
    the clause goes on with the report.)"""
    verb = child.head
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return False        # "X paid 8.9 percent, the agency said, and Y paid 0.8 percent": the report goes on
    if child.dep_ == "advcl":
        if not any(c.dep_ == "mark" and c.lower_ in _CONTRASTS for c in child.children):
            return False
    elif child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in child.children if c.dep_ in _SUBJECTS and c.lower_ not in ("there", "it", "this", "that")]
    return any(not (s.left_edge.i < span[1] and span[0] <= s.right_edge.i) or s.pos_ == "PROPN" for s in subjects)


def new_subject_between(finder, start: int, end: int) -> bool:
    """Return True when, between a cue (ending at token `start`) and a claim (at token `end`), a comma and a word
    that joins clauses open a clause with a subject of its own, by word shape: a name or a speaker noun followed by
    a lower-case word before the claim (", and neighbouring Ostlund offered 20 million", ", while Japan offered");
    not ", and 200 more were hurt" nor ", and in Kyiv 200 more"."""
    doc, cues = finder.doc, finder.cues
    for k in range(start, end - 1):
        if doc[k].text != "," or lowered(doc[k + 1]) not in COORDINATORS:
            continue
        for j in range(k + 2, min(k + 6, end)):
            token = doc[j]
            if token.is_punct or token.like_num:
                break
            if lowered(token) in cues.pronouns or not finder._can_head(token):
                continue
            rest = doc[j + 1:end]
            return any(t.is_alpha and t.is_lower and not finder._can_head(t) for t in rest) and not any(
                t.is_punct for t in rest)
    return False
