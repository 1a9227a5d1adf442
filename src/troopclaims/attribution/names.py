"""Names: the speaker a mention stands for, with pronouns and short names resolved to earlier speakers."""
from __future__ import annotations

import re

from troopclaims.attribution.cues import matches
from troopclaims.attribution.speakers import Speaker, clean_mention, normalise
from troopclaims.spans import token_at


class NameResolver:
    """Resolves mentions to speakers against the speakers read so far (`history`) and the names in the text."""

    def _span_text(self, span: tuple[int, int]) -> str:
        return self.doc[span[0]:span[1]].text

    def _remember(self, event) -> None:
        """Add the speaker an event names to `history`, which later pronouns and short names resolve to."""
        self.history.append((self.doc[event.mention[0]].idx, event.speaker, self._span_text(event.mention)))

    def _resolve(self, span: tuple[int, int], sent) -> Speaker | None:
        """Return the speaker a mention names: pronouns and "the soldier" resolve to earlier speakers."""
        text = self._span_text(span)
        lower = normalise(text)
        position = self.doc[span[0]].idx
        if lower in self.cues.nobody:
            return None
        if lower in self.cues.writer_pronouns and not self.in_quote[span[0]]:
            return None                                 # the writer's "I": the outlet's own voice
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
            if (not speaker.name.split() or not clean_mention(surface).split()
                    or normalise(speaker.name) in self.cues.nobody):
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
