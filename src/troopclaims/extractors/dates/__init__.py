"""Date claims: date expressions found with rules/dates.yaml and resolved against the article's publication date.

In: a spaCy Doc with its Article (text, publication date) and the Rules; or one expression and a publication date;
or the first lines of a text.
Out: Claim records of kind "date" (value, low..high, grain, qualifier) from `dates`; a Resolution from `resolve`;
the ISO date of a dateline from `find_dateline`; the compiled rules from `build_date_rules` (for rules.LEXICONS).

The way through: rules (DateRules, built per section from entries) -> scan (mentions near trigger words) -> tense
-> resolution (each atom by its resolver: absolute, relative, units, holidays, over periods) -> claims.
"""
from troopclaims.extractors.dates.claims import find_dates, resolve
from troopclaims.extractors.dates.dateline import find_dateline
from troopclaims.extractors.dates.rules import build_date_rules

__all__ = ["build_date_rules", "find_dateline", "find_dates", "resolve"]
