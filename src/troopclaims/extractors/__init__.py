"""The extractors: one module per kind of thing found in a parsed Doc, each driven by its rule file.

numbers (numeric expressions), quantities (figures with what they count), dates, places (with geonames, the
offline gazetteer) and events (the verb or noun governing a claim, and its aspect).

In: a spaCy Doc, its Article and the Rules. Out: Claim records with offsets, value, unit, aspect, date or place;
speakers are left to troopclaims.attribution.
"""
from troopclaims.extractors.dates import find_dates
from troopclaims.extractors.places import place_claims
from troopclaims.extractors.quantities import find_quantities

__all__ = ["find_dates", "find_quantities", "place_claims"]
