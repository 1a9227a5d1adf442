"""Attribution: who says each claim. Quotations, cue words, speaker mentions and names are read once per Doc
(speech), then each claim is given its speaker, cue, relay, evidence and hedges (attribute).

In: a Doc, its claims and the Rules (attribution.yaml, speakers.yaml, hedges.yaml). Out: the same claims with
their attribution fields filled.
"""
from troopclaims.attribution.attribute import attribute

__all__ = ["attribute"]
