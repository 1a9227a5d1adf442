"""Running the extract job: articles in, claims out, in input order. extract ties the extractors and attribution
together for one Doc; runner schedules articles over worker processes or a Dask cluster (cluster) with the result
cache (cache) in front.

In: paths or Article records, the Rules and a spaCy pipeline name. Out: Claim records, and notes on what was skipped.
"""
from troopclaims.run.extract import ALL_KINDS, DEFAULT_KINDS, claims_from_inputs, extract

__all__ = ["ALL_KINDS", "DEFAULT_KINDS", "claims_from_inputs", "extract"]
