"""Speaker mentions from the parse: who performs a verb, and the noun phrase a token heads."""
from __future__ import annotations

from troopclaims.attribution.cues import lowered, saying_noun
from troopclaims.spans import annotated

QUOTE_CHARS = frozenset('"“”«»„')
CURRENCY = frozenset("$€£¥")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_RELATIVES = frozenset(("who", "which", "that", "whom"))
_NP_LEFT_DEPS = frozenset(("det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "npadvmod",
                           "predet", "advmod"))
_PLACE_PREPOSITIONS = frozenset(("in", "over", "across", "around", "throughout"))


def _named(token):
    """Return the name a description stands beside ("Dahl, now the council leader, who said": Dahl)."""
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return token.head
    return token


def _antecedent(head, relative):
    """Return the noun a relative pronoun stands for: "who" after "people all over this country" is the people,
    not the country (a common noun in a phrase of place gives way to the noun it hangs on; a name does not)."""
    while (relative.lower_ == "who" and head.dep_ == "pobj" and head.pos_ == "NOUN" and head.head.dep_ == "prep"
           and head.head.lower_ in _PLACE_PREPOSITIONS and head.head.head.pos_ in ("NOUN", "PROPN")):
        head = head.head.head
    return head


class ParsedSubjects:
    """The parse's half of MentionFinder (statistical pipeline): subjects of verbs and the phrases nouns head.
    Spans are (start, end) token indices, end exclusive; `capitalised` comes from the word-shape half."""

    def subject_of(self, token) -> tuple[list[tuple[int, int]], bool]:
        """Return (candidate phrases, passive) for who performs a verb, from the parse.

        Candidates are the subject and, for "The President of Ukraine, Volodymyr Zelensky, said", its
        apposition. A passive verb without an agent ("it was reported") gives no candidate and passive True.
        """
        current, adjunct = token, False
        for _ in range(5):
            for child in current.children:
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return self.noun_spans(objects[0]), False
            # the subject nearest before the verb when the parse gives two ("His promises notwithstanding,
            # analyses agree ...")
            subjects = sorted((c for c in current.children if c.dep_ in _SUBJECT_DEPS),
                              key=lambda c: (c.i > current.i, -c.i if c.i < current.i else c.i))
            if subjects:
                if subjects[0].dep_ == "nsubjpass" and not adjunct:
                    return [], True             # (but "was fired for saying ...": the one fired said it)
                if subjects[0].lower_ in _RELATIVES and current.dep_ == "relcl":
                    return self.noun_spans(_named(_antecedent(current.head, subjects[0]))), False  # "its allies, who"
                return self.noun_spans(subjects[0]), False
            if current.dep_ == "relcl":
                return self.noun_spans(_named(current.head)), False
            if current.dep_ == "acl" and current.lower_.endswith("ing") and current.head.dep_ == "dobj" and \
                    saying_noun(current.head.lower_, self.cues):
                current = current.head.head        # "The council issued a statement calling ...": its issuer
                continue
            if current.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and current.head.i != current.i:
                current = current.head
                if current.dep_ == "prep" and (current.head.pos_ in ("VERB", "AUX") or current.head.dep_ == "xcomp"):
                    if any(c.dep_ in ("dobj", "obj") and c.i < current.i for c in current.head.children):
                        break                   # "blasted the panel for failing to say": the panel's, not known
                    current, adjunct = current.head, True   # "resigned after saying", "tire of telling": its verb's
                continue
            break
        return [], False

    def noun_spans(self, token) -> list[tuple[int, int]]:
        """Return the noun phrase a token heads, and its apposition when it has one."""
        spans = [self._noun_span(token)]
        start, end = spans[0]
        commas = [i for i in range(start, token.i) if self.doc[i].text == ","]
        if commas and self.capitalised(self.doc[start]):
            # "said Youn Kun-young, director of ...": the parser made the name a modifier of the title
            spans = [(start, commas[0]), (commas[-1] + 1, end)]
        for child in token.children:
            if child.dep_ == "appos":
                spans.append(self._noun_span(child))
        return spans

    def _noun_span(self, token) -> tuple[int, int]:
        start = token.i
        for child in token.lefts:
            if child.dep_ in _NP_LEFT_DEPS:
                start = min(start, child.left_edge.i)
        end = token.i + 1
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                end = self._noun_span(objects[0])[1] if objects else end
            elif child.dep_ == "compound" and child.i == end:
                end = child.i + 1
            else:
                break
        while (end < len(self.doc) and self.doc[end].pos_ == "PROPN" and self.capitalised(self.doc[end])
               and self.doc[end].dep_ != "appos"):
            end += 1                          # a name the parser split ("Protect Democracy")
        while start < token.i and (self.doc[start].is_punct or self.doc[start].text in QUOTE_CHARS):
            start += 1
        amounts = [i for i in range(start, token.i) if self.doc[i].text in CURRENCY or lowered(self.doc[i])
                   in ("percent", "%")]
        if amounts:     # "the roughly $18 million Vale says": a misparse hangs the money on the speaker
            start = max([amounts[-1] + 1] + [i + 1 for i in range(start, token.i) if self.doc[i].like_num])
            while start < token.i and self.doc[start].is_lower and not self.doc[token.i].is_lower:
                start += 1              # "the 33 percent rate Vale has proposed": the name
        return (start, end)

    def entity_label(self, start: int, end: int) -> str | None:
        """Return the label of the named entity that ends the span, when the pipeline has entities."""
        if not annotated(self.doc, "ENT_IOB"):
            return None
        token = self.doc[end - 1]
        return token.ent_type_ or None
