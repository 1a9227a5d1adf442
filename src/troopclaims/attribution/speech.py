"""Speech in one document: its cues of saying with the speakers they name, read once per Doc.

DocumentReader reads the layout (troopclaims.attribution.layout), then every verb, noun and phrase of saying
(verbs here, nouns and phrases in troopclaims.attribution.nominal) with the speaker it names
(troopclaims.attribution.names), then the evidence chains (troopclaims.attribution.chains);
troopclaims.attribution.attribute then asks, claim by claim, which of these reports it.
"""
from __future__ import annotations

from bisect import bisect_left

from troopclaims.attribution.chains import EvidenceChains
from troopclaims.attribution.clauses import describes_noun
from troopclaims.attribution.cues import (CueRules, Event, HedgeRules, document_before, grounds_after, lowered,
                                          matches, parsed_grounds, reason_said, verb_cue)
from troopclaims.attribution.layout import TextLayout
from troopclaims.attribution.mentions import MentionFinder
from troopclaims.attribution.names import NameResolver
from troopclaims.attribution.nominal import PASSIVE_AUX, NominalCues
from troopclaims.attribution.speakers import Speaker, SpeakerBook
from troopclaims.attribution.subjects import QUOTE_CHARS
from troopclaims.spans import doc_text

_CUE_HASHES: list = [None, None]      # the cue rules last read, and the hashes of the words that can be their cues
_RAISING = frozenset(("to",))           # "is expected to", "is said to": a hedge, not a source
# Words before a phrase that make it their object, not the subject of the verb after it ("in Dunmore to ask").
_PREPOSITIONS = frozenset("in at on for from into onto over under near during after before since until toward "
                          "towards against among between through across".split())
# Words that open a relative clause or a description set between commas after a subject ("Vale, who ...,").
_ASIDE_OPENERS = frozenset(("who", "which", "a", "an", "the", "one", "now", "then", "once", "herself", "himself"))
# Words that open a clause's subject after "that" ("the news that the ministry said ..."): no relative verb.
_DETERMINERS_AND_PRONOUNS = frozenset("the a an this these those his her its their our my your some many most all "
                                      "no he she they we i you it there".split())
# Words after a name that end it ("wrote Cameron Vale for the Ledger").
_NAME_ENDS = _PREPOSITIONS | {"of", "who", "which"}
# What may follow a strict verb for it to report: "added that", "wrote:", "questioned why the council ..."
_STRICT_OPENERS = frozenset(("that", ":", ",", ".", "“", '"', "‘", "whether", "why", "how", "what", "if"))


class DocumentReader(NominalCues, NameResolver, EvidenceChains, TextLayout):
    """Reads one Doc once: its quotations, sentences, cues with the speakers they name, and evidence chains."""

    def __init__(self, doc, cues: CueRules, hedges: HedgeRules, book: SpeakerBook):
        self.doc, self.text, self.cues, self.hedge_rules, self.book = doc, doc_text(doc), cues, hedges, book
        self.finder = MentionFinder(doc, cues)
        self._read_layout(doc)
        self.history: list[tuple[int, Speaker, str]] = []     # (char, speaker, mention text) in text order
        self.events: dict[int, Event] = {}                    # first cue token -> event
        self._event_starts: list[int] = []                    # the keys of events, in text order
        self._quote_memo: dict[int, Event | None] = {}
        self._turns: dict[int, Event | None] = {}
        self._interview_shape: bool | None = None          # two or more lines open with a speaker label
        self._named: list | None = None
        self._read_events()
        self.frames = self._read_frames()

    def _add(self, event: Event) -> None:
        # Events are read in text order, so their starts stay sorted.
        self.events[event.start] = event
        self._event_starts.append(event.start)

    def events_in(self, start: int, end: int) -> list[Event]:
        """Return the events whose cue starts at a token in start..end (end excluded), in text order."""
        keys = self._event_starts
        return [self.events[k] for k in keys[bisect_left(keys, start):bisect_left(keys, end)]]

    def _read_events(self) -> None:
        phrase_at = {}
        for start, end, text in matches(self.cues.phrase_pattern, self.text, 0, len(self.text)):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            phrase = self.cues.phrases.get(text)
            if span is not None and not (phrase is not None and phrase.passive and not self._after_be(span.start)):
                phrase_at[span.start] = (span.end, phrase, self.text[start:end].lower())
        after_phrase = 0
        for i in self._cue_positions(phrase_at):
            if i < after_phrase:
                continue
            token = self.doc[i]
            if i in phrase_at and phrase_at[i][1] is not None:
                end, phrase, surface = phrase_at[i]
                event = Event(i, end, " ".join(surface.split()), phrase.text, "reported", "phrase", role=phrase.role)
                self._phrase_target(event, self.segment(i))
                self._add(event)
                after_phrase = end
                continue
            cue = verb_cue(token, self.cues, self.finder.parsed)
            if cue is not None and (not cue.strict or self._strict_ok(i, cue)):
                event = Event(i, i + 1, lowered(token), cue.lemma, cue.status, "verb", cue.relay,
                               cue.belief)
                if self._verb_speaker(event, self.segment(i)) is not False:
                    self._add(event)
            elif cue is None and token.lower_ == "by" and not self.in_quote[i] and (by := self._by_event(i)):
                self._add(by)
            elif cue is None and token.lower_ in self.cues.nouns and not self.in_quote[i]:
                event = self._noun_event(i, self.cues.nouns[token.lower_])
                if event is not None:
                    self._add(event)
            elif cue is None and (owned := self._owned_participle(i)):
                self._add(owned)

    def _after_be(self, i: int) -> bool:
        """Return True when a form of "be" stands before token i, past adverbs ("was also quoted by"): a participle
        without one describes the noun before it ("Prices quoted by dealers rose") and passes nothing on."""
        j = i - 1
        while j >= 0 and self.finder.skippable(self.doc[j]) and self.doc[j].lower_ not in PASSIVE_AUX:
            j -= 1
        return j >= 0 and self.doc[j].lower_ in PASSIVE_AUX

    def _cue_positions(self, phrase_at: dict) -> list[int]:
        """Return, in order, the indices of the words a cue can be: phrase starts, verbs of saying (which the owned
        participles are too), nouns of saying and "by"; the cue readers above find nothing at any other word."""
        # Most words are none of these: telling them by the hash of their lower case spares a Token for each.
        if _CUE_HASHES[0] is not self.cues:
            _CUE_HASHES[:] = [self.cues, _cue_hashes(self.cues)]
        from spacy.attrs import LOWER    # here, not at the top: a warm run (all from the cache) never imports spaCy

        hashes = _CUE_HASHES[1]
        found = {i for i, key in enumerate(self.doc.to_array(LOWER).tolist()) if key in hashes}
        return sorted(found.union(i for i, at in phrase_at.items() if at[1] is not None))

    def _strict_ok(self, i: int, cue) -> bool:
        """Return True when a strict verb stands where verbs of saying do: before that/:/a quote/a question word
        (with the parse, before its "that" clause wherever it opens),
        before the reason a verb of praise or blame gives ("blasted the council for ..."), after a quote, between
        commas ("These employees, Stumpf explained in the hearing, were ..."), after "with"
        and its subject ("with the Ledger showing her up 3 points"), or, for a `document` verb, after a document
        ("the poll shows")."""
        if self.finder.parsed and any(child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                     for m in child.children)
                                      for child in self.doc[i].children):
            return True                     # "have heard by now that ...": the parse finds the "that" clause
        j = i + 1
        while j < len(self.doc) and (self.finder.skippable(self.doc[j]) or self.doc[j].lower_ in cue.particles):
            j += 1
        if j >= len(self.doc) or self.doc[j].lower_ in _STRICT_OPENERS:
            return True
        if (parsed_grounds if self.finder.parsed else grounds_after)(self.doc[i], cue, self.cues) is not None:
            return True                     # "blasted the council for cutting 300 jobs"
        before = self.text[max(0, self.doc[i].idx - 40):self.doc[i].idx]
        if any(mark in before for mark in "”\""):
            return True
        sent = self.segment(i)
        if cue.document and self._document_subject(i, sent):
            return True
        subject = self.finder.np_before(i, sent)
        if subject is not None and subject[0] > sent.start and self.doc[subject[0] - 1].lower_ == "with" \
                and self.doc[i].lower_.endswith("ing"):
            return True                     # "Averages show Vale ahead, with the Ledger showing her up 3 points"
        if subject is None or subject[0] <= sent.start or self.doc[subject[0] - 1].text != ",":
            return False
        for k in range(j, min(j + 8, sent.end)):
            if self.doc[k].is_punct:
                return self.doc[k].text == ","
        return False

    def _document_subject(self, i: int, sent) -> bool:
        """Return True when the subject of the verb at token i is a document ("a Bloomberg poll", "the data")."""
        spans = self.finder.subject_of(self.doc[i])[0] if self.finder.parsed else []
        if not spans:   # "Figures released Monday by the county clerk show": the sentence's subject is the document
            spans = [s for s in (self.finder.np_before(i, sent), self.finder.sentence_subject(sent, i)) if s]
            spans = [s for s in spans if not any(t.text in ",;" or t.lower_ in self.cues.clause_breaks
                                                 for t in self.doc[s[1]:i])]
        return (any(self.doc[k].lower_ in self.cues.documents for s in spans[:2] for k in range(*s))
                or document_before(self.doc[i], self.cues) is not None)    # "documents from her audit show"

    def _verb_speaker(self, event: Event, sent):
        """Fill the speaker of a verb cue; return False when the verb only hedges ("is expected to") or describes
        the noun before it ("30 people reported missing")."""
        token = self.doc[event.start]
        if self._raising(event, sent):
            return False
        if describes_noun(token, self.cues, self.finder.parsed):
            return False                    # "30 people reported missing": it describes them; they report nothing
        spans: list[tuple[int, int]] = []
        passive = False
        shared = (self._shared_subject(event, sent) or self._quoted_as(event, sent)
                  or self._parenthetical(event, sent) or self._blamed(event, sent))
        if shared:
            spans = [shared]
        elif self.finder.parsed:
            spans, passive = self.finder.subject_of(token)
        if not spans and not passive:
            spans, passive = self._shape_subject(event, sent)
        if passive and not spans:
            event.passive = True
            return True
        if self.in_quote[event.start]:
            return True                    # a cue inside a quotation is the quoted speaker's own words
        # "Kirby, the council spokesman, said": the name speaks, not its description
        descriptions = [span for span in spans if self.doc[span[0]].lower_ in ("the", "a", "an") and (
            self.doc[span[0]].is_lower or all(t.is_lower for t in self.doc[span[0] + 1:span[1]]))]  # "The official,"
        names = [span for span in spans if span not in descriptions]
        for span in names + descriptions:
            speaker = self._resolve(span, sent)
            if speaker is not None:
                event.speaker, event.mention = speaker, span
                if (speaker.name in self.book.kinds or speaker.kind == "person"
                        or span in names and descriptions and len(names) == 1):
                    break
        if event.speaker is not None:
            self._remember(event)
        return True

    def _shared_subject(self, event: Event, sent) -> tuple[int, int] | None:
        """Return the speaker of an earlier verb in "X said ... and recalled ...", which the second verb shares."""
        j = event.start - 1
        while j >= sent.start and self.finder.skippable(self.doc[j]):
            j -= 1
        if j < sent.start or self.doc[j].lower_ not in ("and", "but", "then"):
            return None
        for earlier in reversed(self.events_in(sent.start, j)):
            if earlier.kind == "verb" and earlier.mention and self._blamed(earlier, sent) is None:
                return earlier.mention      # (not "blasted the agency for saying ..., and said": the agency's)
        return None

    def _quoted_as(self, event: Event, sent) -> tuple[int, int] | None:
        """Return who is quoted in "Vale was quoted (by the Ledger) as saying", "The Ledger quoted Vale as saying":
        the one quoted speaks (the quoter after "quoted by" is `via`)."""
        i = event.start
        if i - 2 < sent.start or self.doc[i - 1].lower_ != "as":
            return None
        for k in range(i - 2, max(sent.start, i - 10), -1):
            if self.doc[k].text in ",;:" or self.doc[k].text in QUOTE_CHARS:
                return None
            if self.doc[k].lower_ != "quoted":
                continue
            if self.finder.parsed:
                quoted = [c for c in self.doc[k].children if c.dep_ in ("nsubjpass", "dobj")]
                if quoted and quoted[0].lower_ in ("who", "that") and self.doc[k].dep_ == "relcl":
                    quoted = [self.doc[k].head]         # "The mayor, who was quoted as saying"
                return self.finder.noun_spans(quoted[0])[0] if quoted else None
            j = k - 1
            while j >= sent.start and self.finder.skippable(self.doc[j]) and self.doc[j].lower_ not in PASSIVE_AUX:
                j -= 1
            if j >= sent.start and self.doc[j].lower_ in PASSIVE_AUX:
                return self.finder.np_before(j, sent)
            quoted = self.finder.np_after(k + 1, sent, boundary=False)     # "The Ledger quoted Vale as saying"
            return quoted if quoted is not None and quoted[1] == i - 1 else None
        return None

    def _blamed(self, event: Event, sent) -> tuple[int, int] | None:
        """Return whom an earlier verb of praise or blame is about when this cue heads its reason ("The governor
        blasted the agency for saying ...": the agency said it), else None."""
        said = self.doc[event.start]
        for earlier in reversed(self.events_in(sent.start, event.start)):
            cue = self.cues.all_verbs.get(earlier.cue) if earlier.kind == "verb" else None
            k = reason_said(self.doc[earlier.start], cue, said, self.cues, self.finder.parsed) if cue else None
            if k is None:
                continue
            if self.finder.parsed:
                objects = [c for c in self.doc[earlier.start].children if c.dep_ in ("dobj", "obj")]
                return self.finder.noun_spans(objects[0])[0] if objects else None
            span = self.finder.np_ending_at(k - 1, sent)
            if span and span[0] >= earlier.end:
                return span
            bare = self.doc[earlier.end:k]          # "slammed managers for": a plain noun, no determiner
            return (earlier.end, k) if 0 < len(bare) <= 3 and all(t.is_alpha for t in bare) else None
        return None

    def _parenthetical(self, event: Event, sent) -> tuple[int, int] | None:
        """Return the speaker of a participle of saying after a comma ("X said ..., suggesting that ...") or of
        a verb set between commas ("These clerks, Okafor explained in the hearing, were ..."), which the parse
        often hangs on the wrong clause."""
        i = event.start
        token = self.doc[i]
        if not self.finder.parsed or self.in_quote[i]:
            return None
        if self._after_comma_participle(i, sent):
            for earlier in reversed(self.events_in(sent.start, i)):
                if earlier.kind == "verb" and earlier.mention and not self.in_quote[earlier.start]:
                    return earlier.mention
            return None
        before = self.finder.np_before(i, sent)
        if before is None or before[0] <= sent.start or self.doc[before[0] - 1].text != ",":
            return None
        if any(child.dep_ in ("ccomp", "dobj", "xcomp") for child in token.children):
            return None                     # "In March, Okafor said the deal, ..." reports what follows it
        for k in range(event.end, min(event.end + 8, sent.end)):
            if self.doc[k].is_punct:
                if self.doc[k].text != ",":
                    return None
                event.aside = (before[0] - 1, k + 1)
                return before
        return None

    def _after_comma_participle(self, i: int, sent) -> bool:
        """Return True for a participle of saying after a comma ("..., adding that") or a verb of saying in the
        infinitive after one ("Vale said ..., going on to say that", "..., pausing to add"): either shares the
        speaker of the clause before the comma."""
        if self.doc[i].lower_.endswith("ing"):
            return i > sent.start and self.doc[i - 1].text == ","
        if i - 2 < sent.start or self.doc[i - 1].lower_ != "to":
            return False
        for k in range(i - 2, max(sent.start, i - 5), -1):
            if self.doc[k].lower_.endswith("ing") and self.doc[k].is_alpha:
                return k > sent.start and self.doc[k - 1].text == ","
            if not (self.doc[k].is_alpha and self.doc[k].is_lower) or self.doc[k].lower_ in ("and", "but", "or"):
                return False
        return False

    def _non_finite(self, end: int, i: int) -> bool:
        """Return True when the cue at i is a to-infinitive or an -ing form that follows the phrase ending at `end`
        with only adverbs between ("in Dunmore to ask", "in Dunmore asking"): a verb with no subject of its own."""
        words = [t.lower_ for t in self.doc[end:i] if not (t.lower_.endswith("ly") and t.is_lower)]
        return words == ["to"] or (not words and self.doc[i].lower_.endswith("ing"))

    def _raising(self, event: Event, sent) -> bool:
        """Return True for "is expected to", "are said to": a hedge on the sentence, not a source of it."""
        if event.end >= sent.end or self.doc[event.end].lower_ not in _RAISING:
            return False
        j = event.start - 1
        while j >= sent.start and self.finder.skippable(self.doc[j]) and self.doc[j].lower_ not in PASSIVE_AUX:
            j -= 1
        return j >= sent.start and self.doc[j].lower_ in PASSIVE_AUX

    def _shape_subject(self, event: Event, sent) -> tuple[list[tuple[int, int]], bool]:
        """Return (candidate mentions, passive) for a verb cue from word shapes alone (blank pipeline)."""
        i = event.start
        if i > sent.start and (owned := self.finder.owned_saying(i - 1, sent)):
            return [owned], False               # "Berg's statement said": Berg says it (names resolves the owner)
        j = i - 1
        while j >= sent.start and self.finder.skippable(self.doc[j]) and self.doc[j].lower_ not in PASSIVE_AUX:
            j -= 1
        if j >= sent.start and self.doc[j].lower_ in PASSIVE_AUX and self.doc[i].lower_.endswith(("ed", "d", "n")):
            k = event.end
            if k < sent.end and self.doc[k].lower_ == "by":
                agent = self.finder.np_after(k + 1, sent, boundary=False, appositive=True)
                return ([agent] if agent else []), agent is None
            return [], True
        if self._after_comma_participle(i, sent) or self.doc[i].lower_.endswith("ing") and i - 1 >= sent.start \
                and self.doc[i - 1].text == "by":
            # "..., saying:" / "..., adding," : the speaker of the clause the participle hangs on
            for earlier in reversed(self.events_in(sent.start, i)):
                if earlier.kind == "verb" and earlier.mention:
                    return [earlier.mention], False
            outside = {t for t in range(sent.start, i) if self.in_quote[t]}
            subject = self.finder.sentence_subject(sent, i, outside)
            return ([subject] if subject else []), False
        before = self.finder.np_before(i, sent)
        document = document_before(self.doc[i], self.cues) if self.cues.all_verbs[lowered(self.doc[i])].document \
            else None
        if document is not None and (before is None or before[0] > document):
            start = (self.finder.np_ending_at(document, sent) or (document,))[0]
            before = (start, i)                     # "leaked documents from her 2001 tax return show"
        if before and before[0] - 1 > sent.start and self.doc[before[0] - 1].lower_ in _PREPOSITIONS \
                and not self.finder.capitalised(self.doc[before[0] - 2]) and self._non_finite(before[1], i):
            before = None       # "at a rally in Dunmore to ask why": the object of "in" is no subject of an
                                # infinitive (but "after police said" is the subject of a finite verb, "In Kyiv
                                # officials urging" opens the sentence with its frame, "the Commission on Debates
                                # urging" is a name)
        if before:
            return [self._past_relative(before, i, sent) or before], False
        k = event.end
        after = self.finder.np_after(k, sent, boundary=True)
        if after is None and (relative := self._relative_subject(i, sent)):
            return [relative], False
        if after is None:
            after = self._described_name_after(i, sent)
        return ([after] if after else []), False

    def _described_name_after(self, i: int, sent) -> tuple[int, int] | None:
        """Return the name that ends the words after a verb right after a quotation ('“...,” said flood widow Tara
        Lund.', '“...,” wrote Ann Vale for the Ledger'): the description before the name is lower case, so the
        name alone speaks."""
        if i - 2 < sent.start or self.doc[i - 1].text not in QUOTE_CHARS:
            return None
        end = i + 1
        while end < sent.end and end - i <= 8 and not self.doc[end].is_punct \
                and lowered(self.doc[end]) not in _NAME_ENDS:
            end += 1
        if end - i > 8 or end == i + 1 or not (end >= sent.end or self.doc[end].text in ".,"
                                                 or lowered(self.doc[end]) in _NAME_ENDS):
            return None
        start = end
        while start - 1 > i and self.finder.capitalised(self.doc[start - 1]) and self.doc[start - 1].is_alpha:
            start -= 1
        return (start, end) if end - start >= 2 else None

    def _past_relative(self, before: tuple[int, int], i: int, sent) -> tuple[int, int] | None:
        """Return the sentence's subject when a relative clause without commas lies between it and the verb at i
        ("The woman who runs the shelter said", "Officials who toured the site said": not "shelter", "site"),
        by word order; None when the words before the verb are the subject itself or a comma comes between."""
        relative = next((k for k in range(sent.start + 1, before[0]) if self.doc[k].is_lower and (
            self.doc[k].lower_ in ("who", "which") or self.doc[k].lower_ == "that" and self._clause_verb(k + 1))), None)
        if relative is None or any(t.is_punct or self.in_quote[t.i] for t in self.doc[sent.start:i]):
            return None
        subject = self.finder.np_ending_at(relative - 1, sent)
        return subject if subject is not None and subject[0] == sent.start else None

    def _clause_verb(self, k: int) -> bool:
        """Return True when the word after "that" can be a relative clause's verb ("the agency that runs"), not the
        start of a clause with a subject of its own ("the news that the ministry said": the news says nothing)."""
        word = self.doc[k] if k < len(self.doc) else None
        return word is not None and word.is_alpha and word.is_lower and lowered(word) not in _DETERMINERS_AND_PRONOUNS

    def _relative_subject(self, i: int, sent) -> tuple[int, int] | None:
        """Return the sentence's subject when a relative clause or a description between commas separates it from
        the verb at i ("Dr. Mira Solt, who as a captain was the governor's physician, said", "Rhea Moor, a senior
        adviser to the campaign, called"), by word order; not an object's clause ("Police found Dahl, who had
        fled, ..."), since the subject must open the sentence."""
        if i - 1 <= sent.start or self.doc[i - 1].text != ",":
            return None
        for k in range(i - 2, max(sent.start, i - 40), -1):
            token = self.doc[k]
            if token.text in ";:" or token.text in QUOTE_CHARS or self.in_quote[k]:
                return None
            if token.lower_ in _ASIDE_OPENERS and token.is_lower and self.doc[k - 1].text == ",":
                subject = self.finder.sentence_subject(sent, k - 1)
                name = self.finder.np_ending_at(k - 2, sent)
                return name if name is not None and subject is not None and name[1] == subject[1] else None
        return None


def _cue_hashes(cues: CueRules):
    """Return the hashes of the lower-case words that can be cues: "by", the nouns, and the verbs with each straight
    apostrophe also curly (a verb is looked up with its curly apostrophes made straight)."""
    words = {"by", *cues.nouns}
    for verb in cues.all_verbs:
        if "’" not in verb:
            parts = verb.split("'")
            variants = [parts[0]]
            for part in parts[1:]:
                variants = [v + mark + part for v in variants for mark in ("'", "’")]
            words.update(variants)
    from spacy.strings import hash_string

    return frozenset(hash_string(word) for word in words)
