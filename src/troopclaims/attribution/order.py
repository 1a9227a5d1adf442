"""Which cue of a sentence reports a claim by word order alone (the blank pipeline, and the parse's fallback): the
nearest cue before the claim unless the claim is its frame, a sentence-final attribution after it, and how
nested reports combine."""
from __future__ import annotations

from troopclaims.attribution.clauses import new_subject_between
from troopclaims.attribution.cues import Event

# Words after a verb that open its own complement: "..., the reactions suggested how ..." reports nothing before it.
_COMPLEMENTS = frozenset("that how whether if what why to who which".split())
_PREPOSITIONS = frozenset("in of at on to for from with by over into under near across about".split())
OPENERS = frozenset(("that", "whether", ":", "“", '"'))
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "you"))
_FIGURE_QUALIFIERS = frozenset("over about nearly almost around roughly some more fewer less up just only".split())


def _figure_opens(tokens) -> bool:
    """Return True when a figure opens the words after a cue ("say over 50 died", "said 300 were hurt"): the cue
    has a report of its own after it (without the parse, the shape of a figure tells it)."""
    words = [t for t in tokens if not (t.is_alpha and t.lower_.endswith("ly"))]
    if words and words[0].lower_ in _FIGURE_QUALIFIERS:
        words = words[1:]
    if not (len(words) > 1 and words[0].like_num and words[1].is_alpha):
        return False
    return not any(t.lower_ in ("ago", "earlier", "later", "before") for t in words[1:4])   # "said two days ago"


class WordOrder:
    """The cue that reports a claim by the order of words: mixed into attribute's reader, which has the Doc,
    its events, segments and finder."""

    def _governing_by_order(self, span, candidates) -> Event | None:
        before = [e for e in candidates if e.end <= span[0] and not any(
            self.doc[i].text == ";" for i in range(e.end, span[0])) and not self._subordinate(e, span)
            and not self._closed_aside(e, span)]
        trailing = self._trailing(span, candidates)
        if not before:
            return trailing
        chosen = before[-1]
        if self._past_count(chosen, span):
            return trailing             # "Rescuers counted 40 bodies on Tuesday": a count asserts only its object
        if self._in_frame(chosen, span):
            return self._reporting_frame(before, chosen) or trailing
        if new_subject_between(self.finder, chosen.end, span[0]):
            return trailing
        if chosen.kind == "noun" and any(t.text in ",;" or t.lower_ in self.cues.clause_breaks and t.lower_ != "and"
                                         for t in self.doc[chosen.end:span[0]]):
            return trailing             # "His promises notwithstanding, analyses agree ...": the noun's clause ended
        for earlier in reversed(before[:-1]):
            if chosen.mention and chosen.mention[0] < earlier.start and \
                    self._blamed(earlier, self.segment(earlier.start)) is not None:
                continue                # "blasted the agency for saying ..., and said": the reason is aside
            if earlier.kind == "noun" or self._clause_break(earlier.end, (chosen.mention or (chosen.start,))[0]) \
                    or self._said_reason(earlier, chosen):
                break                   # a noun of saying reports only its own clause ("X's claim that ...")
            chosen = self._outer(earlier, chosen)
        return self._outer(trailing, chosen) if trailing is not None else chosen

    def _past_count(self, event: Event, span) -> bool:
        """Return True when the claim lies past the object of a verb that is also its event ("counted 40 bodies
        in the rubble on Tuesday": the day frames the count; "counted the 40 bodies" is what is counted)."""
        cue = self.cues.all_verbs.get(event.cue) if event.kind == "verb" else None
        if cue is None or not cue.event:
            return False
        between = self.doc[event.end:span[0]]
        return len(between) > 2 or any(not t.is_alpha or t.lower_ in _PREPOSITIONS for t in between)

    def _closed_aside(self, event: Event, span) -> bool:
        """Return True when a verb cue sits in a relative clause on the sentence's subject, set between commas
        that close before the claim ("Vale's relatives, who asked police to show them the video, watched it on
        Thursday, lawyers said"): what the clause says ends at its comma (by word order; the parse has its own
        test). A clause at the end of the sentence may hold commas of its own and is left alone."""
        if self.finder.parsed:
            return False
        sent = self.segment(event.start)
        opener = next((k for k in range(event.start - 1, max(sent.start, event.start - 12), -1)
                       if self.doc[k].text in ",;:" or self.doc[k].lower_ in ("who", "which")), None)
        if opener is None or self.doc[opener].lower_ not in ("who", "which") or self.doc[opener - 1].text != ",":
            return False
        close = next((k for k in range(event.end, span[0]) if self.doc[k].text in ",;"), None)
        if close is None or any(self.doc[k].lower_ in OPENERS for k in range(event.end, close)):
            return False
        subject = self.finder.sentence_subject(sent, opener - 1)     # the clause is the subject's, set aside
        named = self.finder.np_ending_at(opener - 2, sent)            # before its verb ("its allies, who said
        return subject is not None and named is not None and subject[1] == named[1]   # ..., rather than ...")

    def _reporting_frame(self, before: list[Event], framed: Event) -> Event | None:
        """Return the verb whose report holds a verb of saying that frames the claim ("Halden said Vale was
        right when he said on Monday that ...": the day is part of what Halden says), by word order; None when
        a clause or a sentence of its own lies between them."""
        if len(before) < 2 or framed.kind != "verb":
            return None
        outer = before[-2]
        inner_start = (framed.mention or (framed.start,))[0]
        if outer.kind != "verb" or outer.speaker is None or outer.end > inner_start \
                or self._clause_break(outer.end, inner_start):
            return None
        return outer

    def _in_frame(self, event: Event, span) -> bool:
        """Return True when the claim sits between a verb and the "that" opening what it reports."""
        end = self.segment(event.start).end
        between = [t.lower_ for t in self.doc[event.end:span[0]]]
        if any(word in OPENERS or word in _SUBJECT_PRONOUNS for word in between):
            return False            # "says he instructed staff Monday to check whether": the report has begun
        return any(t.lower_ in OPENERS and t.i not in self.events and self.doc[t.i - 1].lower_ not in _PREPOSITIONS
                   and not (self.finder.parsed and t.lower_ == "that" and t.dep_ != "mark")   # "a loss that she"
                   and self._opens_report(t, span)
                   for t in self.doc[span[1]:end])

    def _opens_report(self, opener, span) -> bool:
        """Return True when a quote mark can open the verb's report: right after the claim, or after a comma or
        colon ("said on Monday, “...”"); not a mark inside the report ("said the vote on Monday was
        “a farce”")."""
        if opener.text not in ("“", '"'):
            return True
        return opener.i == span[1] or self.doc[opener.i - 1].text in (",", ":")

    def _trailing(self, span, candidates) -> Event | None:
        """Return the cue of a sentence-final attribution after the claim (", officials said.")."""
        for event in candidates:
            if event.start < span[1]:
                continue
            first = min(event.start, event.mention[0] if event.mention else event.start)
            if first < span[1]:
                continue
            previous = self.doc[first - 1] if first > 0 else None
            if previous is None or previous.text not in (",", "”", '"', "—", "–"):
                return None
            if event.mention and event.mention[0] > event.start:
                return event                          # ", said Youn Kun-young, director of ..."
            rest = [t for t in self.doc[event.end:self.segment(event.start).end] if not t.is_space]
            if _figure_opens(rest):
                return None                           # ", the locals say over 50 died": a report of its own
            rest = [t.lower_ for t in rest]
            if len(rest) <= 8 and not any(word in _COMPLEMENTS for word in rest):
                return event                          # ", officials said." / ", Maariv reported on Friday."
            return None
        return None

    def _outer(self, outer: Event, inner: Event) -> Event:
        """Return the event that reports a nested one: a relay keeps the inner speaker and becomes `via`."""
        if outer.relay or (outer.speaker is not None and outer.speaker.kind == "outlet"):
            if inner.speaker is not None:
                relayed = Event(**{**inner.__dict__})
                return Event(**{**outer.__dict__, "inner": relayed})
        if (outer.speaker is not None and inner.speaker is not None and outer.speaker == inner.speaker
                and inner.belief):
            return inner                       # "X has said that they believe ...": X, with the finer cue
        return outer if outer.speaker is not None else inner

    def _clause_break(self, start: int, end: int) -> bool:
        """Return True when a new clause starts between two tokens: a semicolon, or a comma and a clause word."""
        for i in range(start, end):
            word = self.doc[i].lower_
            if word == ";" or (word in self.cues.clause_breaks and i > 0 and self.doc[i - 1].text in (",", ";")):
                return True
        return False
