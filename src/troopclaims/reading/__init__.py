"""Reading articles in: folders, files and JSON Lines of articles (with publication dates from a manifest, front
matter or the record) or of claims already extracted; and the cheap first pass that tells which articles can hold
a claim at all.

In: paths given by the user. Out: Article records (troopclaims.records), claims read back from JSON Lines, and a
ReadReport of what was skipped and why.
"""
from troopclaims.reading.articles import ReadReport, read_articles, read_claims
from troopclaims.reading.triage import Triage

__all__ = ["ReadReport", "Triage", "read_articles", "read_claims"]
