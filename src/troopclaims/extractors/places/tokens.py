"""A Doc's tokens for place finding: the runs found so far, sentences, cached token texts, and table look-ups over
token runs."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Iterator

from troopclaims.extractors.places.gazetteer import FIRST_WORD_BREAK, Gazetteer, Place, first_words, name_key
from troopclaims.spans import doc_text

@dataclass
class Found:
    start: int          # token indices, end exclusive
    end: int
    place: Place | None
    name: str
    relation: str | None = None
    anaphor: tuple[str, ...] = ()
    actor: bool = False
    cued: bool = False      # named after a locating word ("in the Kursk region"), not as an agent ("Kyiv holds")
    shape: bool = False     # found by the shape of its name (name_suffixes, name_prefixes, "X, <region>")
    geo: bool = False       # a GeoNames name found where the text uses it as a place (geo_runs)
    kind: str | None = None  # the type its shape gives a place no rule lists ("the town of X": town)


def add_found(found: list[Found], taken: set[int], item: Found) -> None:
    """Add a run to found unless one of its tokens is taken by a run found before."""
    if any(i in taken for i in range(item.start, item.end)):
        return
    found.append(item)
    taken.update(range(item.start, item.end))
def sentence_bounds(doc) -> list[tuple[int, int]]:
    """Return (start, end) token indices of each sentence in doc (the whole doc when none are set)."""
    key = "troopclaims.sentences"
    if key not in doc.user_data:
        try:
            doc.user_data[key] = [(sent.start, sent.end) for sent in doc.sents]
        except ValueError:
            doc.user_data[key] = [(0, len(doc))]
    return doc.user_data[key]


def sentence_of(doc, i: int) -> tuple[int, int, int]:
    """Return (number, start, end) of the sentence that holds token i."""
    bounds = sentence_bounds(doc)
    number = bisect_right(bounds, (i, len(doc) + 1)) - 1
    if number >= 0 and bounds[number][0] <= i < bounds[number][1]:
        return number, bounds[number][0], bounds[number][1]
    return 0, 0, len(doc)


def doc_entities(doc) -> tuple:
    """Return doc.ents, built once per doc (spaCy builds the spans anew on every access)."""
    key = "troopclaims.entities"
    if key not in doc.user_data:
        doc.user_data[key] = tuple(doc.ents)
    return doc.user_data[key]


def doc_tokens(doc) -> tuple[str, list[int], list[int], list[bool], list[str]]:
    """Return doc's text, token starts and ends, which tokens are spaces, and each token's first word (cached)."""
    key = "troopclaims.tokens"
    if key not in doc.user_data:
        text, starts, ends, spaces = _token_columns(doc)
        doc.user_data[key] = (text, starts, ends, spaces,
                              [FIRST_WORD_BREAK.split(word)[0] for word in token_texts(doc)])
    return doc.user_data[key]


def token_texts(doc) -> list[str]:
    """Return the text of each token of doc (cached): a list, where each doc[i] would build a Token object."""
    key = "troopclaims.token_texts"
    if key not in doc.user_data:
        text, starts, ends, _ = _token_columns(doc)
        doc.user_data[key] = [text[s:e] for s, e in zip(starts, ends)]
    return doc.user_data[key]


def _token_columns(doc) -> tuple[str, list[int], list[int], list[bool]]:
    # Read from one array rather than from a Token object per token and column (they cost more than the scan).
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    key = "troopclaims.token_columns"
    if key not in doc.user_data:
        rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
        doc.user_data[key] = (doc_text(doc), [s for s, _, _ in rows], [s + n for s, n, _ in rows],
                              [bool(space) for _, _, space in rows])
    return doc.user_data[key]


def span_key(doc, start: int, end: int) -> str:
    text, starts, ends, _, _ = doc_tokens(doc)
    return name_key(text[starts[start]:ends[end - 1]])


def scan_names(doc, table: dict[str, str], longest: int, lower: bool = False, start: int = 0,
               stop: int | None = None, firsts: frozenset | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, value) for the longest non-overlapping token runs whose text is a key of table."""
    text, starts, ends, spaces, first = doc_tokens(doc)
    stop = len(doc) if stop is None else stop
    firsts = first_words(table, lower) if firsts is None else firsts
    i = start
    while i < stop:
        word = first[i].lower() if lower else first[i]
        if spaces[i] or word not in firsts:
            i += 1
            continue
        for j in range(min(stop, i + longest), i, -1):
            if spaces[j - 1]:
                continue
            key = name_key(text[starts[i]:ends[j - 1]])
            value = table.get(key.lower() if lower else key)
            if value is not None:
                yield i, j, value
                i = j
                break
        else:
            i += 1


def phrase_at(doc, i: int, words: frozenset, longest: int = 4) -> int:
    """Return the end token of the longest phrase from words starting at token i (i when none)."""
    for j in range(min(len(doc), i + longest), i, -1):
        if span_key(doc, i, j).lower() in words:
            return j
    return i


def phrase_before(doc, end: int, words, longest: int = 6, floor: int = 0) -> int:
    """Return the start token of the longest phrase from words ending just before token end (end when none)."""
    for i in range(max(floor, end - longest), end):
        if span_key(doc, i, end).lower() in words:
            return i
    return end


def word_table(words: Iterable[str]) -> dict[str, str]:
    return {w: w for w in words}


def locating_before(doc, start: int, gaz: Gazetteer) -> str | None:
    """Return the locating word right before a name (past determiners), or None: "in", "near", "from"."""
    i = start
    while i > 0 and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    if i == 0:
        return None
    word = doc[i - 1].lower_
    if word == "to" and i >= 2 and doc[i - 2].lower_ in ("according", "due", "owing", "thanks"):
        return None
    if word in gaz.locating or word in gaz.relation_words or word in ("from", "out"):
        return word
    return None


def in_title_case(doc, i: int) -> bool:
    """Return True when the sentence of token i capitalises all its longer words (a headline in title case)."""
    _, start, end = sentence_of(doc, i)
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3 and not t.is_stop]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)
