"""Speech in one document: its quotations, its verbs and phrases of saying, whom they name, and evidence chains.

The document is read once; troopclaims.attribution.attribute then asks, claim by claim, which of these reports it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from troopclaims.attribution.cues import CueRules, HedgeRules, matches, verb_cue
from troopclaims.attribution.mentions import MentionFinder
from troopclaims.attribution.quotes import Quote, paragraphs, quotations
from troopclaims.attribution.speakers import Speaker, SpeakerBook, clean_mention, normalise
from troopclaims.spans import hard_wrap, has_line_break, token_at

_PASSIVE_AUX = frozenset("was were is are been be being 's".split())
_DEMONSTRATIVES = frozenset(("the", "a", "an", "these", "those", "this", "that", "such"))
_RAISING = frozenset(("to",))           # "is expected to", "is said to": a hedge, not a source
_NOUN_OPENERS = frozenset(("that", "about", "of", "to", "for", ":"))   # "Trump's claim that ...", "his plan to"
_POSSESSIVE_MARKS = frozenset(("'s", "’s", "'", "’"))
# "WALLACE: ...", "Politifact: ...": one to four capitalised words and a colon open the line.
_TURN = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|de|van|von)){0,3})[ \t]*:[ \t]+\S")


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
class Frame:
    """An evidence chain: `relayer` published `evidence` of what `origin` (belonging to `owner`) said."""

    paragraph: int
    evidence: str
    origin: str
    owner: str
    relayer: str


class DocumentReader:
    """Reads one Doc once: its quotations, sentences, cues with the speakers they name, and evidence chains."""

    def __init__(self, doc, cues: CueRules, hedges: HedgeRules, book: SpeakerBook):
        self.doc, self.text, self.cues, self.hedge_rules, self.book = doc, doc.text, cues, hedges, book
        self.finder = MentionFinder(doc, cues)
        self.quotes: list[Quote] = list(quotations(doc.text))
        self._quote_starts = [q.start for q in self.quotes]
        self.in_quote = [self.quote_of(t.idx, t.idx + len(t.text)) is not None for t in doc]
        self._sentence_starts = self._segment_starts()
        self._paragraph_starts = [start for start, _ in paragraphs(doc.text)]
        self.history: list[tuple[int, Speaker, str]] = []     # (char, speaker, mention text) in text order
        self.events: dict[int, Event] = {}                    # first cue token -> event
        self._event_starts: list[int] = []                    # the keys of events, in text order
        self._quote_memo: dict[int, Event | None] = {}
        self._turns: dict[int, Event | None] = {}
        self._named: list | None = None
        self._read_events()
        self.frames = self._read_frames()

    # --- reading the document ------------------------------------------------------------------------------
    def quote_of(self, start: int, end: int) -> Quote | None:
        """Return the innermost quotation holding the character span, or None."""
        i = bisect_right(self._quote_starts, start) - 1
        while i >= 0:
            if self.quotes[i].holds(start, end):
                return self.quotes[i]
            if self.quotes[i].end <= start and i < len(self.quotes) - 1:
                break
            i -= 1
        return None

    def _add(self, event: Event) -> None:
        # Events are read in text order, so their starts stay sorted.
        self.events[event.start] = event
        self._event_starts.append(event.start)

    def events_in(self, start: int, end: int) -> list[Event]:
        """Return the events whose cue starts at a token in start..end (end excluded), in text order."""
        keys = self._event_starts
        return [self.events[k] for k in keys[bisect_left(keys, start):bisect_left(keys, end)]]

    def sentence_index(self, token_i: int) -> int:
        return bisect_right(self._sentence_starts, token_i) - 1

    def paragraph_index(self, char: int) -> int:
        return bisect_right(self._paragraph_starts, char) - 1

    def segment(self, token_i: int):
        """Return the sentence holding a token, cut at line breaks and after a quotation that ends a sentence."""
        k = self.sentence_index(token_i)
        end = self._sentence_starts[k + 1] if k + 1 < len(self._sentence_starts) else len(self.doc)
        return self.doc[self._sentence_starts[k]:end]

    def _segment_starts(self) -> list[int]:
        # The parser's sentences sometimes run across paragraphs or past '..."' into the next sentence.
        starts = {sent.start for sent in self.doc.sents} | {0}
        for token in self.doc:
            if has_line_break(token.text) or has_line_break(token.whitespace_):
                following = self.doc[token.i + 1].text if token.i + 1 < len(self.doc) else ""
                if hard_wrap(token.text_with_ws if token.is_space else token.whitespace_, following):
                    continue
                starts.update((token.i, token.i + 1) if token.is_space else (token.i + 1,))
            elif (token.text in "”\"" and token.i + 1 < len(self.doc) and self.doc[token.i - 1].text in (".", "?", "!")
                  and self.doc[token.i + 1].text[:1].isupper() and not self.in_quote[token.i + 1]):
                starts.add(token.i + 1)
        return sorted(i for i in starts if 0 <= i < len(self.doc))

    def _read_events(self) -> None:
        phrase_at = {}
        for start, end, text in matches(self.cues.phrase_pattern, self.text, 0, len(self.text)):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                phrase_at[span.start] = (span.end, self.cues.phrases.get(text), self.text[start:end].lower())
        i = 0
        while i < len(self.doc):
            token = self.doc[i]
            if i in phrase_at and phrase_at[i][1] is not None:
                end, phrase, surface = phrase_at[i]
                event = Event(i, end, " ".join(surface.split()), phrase.text, "reported", "phrase", role=phrase.role)
                self._phrase_target(event, self.segment(i))
                self._add(event)
                i = end
                continue
            cue = verb_cue(token, self.cues, self.finder.parsed)
            if cue is not None and (not cue.strict or self._strict_ok(i, cue)):
                event = Event(i, i + 1, token.lower_.replace("’", "'"), cue.lemma, cue.status, "verb", cue.relay,
                               cue.belief)
                if self._verb_speaker(event, self.segment(i)) is not False:
                    self._add(event)
            elif cue is None and token.lower_ in self.cues.nouns and not self.in_quote[i]:
                event = self._noun_event(i, self.cues.nouns[token.lower_])
                if event is not None:
                    self._add(event)
            i += 1

    def _noun_event(self, i: int, noun) -> Event | None:
        """Return the cue of "Trump's claim that ...", "his assertion that", "a Times report that": its owner speaks."""
        if i + 1 >= len(self.doc) or self.doc[i + 1].lower_ not in _NOUN_OPENERS:
            return None
        if self.finder.parsed and self.doc[i].pos_ not in ("NOUN", "PROPN"):
            return None                             # "Clinton plans to visit": a verb
        sent = self.segment(i)
        j = i - 1
        while j > max(sent.start, i - 3) and self._adjective(self.doc[j]):
            j -= 1                                  # "Stumpf's repeated emphasis", "his latest claim"
        if j < sent.start:
            return None
        word = self.doc[j].lower_.replace("’", "'")
        event = Event(i, i + 1, self.doc[i].lower_.replace("’", "'"), noun.lemma, noun.status, "noun")
        position = self.doc[j].idx
        if word in self.cues.possessives:
            event.speaker, event.mention = self._antecedent(self.cues.possessives[word], position, sent), (j, j + 1)
        else:
            owner = j - 1 if word in _POSSESSIVE_MARKS else j
            span = self.finder._np_ending_at(owner, sent) if owner >= sent.start else None
            if span is None or not (word in _POSSESSIVE_MARKS or self.finder._capitalised(self.doc[span[-1] - 1])
                                    and self._determiner_before(span)):
                return None                         # "a New York Times report that", not "Korea are discussing plans"
            event.speaker, event.mention = self._resolve(span, sent), span
        if event.speaker is None:
            return None
        self.history.append((self.doc[event.mention[0]].idx, event.speaker, self._span_text(event.mention)))
        return event

    def _adjective(self, token) -> bool:
        """Return True for a word that may stand between an owner and its noun ("repeated", "latest")."""
        if not (token.is_lower and token.is_alpha) or token.lower_ in _DEMONSTRATIVES | _PASSIVE_AUX:
            return False
        if self.finder.parsed:
            return token.pos_ == "ADJ" or token.dep_ == "amod"     # "repeated" is tagged a verb
        return token.lower_ not in self.cues.possessives and not token.lower_.endswith("ing")

    def _determiner_before(self, span: tuple[int, int]) -> bool:
        """Return True when a name follows a determiner ("a New York Times report"), not "Clinton plans to"."""
        first = span[0]
        return self.doc[first].lower_ in _DEMONSTRATIVES or first > 0 and self.doc[first - 1].lower_ in _DEMONSTRATIVES

    def turn(self, char: int) -> Event | None:
        """Return the speaker of a transcript turn the character is in ("WALLACE: ...", "Politifact: ...")."""
        line_start = self.text.rfind("\n", 0, char) + 1
        if line_start not in self._turns:
            self._turns[line_start] = self._read_turn(line_start)
        event = self._turns[line_start]
        return event if event is not None and self.doc[event.end - 1].idx < char else None

    def _read_turn(self, line_start: int) -> Event | None:
        while line_start < len(self.text) and self.text[line_start] in "\"“ \t":
            line_start += 1                         # '"WALLACE: ...' in a transcript quoted whole
        match = _TURN.match(self.text, line_start)
        if match is None:
            return None
        label = match.group(1)
        words = normalise(label).split()
        if (normalise(label) in self.cues.not_speakers or words[0] in self.cues.not_speakers
                or words[-1] in self.cues.time_words or any(w in self.cues.time_words for w in words[:1])):
            return None
        first = token_at(self.doc, match.start(1))
        colon = token_at(self.doc, self.text.index(":", match.end(1)))
        if first is None or colon is None or colon.text != ":":
            return None
        speaker = self.book.lookup(label)
        if speaker.name not in self.book.kinds and label.isupper() and len(label) > 4:
            speaker = self.book.lookup(label.title())      # "WALLACE" -> "Wallace"
        if not speaker.name or speaker.name.lower() in self.cues.pronouns:
            return None
        speaker = Speaker(speaker.name, speaker.kind or "person", speaker.plural)
        return Event(colon.i, colon.i + 1, ":", "turn", "reported", "phrase", role="source", speaker=speaker,
                     mention=(first.i, colon.i))

    def _strict_ok(self, i: int, cue) -> bool:
        """Return True when a strict verb stands where verbs of saying do: before that/:/a quote, after one,
        between commas ("These employees, Stumpf explained in the hearing, were ..."), or, for a `document` verb,
        after a document ("the poll shows")."""
        j = i + 1
        while j < len(self.doc) and (self.finder._skippable(self.doc[j]) or self.doc[j].lower_ in cue.particles):
            j += 1
        if j >= len(self.doc) or self.doc[j].lower_ in ("that", ":", ",", ".", "“", '"', "‘"):
            return True
        before = self.text[max(0, self.doc[i].idx - 40):self.doc[i].idx]
        if any(mark in before for mark in "”\""):
            return True
        sent = self.segment(i)
        if cue.document and self._document_subject(i, sent):
            return True
        subject = self.finder.np_before(i, sent)
        if subject is None or subject[0] <= sent.start or self.doc[subject[0] - 1].text != ",":
            return False
        for k in range(j, min(j + 8, sent.end)):
            if self.doc[k].is_punct:
                return self.doc[k].text == ","
        return False

    def _document_subject(self, i: int, sent) -> bool:
        """Return True when the subject of the verb at token i is a document ("a Bloomberg poll", "the data")."""
        if self.finder.parsed:
            spans, _ = self.finder.subject_of(self.doc[i])
        else:       # "Figures released Monday by the county clerk show": the sentence's subject is the document
            spans = [s for s in (self.finder.np_before(i, sent), self.finder.sentence_subject(sent, i)) if s]
            spans = [s for s in spans if not any(t.text in ",;" or t.lower_ in self.cues.clause_breaks
                                                 for t in self.doc[s[1]:i])]
        return any(self.doc[k].lower_ in self.cues.documents for s in spans[:2] for k in range(*s))

    def _verb_speaker(self, event: Event, sent):
        """Fill the speaker of a verb cue; return False when the verb only hedges ("is expected to")."""
        token = self.doc[event.start]
        if self._raising(event, sent):
            return False
        spans: list[tuple[int, int]] = []
        passive = False
        shared = self._shared_subject(event, sent) or self._parenthetical(event, sent)
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
        descriptions = [span for span in spans if self.doc[span[0]].lower_ in ("the", "a", "an")
                        and self.doc[span[0]].is_lower]
        names = [span for span in spans if span not in descriptions]
        for span in names + descriptions:
            speaker = self._resolve(span, sent)
            if speaker is not None:
                event.speaker, event.mention = speaker, span
                if (speaker.name in self.book.kinds or speaker.kind == "person"
                        or span in names and descriptions and len(names) == 1):
                    break
        if event.speaker is not None:
            self.history.append((self.doc[event.mention[0]].idx, event.speaker, self._span_text(event.mention)))
        return True

    def _shared_subject(self, event: Event, sent) -> tuple[int, int] | None:
        """Return the speaker of an earlier verb in "X said ... and recalled ...", which the second verb shares."""
        j = event.start - 1
        while j >= sent.start and self.finder._skippable(self.doc[j]):
            j -= 1
        if j < sent.start or self.doc[j].lower_ not in ("and", "but", "then"):
            return None
        for earlier in reversed(self.events_in(sent.start, j)):
            if earlier.kind == "verb" and earlier.mention:
                return earlier.mention
        return None

    def _parenthetical(self, event: Event, sent) -> tuple[int, int] | None:
        """Return the speaker of a participle of saying after a comma ("X said ..., suggesting that ...") or of
        a verb set between commas ("These clerks, Okafor explained in the hearing, were ..."), which the parse
        often hangs on the wrong clause."""
        i = event.start
        token = self.doc[i]
        if not self.finder.parsed or self.in_quote[i]:
            return None
        if token.lower_.endswith("ing") and i > sent.start and self.doc[i - 1].text == ",":
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

    def _raising(self, event: Event, sent) -> bool:
        """Return True for "is expected to", "are said to": a hedge on the sentence, not a source of it."""
        if event.end >= sent.end or self.doc[event.end].lower_ not in _RAISING:
            return False
        j = event.start - 1
        while j >= sent.start and self.finder._skippable(self.doc[j]) and self.doc[j].lower_ not in _PASSIVE_AUX:
            j -= 1
        return j >= sent.start and self.doc[j].lower_ in _PASSIVE_AUX

    def _shape_subject(self, event: Event, sent) -> tuple[list[tuple[int, int]], bool]:
        """Return (candidate mentions, passive) for a verb cue from word shapes alone (blank pipeline)."""
        i = event.start
        j = i - 1
        while j >= sent.start and self.finder._skippable(self.doc[j]) and self.doc[j].lower_ not in _PASSIVE_AUX:
            j -= 1
        if j >= sent.start and self.doc[j].lower_ in _PASSIVE_AUX and self.doc[i].lower_.endswith(("ed", "d", "n")):
            k = event.end
            if k < sent.end and self.doc[k].lower_ == "by":
                agent = self.finder.np_after(k + 1, sent, boundary=False, appositive=True)
                return ([agent] if agent else []), agent is None
            return [], True
        if self.doc[i].lower_.endswith("ing") and i - 1 >= sent.start and self.doc[i - 1].text in (",", "by"):
            # "..., saying:" / "..., adding," : the speaker of the clause the participle hangs on
            for earlier in reversed(self.events_in(sent.start, i)):
                if earlier.kind == "verb" and earlier.mention:
                    return [earlier.mention], False
            outside = {t for t in range(sent.start, i) if self.in_quote[t]}
            subject = self.finder.sentence_subject(sent, i, outside)
            return ([subject] if subject else []), False
        before = self.finder.np_before(i, sent)
        if before:
            return [before], False
        k = event.end
        after = self.finder.np_after(k, sent, boundary=True)
        return ([after] if after else []), False

    def _phrase_target(self, event: Event, sent) -> None:
        """Fill the source a phrase names: a speaker, or evidence ("according to intelligence data")."""
        target = self.finder.target_after(event.end, sent)
        if target is None:
            return
        start, end = self.doc[target[0]].idx, self.doc[target[1] - 1].idx + len(self.doc[target[1] - 1])
        for _, _, word in matches(self.cues.evidence_pattern, self.text, start, end):
            event.evidence = self.cues.evidence[word]
        if self.in_quote[event.start]:
            return
        if event.evidence and self._evidence_heads(target, start, end):
            # "according to intelligence data": the evidence speaks for itself when no one else does
            words = self._span_text(target).split()
            while words and words[0].lower() in _DEMONSTRATIVES:
                words = words[1:]
            event.speaker, event.mention, event.documentary = Speaker(" ".join(words)), target, True
            return
        words = [self.finder._lower(t) for t in self.doc[target[0]:target[1]]]
        if words[0] in self.cues.possessives and words[-1] not in self.cues.speaker_nouns:
            return                                  # "citing her work after the attacks" names no source
        event.speaker = self._resolve(target, sent)
        event.mention = target if event.speaker else None
        if event.speaker is not None:
            self.history.append((start, event.speaker, self._span_text(target)))

    def _evidence_heads(self, span: tuple[int, int], start: int, end: int) -> bool:
        """Return True when an evidence word ends the phrase's head ("these purported intercepts", "data")."""
        head = span[1] - 1
        for i in range(span[0] + 1, span[1]):
            if self.doc[i].lower_ == "of":
                head = i - 1
                break
        head_end = self.doc[head].idx + len(self.doc[head])
        return any(s <= self.doc[head].idx and head_end <= e
                   for s, e, _ in matches(self.cues.evidence_pattern, self.text, start, end))

    def _read_frames(self) -> list[Frame]:
        """Return the evidence chains: "HUR ... intercepted Russian military communications" and the like."""
        frames = []
        for start, end, word in matches(self.cues.evidence_pattern, self.text, 0, len(self.text)):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or self.in_quote[span.start]:
                continue
            sent = self.segment(span.start)
            i = span.end
            while i < sent.end and self.doc[i].lower_ in ("of", "from", "the", "between"):
                i += 1
            origin = self.finder.target_after(i, sent, limit=4) if i < sent.end else None
            if origin is None:
                continue
            origin_text = clean_mention(self._span_text(origin))
            owner = self.book.owner(origin_text)
            relayer = self._sentence_speaker(sent, span.start)
            if owner and relayer and relayer.name != owner:
                frames.append(Frame(self.paragraph_index(start), self.cues.evidence[word], origin_text, owner,
                                     relayer.name))
        return frames

    def _sentence_speaker(self, sent, before: int) -> Speaker | None:
        for event in self.events_in(sent.start, sent.end):
            if event.speaker is not None and event.kind == "verb":
                return event.speaker
        subject = self.finder.sentence_subject(sent, before)
        return self._resolve(subject, sent) if subject else None

    # --- names ---------------------------------------------------------------------------------------------
    def _span_text(self, span: tuple[int, int]) -> str:
        return self.doc[span[0]:span[1]].text

    def _resolve(self, span: tuple[int, int], sent) -> Speaker | None:
        """Return the speaker a mention names: pronouns and "the soldier" resolve to earlier speakers."""
        text = self._span_text(span)
        lower = normalise(text)
        position = self.doc[span[0]].idx
        if lower in self.cues.pronouns:
            return self._antecedent(self.cues.pronouns[lower], position, sent)
        entity = self.finder.entity_label(*span)
        speaker = self.book.lookup(text, self.cues.speaker_nouns, entity)
        if not speaker.name.strip() or not any(c.isalpha() for c in speaker.name):
            return None
        if speaker.name in self.book.kinds:
            return self._fuller(clean_mention(text), position) or speaker
        words = speaker.name.split()
        earlier = [(p, s, t) for p, s, t in self.history if p < position]
        if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper():
            named = [h for h in self.named_mentions() if h[0] < position]
            for _, known, _ in [*reversed(earlier), *reversed(named)]:   # "Kirby" after "John Kirby"
                parts = known.name.split()
                if known.kind == "person" and len(parts) > 1 and words[0] in (parts[0], parts[-1]):
                    return known
        if text.lower().startswith("the ") and len(words) <= 3 and words[-1].islower():
            head = normalise(words[-1])
            for _, known, surface in reversed(earlier):   # "the soldier" after "a North Korean soldier"
                if head in normalise(surface).split():
                    return known
        return speaker

    def _fuller(self, short: str, position: int) -> Speaker | None:
        """Return the speaker an earlier, longer mention named when a short alias ends it: "The Post" after "The New
        York Post reports" is the New York Post, whatever speakers.yaml says "Post" alone means."""
        words = normalise(short).split()
        if not words or len(words) > 2:
            return None
        for start, known, surface in reversed(self.history):
            longer = normalise(clean_mention(surface)).split()
            if start < position and len(longer) > len(words) and longer[-len(words):] == words:
                return known
        return None

    def _antecedent(self, kind: str, position: int, sent) -> Speaker | None:
        """Return the last speaker before `position` that a pronoun of this kind can point to.

        A speaker named later in the pronoun's own sentence is passed over ("He said of this talk with Syrsky").
        """
        later_text = normalise(self.text[position:sent.end_char])
        later_words = set(re.findall(r"[\w'-]+", later_text))
        earlier = [h for h in self.history if h[0] < position]
        named = [h for h in self.named_mentions() if h[0] < position]
        if kind == "person":
            earlier += [h for h in self._subjects_before(position, sent) if h not in earlier]
        for _, speaker, surface in [*reversed(earlier), *reversed(named)]:
            if not speaker.name.split() or not clean_mention(surface).split():
                continue
            if speaker.kind in ("person", None):
                names = {normalise(speaker.name.split()[-1]), normalise(clean_mention(surface).split()[-1])}
                if names & later_words:
                    continue
            elif f" {normalise(speaker.name)} " in f" {later_text} ":
                continue
            if kind == "person" and not speaker.plural and (
                    speaker.kind == "person" or speaker.kind is None and speaker.name[:1].isupper()):
                return speaker
            if kind == "plural" and (speaker.plural or speaker.kind in ("group", "organisation", "country")):
                return speaker
            if kind == "organisation" and (speaker.kind in ("organisation", "country", "outlet")
                                           or speaker.kind is None and not speaker.plural):
                return speaker
        return None

    def _subjects_before(self, position: int, sent) -> list[tuple[int, Speaker, str]]:
        """Return the person that opens the pronoun's own sentence ("Mr. Trump alluded to it when he said")."""
        before = token_at(self.doc, position).i
        quoted = {i for i in range(sent.start, before) if self.in_quote[i]}
        subject = self.finder.sentence_subject(sent, before, quoted)
        if subject is None or normalise(self._span_text(subject)) in self.cues.pronouns:
            return []
        speaker = self.book.lookup(self._span_text(subject), self.cues.speaker_nouns,
                                   self.finder.entity_label(*subject))
        if speaker.kind != "person" or not speaker.name.strip():
            return []
        return [(self.doc[subject[0]].idx, speaker, self._span_text(subject))]

    def named_mentions(self) -> list[tuple[int, Speaker, str]]:
        """Return the known speakers (speakers.yaml) and, with the model, the people named anywhere in the text."""
        if self._named is None:
            self._named = []
            for start, end, text in matches(self.book.pattern, self.text, 0, len(self.text)):
                token = token_at(self.doc, start)
                if self.in_quote[token.i] or not self.text[start].isupper():
                    continue
                name = self.book.aliases[text[4:] if text.startswith("the ") else text]
                self._named.append((start, Speaker(name, self.book.kinds.get(name)), self.text[start:end]))
            for start in self._sentence_starts:          # who each sentence is about: "Erik Holm spoke first."
                sent = self.segment(start)
                quoted = {i for i in range(sent.start, sent.end) if self.in_quote[i]}
                subject = self.finder.sentence_subject(sent, sent.end, quoted)
                if subject is not None:
                    text = self._span_text(subject)
                    speaker = self.book.lookup(text, self.cues.speaker_nouns, self.finder.entity_label(*subject))
                    if speaker.kind == "person" and normalise(text) not in self.cues.pronouns and speaker.name:
                        self._named.append((self.doc[subject[0]].idx, speaker, text))
            for ent in self.doc.ents:       # people, and organisations for "it said"
                if ent.label_ in ("PERSON", "ORG") and not self.in_quote[ent.start]:
                    speaker = self._resolve((ent.start, ent.end), self.segment(ent.start))
                    if speaker is not None:
                        self._named.append((ent.start_char, speaker, ent.text))
            self._named.sort(key=lambda h: h[0])
        return self._named
