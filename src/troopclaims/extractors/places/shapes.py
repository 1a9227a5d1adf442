"""Places no rule lists, read from the shape of their names: a name suffix ("Street"), a name prefix ("the town
of") or ", <region or country>" after capitalised words."""
from __future__ import annotations

import re
from typing import Iterator

from troopclaims.extractors.places.gazetteer import Gazetteer
from troopclaims.extractors.places.tokens import (
    Found, add_found, locating_before, scan_names, sentence_of, span_key, token_texts, word_table,
)
from troopclaims.spans import annotated

def add_named_runs(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add the names read from their shape; a longer one replaces the gazetteer names inside it."""
    for item in _named_runs(doc, gaz):
        inside = [f for f in found if item.start <= f.start and f.end <= item.end and not f.anaphor]
        if any(i in taken for i in range(item.start, item.end) if not any(f.start <= i < f.end for f in inside)):
            continue
        for f in inside:   # "Peru Hospital" is the hospital, not the country
            found.remove(f)
            taken.difference_update(range(f.start, f.end))
        add_found(found, taken, item)


def _named_runs(doc, gaz: Gazetteer) -> Iterator[Found]:
    """Yield places no gazetteer lists, read from the shape of their names.

    Capitalised words before a name suffix ("Tilden Street", "Corran Island"; facilities only after a locating
    word), after a name prefix ("the town of Velmora"), or before ", <known region or country>"
    ("Millbrook, Oregon").
    """
    texts = token_texts(doc)
    for i, word in enumerate(texts):
        kind = gaz.name_suffixes.get(word)
        if kind is None or i == 0:
            continue
        start = _run_start(doc, i)
        if start == i:
            continue
        if kind == "facility" and locating_before(doc, start, gaz) is None:
            continue
        if i + 1 < len(doc) and is_name_word(doc[i + 1]) and not doc[i + 1].is_space:
            continue   # the suffix sits inside a longer name or a headline ("Harlan Factory Fire")
        name = span_key(doc, start, i + 1)
        place = gaz.listed(name)
        yield Found(start, i + 1, place, place.name if place else name, shape=place is None, kind=kind)
    for start, end, kind in scan_names(doc, word_table(gaz.name_prefixes), 4, lower=True):
        stop = _run_end(doc, end)
        if stop > end:
            name = span_key(doc, end, stop)
            place = gaz.listed(name)
            yield Found(end, stop, place, place.name if place else name, shape=True, kind=gaz.name_prefixes.get(kind, kind))
    for i, word in enumerate(texts):
        if word != "," or i == 0 or i + 1 >= len(doc):
            continue
        start = _run_start(doc, i)
        if start == i or (start == sentence_of(doc, start)[1] and not annotated(doc, "POS")):
            continue
        if annotated(doc, "POS") and any(t.pos_ != "PROPN" for t in doc[start:i] if t.text not in ("-", "'s")):
            continue
        after = [(a, b, n) for a, b, n in scan_names(doc, gaz.surfaces, gaz.max_tokens, start=i + 1,
                                                     stop=min(len(doc), i + 1 + gaz.max_tokens),
                                                     firsts=gaz.surface_firsts)]
        if after and after[0][0] == i + 1 and gaz.places[after[0][2]].type in ("region", "country") \
                and gaz.listed(span_key(doc, start, i)) is None:
            yield Found(start, i, None, span_key(doc, start, i), shape=True)


_CONNECTORS = frozenset({"-", "'s", "’s"})


def is_name_word(token) -> bool:
    """Return True for a word that can be part of a name: capitalised and no function word, or a street number."""
    text = token.text
    if re.fullmatch(r"\d+(st|nd|rd|th)?", text):
        return True
    return text[:1].isupper() and any(c.isalpha() for c in text) and not token.is_stop


def _run_start(doc, end: int) -> int:
    """Return where the run of capitalised words before token end begins (end when there is none)."""
    start = end
    i = end - 1
    floor = sentence_of(doc, end - 1 if end else 0)[1]
    while i >= floor and i >= end - 6:
        token = doc[i]
        if is_name_word(token) and token.lower_ not in ("the", "a", "an"):
            start = i
        elif token.lower_ in _CONNECTORS and i - 1 >= floor and is_name_word(doc[i - 1]) and start == i + 1:
            pass
        else:
            break
        i -= 1
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    return start


def _run_end(doc, start: int) -> int:
    """Return where the run of capitalised words from token start ends (start when there is none)."""
    end = start
    while end < len(doc) and end < start + 5 and is_name_word(doc[end]) and not doc[end].is_space:
        end += 1
    return end
