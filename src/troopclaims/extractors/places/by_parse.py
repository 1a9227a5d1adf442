"""A claim's place by the dependency parse: a mention attached to the claim's clause by a locating word."""
from __future__ import annotations

from troopclaims.extractors.places.gazetteer import Gazetteer
from troopclaims.extractors.places.tokens import Found

# Dependency labels that open a clause of its own: a place in one says nothing about a claim outside it.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "csubjpass", "pcomp"})


def place_by_parse(doc, span, candidates: list[Found], other_heads: set[int], gaz: Gazetteer) -> Found | None:
    """Return the mention the parse attaches to the claim's clause by a locating word, nearest in the tree.

    A claim in a participle clause of result with no place of its own (", killing 40") takes the place that the
    clause it follows names as what the event struck ("the quake hit the town of X, killing 40")."""
    verb = _clause_head(span.root)
    found = _place_in_clause(doc, span, verb, candidates, other_heads, gaz)
    if found is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.left_edge.i > 0 \
            and doc[verb.left_edge.i - 1].text == ",":
        found = _place_struck(doc, verb.head, candidates, gaz)
    return found


def _place_struck(doc, verb, candidates: list[Found], gaz: Gazetteer) -> Found | None:
    """Return the place that names the direct object of a verb ("hit the town of X", "shook an area of X"), the
    finest when several do ("the town of X in Y province")."""
    struck = []
    for item in candidates:
        governor = _locating_governor(doc, doc[item.start:item.end].root, item, candidates, gaz)
        if governor is not None and governor.dep_ == "dobj" and governor.head.i == verb.i:
            struck.append((-_FINENESS.get(_kind(item), -1), item.start, item))
    return min(struck, key=lambda entry: entry[:2])[2] if struck else None


def _place_in_clause(doc, span, verb, candidates: list[Found], other_heads: set[int], gaz: Gazetteer
                     ) -> Found | None:
    """Return the mention attached to the clause of `verb` by a locating word, nearest to the claim in the tree."""
    head = span.root
    scope = _scope(doc, verb, span, gaz)
    scored = []
    for item in candidates:
        root = doc[item.start:item.end].root
        if root.i not in scope and not (span.start <= item.start < span.end):
            continue
        governor = _locating_governor(doc, root, item, candidates, gaz)
        if governor is None:
            continue
        distance = _tree_distance(head, root, other_heads)
        if distance is None:
            continue
        after = 0 if item.start >= span.start else 1
        scored.append((distance, after, abs(item.start - span.end), item, governor))
    where_item = _relative_where(doc, verb, candidates)
    if where_item is not None:
        scored.append((1, 0, 0, where_item, None))
    if not scored:
        return None
    scored.sort(key=lambda s: s[:3])
    best = scored[0]
    # Prefer the inner of two places given together ("in the Kursk region in western Russia").
    for other in scored[1:]:
        item, governor = other[3], other[4]
        if other[0] > best[0] + 2 or (item.place is None and item.kind is None) or governor is None:
            continue
        beside = best[4] is not None and governor.i == best[4].i
        attached = best[3].start <= governor.i < best[3].end
        if best[3].place is not None and item.place is not None and (beside or attached) \
                and item.place.name != best[3].place.name \
                and gaz.contains(best[3].place.name, item.place.name):
            best = other
        elif _finer(item, best[3], gaz) and (beside or best[4] is not None and governor.head.i == best[4].i):
            best = other      # "hit the town of X in Y's Z province": the town, which the rules do not place in Z
    return best[3]


# How fine a type of place is: of two places given to one clause, the finer says where the claim is.
_FINENESS = {"continent": 0, "country": 1, "region": 2, "area": 2, "water": 2, None: 2, "city": 3, "town": 3,
             "facility": 4, "street": 4}


def _kind(found: Found) -> str | None:
    return found.place.type if found.place is not None else found.kind


def _finer(item: Found, other: Found, gaz: Gazetteer) -> bool:
    """Return whether a mention whose shape names its type ("the town of X", "X Street") is of a finer type of
    place than another mention (of places the rules may not list) that the rules do not know to lie inside it."""
    def name(found: Found) -> str:
        return found.place.name if found.place is not None else found.name
    return item.kind is not None and _FINENESS.get(_kind(item), -1) > _FINENESS.get(_kind(other), 9) \
        and not gaz.contains(name(item), name(other))


def _clause_head(token):
    """Return the verb of the clause a token sits in (climbing from a noun to its predicate)."""
    current = token
    steps = 0
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i and steps < 50:
        if current.dep_ in CLAUSE_DEPS:
            break
        current = current.head
        steps += 1
    return current


def _scope(doc, verb, span, gaz: Gazetteer) -> set[int]:
    """Return the token indices of the clause around a claim, without nested clauses and the speaker's part."""
    claim_tokens = set(range(span.start, span.end))
    speech = verb.lemma_.lower() in gaz.speech_verbs
    scope: set[int] = set()
    stack = [verb]
    while stack:
        token = stack.pop()
        scope.add(token.i)
        for child in token.children:
            holds_claim = child.left_edge.i <= span.root.i <= child.right_edge.i
            if not holds_claim:
                if child.dep_ in CLAUSE_DEPS and not (child.dep_ == "relcl" and token.i in claim_tokens):
                    continue
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                        c.dep_.startswith("nsubj") for c in child.children):
                    continue
                if speech and token.i == verb.i and (child.dep_.startswith("nsubj") or child.right_edge.i < span.start):
                    continue
            stack.append(child)
    return scope


def _locating_governor(doc, root, item: Found, candidates: list[Found], gaz: Gazetteer):
    """Return the token a place hangs from when a locating word attaches it (None when it is no location)."""
    token = root
    steps = 0
    while token.dep_ in ("conj", "appos", "compound", "amod", "nmod", "npadvmod") and token.head.i != token.i \
            and steps < 6:
        if token.dep_ in ("compound", "amod") and token.head.i in range(item.start, item.end):
            break
        token = token.head
        steps += 1
    if token.dep_ == "pobj":
        prep = token.head
        word = prep.lower_
        if word not in gaz.locating:
            return None
        if word == "of":
            for other in candidates:
                if other is not item and other.place is not None and other.start <= prep.head.i < other.end:
                    return None   # "the Kursk region of Russia": Russia only says where the region is
        return prep.head
    if token.dep_ == "poss":
        head = token.head
        if head.lower_ in gaz.area_nouns:
            return head
        return None
    if token.dep_ in ("advmod",) and item.relation in ("near", "front"):
        return token.head
    return None


def _tree_distance(a, b, blocked: set[int]) -> int | None:
    """Return the number of arcs between two tokens; None when the path runs through another claim's head."""
    path_a = [a] + list(a.ancestors)
    index_a = {t.i: n for n, t in enumerate(path_a)}
    up = 0
    current = b
    seen = []
    while current.i not in index_a:
        seen.append(current.i)
        if current.head.i == current.i:
            return None
        current = current.head
        up += 1
    lca_depth = index_a[current.i]
    path = seen + [t.i for t in path_a[:lca_depth]]
    if any(i in blocked for i in path if i != a.i):
        return None
    return up + lca_depth


def _relative_where(doc, verb, candidates: list[Found]) -> Found | None:
    """Return the place a relative "where" clause hangs from ("the Kursk region, where 8,000 ... are")."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    for item in candidates:
        if item.start <= verb.head.i < item.end and item.place is not None:
            return item
    return None
