"""Comparing claims across sources: the same fact (kind, unit, actor, aspect, place) grouped, with a verdict on
each group: agree, conflict, changed or single.

In: Claim records (from extract or read back from JSON Lines) and the Rules. Out: Fact records, conflicts first.
"""
from troopclaims.compare.facts import Fact, compare_claims, filter_facts

__all__ = ["Fact", "compare_claims", "filter_facts"]
