"""Sources named by phrases around a report: "according to Y", "citing Y", "as reported by Y" (who speaks, who
passes it on, and what the one who cites says)."""
from __future__ import annotations

from troopclaims.attribution.cues import Event
from troopclaims.attribution.quotes import Quote
from troopclaims.attribution.subjects import QUOTE_CHARS

# Words after a phrase's source that open a clause of its own: "citing two officials that ..." reports past them.
_COMPLEMENTS = frozenset("that how whether if what why to who which".split())


class Sources:
    """The phrases of a sentence that name a source, for the attribution reader (needs a DocumentReader)."""

    def _relay(self, event: Event | None, sent, quote: Quote | None) -> str | None:
        """Return who passes the speaker's words on: "as reported by X", "X reported, citing ..."."""
        if event is None:
            return None
        where = self.segment(event.start)
        for other in self.events_in(where.start, where.end):
            if (other.kind == "phrase" and other.speaker is not None
                    and not self.in_quote[other.start] and other is not event):
                if other.role == "cited" or other.documentary:
                    continue
                if other.role == "relay" or other.speaker.kind == "outlet":
                    return other.speaker.name
        return None

    def _sourced(self, event: Event | None, outside_quotes: bool = True) -> Event | None:
        """Return the "according to Y" after a verb that relays ("The Ledger reports that ..., according to the
        Harbor Institute"), or closing the sentence after any verb outside quotations: Y speaks and the verb's
        subject passes it on, as with "citing"."""
        if event is None or event.kind != "verb" or event.speaker is None or self.in_quote[event.start]:
            return None
        relays = event.relay or event.speaker.kind == "outlet"
        where = self.segment(event.start)
        for other in self.events_in(event.end, where.end):
            if (other.kind == "phrase" and other.role == "source" and other.speaker is not None
                    and not other.documentary and not self.in_quote[other.start]
                    and (relays or outside_quotes and self._closing_source(other, where))):
                return other
        return None

    def _closing_source(self, phrase: Event, where) -> bool:
        """Return True for ", according to Y." closing the sentence, which reports all of it: "Police have said ...,
        according to attorneys for the family" (attorneys speak, police pass it on). Y must be a person or a group:
        an outlet there relays."""
        if phrase.speaker.kind not in ("person", "group") or phrase.start == 0 \
                or self.doc[phrase.start - 1].text != ",":
            return False                # an organisation there may be an outlet ("the Harbor Times News Group")
        rest = self.doc[phrase.end:where.end]
        return len(rest) <= 8 and not any(t.text in ",;" for t in rest)

    def _citing(self, span, sent, event: Event | None) -> Event | None:
        """Return a cue "citing" for a claim inside what "citing"/"quoting" names ("The council closed the road,
        citing 40 accidents"; "..., citing two officials at the 2019 hearing"): whoever cites it says it, not the
        words cited. None when no such phrase holds the claim or a cue after the phrase governs it."""
        phrases = [e for e in self.events_in(sent.start, span[0]) if e.kind == "phrase" and e.role == "cited"
                   and e.end <= span[0] and not self.in_quote[e.start]]
        if not phrases or event is not None and event is not phrases[-1] and event.start > phrases[-1].start:
            return None
        phrase = phrases[-1]
        if any(e.kind in ("verb", "noun") for e in self.events_in(phrase.end, span[0])) or any(
                t.is_punct and t.text not in ("-", "'s", "’s") or t.text in QUOTE_CHARS or t.lower_ in _COMPLEMENTS
                for t in self.doc[phrase.end:span[0]]):
            return None                 # "Maariv reported, citing two officials, that 40 drones ...": theirs
        mention = event.mention if event is not None and event.kind == "verb" else None
        if mention is None:
            earlier = [e for e in self.events_in(sent.start, phrase.start) if e.kind == "verb" and e.mention
                       and not self.in_quote[e.start]]
            mention = earlier[-1].mention if earlier else self._citer(phrase, sent)
        speaker = self._resolve(mention, sent) if mention is not None else None
        if speaker is None:
            return None
        return Event(phrase.start, phrase.end, phrase.cue, phrase.lemma, "reported", "verb", speaker=speaker,
                     mention=mention)

    def _citer(self, phrase: Event, sent) -> tuple[int, int] | None:
        """Return the subject of the clause a "citing" phrase hangs on: by the parse, else the sentence's first
        speaker phrase ("Citing 40 accidents, the council closed the road")."""
        if self.finder.parsed:
            head = self.doc[phrase.start].head
            spans = self.finder.subject_of(head)[0] if head.i != phrase.start else []
            return spans[0] if spans else None
        first = next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
        if phrase.start != first:
            quoted = {i for i in range(sent.start, phrase.start) if self.in_quote[i]}
            return self.finder.sentence_subject(sent, phrase.start, quoted)
        comma = next((t.i for t in self.doc[phrase.end:sent.end] if t.text == ","), None)
        return self.finder.np_after(comma + 1, sent, boundary=False) if comma is not None else None

    def _cited(self, event: Event | None) -> Event | None:
        """Return the "citing Y" / "quoting Y" phrase that follows a reporting verb in its sentence, or its
        subject between commas."""
        if event is None or event.kind != "verb":
            return None
        where = self.segment(event.start)
        start = event.start + 1
        if event.mention and event.mention[1] < event.start:    # "The Ledger, citing two officials, reported"
            start = event.mention[1] if self.doc[event.mention[1]].text == "," else start
        for other in self.events_in(start, where.end):
            if (other.kind == "phrase" and other.role == "cited"
                    and other.speaker is not None and not other.documentary and not self.in_quote[other.start]):
                return other
        return None
