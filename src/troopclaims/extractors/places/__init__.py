"""Places: the gazetteer built from rules/places.yaml (with GeoNames beside it), the places a Doc names, and the
place and actor of each claim.

In: a spaCy Doc (blank or parsed), its claims and Article, and the Gazetteer (`rules.lexicon("places")`, built by
`build_gazetteer` from the places section of the rules).
Out: PlaceMention spans with canonical places (`place_mentions`), the claims with place, relation and actor filled
in (`locate`), and claims of kind "place" (`place_claims`).

Modules: gazetteer (the records and look-ups), build (a builder per rules section), mentions (the steps that find
places in a Doc: tokens, entities, shapes, unlisted, anaphora), claims (locate, by_parse, by_order).
"""
from troopclaims.extractors.places.build import build_gazetteer
from troopclaims.extractors.places.claims import locate, place_claims
from troopclaims.extractors.places.gazetteer import Gazetteer, Place, PlaceMention
from troopclaims.extractors.places.mentions import place_mentions

__all__ = ["Gazetteer", "Place", "PlaceMention", "build_gazetteer", "locate", "place_claims", "place_mentions"]
