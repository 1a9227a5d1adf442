"""Numeric expressions in plain text: figures in digits or words, qualifier words, ranges, vague magnitudes, units.

In: a text (no spaCy: the same answer on every pipeline) and the compiled numbers rules, `rules.lexicon("numbers")`
(built by `build_number_lexicon` from rules/numbers.yaml). Out: `Numeric` records sorted by start, never
overlapping: `numerics()` gives them all, `figures()` only those a fact-checker compares (what quantities makes
claims of); `parse_number()` gives the value of a text that is one number.

The modules follow the grammar: lexicon (a builder per rules section, with rule_values and phrases), tokens (the
tokens of a number), grammar (a reader per word kind in number_words, magnitudes and fractions, over the state in
reading), then expressions, which dresses each figure with units, qualifiers and ranges and drops what filters
says is no figure.
"""
from troopclaims.extractors.numbers.expressions import figures, numerics
from troopclaims.extractors.numbers.grammar import parse_number
from troopclaims.extractors.numbers.lexicon import NumberLexicon, build_number_lexicon
from troopclaims.extractors.numbers.records import Numeric

__all__ = ["Numeric", "NumberLexicon", "build_number_lexicon", "figures", "numerics", "parse_number"]
