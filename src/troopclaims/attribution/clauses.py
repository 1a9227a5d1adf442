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


# Words that may follow the state in a reduced passive ("reported missing late on Tuesday", "feared dead after").
_AFTER_STATE = frozenset("in at on for from into near during after before since until by and or but late early "
                         "when while as last yesterday today overnight".split())


def describes_noun(token, cues, parsed: bool) -> bool:
    """Return True when a participle of saying describes the noun before it (a reduced passive: "30 people reported
    missing late on Tuesday", "two sailors feared dead"), so that the noun is what is reported and no one is said
    to report it; with the parse, any such participle without "by" ("a man said to be the leader", "the $40
    million reported on the form"; word order cannot tell "said to be" from "a sailor claimed to be")."""
    doc, i = token.doc, token.i
    if parsed and token.tag_ in ("VBN", "VBD") and token.dep_ == "acl" and token.head.i < token.i \
            and not any(c.dep_ == "agent" for c in token.children):
        return True
    if i == token.sent.start or lowered(token).endswith(("s", "ing")):
        return False
    before = doc[i - 1]
    if not (before.is_alpha or before.like_num) or lowered(before) in cues.pronouns or lowered(before) in cues.skip_words:
        return False            # "it was reported missing" is a passive read elsewhere; "they said" is no noun
    end = token.sent.end
    if i + 1 >= end or lowered(doc[i + 1]) not in cues.passive_states:
        return False
    after = doc[i + 2] if i + 2 < end else None
    return after is None or after.is_punct or lowered(after) in _AFTER_STATE or lowered(after) in cues.time_words
