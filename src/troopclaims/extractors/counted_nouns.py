"""What a figure counts, by the forms of English that name it: the noun after it ("3,000 North Korean soldiers"),
a partitive ("8,000 of them"), a compound ("a 40-person unit"), the noun before it ("a crowd of 5,000"), or the
subject of the verb it completes ("the death toll rose to 9,000")."""
from __future__ import annotations

from dataclasses import dataclass, replace

from troopclaims.extractors.numbers import Numeric
from troopclaims.extractors.quantity_rules import MAX_UNIT_WORDS, QuantityLexicon
from troopclaims.spans import annotated, token_at

_NOUNS = ("NOUN", "PROPN")
_PREPOSITIONS = ("in", "on", "at", "to", "by", "from", "and", "or")
# Words that end the clause a figure completes, looking back for its subject without a parse.
_CLAUSE_WORDS = frozenset(("in", "on", "during", "after", "before", "by", "for", "with", "from", "since", "near",
                           "among", "as", "while", "when", "that", "which", "who", "and", "or", "but", "than"))


@dataclass(frozen=True)
class Counted:
    """What a figure counts: the unit, and the noun phrase as written with its offsets."""

    unit: str | None
    subject: str | None
    end: int | None = None       # where the claim's text ends when the noun follows the figure
    event: str | None = None     # the figure's own event word when its noun is one ("85 killed", "the toll")
    aspect: str | None = None    # the aspect its noun implies ("protesters": attended), when the sentence gives none


def find_counted(doc, numeric: Numeric, tokens, lexicon: QuantityLexicon, previous: Counted | None) -> Counted:
    """Return what the figure counts, trying the forms of English in turn."""
    after = doc[tokens.end:]
    if numeric.unit:                                           # "1,240 square kilometres (of territory)"
        next_token = token_at(doc, numeric.end)
        rest = doc[next_token.i:] if next_token is not None and next_token.idx >= numeric.end else after[:0]
        return Counted(numeric.unit, _of_phrase(rest, lexicon, previous))
    if len(after) and after[0].idx == numeric.num_end and after[0].text in ("-", "‐"):
        return _compound(doc, after[1:], lexicon)              # "a 40-person unit"
    head_after = after[:1]
    if len(head_after) and head_after[0].lower_ == "of":      # "8,000 of them", "thousands of troops"
        return _partitive(after[1:], lexicon, previous) or Counted(None, None)
    if measured := _measured(doc, numeric, tokens, lexicon):
        return measured
    if verb := _verb_after(doc, numeric, tokens, lexicon):
        return verb
    for finder in (_shared_noun, _noun_after, _copula_attribute, _count_noun_subject):
        found = finder(doc, tokens, lexicon)
        if found and found.unit in lexicon.durations and \
                (found.subject or "").split()[0].lower() in lexicon.time_determiners:
            continue               # "up from 2,000 last week": the week dates the figure, it counts none
        if found:
            if not annotated(doc, "TAG") and not lexicon.unit_at(after[:MAX_UNIT_WORDS]):
                # no tagger: an unknown word after the figure is a guess, "a crowd of 5,000" says more
                return _named_before(doc, numeric, lexicon) or found
            return found
    return _named_before(doc, numeric, lexicon) or Counted(None, None)


def _measured(doc, numeric: Numeric, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """A figure right before a noun it measures, not counts: "a 6.1 quake", "5.9 Earthquake Jolts Iran" (the noun
    in the singular after a figure that is not one, with "a" or a decimal figure)."""
    following = doc[tokens.end] if tokens.end < len(doc) else None
    unit = lexicon.measures.get(following.lower_) if following is not None else None
    if unit is None or numeric.value is None or numeric.value == 1:
        return None
    article = tokens.start > 0 and doc[tokens.start - 1].lower_ in ("a", "an")
    if not article and float(numeric.value).is_integer():
        return None
    return Counted(unit, following.text, following.idx + len(following))


def _verb_after(doc, numeric: Numeric, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """A plural figure right before an event verb in its plain form is that verb's subject, not a count of it:
    "Thousands march in Dunmere", "Hundreds flee as ..." (the verb's aspect then says what the figure counts)."""
    if lexicon.events is None or tokens.end >= len(doc) or numeric.value is not None and (
            numeric.value < 2 or not float(numeric.value).is_integer()):
        return None                # "tremors measuring 4.5 hit the coast": a measure, not a crowd
    if _named_before(doc, numeric, lexicon):
        return None                # "a magnitude of at least 6 hit the valley": the noun before says
    verb = doc[tokens.end]
    aspect = lexicon.events.aspects.get(verb.lower_) if verb.is_lower else None
    if aspect is None or verb.lower_ not in lexicon.events.lemmas or lexicon.unit_at(doc[verb.i:verb.i + 1]):
        return None
    following = doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    if verb.pos_ != "VERB" and following is not None and not (following.is_stop or following.is_punct):
        return None            # "two refugee camps", "300 protest votes": a noun that the figure's noun modifies
    return Counted(None, None, event=verb.lower_, aspect=aspect)


def _named_before(doc, numeric: Numeric, lexicon: QuantityLexicon) -> Counted | None:
    """The counted noun before the figure: "a death toll of 6,500", "a crowd of 5,000" (a counted noun and of), or
    the subject of the verb the figure completes when it implies what it counts: "the toll rose to nearly 9,000",
    "casualties reached 300"."""
    first = token_at(doc, numeric.start)
    if first is None or not first.i:
        return None
    of = doc[first.i - 1]
    if of.lower_ == "of":
        for size in range(min(3, of.i - first.sent.start), 0, -1):
            known = lexicon.unit_at(doc[of.i - size:of.i])
            if known and known[0] == size:
                return Counted(known[1], doc[of.i - size:of.i].text)
    if (appositive := _appositive(doc, numeric, of, lexicon)) is not None:
        return appositive
    if of.lower_ in lexicon.measure_links and of.i > first.sent.start and \
            (measure := _measure_noun(doc[of.i - 1], lexicon)):   # "aftershocks of 4.0", "magnitudes ranging from"
        return Counted(measure, _measured_event(doc[of.i - 1], lexicon).text)
    if annotated(doc, "DEP"):
        return _implied_subject(doc[numeric_token(doc, numeric)], lexicon)
    before = doc[max(first.sent.start, first.i - 6):first.i]
    for j in range(len(before) - 1, -1, -1):       # no parse: the nearest such noun in the clause before
        token = before[j]
        if token.like_num or token.is_punct and token.text not in ("-", "'", "’") or token.lower_ in _CLAUSE_WORDS:
            return None
        found = lexicon.implied_by(before[max(0, j - 2):j + 1].text)
        if found:
            size = len(found[2].split())
            return Counted(found[0], before[j - size + 1:j + 1].text)
    return None


def _appositive(doc, numeric: Numeric, comma, lexicon: QuantityLexicon) -> Counted | None:
    """A figure between commas right after a plural noun counts that noun: "Most of the cases, about 900, were
    recorded in the city"."""
    last = token_at(doc, numeric.end - 1)
    if comma.text != "," or comma.i < 1 or last is None or last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
        return None
    noun = doc[comma.i - 1]
    if not (noun.is_alpha and noun.is_lower and noun.lower_.endswith("s") and not noun.lower_.endswith("ss")):
        return None
    if annotated(doc, "TAG") and noun.tag_ != "NNS":
        return None
    known = lexicon.unit_at(doc[noun.i:noun.i + 1])
    return Counted(known[1] if known else lexicon.unit_of(noun), noun.text)


def _measure_noun(token, lexicon: QuantityLexicon) -> str | None:
    """Return the unit a noun is measured in (quake, quakes -> magnitude), or None."""
    word = token.lower_
    return lexicon.measures.get(word) or lexicon.measures.get(token.lemma_.lower()) or \
        (lexicon.measures.get(word[:-1]) if word.endswith("s") else None)


def _measured_event(token, lexicon: QuantityLexicon):
    """Return the noun whose event a measure noun measures: the noun itself ("aftershocks of 4.0"), or for the name
    of the measure ("magnitudes ranging from 3.6", "the quake's magnitude at 5.9") the nearest other measured noun
    before it in its sentence ("aftershocks, with magnitudes ranging from": aftershocks), else the name."""
    unit = _measure_noun(token, lexicon)
    if unit is None or unit not in (token.lower_, token.lower_[:-1], token.lemma_.lower()):
        return token
    for other in reversed(token.doc[token.sent.start:token.i]):
        if _measure_noun(other, lexicon) == unit and unit not in (other.lower_, other.lower_[:-1]):
            return other
    return token


def numeric_token(doc, numeric: Numeric) -> int:
    """Return the index of the last token of the figure itself."""
    return token_at(doc, numeric.num_end - 1).i


def _implied_subject(token, lexicon: QuantityLexicon) -> Counted | None:
    """Return what the subject (or object) of the verb a figure completes implies it counts ("the death toll rose to
    9,000", "officials put the evacuation at 12,500")."""
    figure = token
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        # a headline's verb the tagger reads as a noun with a subject: "Death toll from quake climbs to 412"
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
            break
    else:
        return None
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not child.left_edge.i <= figure.i <= child.right_edge.i:
            phrase = " ".join(word.text for word in _compounded(child))
            found = lexicon.implied_by(phrase)
            if found:
                return Counted(found[0], " ".join(phrase.split()[-len(found[2].split()):]))
            unit = lexicon.units.get((child.lower_,))
            if unit in lexicon.event_measures:      # "the survey put the magnitude at 6.1"
                return Counted(unit, _measured_event(child, lexicon).text)
    return None


def _compounded(noun) -> list:
    """Return a noun with the compounds that modify it ("death toll"), not those inside its own modifiers ("the
    death toll from the Vell river flood": not "river")."""
    words = [noun]
    while words[0].i and words[0].doc[words[0].i - 1].dep_ == "compound" and \
            words[0].doc[words[0].i - 1].head in words:
        words.insert(0, words[0].doc[words[0].i - 1])
    return words


def _compound(doc, tokens, lexicon: QuantityLexicon) -> Counted:
    """A number in a hyphenated compound counts the compound's noun; the subject is what the compound describes."""
    if not len(tokens) or not tokens[0].is_alpha:
        return Counted(None, None)
    counted = tokens[0]
    described = tokens[1] if len(tokens) > 1 and tokens[1].is_alpha and not tokens[1].is_stop else None
    if counted.lower_ in lexicon.size_words:
        noun = (described.lemma_ or described.text).lower() if described is not None else ""
        unit = lexicon.members.get(noun) or lexicon.members.get(noun.rstrip("s")) or "people"
    else:
        plural = lexicon.plurals.get(counted.lower_) or counted.lower_ + "s"
        measured = lexicon.measures.get(described.lower_) if described is not None else None
        # "a 6.7-strength quake": the compound names how the noun after it is measured
        unit = measured or lexicon.units.get((counted.lower_,)) or lexicon.units.get((plural,)) or plural
    return Counted(unit, described.text if described is not None else None,
                   described.idx + len(described) if described is not None else counted.idx + len(counted))


def _partitive(tokens, lexicon: QuantityLexicon, previous: Counted | None) -> Counted | None:
    """Read "of them" (the noun counted just before) or "of (the) North Korean troops"."""
    if not len(tokens):
        return None
    if tokens[0].lower_ in lexicon.pronouns:
        if previous is not None:
            return Counted(previous.unit, previous.subject, tokens[0].idx + len(tokens[0]))
        return Counted(None, None, tokens[0].idx + len(tokens[0]))
    start = 1 if tokens[0].lower_ in ("the", "their", "its", "his", "her", "these", "those", "our", "your", "my") \
        else 0
    whole = bool(start and len(tokens) > 2 and tokens[1].like_num and not tokens[2].like_num)
    if whole:
        start = 2                    # "three of the seven bullets": the whole is a claim of its own
    found = _noun_phrase(tokens[start:], lexicon)
    if found is None:
        return None
    first, last, unit = found
    phrase = tokens[first + start:last + start + 1]
    return Counted(unit, phrase.text, None if whole else phrase.end_char)


def _noun_after(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """The counted noun right after the figure: "10,000 troops", "3,000 North Korean soldiers", "three generals"."""
    number = tokens[-1]
    if annotated(doc, "DEP") and number.dep_ in ("nummod", "quantmod", "compound") and number.head.i > number.i \
            and number.head.pos_ in _NOUNS:
        head = number.head
        hyphen = number.i + 1 < len(doc) and doc[number.i + 1].text == "-"        # "a five - boat attack"
        while not hyphen and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in _NOUNS \
                and not lexicon.unit_at(doc[head.i:head.i + 1]):
            head = head.head          # "two plainclothes police officers": the noun the compound ends in
        unit = _unit_ending_at(doc, tokens.end, head, lexicon) or lexicon.unit_at(doc[head.i:])
        start = tokens.end
        return Counted(unit[1] if unit else lexicon.unit_of(head), doc[start:head.i + 1].text, head.idx + len(head))
    found = _noun_phrase(doc[tokens.end:], lexicon)
    if found is None:
        return None
    first, last, unit = found
    span = doc[tokens.end + first:tokens.end + last + 1]
    return Counted(unit, span.text, span.end_char)


def _shared_noun(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"12 Somali and 11 Yemeni nationals": a figure whose only word after it is a name in the singular, then "and"
    and another figure, counts the noun of that other figure."""
    after = doc[tokens.end:tokens.end + 4]
    if len(after) < 3 or not after[0].is_title or after[0].lower_.endswith("s") or after[0].tag_ in ("NNS", "NNPS") \
            or after[1].lower_ not in ("and", "or") or not after[2].like_num:
        return None
    rest = doc[after[2].i + 1:]
    found = _noun_phrase(rest, lexicon)
    if found is None or found[1] == 0 and not rest[0].is_lower:
        return None                  # "12 Somali and 11 Yemeni": no noun to share
    noun = rest[found[1]]
    return Counted(found[2], f"{after[0].text} {noun.text}", after[0].idx + len(after[0]))


def _unit_ending_at(doc, first: int, head, lexicon: QuantityLexicon) -> tuple[int, str] | None:
    """Return the longest known counted noun of several words that ends at the head noun ("asylum seekers")."""
    for i in range(first, head.i):
        known = lexicon.unit_at(doc[i:head.i + 1])
        if known and known[0] == head.i + 1 - i:
            return known
    return None


def _noun_phrase(tokens, lexicon: QuantityLexicon) -> tuple[int, int, str] | None:
    """Return (first, last, unit) of the noun phrase that opens tokens, skipping modifiers before a known noun."""
    for i in range(min(len(tokens), 5)):
        token = tokens[i]
        if token.like_num and i and any(word.is_upper and word.is_alpha for word in tokens[max(0, i - 2):i]):
            continue                               # the digits of a model name: "four AK 47 rifles"
        if _is_model_name(token.text) and i + 1 < len(tokens):
            continue                               # a model name in one word: "seven AK-47 rifles"
        if token.is_upper and token.is_alpha and i + 2 < len(tokens) and tokens[i + 1].text == "-" \
                and tokens[i + 2].like_num:
            continue                               # one written apart: "six AK - 47 rifles"
        if token.is_punct and token.text != "-" or token.like_num:
            break
        known = lexicon.unit_at(tokens[i:])
        if known:
            return 0, i + known[0] - 1, known[1]
        if annotated(tokens.doc, "TAG"):
            if token.pos_ in _NOUNS and (i + 1 == len(tokens) or tokens[i + 1].pos_ not in _NOUNS):
                return 0, i, lexicon.unit_of(token)
            if token.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT") and token.tag_ not in ("VBN", "JJ"):
                break
        elif (i == 0 or i == 1 and (_is_participle(tokens[0]) or lexicon.modifies_only(tokens[0]))) \
                and token.is_alpha and token.is_lower and not token.is_stop and not lexicon.is_event(token):
            if i + 1 < len(tokens) and (lexicon.unit_at(tokens[i + 1:]) or lexicon.modifies_only(token)):
                continue                            # "27 overseas booths", "200 relief workers": a modifier
            if i == 0 and _is_participle(token):
                if len(tokens) > 1 and tokens[1].is_alpha and tokens[1].is_lower and not tokens[1].is_stop:
                    continue                        # "300 armed men": a participle before the noun
                break                               # "4.3 rattled the coast": a verb, no counted noun
            return 0, i, lexicon.unit_of(token)     # no tagger: take the plain word after the figure
        elif not token.text[:1].isupper():
            break
    return None


def _is_participle(token) -> bool:
    """Return whether a word reads as a participle or past verb without a tagger ("armed", "rattled")."""
    return token.lower_.endswith("ed") and len(token) > 4


def _is_model_name(word: str) -> bool:
    """Return whether a word is a model name of capitals and digits ("AK-47", "T-72", "F16"), not a figure."""
    return any(char.isdigit() for char in word) and any(char.isupper() for char in word) and word[:1].isalpha()


def _copula_attribute(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"... of which 500 are officers": the figure is the subject of "be" and the noun its attribute."""
    after = doc[tokens.end:tokens.end + 3]
    if len(after) >= 2 and after[0].lower_ in ("are", "were", "was", "is"):
        found = _noun_phrase(after[1:], lexicon)
        if found:
            first, last, unit = found
            span = after[1 + first:1 + last + 1]
            return Counted(unit, span.text, span.end_char)
    return None


def _count_noun_subject(doc, tokens, lexicon: QuantityLexicon) -> Counted | None:
    """"The number of X (transferred to Y) is now about 12,000": the figure counts X; a participle right after X
    is what befell them ("the number of people killed ... has risen to 41": killed)."""
    sentence = tokens[0].sent
    before = doc[sentence.start:tokens.start]
    for i, token in enumerate(before):
        if token.lower_ in lexicon.count_nouns and i + 1 < len(before) and before[i + 1].lower_ == "of":
            found = _noun_phrase(before[i + 2:], lexicon)
            if found:
                first, last, unit = found
                counted = Counted(unit, before[i + 2 + first:i + 2 + last + 1].text)
                following = before[i + 3 + last] if i + 3 + last < len(before) else None
                aspect = lexicon.events.aspect_of(following.text, following.lemma_) \
                    if following is not None and lexicon.events is not None else None
                return replace(counted, event=following.lower_, aspect=aspect) if aspect else counted
    return None


def _of_phrase(tokens, lexicon: QuantityLexicon, previous: Counted | None) -> str | None:
    """Return what a measure is of, as its subject: "1,240 square kilometres of territory" -> "territory"."""
    if len(tokens) < 2 or tokens[0].lower_ != "of":
        return None
    found = _partitive(tokens[1:], lexicon, previous)
    if found and found.subject:
        return found.subject
    size = 0
    for token in tokens[1:5]:
        if not token.is_alpha or token.lower_ in _PREPOSITIONS:
            break
        size += 1
    return tokens[1:1 + size].text if size else None
