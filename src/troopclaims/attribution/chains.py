"""Evidence chains: "HUR ... intercepted Russian military communications" opens a chain that later claims join."""
from __future__ import annotations

from dataclasses import dataclass

from troopclaims.attribution.cues import Event, matches
from troopclaims.attribution.quotes import Quote
from troopclaims.attribution.speakers import Speaker, clean_mention
from troopclaims.spans import token_at

_FRAME_WINDOW = 2                       # paragraphs an evidence chain (X intercepted Y's messages) stays open


@dataclass(frozen=True)
class Frame:
    """An evidence chain: `relayer` published `evidence` of what `origin` (belonging to `owner`) said."""

    paragraph: int
    evidence: str
    origin: str
    owner: str
    relayer: str


class EvidenceChains:
    """Reads the evidence chains of a document and finds the chain, or the evidence, of a claim."""

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

    def _frame(self, span, sent, speaker: Speaker | None) -> Frame | None:
        """Return the evidence chain a claim belongs to: the chain's evidence is named, or its owner speaks."""
        index = self.paragraph_index(self.doc[span[0]].idx)
        words = None
        for frame in reversed(self.frames):
            if not (0 <= index - frame.paragraph <= _FRAME_WINDOW):
                continue
            if speaker is not None and speaker.name == frame.owner:
                return frame
            if words is None:
                words = {self.cues.evidence[w] for _, _, w in
                         matches(self.cues.evidence_pattern, self.text, sent.start_char, sent.end_char)}
            if frame.evidence in words and (speaker is None or speaker.name in (frame.relayer, frame.owner)):
                return frame
        return None

    def _evidence(self, span, sent, event: Event | None, quote: Quote | None) -> str | None:
        """Return the evidence named near the claim: a source phrase's evidence, else an evidence word."""
        sentences = [sent]
        if event is not None and self.segment(event.start) != sent:
            sentences.append(self.segment(event.start))
        near = sorted((e for s in sentences for e in self.events_in(s.start, s.end)), key=lambda e: e.start)
        for other in near:
            if other.kind == "phrase" and other.evidence:
                return other.evidence
        skip = set(range(*event.mention)) if event is not None and event.mention else set()
        for s in sentences:
            for start, end, word in matches(self.cues.evidence_pattern, self.text, s.start_char, s.end_char):
                token = token_at(self.doc, start)
                if token.i in skip or token.text[:1].isupper() and token.i != s.start:
                    continue                   # part of a name: "Main Intelligence Directorate"
                if quote is None and self.in_quote[token.i]:
                    continue
                return self.cues.evidence[word]
        return None
