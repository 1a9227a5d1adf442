"""Faster stand-ins for two components of spaCy's English pipelines that set the same values token by token.

The attribute ruler (coarse tags and features from the fine tag, with exceptions by word) runs a Matcher over
every token and sets its attributes one match at a time; the rule lemmatizer makes a Token object for every token
to look its lemma up in a cache. Both cost more CPU than the tagger. The stand-ins read the same patterns and the
same cache: the ruler's one-token patterns become a table from a token's (tag, lower case, text, dependency, is
space) to the patterns it matches, kept per signature, with a word that no pattern names or matches read as OTHER
(1,065 rows on 459 ECB+ articles rather than 27,276, one per word); patterns of more tokens are read from the same
rows, and those with operators go through a Matcher; a pattern form the table cannot read keeps spaCy's own
component. tests/test_pipeline.py checks they set every token as
spaCy's do.
"""
from __future__ import annotations

import re

ATTRIBUTES = "troopclaims_attributes"
OTHER = -1          # a word the attribute ruler's patterns cannot tell from others (no string hash is negative)
LEMMAS = "troopclaims_lemmas"


class AttributeTable:
    """Sets the attributes an AttributeRuler sets, from its own patterns, in the same order of precedence."""

    def __init__(self, ruler):
        from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
        from spacy.matcher import Matcher

        self.features = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
        self.attrs, self.indices = ruler.attrs, ruler.indices
        strings = ruler.vocab.strings
        self.single: list[tuple[int, dict[int, frozenset]]] = []     # (attribute id, feature -> allowed values)
        # Patterns of more tokens, read token by token from the same rows (a Matcher over every Doc cost more
        # than the rest of this step); one with operators ("OP") the rows cannot read goes through a Matcher.
        self.longer: list[tuple[int, list[dict]]] = []              # (attribute id, one condition a token)
        self.matcher = Matcher(ruler.vocab)
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self.single.append((attr_id, self._condition(pattern[0], strings)))
                    continue
                try:
                    self.longer.append((attr_id, [self._condition(spec, strings) for spec in pattern]))
                except ValueError:
                    self.matcher.add(str(attr_id), [pattern])
        self.columns = list(self.features.values())
        self.column = {feature: i for i, feature in enumerate(self.columns)}
        # A token's features -> the one-token patterns it matches and the longer ones it may start.
        self.known: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self.merged: dict[tuple[int, ...], dict] = {}       # matched patterns -> the attributes they set, merged
        # Each pattern filed under the values of one feature it needs (the word rather than the tag), so that a
        # new token is checked against a few patterns, not all.
        self.filed: dict[tuple[int, int], list[int]] = {}     # (column, value) -> patterns (indices in single)
        self.unfiled: list[int] = []
        for n, (_, condition) in enumerate(self.single):
            needed = [f for f in (LOWER, ORTH, DEP, TAG, IS_SPACE) if condition.get(f, ("",))[0] == "IN"]
            if not needed:
                self.unfiled.append(n)
                continue
            for value in condition[needed[0]][1]:
                self.filed.setdefault((self.column[needed[0]], value), []).append(n)
        self._read_words()

    def _read_words(self) -> None:
        """Find which words the patterns tell apart. A word no pattern names or matches by expression is read as
        OTHER, so that the table holds a row per tag and named word rather than one per word of the texts."""
        from spacy.attrs import LOWER, ORTH

        conditions = [c for _, c in self.single] + [c for _, cs in self.longer for c in cs]
        self.word_columns = [self.column[LOWER], self.column[ORTH]]
        self.named = [frozenset().union(*(c[f][1] for c in conditions if c.get(f, ("",))[0] in ("IN", "NOT_IN")))
                      for f in (LOWER, ORTH)]
        self.expressions = [[c[f][1] for c in conditions if c.get(f, ("",))[0] == "REGEX"] for f in (LOWER, ORTH)]
        self.words: list[dict[int, int]] = [{}, {}]          # per word column: value -> the value the table reads

    def _condition(self, spec: dict, strings) -> dict[int, tuple[str, object]]:
        """Return feature -> ("IN" or "NOT_IN", hashes) or ("REGEX", the expression its string matches)."""
        condition = {}
        for key, value in spec.items():
            value = value if isinstance(value, dict) else {"IN": [value]}
            if key not in self.features or len(value) != 1 or set(value) - {"IN", "NOT_IN", "REGEX"}:
                raise ValueError(f"no table for the attribute ruler's {key}: {value!r}")
            (operator, operand), = value.items()
            condition[self.features[key]] = (operator, re.compile(operand)) if operator == "REGEX" else \
                (operator, frozenset(int(v) if isinstance(v, bool) else strings.add(v) for v in operand))
        return condition

    def _matching(self, row: tuple, strings) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self.known.get(row)
        if found is None:
            candidates = set(self.unfiled)
            for column, value in enumerate(row):
                candidates.update(self.filed.get((column, value), ()))
            found = self.known[row] = (
                tuple(sorted(self.single[n][0] for n in candidates if self._fits(row, self.single[n][1], strings))),
                tuple(n for n, (_, conditions) in enumerate(self.longer) if self._fits(row, conditions[0], strings)))
        return found

    def _fits(self, row: tuple, condition: dict, strings) -> bool:
        return all(self._holds(row[self.column[f]], allowed, strings) for f, allowed in condition.items())

    @staticmethod
    def _holds(value: int, allowed: tuple[str, object], strings) -> bool:
        operator, operand = allowed
        if operator == "REGEX":
            return value != OTHER and bool(operand.search(strings[value]))
        return (value in operand) == (operator == "IN")

    def _word(self, n: int, value: int, strings) -> int:
        """Return what the table reads for a word column's value: the value, or OTHER (no pattern can tell it)."""
        text = strings[value]
        kept = value in self.named[n] or any(expression.search(text) for expression in self.expressions[n])
        self.words[n][value] = value if kept else OTHER
        return self.words[n][value]

    def _rows(self, doc) -> list[tuple]:
        strings = doc.vocab.strings
        (lower_at, orth_at), (lowers, orths) = self.word_columns, self.words
        rows = []
        for row in doc.to_array(self.columns).tolist():
            lower, orth = lowers.get(row[lower_at]), orths.get(row[orth_at])
            row[lower_at] = lower if lower is not None else self._word(0, row[lower_at], strings)
            row[orth_at] = orth if orth is not None else self._word(1, row[orth_at], strings)
            rows.append(tuple(row))
        return rows

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        strings = doc.vocab.strings
        rows = self._rows(doc)
        matched: dict[int, list[int]] = {}
        for i, row in enumerate(rows):
            single, starts = self._matching(row, strings)
            if single:
                matched.setdefault(i, []).extend(single)     # a longer pattern before it may have set it already
            for n in starts:
                attr_id, conditions = self.longer[n]
                end = i + len(conditions)
                if end <= len(rows) and all(self._fits(rows[k], conditions[k - i], strings) for k in range(i + 1, end)):
                    self._add(matched, attr_id, i, end)
        for key, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else ():
            self._add(matched, int(strings[key]), start, end)
        for i, attr_ids in matched.items():
            key = tuple(sorted(attr_ids))
            merged = self.merged.get(key)
            if merged is None:
                merged = self.merged[key] = {}
                for attr_id in key:              # later patterns win, as in the ruler
                    merged.update(self.attrs[attr_id])
            set_token_attrs(doc[i], merged)
        return doc

    def _add(self, matched: dict[int, list[int]], attr_id: int, start: int, end: int) -> None:
        """File a match of a longer pattern under the token it sets (its index counts from the end when negative)."""
        index = self.indices[attr_id]
        matched.setdefault(start + index if index >= 0 else end + index, []).append(attr_id)


class RuleLemmas:
    """Sets the lemmas an English rule Lemmatizer sets, asking it once for each (word, coarse tag, features): what
    it gives depends on nothing else (its cache has the same key)."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.hashes: dict[tuple[int, int, int], int] = {}       # (orth, pos, morph) -> the lemma's hash
        # The lemmatizer asks `form in index` of each form its suffix rules make, and the index of a part of speech
        # is a list of some 10,000 words: as a set, a new word costs ~7 µs rather than ~100 (1.4 s of CPU on 462
        # ECB+ articles, per process). Only this loaded copy changes; a set answers `in` as the list did.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index[pos] = frozenset(words)

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite, hashes = self.lemmatizer.overwrite, self.hashes
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma and not overwrite:
                continue
            value = hashes.get((orth, pos, morph))
            if value is None:
                value = hashes[orth, pos, morph] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            array[i, 3] = value
        doc.from_array([LEMMA], array[:, 3:4].copy())
        return doc


def install(nlp) -> None:
    """Put the stand-ins in place of the attribute ruler and the rule lemmatizer where they can stand in."""
    from spacy.language import Language

    if not Language.has_factory(ATTRIBUTES):
        Language.factory(ATTRIBUTES, func=lambda nlp, name: AttributeTable(nlp.get_pipe("attribute_ruler")))
        Language.factory(LEMMAS, func=lambda nlp, name: RuleLemmas(nlp.get_pipe("lemmatizer")))
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler":
        try:
            nlp.add_pipe(ATTRIBUTES, before="attribute_ruler")
        except ValueError:          # a pattern the table cannot read: keep spaCy's ruler
            pass
        else:
            nlp.remove_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if type(lemmatizer).__name__ == "EnglishLemmatizer" and lemmatizer.mode == "rule":
        nlp.add_pipe(LEMMAS, before="lemmatizer")
        nlp.remove_pipe("lemmatizer")
