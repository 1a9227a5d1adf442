"""Speakers of quotations, transcript turns, headlines and signed quotes."""
from __future__ import annotations

import re

from troopclaims.attribution.cues import Event
from troopclaims.attribution.quotes import Quote
from troopclaims.attribution.speakers import Speaker, normalise
from troopclaims.spans import token_at

# "WALLACE: ...", "Politifact: ...": one to four capitalised words and a colon open the line.
_TURN = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|de|van|von)){0,3})[ \t]*:[ \t]+\S")

_QUOTE_END_MARKS = ",?!—–-…"
_HEADLINE_SPEAKER = re.compile(r"[^.!?]:\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_HEADLINE_LENGTH = 160      # longer lines are no headline
_DASHES = "―—–"
# '" ― Julia Ortiz' / '" — Sen. Ann Vale, D-Ohio': a dash and one to five capitalised words end the line.
_SIGNATURE = re.compile(r"\s*([―—–])\s*((?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin|al))"
                        r"{0,4})\s*[.,]?\s*")


class QuoteSpeakers:
    """Finds the cue that attributes a quotation, a transcript turn ("WALLACE: ..."), a headline or a signature."""

    def turn(self, char: int) -> Event | None:
        """Return the speaker of a transcript turn the character is in ("WALLACE: ...", "Politifact: ...")."""
        line_start = self.text.rfind("\n", 0, char) + 1
        if line_start not in self._turns:
            self._turns[line_start] = self._read_turn(line_start)
        event = self._turns[line_start]
        return event if event is not None and self.doc[event.end - 1].idx < char else None

    def _label(self, line_start: int):
        """Return the match of a speaker label opening the line ("WALLACE: ...", '"Fact Desk: ...'), else None:
        not a label that names nobody ("UPDATE:", "Tuesday:") nor a handle ("Reader2:", "night_owl:")."""
        while line_start < len(self.text) and self.text[line_start] in "\"“ \t":
            line_start += 1                         # '"WALLACE: ...' in a transcript quoted whole
        match = _TURN.match(self.text, line_start)
        if match is None:
            return None
        label = match.group(1)
        words = normalise(label).split()
        if (normalise(label) in self.cues.not_speakers or words[0] in self.cues.not_speakers
                or words[-1] in self.cues.time_words or any(w in self.cues.time_words for w in words[:1])
                or any(c.isdigit() or c == "_" for c in label)):
            return None
        return match

    def _interview(self) -> bool:
        """Return True when the document is shaped as a transcript or interview: two or more lines open with a
        speaker label. A single label in an article ("Reader: 27 is too low") is no turn unless it is written in
        capitals, as transcripts write their speakers ("MORALES:"), or opens the text as its headline."""
        if self._interview_shape is None:
            starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
            self._interview_shape = sum(1 for start in starts if self._label(start) is not None) >= 2
        return self._interview_shape

    def _read_turn(self, line_start: int) -> Event | None:
        match = self._label(line_start)
        if match is None:
            return None
        label = match.group(1)
        if not (label.isupper() and len(label) > 1 or not self.text[:line_start].strip() or self._interview()):
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

    def _headline(self, start: int, end: int) -> Event | None:
        """"Russia to deploy troops in days: Zelensky": a headline (a short line with no full stop) ending in
        ": Name" names the speaker of what it reports."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)].rstrip()
        match = _HEADLINE_SPEAKER.search(line)
        if match is None or len(line) > _HEADLINE_LENGTH or line_start + match.start() + 1 < end:
            return None
        first = token_at(self.doc, line_start + match.start(1))
        last = token_at(self.doc, line_start + match.end(1) - 1)
        if first is None or last is None:
            return None
        return Event(first.i, last.i + 1, "headline", "headline", "reported", "phrase", role="source",
                     speaker=self.book.lookup(match.group(1)), mention=(first.i, last.i + 1))

    def _quote_event(self, quote: Quote) -> Event | None:
        """Return the cue that attributes a quotation: after it, before it, or the quote before it."""
        if quote.start in self._quote_memo:
            return self._quote_memo[quote.start]
        self._quote_memo[quote.start] = None
        event = self._after_quote(quote) or self._before_quote(quote) or self._continued_quote(quote)
        self._quote_memo[quote.start] = event
        return event

    def _after_quote(self, quote: Quote) -> Event | None:
        """'"...," Zelensky wrote Friday' / '"...," said X' / '"..." he added.'"""
        inside = self.text[quote.start:quote.end].rstrip("”\"» \n").rstrip("'’")   # "... the decade,'”"
        follow = self.text[quote.end:quote.end + 40].lstrip(" ")
        if not inside or follow[:1] in ("", "\n"):
            return None
        if follow[:1] in _DASHES:
            return self._signed(quote)
        if not (inside[-1] in _QUOTE_END_MARKS or follow[:1] == ","):
            if not (inside.endswith(".") and follow[:1].islower()):
                return self._after_quote_closing(quote) if inside.endswith(".") else None
        first = token_at(self.doc, quote.end)
        if first is None or first.idx < quote.end:
            return None
        return self._first_verb(range(first.i, min(first.i + 8, len(self.doc))),
                                lambda token: token.text in ".;:" or self.in_quote[token.i] or "\n" in token.text)

    def _first_verb(self, indices, stop) -> Event | None:
        """Return the first verb cue that names a speaker (or is passive) at the tokens of `indices`, in their
        order, before the first token `stop` accepts; else None."""
        for i in indices:
            if stop(self.doc[i]):
                return None
            event = self.events.get(i)
            if event is not None and event.kind == "verb" and (event.speaker or event.passive):
                return event
        return None

    def _signed(self, quote: Quote) -> Event | None:
        """'"..." ― Julia Ortiz': a quotation signed with a dash and a name that ends its line."""
        line_end = self.text.find("\n", quote.end)
        rest = self.text[quote.end:line_end if line_end >= 0 else len(self.text)]
        match = _SIGNATURE.fullmatch(rest)
        if match is None:
            return None
        first = token_at(self.doc, quote.end + match.start(2))
        last = token_at(self.doc, quote.end + match.end(2) - 1)
        dash = token_at(self.doc, quote.end + match.start(1))
        if first is None or last is None or dash is None:
            return None
        speaker = self.book.lookup(match.group(2))
        return Event(dash.i, dash.i + 1, match.group(1), "dash", "reported", "phrase", role="source",
                     speaker=Speaker(speaker.name, speaker.kind or "person"), mention=(first.i, last.i + 1))

    def _after_quote_closing(self, quote: Quote) -> Event | None:
        """'"... troops." Zelensky said.' (the attribution is a sentence of its own: speaker, verb, full stop)."""
        first = token_at(self.doc, quote.end)
        if first is None or first.idx < quote.end:
            return None
        for i in range(first.i, min(first.i + 6, len(self.doc))):
            if "\n" in self.doc[i].text:
                return None
            event = self.events.get(i)
            if event is not None and event.kind == "verb" and event.speaker:
                after = event.end
                while after < len(self.doc) and self.finder.skippable(self.doc[after]):
                    after += 1
                if after >= len(self.doc) or self.doc[after].text in (".", ":"):
                    return event
                return None
            if self.doc[i].text in ".;:":
                return None
        return None

    def _before_quote(self, quote: Quote) -> Event | None:
        """'X said: "..."', 'He said of this conversation: "..."', '..., saying: "..."'."""
        before = self.text[:quote.start].rstrip()
        if not before or before[-1] not in ":,":
            return None
        last = token_at(self.doc, len(before) - 1)
        if last is None:
            return None
        if last.text == ":" and (document := self._document_colon(last.i)) is not None:
            return document
        paragraph_start = self.text.rfind("\n", 0, quote.start) + 1
        return self._first_verb(range(last.i, max(last.i - 14, -1), -1),
                                lambda token: token.idx < paragraph_start
                                or self.in_quote[token.i] and token.text not in "”\"")

    def _document_colon(self, colon: int) -> Event | None:
        """'... is borne out by this finding: "..."': a document right before the colon speaks for the quotation."""
        noun = self.doc[colon - 1] if colon > 0 else None
        if noun is None or noun.lower_ not in self.cues.documents or colon - 1 in self.events \
                or self.finder.parsed and noun.pos_ not in ("NOUN", "PROPN"):
            return None                     # "Ann Vale reports: ..." is a verb
        span = self.finder.np_ending_at(colon - 1, self.segment(colon - 1))
        if span is None:
            return None
        words = self._span_text(span).split()
        while words and words[0].lower() in ("the", "a", "an", "this", "these", "that", "those"):
            words = words[1:]
        return Event(colon, colon + 1, ":", ":", "reported", "phrase", role="source", speaker=Speaker(" ".join(words)),
                     mention=span, documentary=True)

    def _continued_quote(self, quote: Quote) -> Event | None:
        """A quotation standing alone at the start of its paragraph or sentence goes on the last speaker's words."""
        line_start = self.text.rfind("\n", 0, quote.start) + 1
        lead = self.text[line_start:quote.start]
        if lead.strip() and not lead.rstrip().endswith((".", "”", '"')):
            return None
        inside = self.text[quote.start:quote.end].rstrip("”\"» \n").rstrip("'’")
        follow = self.text[quote.end:quote.end + 20].lstrip(" ")
        if inside[-1:] not in ".?!…" + _QUOTE_END_MARKS and follow[:1].islower():
            return None         # '“Open Skies (41 Shots)” was written by ...': a title the sentence is about
        previous_line = self.text.rfind("\n", 0, max(line_start - 1, 0))
        previous_line = self.text.rfind("\n", 0, previous_line) + 1 if previous_line > 0 else 0
        best = None
        for other in self.quotes:
            if previous_line <= other.start and other.end <= quote.start:
                event = self._quote_event(other)
                if event is not None:
                    best = (other.end, event)
        for event in self.events.values():
            position = self.doc[event.start].idx
            if (previous_line <= position < quote.start and event.speaker is not None and event.kind == "verb"
                    and not self.in_quote[event.start] and (best is None or position > best[0])):
                best = (position, event)
        return best[1] if best else None
