"""Names: the speaker a mention stands for, with pronouns and short names resolved to earlier speakers."""
from __future__ import annotations

import re

from troopclaims.attribution.cues import lowered, matches
from troopclaims.attribution.speakers import Speaker, clean_mention, normalise
from troopclaims.spans import token_at

# He or she: a pronoun of a person points to no one the text calls by a title of the other sex ("Mrs. Vale").
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                "herself": "f"}


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
        owner = self._owner_of_saying(span)
        if owner is not None:       # "Merkel's statement said": Merkel says it
            first = self.doc[owner[0]]
            if owner[1] - owner[0] == 1 and lowered(first) in self.cues.possessives:
                return self._antecedent(self.cues.possessives[lowered(first)], first.idx, sent)
            return self._resolve(owner, sent)
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
            mentions = [*reversed(earlier), *reversed(named)]
            for _, known, _ in mentions:   # "Kirby" after "John Kirby"
                parts = known.name.split()
                if known.kind == "person" and len(parts) > 1 and words[0] in (parts[0], parts[-1]):
                    first = min(p for p, s, _ in mentions if s == known)
                    return speaker if self._used_alone(words[0], first) else known
        if text.lower().startswith("the ") and len(words) <= 3 and words[-1].islower():
            head = normalise(words[-1])
            for _, known, surface in reversed(earlier):   # "the soldier" after "a North Korean soldier"
                if head in normalise(surface).split():
                    return known
        return self._named_next(words, sent) or speaker

    def _named_next(self, words: list[str], sent) -> Speaker | None:
        """Return the person the next sentence of the paragraph names when it opens with a title and a name between
        commas and this mention is a title too: "Ardia's security chief warned ... The official, Oskar Lind,
        said ..." makes the chief Oskar Lind."""
        titles = {t for t in self.book.titles if " " not in t}
        if not words or normalise(words[-1]) not in titles or sent.end >= len(self.doc):
            return None
        following = [t for t in self.segment(sent.end) if not t.is_space]
        if len(following) < 6 or self.paragraph_index(following[0].idx) != self.paragraph_index(sent.end_char - 1):
            return None
        if following[0].lower_ != "the" or following[1].lower_ not in titles or following[2].text != ",":
            return None
        k = 3
        while k < min(len(following), 7) and following[k].text[:1].isupper() and following[k].is_alpha:
            k += 1
        if k < 5 or k >= len(following) or following[k].text != ",":
            return None                         # two to four capitalised words, then a comma
        named = self.book.lookup(self.doc[following[3].i:following[k].i].text)
        return named if named.kind in ("person", None) and named.name else None

    def _owner_of_saying(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Return the owner of a mention that is an owned noun of saying ("Merkel's statement", "the ministry's
        latest report", "its statement"), else None."""
        tokens = self.doc[span[0]:span[1]]
        if len(tokens) < 2 or tokens[-1].lower_ not in self.cues.nouns:
            return None
        if len(tokens) <= 3 and lowered(tokens[0]) in self.cues.possessives and all(
                t.is_lower for t in tokens[1:]):
            return (span[0], span[0] + 1)
        for k in (span[1] - 2, span[1] - 3):
            if k > span[0] and self.doc[k].text in ("'s", "’s") and (k == span[1] - 2 or self.doc[k + 1].is_lower):
                return (span[0], k) if any(t.text[:1].isupper() or t.lower_ in self.cues.speaker_nouns
                                           for t in self.doc[span[0]:k]) else None
        return None

    def _used_alone(self, word: str, before: int) -> bool:
        """Return True when the text names `word` after a title alone before `before`, where a fuller name ending
        in it first appears: "President Halvorsen and his wife, Mira Halvorsen, ... Mr. Halvorsen said" is the
        president, not his wife."""
        titles = {normalise(t).split()[-1] for t in self.book.titles} | set(self.book.title_sexes)
        for match in re.finditer(rf"\b{re.escape(word)}\b", self.text[:before]):
            prior = re.search(r"([\w'’-]+)\.?[ \t]+$", self.text[max(0, match.start() - 40):match.start()])
            if prior is not None and prior.group(1)[:1].isupper() and prior.group(1).lower() in titles:
                return True
        return False

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
        pronoun = token_at(self.doc, position)
        sex = _PRONOUN_SEX.get(pronoun.lower_) if pronoun is not None else None
        if kind == "person" and sex is not None:
            earlier += self._previous_subject(pronoun, sent, sex)
        if kind == "organisation" and pronoun is not None:
            opener = self._previous_speaker(pronoun, sent)
            if opener is not None:
                return opener
        for _, speaker, surface in [*reversed(earlier), *reversed(named)]:
            if (not speaker.name.split() or not clean_mention(surface).split()
                    or normalise(speaker.name) in self.cues.nobody):
                continue
            if sex is not None and self._sex_of(speaker.name) not in (None, sex):
                continue                                    # "she" after "Mr. Okafor said"
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

    def _previous_subject(self, pronoun, sent, sex: str) -> list[tuple[int, Speaker, str]]:
        """Return the person the sentence before opens with, in the same paragraph, when a "he" or "she" opens this
        one and the text gives that person the pronoun's sex by a title ("Mrs. Vale has embraced Mr. Okafor's plan.
        She is proposing ...": Vale), else nothing."""
        previous = self._sentence_before(pronoun, sent)
        if previous is None:
            return []
        quoted = {i for i in range(previous.start, previous.end) if self.in_quote[i]}
        subject = self.finder.sentence_subject(previous, previous.end, quoted)
        if subject is None or not self._proper(subject):
            return []
        speaker = self.book.lookup(self._span_text(subject), self.cues.speaker_nouns,
                                   self.finder.entity_label(*subject))
        if speaker.kind != "person" or self._sex_of(speaker.name) != sex:
            return []
        return [(self.doc[subject[0]].idx, speaker, self._span_text(subject))]

    def _sentence_before(self, pronoun, sent):
        """Return the sentence before the pronoun's, in the same paragraph, when the pronoun opens its own; else None."""
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        if first is None or first.i != pronoun.i or sent.start == 0:
            return None
        previous = self.segment(sent.start - 1)
        if self.paragraph_index(previous.start_char) != self.paragraph_index(sent.start_char):
            return None
        return previous

    def _previous_speaker(self, pronoun, sent) -> Speaker | None:
        """Return who speaks in the sentence before, in the same paragraph, when "it" opens this one and that
        sentence opens with its speaker and cue ("The lawsuit alleges that Russia found ... It says ...": the
        lawsuit, not Russia, named inside what it alleges); else None."""
        previous = self._sentence_before(pronoun, sent)
        if previous is None:
            return None
        opening = next((t.i for t in previous if not (t.is_punct or t.is_space)), previous.start)
        for event in self.events_in(previous.start, previous.end):
            if event.kind == "verb" and event.speaker is not None and event.mention and not self.in_quote[event.start]:
                speaker = event.speaker
                if event.mention[0] <= opening + 1 and not speaker.plural and speaker.kind not in ("person", "group"):
                    return speaker
                return None
        return None

    def _proper(self, span: tuple[int, int]) -> bool:
        """Return False when the parse tags the head of a sentence's capitalised subject a common noun ("Crops are
        withering, he noted": no person), True otherwise and on the blank pipeline."""
        head = self.doc[span[1] - 1]
        return not self.finder.parsed or head.pos_ != "NOUN" or head.ent_type_ == "PERSON"

    def _sex_of(self, name: str) -> str | None:
        """Return "m" or "f" when the text calls the person of this name (by their last name) only by titles of that
        sex ("Mr.", or "Mrs."/"Ms."/"Miss": `title_sexes`), else None ("Mr. Clinton" and "Mrs. Clinton" in one text
        tell nothing)."""
        if getattr(self, "_sexes", None) is None:
            found: dict[str, set] = {}
            titled, sexes = self.book.titled, self.book.title_sexes     # speakers.yaml: title_sexes
            for match in titled.finditer(self.text) if titled is not None else ():
                last = match.group(2).split()[-1].lower().replace("’", "'").removesuffix("'s")   # "Mr. Okafor's"
                found.setdefault(last, set()).add(sexes[match.group(1).lower()])
            self._sexes = {last: sexes.pop() for last, sexes in found.items() if len(sexes) == 1}
        words = name.split()
        return self._sexes.get(words[-1].lower()) if words else None

    def _subjects_before(self, position: int, sent) -> list[tuple[int, Speaker, str]]:
        """Return the person that opens the pronoun's own sentence ("Mr. Trump alluded to it when he said")."""
        before = token_at(self.doc, position).i
        quoted = {i for i in range(sent.start, before) if self.in_quote[i]}
        subject = self.finder.sentence_subject(sent, before, quoted)
        if subject is None or normalise(self._span_text(subject)) in self.cues.pronouns or not self._proper(subject):
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
                if subject is not None and self._proper(subject):
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
