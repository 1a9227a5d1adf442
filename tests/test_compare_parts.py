"""A part of a whole its sentence opens with is not a rival of the whole (claims built by hand, invented names)."""
import pytest

from troopclaims.compare.facts import group_claims
from troopclaims.records import Claim


def count(source, value, sentence, event="arrested", aspect="arrested"):
    return Claim(source=source, published="2030-05-10", kind="quantity", text=str(value), start=0, end=1,
                 value=value, low=value, high=value, qualifier="exact", unit="smugglers", aspect=aspect, event=event,
                 sentence=sentence)


WHOLE = "Of the 23 smugglers arrested, 12 are said to be from Varn."


@pytest.mark.parametrize("claims, expected", [
    # the 12 took the whole's event word: they are a part of the 23, in a fact of their own with the other 12
    ([count("a", 23, "Police arrested 23 smugglers."), count("a", 12, WHOLE),
      count("b", 12, "Out of 23 smugglers arrested, 12 are from Varn."), count("b", 23, "23 smugglers were arrested.")],
     [2, 2]),
    # a part with an event of its own is counted with that event's figures ("of the 40 injured, two died")
    ([count("a", 2, "Of the 40 injured, two died.", event="died", aspect="killed"),
      count("b", 2, "Two people died.", event="died", aspect="killed")], [2]),
])
def test_a_part_of_an_opening_whole(claims, expected):
    assert sorted(len(fact.claims) for fact in group_claims(claims)) == expected


def test_a_part_whose_figure_is_inside_the_whole_s_figure():
    # "3" is written inside "23": the part is still a part, no rival of the 23
    claims = [count("a", 23, "Police arrested 23 smugglers."), count("a", 3, "Of the 23 smugglers arrested, 3 are from Varn."),
              count("b", 23, "23 smugglers were arrested.")]
    facts = group_claims(claims)
    assert sorted([claim.value for claim in fact.claims] for fact in facts) == [[3], [23, 23]]
