"""Cue words: the compiled attribution.yaml and hedges.yaml, and the cues, hedges and evidence words in a Doc."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troopclaims.errors import RulesError
from troopclaims.rules import check_keys, location
from troopclaims.attribution.speakers import Speaker, normalise, phrase_regex

STATUSES = ("confirmed", "claimed", "reported", "unverified", "denied", "expected")
ROLES = ("source", "cited", "relay")
_PARTICLE_GAP = frozenset(("it", "the", "a", "an", "its", "their", "his", "her"))
_QUOTE_MARKS = frozenset('"“')
# Words before a cue form that make it a noun ("the claims", "new reports"), not a verb of saying.
_NOUN_MARKERS = frozenset("the a an this these those his her its their our my your new such any no every "
                          "earlier previous recent latest initial first media press 's ’s".split())


# Noun markers that are speakers themselves when a verb in the past follows them ("State media said").
_PLURAL_SPEAKERS = frozenset(("media", "press"))


def _past(word: str, cue) -> bool:
    """Return True for a verb form that is no noun: not the lemma, an -s or an -ing form ("reported", "said")."""
    return word != cue.lemma and not word.endswith(("s", "ing"))


@dataclass(frozen=True)
class VerbCue:
    """A verb of saying from attribution.yaml."""

    lemma: str
    status: str
    relay: bool = False
    strict: bool = False
    belief: bool = False
    infinitive: bool = True
    particles: tuple = ()           # the verb counts only before one of these ("pointed out", "called for")
    document: bool = False          # counts wherever it stands when its subject is a document ("a poll shows")
    quote: bool = False             # with particles: also before a quotation in its clause ("called X “a liar”")
    object: bool = True             # False: a plain object is no report ("claimed a loss", "declared bankruptcy")
    gap: frozenset = frozenset()    # nouns allowed before the particle: "puts the death toll at"
    grounds: tuple = ()             # the reason after the object is what is said: "blamed the mayor for ..."
    not_before: frozenset = frozenset()     # words after which the verb says nothing: "counted on", "count down"
    not_after: frozenset = frozenset()      # words before which it says nothing: "not counting", ", counting"
    event: bool = False             # also what befell what the figure counts: "Rescuers counted 40 bodies"


@dataclass(frozen=True)
class NounCue:
    """A noun of saying from attribution.yaml ("Trump's claim that ...")."""

    lemma: str
    status: str


@dataclass(frozen=True)
class PhraseCue:
    """A phrase that names a source ("according to") from attribution.yaml."""

    text: str
    role: str
    passive: bool = False       # counts only after a form of "be": "was quoted by", not "prices quoted by"


@dataclass
class Event:
    """One cue in the document with the speaker it names (None when passive or not found)."""

    start: int                          # first token of the cue
    end: int
    cue: str
    lemma: str
    status: str
    kind: str                           # verb | phrase
    relay: bool = False
    belief: bool = False
    role: str | None = None             # phrases: source | cited | relay
    speaker: Speaker | None = None
    mention: tuple[int, int] | None = None   # token span of the mention
    evidence: str | None = None
    documentary: bool = False               # the source named is the evidence itself ("intelligence data")
    passive: bool = False
    aside: tuple[int, int] | None = None    # the commas around "..., Okafor explained in the hearing, ..."
    inner: "Event | None" = field(default=None, repr=False)


@dataclass(frozen=True)
class HedgeRule:
    """A hedge phrase from hedges.yaml."""

    text: str
    status: str | None
    scope: str


@dataclass(frozen=True)
class CueRules:
    """The compiled attribution.yaml."""

    verbs: dict                 # lower-case form -> VerbCue, the reporting verbs (the events stop at them)
    phrases: dict               # normalised phrase -> PhraseCue
    phrase_pattern: re.Pattern | None
    evidence: dict              # normalised word -> evidence name
    evidence_pattern: re.Pattern | None
    speaker_nouns: frozenset
    pronouns: dict
    modifiers: frozenset
    skip_words: frozenset
    time_words: frozenset
    clause_breaks: frozenset
    nouns: dict = None          # lower-case form -> NounCue
    documents: frozenset = frozenset()
    possessives: dict = None    # his -> person ...
    not_speakers: frozenset = frozenset()
    writer_pronouns: frozenset = frozenset()
    nobody: frozenset = frozenset()
    by_nouns: frozenset = frozenset()
    estimates: frozenset = frozenset()     # "raised its estimate to 3,000": the owner's figure
    publishers: frozenset = frozenset()    # lemmas: "released a report that showed": the subject speaks
    time_units: frozenset = frozenset()    # words of the units of spans_of_time.yaml: "minutes", "hrs"
    time_leads: frozenset = frozenset()    # words of numbers.yaml's qualifiers and vague counts: "more", "several"
    passive_states: frozenset = frozenset()    # "30 people reported missing": the participle describes the noun
    all_verbs: dict = None      # the verbs with those that are also the claim's event ("counted"): the cues


@dataclass(frozen=True)
class HedgeRules:
    """The compiled hedges.yaml."""

    hedges: dict                # normalised phrase -> HedgeRule
    pattern: re.Pattern | None
    status_order: tuple
    default_status: str
    negation: frozenset
    not_negation: re.Pattern | None


def inflections(lemma: str) -> list[str]:
    """Return the regular forms of an English verb: lemma, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _words(node, key: str, where: str) -> list[str]:
    value = node.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(f"{location(node, key, where)}: {key} must be a list of words (quote yes/no/on/off)")
    return [normalise(v) for v in value]


def _status(value, where: str, allow_none: bool = False) -> str | None:
    if value is None and allow_none:
        return None
    if value not in STATUSES:
        raise RulesError(f"{where}: status {value!r} is not one of {', '.join(STATUSES)}")
    return value


def build_cue_rules(section, rules=None) -> CueRules:
    """Return the compiled attribution.yaml section (RulesError naming file and line on any bad entry)."""
    where = location(section, fallback="rules/attribution.yaml")
    check_keys(section, where, ("verbs", "phrases", "evidence", "speaker_nouns", "pronouns", "modifiers",
                                "skip_words", "time_words", "clause_breaks", "nouns", "documents", "possessives",
                                "not_speakers", "writer_pronouns", "nobody", "by_nouns", "estimates",
                                "publishers", "passive_states"))
    verbs = {}
    for lemma, options in (section.get("verbs") or {}).items():
        at = location(section["verbs"], lemma, where)
        options = check_keys(options or {}, at, ("forms", "status", "relay", "strict", "belief", "infinitive",
                                                 "particles", "document", "quote", "object", "gap",
                                                 "grounds", "not_before", "not_after", "event"))
        for flag in ("relay", "strict", "belief", "infinitive", "document", "quote", "object", "event"):
            if not isinstance(options.get(flag, False), bool):
                raise RulesError(f"{at}: {flag} must be true or false")
        cue = VerbCue(normalise(str(lemma)), _status(options.get("status", "reported"), at),
                      options.get("relay", False), options.get("strict", False), options.get("belief", False),
                      options.get("infinitive", True),
                      tuple(_words(options, "particles", at)) if "particles" in options else (),
                      options.get("document", False), options.get("quote", False), options.get("object", True),
                      frozenset(_words(options, "gap", at)), tuple(_words(options, "grounds", at)),
                      frozenset(_words(options, "not_before", at)), frozenset(_words(options, "not_after", at)),
                      options.get("event", False))
        forms = _words(options, "forms", at) if "forms" in options else inflections(cue.lemma)
        for form in forms:
            verbs[form] = cue
    phrases = {}
    for text, options in (section.get("phrases") or {}).items():
        at = location(section["phrases"], text, where)
        options = check_keys(options or {}, at, ("role", "passive"))
        role = options.get("role", "source")
        if role not in ROLES:
            raise RulesError(f"{at}: role {role!r} is not one of {', '.join(ROLES)}")
        if not isinstance(options.get("passive", False), bool):
            raise RulesError(f"{at}: passive must be true or false")
        phrases[normalise(str(text))] = PhraseCue(normalise(str(text)), role, options.get("passive", False))
    evidence = {}
    for name, words in (section.get("evidence") or {}).items():
        at = location(section["evidence"], name, where)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise RulesError(f"{at}: evidence {name!r} needs a list of words, e.g. [intercepts, intercepted]")
        for word in words:
            evidence[normalise(word)] = str(name)
    pronouns = section.get("pronouns") or {}
    possessives = section.get("possessives") or {}
    for table in (pronouns, possessives):
        for pronoun, kind in table.items():
            if kind not in ("person", "plural", "organisation"):
                raise RulesError(f"{location(table, pronoun, where)}: pronoun kind {kind!r} is not one of "
                                 "person, plural, organisation")
    nouns = {}
    for lemma, options in (section.get("nouns") or {}).items():
        at = location(section["nouns"], lemma, where)
        options = check_keys(options or {}, at, ("forms", "status"))
        cue = NounCue(normalise(str(lemma)), _status(options.get("status", "reported"), at))
        for form in _words(options, "forms", at) if "forms" in options else [cue.lemma, cue.lemma + "s"]:
            nouns[form] = cue
    reporting = {form: cue for form, cue in verbs.items() if not cue.event}
    return CueRules(
        reporting, phrases, phrase_regex(phrases), evidence, phrase_regex(evidence),
        frozenset(_words(section, "speaker_nouns", where)), {normalise(str(k)): v for k, v in pronouns.items()},
        frozenset(_words(section, "modifiers", where)), frozenset(_words(section, "skip_words", where)),
        frozenset(_words(section, "time_words", where)), frozenset(_words(section, "clause_breaks", where)),
        nouns, frozenset(_words(section, "documents", where)), {normalise(str(k)): v for k, v in possessives.items()},
        frozenset(_words(section, "not_speakers", where)), frozenset(_words(section, "writer_pronouns", where)),
        frozenset(_words(section, "nobody", where)), frozenset(_words(section, "by_nouns", where)),
        frozenset(_words(section, "estimates", where)), frozenset(_words(section, "publishers", where)),
        *_time_words(rules), frozenset(_words(section, "passive_states", where)), verbs)


def _time_words(rules) -> tuple[frozenset, frozenset]:
    """Return (the words of units of time, the words that may lead a span of time: "for more than a decade") from
    spans_of_time.yaml and numbers.yaml; a span of time after "for" is no reason a verb of praise or blame gives."""
    if rules is None:
        return frozenset(), frozenset()
    units = frozenset(word for word in rules.lexicon("spans_of_time").unit_of if " " not in word)
    numbers, leads = rules.section("numbers"), set()
    rules.lexicon("numbers")                # a bad numbers.yaml is reported by its own builder
    for rule in (numbers.get("qualifiers") or {}).values():
        for phrase in rule.get("before") or ():
            leads.update(str(phrase).lower().split())
    for phrase in numbers.get("vague_counts") or {}:
        leads.update(str(phrase).lower().split())
    return units, frozenset(leads)


def build_hedge_rules(section, rules=None) -> HedgeRules:
    """Return the compiled hedges.yaml section (RulesError naming file and line on any bad entry)."""
    where = location(section, fallback="rules/hedges.yaml")
    check_keys(section, where, ("hedges", "status_order", "default_status", "negation", "not_negation"))
    hedges = {}
    for text, options in (section.get("hedges") or {}).items():
        at = location(section["hedges"], text, where)
        options = check_keys(options or {}, at, ("status", "scope"))
        scope = options.get("scope", "sentence")
        if scope not in ("sentence", "clause"):
            raise RulesError(f"{at}: scope {scope!r} is not one of sentence, clause")
        hedges[normalise(str(text))] = HedgeRule(normalise(str(text)), _status(options.get("status"), at, True),
                                                 scope)
    order = section.get("status_order") or list(STATUSES)
    for status in order:
        _status(status, location(section, "status_order", where))
    order = tuple(order) + tuple(s for s in STATUSES if s not in order)
    default = _status(section.get("default_status", "reported"), location(section, "default_status", where))
    not_negation = _words(section, "not_negation", where)
    return HedgeRules(hedges, phrase_regex(hedges), order, default,
                      frozenset(_words(section, "negation", where)), phrase_regex(not_negation))


def lowered(token) -> str:
    """Return a token's lower-case text with a curly apostrophe made straight, as the rule files write it."""
    return token.lower_.replace("’", "'")


def saying_noun(word: str, cues: CueRules) -> bool:
    """Return True for a lower-case noun of saying or of a document ("statement", "reports", "poll")."""
    return word in (cues.nouns or {}) or word in cues.documents


def verb_cue(token, cues: CueRules, parsed: bool) -> VerbCue | None:
    """Return the verb cue a token is, or None (nouns such as "the claims" and names like "United States" are not)."""
    cue = cues.all_verbs.get(lowered(token))
    if cue is None:
        return None
    if token.i > 0 and token.nbor(-1).lower_ in cue.not_after:
        return None          # "not counting three who died": an exception, not a count
    if parsed and token.pos_ not in ("VERB", "AUX") and not (_acts_as_verb(token) or
                                                             cue.document and document_before(token, cues) is not None):
        return None
    if token.i > token.sent.start and token.text[:1].isupper():
        return None          # a capitalised word in mid-sentence is a name ("United States", "Washington Post")
    if token.i > 0 and token.nbor(-1).lower_ in _NOUN_MARKERS and not (
            token.nbor(-1).lower_ in _PLURAL_SPEAKERS and _past(lowered(token), cue)):
        return None          # "media reports", "the claims"; but "Local media reported that", "press said"
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if not cue.infinitive and following == "to":
        return None          # "hoped to turn the page": an intention, not a report
    if following in cue.not_before:
        return None          # "counted on 300 volunteers": a reliance, not a count
    if cue.particles and particle_after(token, cue, cues) is None and not (cue.quote and _quote_after(token)):
        return None          # "at one point", "a phone call": only "pointed out", "called for" say something
    if cue.quote and not cue.particles and not _quote_after(token):
        return None          # "She continued, “...”", not "the fighting continued"
    return cue


_FIGURE_ENTITIES = ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")


def particle_after(token, cue: VerbCue, cues: CueRules) -> int | None:
    """Return the index of the particle a verb needs ("pointed out", "made it clear", "spoke emotionally of",
    "make the case"), past a pronoun "it", a determiner or an adverb, else None."""
    doc = token.doc
    limit, of, k = token.i + (5 if cue.gap else 4), None, token.i
    while k + 1 < min(limit, len(doc)):
        k += 1
        word = doc[k].lower_
        if word in cue.particles and cue.gap:     # "puts the figure at $498 billion", not "at the heart of"
            return k if any(t.like_num or t.is_currency or t.ent_type_ in _FIGURE_ENTITIES
                            for t in doc[k + 1:k + 4]) else None      # "at tens of thousands": an entity
        if word in cue.particles:
            return k
        if word == "of" and of is None and doc[k - 1].lower_ in cue.gap:
            of, limit = k, k + 4             # "put the number of evacuees at 3,000", "the cost of the repairs at"
            continue
        if of is not None and doc[k].is_alpha and doc[k].is_lower and word not in cues.all_verbs:
            continue
        if not (word in _PARTICLE_GAP or word in cue.gap or word in cues.skip_words
                or word.endswith("ly") and doc[k].is_lower):
            return _particle_past_phrases(token, cue)
    return None


def grounds_after(token, cue: VerbCue, cues: CueRules) -> int | None:
    """Return the index of the word that opens the reason a verb of praise or blame gives after its object
    ("blamed the mayor for the 40 deaths", "charged two builders with fraud", "asked the moderator to check ..."),
    in the verb's clause; None when there is none or it opens a span of time ("applauded for five minutes")."""
    if not cue.grounds:
        return None
    doc, sent = token.doc, token.sent
    for k in range(token.i + 1, min(token.i + 14, sent.end)):
        word = doc[k].lower_
        if word in cue.grounds:
            return None if span_of_time(doc, k + 1, sent.end, cues) else k
        if doc[k].is_punct and doc[k].text not in ("-", "'s", "’s", "(", ")") or doc[k].text in _QUOTE_MARKS \
                or word in ("that", "who", "which", "and", "but", "while") or doc[k].is_sent_start:
            return None
    return None


def parsed_grounds(token, cue: VerbCue, cues: CueRules) -> int | None:
    """Return the index of the word opening the reason a verb of praise or blame gives, by the parse: a phrase of
    one of its `grounds` on the verb or on its object ("praised Saturday's march for being peaceful"), or for
    "to", its clause ("asked Holt, the moderator, to check ..."); else None."""
    if not cue.grounds:
        return None
    objects = [c for c in token.rights if c.dep_ in ("dobj", "obj")]
    for child in [*token.rights, *(c for o in objects for c in o.rights)]:
        if child.lower_ in cue.grounds and child.dep_ == "prep" and not span_of_time(token.doc, child.i + 1,
                                                                                      token.sent.end, cues):
            return child.i
        if "to" in cue.grounds and child.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in child.lefts):
            return child.left_edge.i
    return None


def reason_said(verb, cue: VerbCue, said, cues: CueRules, parsed: bool) -> int | None:
    """Return the index of the word opening the reason a verb of praise or blame gives when a gerund of saying heads
    that reason ("blasted the agency for saying ...", "charged the firm with claiming ..."): the words said there
    are the one blamed's, not the words of who blames. Else None (also for a request: "asked X to say")."""
    k = (parsed_grounds if parsed else grounds_after)(verb, cue, cues)
    if k is None or not said.lower_.endswith("ing") or said.i <= k:
        return None
    if parsed:
        return k if said.head.i == k and said.dep_ == "pcomp" else None
    doc = said.doc
    adverbs = all(t.lower_.endswith("ly") and t.is_lower for t in doc[k + 1:said.i])    # "for repeatedly saying"
    return k if adverbs else None


def span_of_time(doc, k: int, end: int, cues: CueRules) -> bool:
    """Return True when the words from k on open a span of time ("five minutes", "more than a decade", "years")."""
    while k < end and (doc[k].lower_ in cues.time_leads or doc[k].like_num):
        k += 1
    return k < end and doc[k].lower_ in cues.time_units


def _particle_past_phrases(token, cue: VerbCue) -> int | None:
    """Return the index of the particle the parse hangs on the verb past phrases of its frame ("called on Monday
    for 300 more officers"), with no object or clause of the verb before it; else None."""
    for child in token.rights:
        if child.dep_ in ("dobj", "obj", "dative", "ccomp", "xcomp", "attr", "oprd"):
            return None                       # "pointed the gun to the sky": the object comes first
        if child.dep_ in ("prep", "prt") and child.lower_ in cue.particles:
            return child.i
    return None


def _quote_after(token) -> bool:
    """Return True when a quotation opens in the verb's clause ("called the deal “a disaster”") or right after
    it and a comma or colon ("She continued, “...”")."""
    doc = token.doc
    for k in range(token.i + 1, min(token.i + 10, len(doc))):
        if doc[k].text in _QUOTE_MARKS:
            return True
        if k == token.i + 1 and doc[k].text in (",", ":") and k + 1 < len(doc) and doc[k + 1].text in _QUOTE_MARKS:
            return True
        if doc[k].text in (".", ";", ":", ",") or doc[k].is_sent_start:
            return False
    return False


def _acts_as_verb(token) -> bool:
    """Return True for a cue word tagged a noun that the parse still gives a subject and a clause ("leaked
    documents show he took a loss", with "show" tagged a noun)."""
    deps = {child.dep_ for child in token.children}
    return "nsubj" in deps and bool(deps & {"ccomp", "dobj"}) and not token.text[:1].isupper()


def document_before(token, cues: CueRules) -> int | None:
    """Return the index of the document a verb follows with its phrase, before the verb's clause ("after leaked
    documents from her audit show she took ...", where the tagger reads "audit show" as a noun), else None."""
    doc, sent = token.doc, token.sent
    if token.i + 1 >= sent.end or doc[token.i + 1].is_punct:
        return None
    found = None                # the first document of the phrase: "documents" in "documents from her audit"
    for k in range(token.i - 1, max(sent.start, token.i - 7) - 1, -1):
        if doc[k].lower_ in cues.documents:
            found = k
        elif doc[k].is_punct or doc[k].lower_ in cues.clause_breaks or doc[k].pos_ in ("VERB", "AUX") \
                and doc[k].dep_ != "amod":
            break
    return found


def matches(pattern: re.Pattern | None, text: str, start: int, end: int):
    """Yield (start, end, normalised text) of every match of pattern between two offsets of text."""
    if pattern is None:
        return
    for match in pattern.finditer(text, start, end):
        yield match.start(), match.end(), normalise(match.group(0))
