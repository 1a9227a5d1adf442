"""The event that governs a claim ("training", "transferred", "killed") and its aspect class from rules/aspects.yaml."""
from __future__ import annotations

import re

from troopclaims.extractors.dates.dateline import in_dateline
from troopclaims.extractors.event_rules import EventLexicon
from troopclaims.records import Claim
from troopclaims.spans import annotated, doc_text, sentence_at

_VERBAL = ("VERB", "AUX")
_MODIFIERS = ("acl", "relcl", "amod")
_CLAUSE_EDGES = ("conj", "relcl", "parataxis", "advcl")
_COMPLEMENTS = ("xcomp", "oprd", "acomp")    # "reported missing", "feared dead"
_LINKS = ("on", "in", "at", "last", "this", "early", "late", "earlier")
_NOUN_MODIFIERS = ("nummod", "compound", "nmod", "quantmod", "amod")
_DIRECT = ("dobj", "nsubjpass")      # a verb's own arguments: "killed six, injured almost 50"
_PHRASE_WINDOW = 7
_BE = ("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting")   # before a passive
_PARAGRAPH_BREAK = re.compile(r"(\r?\n|\r)[ \t]*(\r?\n|\r)|\u2029")


def names_no_event(token, lexicon: EventLexicon) -> bool:
    """Return whether a verb stands beside a noun that makes it no event (`not_events`: "struck a deal", "the deal,
    struck between Iran and six powers", "strike a balance"): its object, or the noun it modifies; without a
    parse, a word of the few around it."""
    nouns = lexicon.not_events.get(token.lemma_.lower()) or lexicon.not_events.get(token.lower_)
    if not nouns:
        return False
    if annotated(token.doc, "DEP"):
        near = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass", "nsubj")]
        near += [token.head] if token.dep_ in ("acl", "relcl", "amod") else []
        # "consume 40 percent of the water": what the share is of
        near += [word for noun in near for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for word in prep.children if word.dep_ == "pobj"]
    else:
        near = [*token.doc[max(token.sent.start, token.i - 2):token.i], *token.doc[token.i + 1:token.i + 4]]
    return any(word.lower_ in nouns or word.lemma_.lower() in nouns for word in near)


def governing_event(doc, start: int, end: int, lexicon: EventLexicon,
                    is_date: bool = False) -> tuple[str | None, str | None]:
    """Return (event word as written, aspect) for the claim at doc.text[start:end], or (None, None)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or is_date and in_dateline(doc_text(doc), start, end):
        return None, None       # a dateline's date stamps the article, it dates no event of its line
    if annotated(doc, "DEP"):
        if is_date and (noun := dated_noun(span)) is not None:
            return noun.lower_, lexicon.aspect_of(noun.text, noun.lemma_)    # "the March 2 broadcast"
        event, aspect = _by_parse(span, lexicon) or (None, None)
        if not is_date and aspect not in lexicon.doers and _is_doer(span):
            # "hit by three bullets": the doers are not what the event befell ("attended by 200,000" they are)
            return _modifier_hit(span.root, lexicon) or (None, None)
        if aspect is None and not is_date:
            # "made a five-year offer worth more than $90 million": the parse hangs the figure on a verb outside
            # the rules; an event word next to the figure says more
            # "shooting three people, killing one"; not over "and" ("a clerk died and two men had surgery")
            near = _by_words(span, lexicon, window=4, stops=".;:,", stop_words=("and", "but", "or"))
            return near if near[1] else (event, aspect)
        return event, aspect
    return _by_words(span, lexicon, is_date)


def counts_things(claim: Claim, measures: frozenset[str]) -> bool:
    """Return whether a claim is a figure that counts things (seats, soldiers), not one of a unit of measure."""
    return claim.kind == "quantity" and bool(claim.unit) and claim.unit not in measures


def counted_aspect(claim: Claim, lexicon: EventLexicon, measures: frozenset[str]) -> Claim:
    """Return the figure without an aspect of sums (`sums`: paid) when it counts things rather than a unit of
    measure ("raise the number of seats from 65 to 125" raises no payment), with no event of a word of sums only
    (`money_only`) when it is no sum ("relief flights carried 300 tonnes"), and in the currency a unit of measure
    also names when its event is one of money and it measures nothing named ("fined 2,000 pounds": sterling)."""
    if claim.aspect in lexicon.sums and counts_things(claim, measures):
        return claim.with_fields(aspect=None)
    if claim.kind == "quantity" and (claim.event or "").split()[-1:] and \
            claim.event.split()[-1] in lexicon.money_only and not _is_currency(claim.unit):
        return claim.with_fields(event=None, aspect=None)    # "relief flights carried 300 tonnes": no sum
    if claim.unit in lexicon.currency_of and claim.aspect in lexicon.money and not claim.subject \
            and not _measured(claim, lexicon):
        return claim.with_fields(unit=lexicon.currency_of[claim.unit])
    if claim.aspect in lexicon.states and _is_currency(claim.unit):
        return claim.with_fields(aspect=None)    # "investors lost $40 billion" held no ground
    if claim.kind == "quantity" and claim.unit in lexicon.unit_aspects:
        return _unit_aspect(claim, lexicon.unit_aspects[claim.unit])
    return claim


_PART = re.compile(r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|some|most|none")
_HELPERS = frozenset(("was", "were", "been", "being", "had", "have", "has", "be", "is", "are", "all", "now", "so",
                      "far", "already", "also", "still", "officially", "reportedly", "newly"))


def _unit_aspect(claim: Claim, entries: tuple[tuple[str, str, frozenset[str]], ...]) -> Claim:
    """Return a figure of a unit with aspects of its own (`unit_aspects`: "fired 41 shots", "41 rounds were
    fired", "hit by seven bullets") with the aspect of the nearest of their words right before or after it, and
    the unit it shares; the figure as it was when none stands there."""
    text = " ".join(claim.text.split())
    sentence = " ".join(claim.sentence.split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return claim
    before = re.findall(r"[\w'’-]+", re.split(r"[,;:—–()]", sentence[:at])[-1].lower())[::-1]   # its clause
    if before[1:2] == ["of"] and before[2:3] and _PART.fullmatch(before[2]):
        before = before[3:]       # "hit by three of the seven bullets": the whole was hit as its part was
    elif before[2:3] == ["of"] and before[3:4] and _PART.fullmatch(before[3]):
        before = before[4:]
    before = before[:5]
    after = [word for word in re.findall(r"[\w'’-]+", sentence[at + len(text):].lower())[:4] if word not in _HELPERS]
    # "hit by three of the seven bullets fired": three hit. A word after the figure gives no other aspect than its
    # own event's: "killing one, was caught" is no case caught; "12 bullets hit the car" hit.
    event = (claim.event or "").lower()
    for word in [*before, *(w for w in after[:1] if not claim.aspect or w == event)]:
        for aspect, unit, words in entries:
            if word in words:
                return claim.with_fields(aspect=aspect, unit=unit, event=word if claim.aspect != aspect else claim.event)
    return claim


def _measured(claim: Claim, lexicon: EventLexicon) -> bool:
    """Return whether the words right after a figure keep it a measure (`measure_after`: "fined after coming in 4
    pounds over the limit", "5 pounds heavier")."""
    text = " ".join(claim.text.split())
    at = claim.sentence.find(text) if text else -1
    after = " ".join(re.findall(r"[\w'’-]+", claim.sentence[at + len(text):].lower())[:4]) if at >= 0 else ""
    return any(f"{after} ".startswith(f"{phrase} ") for phrase in lexicon.measure_after)


def _is_currency(unit: str | None) -> bool:
    """Return whether a unit is a currency: rules/numbers.yaml names them by their ISO 4217 code ("USD")."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def inherit_events(doc, claims: list[Claim], lexicon: EventLexicon) -> list[Claim]:
    """Give a figure with no event of its own (claims in text order) the event of the figure before it: of the same
    unit in its sentence, else of another unit there, else of the last figure with an aspect in the sentence before
    (of the same paragraph).

    "10,000 troops were deployed, with nearly 8,000 of them in the north": the 8,000 were deployed too. "Police
    seized two boats. Six rifles were found on board.": the rifles were seized.
    """
    result: list[Claim] = []
    by_sentence: dict[int, list[Claim]] = {}    # sentence start -> its figures with an event, in text order
    for claim in claims:
        sentence = sentence_at(doc, claim.start) if claim.kind == "quantity" else None
        if sentence is not None:
            if claim.event is None:
                claim = _inherited(doc, claim, sentence, by_sentence, lexicon)
            if claim.event:
                by_sentence.setdefault(sentence.start, []).append(claim)
        result.append(claim)
    return result


def _inherited(doc, claim: Claim, sentence, by_sentence: dict[int, list[Claim]], lexicon: EventLexicon) -> Claim:
    here = by_sentence.get(sentence.start, [])
    source = [other for other in here if other.unit == claim.unit]
    if not source and claim.aspect is None and _says_nothing(doc, claim, sentence, lexicon):
        source = [other for other in here if other.aspect]
        if not source and sentence.start:
            previous = doc[sentence.start - 1].sent
            if not _PARAGRAPH_BREAK.search(doc_text(doc)[previous.start_char:sentence.start_char]):
                source = [other for other in by_sentence.get(previous.start, []) if other.aspect]
    return claim.with_fields(event=source[-1].event, aspect=source[-1].aspect) if source else claim


def _says_nothing(doc, claim: Claim, sentence, lexicon: EventLexicon) -> bool:
    """Return whether no verb but an empty one governs a figure: a list with no verb, "there were also three
    motors", "were found", "are at $160 million"; not "be" otherwise ("the tents were ready") or a verb outside the
    rules. Without a parse: whether
    an empty verb is in its sentence."""
    if not annotated(doc, "DEP"):
        return any(token.lower_ in lexicon.empty for token in sentence)
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    token = span.root if span is not None and len(span) else None
    child = token
    for _ in range(8 if token is not None else 0):
        if token.pos_ in _VERBAL:
            # "the Angels are at $160 million, the Orioles at $150 million": a copula with a phrase says nothing
            return _is_empty(token, lexicon) or any(grand.dep_ == "expl" for grand in token.children) or \
                token.lemma_ == "be" and child.dep_ == "prep"
        if token.head.i == token.i:
            return True
        child, token = token, token.head
    return False


def _own_verb_hit(root, lexicon: EventLexicon):
    """Return the event verb whose object or passive subject the counted noun is ("rescued two ships that were being
    attacked", "two officers involved in the shooting were arrested"): it wins over what modifies the noun."""
    head = root.head
    if root.dep_ in _DIRECT and head.i != root.i and head.pos_ in _VERBAL and (hit := _hit(head, lexicon)):
        return hit
    return None


def _modifier_hit(root, lexicon: EventLexicon):
    """Return the event word of a verb that modifies the counted noun ("troops stationed in X"), or None."""
    for child in root.children:
        if child.dep_ in _MODIFIERS and child.pos_ in _VERBAL and _befalls_noun(child, lexicon) and \
                (hit := _hit(child, lexicon) or (
                lexicon.reports(child.text, child.lemma_) and _complement_hit(child, lexicon, clauses=True))):
            return hit
    return None


def _object_only(verb, lexicon: EventLexicon) -> bool:
    """Return whether a verb's event befalls only its object or passive subject (`objects_only`: "flooded")."""
    return verb.lemma_.lower() in lexicon.objects_only or verb.lower_ in lexicon.objects_only


def _befalls_noun(verb, lexicon: EventLexicon) -> bool:
    """Return whether a verb modifying a noun says what befell it: any verb but one of `objects_only` that the noun
    does ("40 flooded villages", "homes that were flooded"; not "supporters flooding the square", "supporters who
    flooded the square")."""
    if not _object_only(verb, lexicon):
        return True
    return verb.tag_ != "VBG" and not any(child.dep_ == "nsubj" and child.lower_ in ("who", "that", "which")
                                          for child in verb.children)


def _befalls_path(verb, path: list, lexicon: EventLexicon) -> bool:
    """Return whether the climb from a figure (path: the tokens below the verb, nearest last) reaches a verb of
    `objects_only` through its object or passive subject, the counted noun itself or one coordinated with it or
    an "of" phrase in it ("inundated 40 villages and 12 towns"); not its active subject or another phrase ("20,000
    supporters flooded the square", "flooded the beaches, about 50,000 on Sunday", "with 3,000 in the first
    hour")."""
    if not _object_only(verb, lexicon):
        return True
    *below, child = path
    return child.dep_ in _DIRECT and all(step.dep_ == "conj" or step.dep_ in ("prep", "pobj") and
                                         (step.lower_ == "of" or step.head.lower_ == "of") for step in below)


def _befalls_by_order(verb, span, lexicon: EventLexicon) -> bool:
    """Without the parse's word: whether a verb of `objects_only` stands where its object or passive subject is
    the figure, right before it ("inundated 40 villages", "submerged the 12 bridges") or after it with a form of
    "be" just before the verb ("300 homes were flooded", "were badly flooded")."""
    if not _object_only(verb, lexicon):
        return True
    doc = verb.doc
    if verb.i < span.start:
        between = doc[verb.i + 1:span.start]
        return len(between) <= 1 and not any(word.is_punct for word in between)
    return any(word.lower_ in _BE for word in doc[max(span.end, verb.i - 2):verb.i])


def _complement_hit(verb, lexicon: EventLexicon, clauses: bool = False):
    """Return the event word of a verb's predicative complement ("30 people reported missing", "were feared dead"),
    with `clauses` of its clause too ("the $3 billion the agency says is needed"), or None."""
    for child in verb.children:
        if (child.dep_ in _COMPLEMENTS or clauses and child.dep_ == "ccomp" and child.pos_ in _VERBAL) \
                and (hit := _hit(child, lexicon)):
            return hit
    return None


def _is_doer(span) -> bool:
    """Return whether the figure is in a "by" phrase of its verb: "hit by three bullets", "arrested by 200 officers"
    count the doers, not what the event befell."""
    token = span.root
    for _ in range(4):
        if token.head.i == token.i or token.pos_ in _VERBAL or token.pos_ == "NOUN" and token.i != span.root.i:
            return False       # "shocked by the death of three": the figure is not the doer
        if token.lower_ == "by" and (token.dep_ == "agent" or token.dep_ == "prep" and token.head.pos_ in _VERBAL):
            return True
        token = token.head
    return False


def _hit(token, lexicon: EventLexicon):
    if token.ent_type_ in ("DATE", "TIME"):     # "in March", "in May": months are no marches
        return None
    if lexicon.not_events and names_no_event(token, lexicon):
        return None
    if phrase := _phrase_hit(token, lexicon):
        return phrase
    aspect = lexicon.aspect_of(token.text, token.lemma_)
    return (token.text.lower(), aspect) if aspect else None


def _phrase_hit(token, lexicon: EventLexicon):
    """Return (words as written, aspect) of an event of several words that starts at token ("took to the streets",
    "called in six engines", "set two cars ablaze"): by parse, the other words among its dependents and theirs;
    without one, in order in the few words after it."""
    entries = lexicon.phrases.get(token.lemma_.lower()) or lexicon.phrases.get(token.lower_)
    if not entries:
        return None
    if annotated(token.doc, "DEP"):
        near = sorted((word for word in token.subtree if word.i > token.i and _depth(word, token) <= 3),
                      key=lambda word: word.i)      # "tackling the last of the blaze": three steps down
    else:
        near = []
        for word in token.doc[token.i + 1:min(token.i + 1 + _PHRASE_WINDOW, token.sent.end)]:
            if word.is_punct:
                break
            near.append(word)
    for rest, aspect in entries:
        matched, words = [], iter(near)
        for wanted in rest:
            match = next((word for word in words if wanted in (word.lower_, word.lemma_.lower())), None)
            if match is None:
                break
            matched.append(match)
        else:
            return " ".join([token.lower_, *(word.lower_ for word in matched)]), aspect
    return None


def _depth(word, top) -> int:
    """Return how many heads up from word top is (word in top's subtree)."""
    steps = 0
    while word.i != top.i and steps < 8:
        word, steps = word.head, steps + 1
    return steps


def _is_empty(token, lexicon: EventLexicon) -> bool:
    """Return whether a verb says nothing of what befell what a figure counts ("had", "using", "including")."""
    return token.pos_ in _VERBAL and (token.lemma_.lower() in lexicon.empty or token.lower_ in lexicon.empty) \
        and not _phrase_hit(token, lexicon)         # "took to the streets" says what happened


def _own_noun_hit(root, lexicon: EventLexicon):
    """Return the event noun a figure modifies ("a $35,000 reward", "a 300-troop deployment") or follows after "of"
    ("a fine of 25,000 euros"): the sum or count is that event's whatever verb governs the noun ("offering a $35,000
    reward" is a pledge, not a payment; "ordered to pay a fine of 25,000 euros", a fine)."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i < root.i:
        return _hit(head.head, lexicon)
    if head.i == root.i or head.i < root.i or head.pos_ != "NOUN" or root.dep_ not in _NOUN_MODIFIERS:
        return None
    return _hit(head, lexicon)


def _by_parse(span, lexicon: EventLexicon):
    """Climb from the claim towards the root of its clause; return the highest event word on the way.

    First the verb whose object the counted noun is, a verb modifying the noun, or the event noun the figure
    modifies. The climb stops at a reporting verb ("said", "expected": what they govern is the claim itself), after
    a conjunct or relative clause (the next head up belongs to another event) unless its verb is empty, at a phrase
    that describes rather than takes part, and at a verb of which the figure is the object. Else the highest event
    word wins, because a misparse low in the clause ("to combat zones" read as a verb) is more common than one at
    its top.
    """
    root = span.root
    if hit := _own_verb_hit(root, lexicon) or _modifier_hit(root, lexicon) or _own_noun_hit(root, lexicon):
        return hit
    found, first_verb, token, via_prep, path = None, None, root, None, []
    for _ in range(16):
        # "captured 12 sailors and 18 guards": a coordinated noun shares its head's verb, a coordinated verb not;
        # a verb that says nothing ("intercepted two boats and found six rifles") takes the event of its head
        nominal = token.dep_ == "conj" and token.pos_ not in _VERBAL and token.head.pos_ not in _VERBAL
        if token.head.i == token.i or token.dep_ in _CLAUSE_EDGES and not nominal and not _is_empty(token, lexicon):
            break
        if token.i != root.i and via_prep and (token.dep_ == "appos" or token.dep_ in ("advmod", "npadvmod")
                                                and via_prep != "as"):       # not "as high as $184 million"
            break          # "struck Orvel, home to 120,000 people": what describes a place is no participant
        via_prep = token.lower_ if token.dep_ == "prep" else via_prep
        child, token = token, token.head
        path.append(child)
        hit = _hit(token, lexicon)
        if hit and token.pos_ in _VERBAL and not _befalls_path(token, path, lexicon):
            hit = None             # "20,000 supporters flooded the square": no flood befell them
        if hit and token.pos_ in _VERBAL:
            found = hit            # "pledged $5 billion": an event word that could also report is the event
            if child.dep_ in _DIRECT:
                break              # "killed six, injured almost 50": the verb of its own object wins
            continue
        if token.pos_ in _VERBAL and lexicon.reports(token.text, token.lemma_) and not _passive(token):
            # "reported control over 1,240 km2": the reported noun is the event when the parse hangs the figure
            # on the reporting verb
            objects = [hit for child in token.children if child.dep_ == "dobj" and (hit := _hit(child, lexicon))]
            found = found or (objects[0] if objects else None)
            break
        if hit:
            found = hit
        elif token.pos_ in _VERBAL and token.lemma_ == "be":
            # "the number of X transferred to Y is now 12,000": the event is in the subject
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for word in child.subtree:
                        if word.pos_ in _VERBAL and (hit := _hit(word, lexicon)):
                            found = found or hit
                    # "the Boston offer was as high as $184 million": else the subject noun itself
                    found = found or (_hit(child, lexicon) if child.pos_ == "NOUN" else None)
        elif token.pos_ == "VERB":
            # "were found and seized", "took 17 into custody", "20,000 joined the rally": a verb outside the
            # rules takes the event of a verb sharing its arguments, or of its object; an empty one is no event
            # a subject for a figure put "at" ("damage was estimated at $3 billion"), not in another phrase
            found = found or _argument_hit(token, span, lexicon, subject=child.dep_ != "prep" or child.lower_ == "at")
            if not _is_empty(token, lexicon):
                first_verb = first_verb or (token.text.lower(), None)
    return found or first_verb


def _passive(verb) -> bool:
    """Return whether a verb is passive ("were found"): what it is said of is its subject, not what it reports."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _argument_hit(verb, span, lexicon: EventLexicon, subject: bool = True, objects: bool = True):
    """Return the event word among a passive verb's bare conjuncts (no arguments of their own), its open complement
    (and that one's arguments), a verb's subject ("the haul included six rifles"; not for a figure in a phrase of
    the verb's preposition, "turnout reached 94 percent in the election for 288 candidates") and direct object
    ("the rally drew 5,000") and the objects of its prepositions, outside the claim itself; or None."""
    passive = _passive(verb)

    def outside(token) -> bool:
        return not token.left_edge.i <= span.root.i <= token.right_edge.i
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and passive and \
                not any(grand.dep_ in ("nsubj", "nsubjpass", "dobj") for grand in child.children):
            candidates = [child]
        elif child.dep_ == "dobj" and objects and outside(child):
            candidates = [child]
        elif subject and outside(child) and (child.dep_ == "nsubj" or child.dep_ == "nsubjpass" and passive):
            # "the offer was expected to be $150 million"; "those arrested included ...": the subject's modifier
            # too, under a verb that says nothing itself (not "the ship, deployed there, escorted five vessels")
            candidates = [child, *(grand for grand in child.children
                                   if grand.dep_ in _MODIFIERS and _is_empty(verb, lexicon))]
        elif child.dep_ == "prep" and outside(child):
            candidates = [grand for grand in child.children if grand.dep_ == "pobj"]
        elif child.dep_ in _COMPLEMENTS[1:] and (hit := _hit(child, lexicon)):
            return hit       # "were reported missing": the complement says what befell them
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            # "had to be led to safety", "were forced to flee": the verb they go on to says what befell them
            # (not its object when the figure is its doer: "two helicopters began moving the injured")
            if hit := _hit(child, lexicon) or _argument_hit(child, span, lexicon, objects=passive):
                return hit
            continue
        else:
            continue
        for candidate in candidates:
            if hit := _hit(candidate, lexicon):
                return hit
    return None


def _by_words(span, lexicon: EventLexicon, is_date: bool = False, window: int = 8, stops: str = ".;:",
              stop_words: tuple[str, ...] = ()):
    """Without a parse: the nearest event word in the sentence, after the claim first (within `window` words, not
    past a reporting verb, one of `stops` or of `stop_words`)."""
    sentence = span.sent
    after = [token for token in sentence if token.i >= span.end]
    before = [token for token in sentence if token.i < span.start][::-1]
    # "said on Saturday that 500 were evacuated": a date right after a reporting verb dates the report.
    if is_date and before[:1] and before[0].lower_ in _LINKS:
        before = before[1:]
    if is_date and before[:1] and lexicon.reports(before[0].text, before[0].lemma_):
        return None, None
    for tokens in (after[:window], before[:window]):
        for token in tokens:
            if phrase := _phrase_hit(token, lexicon):      # "showed up", "called in": no reporting verbs here
                return phrase
            if lexicon.reports(token.text, token.lemma_) and not _passive_by_order(token) \
                    or token.text in stops or token.lower_ in stop_words:
                break
            if (hit := _hit(token, lexicon)) and _befalls_by_order(token, span, lexicon):
                return hit
    return None, None


def _passive_by_order(token) -> bool:
    """Return whether a verb stands after a form of "be" ("were charged"): a passive, no verb of saying."""
    return token.i > token.sent.start and token.doc[token.i - 1].lower_ in _BE and token.lower_.endswith("ed")


_DATED_NOUN = ("nmod", "compound", "poss", "amod", "npadvmod")


def dated_noun(span):
    """Return the noun a date modifies ("the March 2 broadcast", "Sunday's vote"), or None."""
    root, head = span.root, span.root.head
    if root.dep_ in _DATED_NOUN and head.i >= span.end and head.pos_ == "NOUN" and \
            head.ent_type_ not in ("DATE", "TIME"):
        return head
    return None


def date_subject(doc, start: int, end: int) -> str | None:
    """Return what a date's event happens to: for a date of a noun, the name the noun is of ("the Oscars' March 2
    broadcast"), else none; otherwise the subject of its verb (event_subject); none for a dateline's date."""
    if in_dateline(doc_text(doc), start, end):
        return None
    span = _parsed_span(doc, start, end)
    if span is not None and (noun := dated_noun(span)) is not None:
        owners = [child for child in noun.children if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN"]
        return _compounded(owners[0]) if owners else None
    return event_subject(doc, start, end, passive=True)


def event_subject(doc, start: int, end: int, passive: bool = False) -> str | None:
    """Return the subject of the verb that governs the claim at doc.text[start:end] ("North Korea" in "North Korea
    was sending 10,000 troops"), or None without a parse or a subject; `passive` takes passive subjects too."""
    span = _parsed_span(doc, start, end)
    for token in _heads(span):
        if token.pos_ in _VERBAL:
            kinds = ("nsubj", "nsubjpass") if passive else ("nsubj",)
            subjects = [child for child in token.children if child.dep_ in kinds and child.pos_ != "PRON"]
            if not subjects:
                if token.dep_ in ("xcomp", "acomp"):   # "is due to reopen": the subject is the controller's
                    continue
                return None
            subject = subjects[0]
            words = [word for word in subject.subtree if word.dep_ in ("compound", "amod") or word is subject]
            return " ".join(word.text for word in words) if words else None
    return None


def named_owner(doc, start: int, end: int, lexicon: EventLexicon | None = None) -> str | None:
    """Return the named owner of the event that governs the claim at doc.text[start:end]: a proper noun that owns the
    event noun ("the Harbourmen's offer of $90 million", "the Denver offer", "offers by the Comets") or is the subject
    of its verb ("the Red Sox made an offer of $150 million", "Acme paid $3 million"), or that owns the subject of the
    copula the figure hangs on ("the Red Sox offer was $150 million"); None without a parse or such a name. In a list
    with no verb of its own, the name that opens the figure's item ("the Angels are at $160 million, the Orioles at
    $150 million"). Not the subject of a verb reporting the event's clause (given the lexicon): "Lynch reported
    the team offered $184 million" names the reporter, not the payer."""
    if item := _item_name(_parsed_span(doc, start, end)):
        return item
    for token in _heads(_parsed_span(doc, start, end)):
        if token.pos_ in _VERBAL:
            subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
            names = [child for child in subjects if child.dep_ == "nsubj" and child.pos_ == "PROPN"]
            owners = [name for child in subjects if child.pos_ == "NOUN" and (name := _noun_owner(child))]
            if names or owners:
                return _name(names[0]) if names else owners[0]
            if not subjects and token.dep_ in ("xcomp", "ccomp"):   # "was expected to be in the range of ..."
                if token.dep_ == "ccomp" and lexicon is not None and lexicon.reports(token.head.text,
                                                                                     token.head.lemma_):
                    return None    # "Lynch reported the team offered $184 million": the reporter is no payer
                continue
            return None
        if token.pos_ in ("NOUN", "PROPN") and (owner := _noun_owner(token)):
            return owner
    return None


def _item_name(span) -> str | None:
    """Return the proper noun that opens the list item a figure is in, after a comma or "and" with no verb between
    it and the figure (", the Orioles around seven years, $150 million"), or None."""
    if span is None:
        return None
    for token in reversed(span.doc[span.sent.start:span.start]):
        if token.pos_ in _VERBAL:
            return None
        if token.pos_ == "PROPN" and token.dep_ != "compound":
            opener = token.doc[token.left_edge.i - 1] if token.left_edge.i > span.sent.start else None
            return _compounded(token) if opener is not None and (opener.text == "," or opener.dep_ == "cc") else None
    return None


def _noun_owner(noun) -> str | None:
    """Return the proper noun that owns a noun: its possessor, a name before it ("the Boston offer"; not before a
    name) or the object of its "by" phrase ("offers by the Comets")."""
    for child in noun.children:
        if child.pos_ == "PROPN" and (child.dep_ == "poss" or child.dep_ == "compound" and noun.pos_ == "NOUN"):
            return _name(child)
        if child.dep_ == "prep" and child.lower_ == "by":
            names = [grand for grand in child.children if grand.dep_ == "pobj" and grand.pos_ == "PROPN"]
            if names:
                return _name(names[0])
    return None


def _name(token) -> str:
    """Return a proper noun with the proper nouns compounded into it ("Washington Nationals"), and the names
    coordinated with it in the order of the alphabet, so that "the FBI and ATF" and "the ATF and FBI" are one."""
    names = [token, *(child for child in token.children if child.dep_ == "conj" and child.pos_ == "PROPN")]
    return " and ".join(sorted(_compounded(name) for name in names))


def _compounded(head) -> str:
    """Return a proper noun with the proper nouns compounded into it before it ("Washington Nationals")."""
    return " ".join(word.text for word in head.subtree
                    if word.dep_ == "compound" and word.pos_ == "PROPN" and word.i < head.i or word is head)


def _parsed_span(doc, start: int, end: int):
    """Return the tokens of doc.text[start:end] when the Doc has a parse, else None."""
    if not annotated(doc, "DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _heads(span, limit: int = 6):
    """Yield the heads above a span's root, nearest first, up to `limit` of them (none for no span)."""
    token = span.root if span is not None else None
    for _ in range(limit if token is not None else 0):
        if token.head.i == token.i:
            return
        token = token.head
        yield token
