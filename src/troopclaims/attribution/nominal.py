"""Nouns and phrases of saying: "Trump's claim that ...", "his assertion that", "according to X", "citing Y"."""
from __future__ import annotations

from troopclaims.attribution.cues import Event, NounCue, lowered, matches
from troopclaims.attribution.speakers import Speaker

PASSIVE_AUX = frozenset("was were is are been be being 's".split())
# Articles and demonstratives, which open a noun phrase: "a Times report", "these intercepts".
_DETERMINERS = frozenset(("the", "a", "an", "these", "those", "this", "that", "such"))
_NOUN_OPENERS = frozenset(("that", "about", "of", "to", "for", ":"))   # "Trump's claim that ...", "his plan to"
_POSSESSIVE_MARKS = frozenset(("'s", "’s", "'", "’"))
# Words after an owned noun of saying that make it the subject of what it says: "Vale's plan would cap ...".
_SUBJECT_VERBS = frozenset("would will could also calls sets includes".split())
_BY_OWNERS = frozenset("one some many most several other official independent".split())


class NominalCues:
    """Reads the cues that are nouns (with their owner) or phrases (with their target) and whom they name."""

    def _owned_participle(self, i: int) -> Event | None:
        """Return the cue of "the alliance's recommended 2 percent", "the ministry's estimated 3,000 dead": a
        participle of saying owned by a possessive, right before a figure, is the owner's word for it."""
        token = self.doc[i]
        verb = self.cues.all_verbs.get(lowered(token))
        if verb is None or i == 0 or i + 1 >= len(self.doc) or self.in_quote[i]:
            return None
        following = self.doc[i + 1]
        if not (following.like_num or following.is_currency) or not (
                lowered(token).endswith("ed") or token.tag_ == "VBN"):
            return None
        if not (lowered(self.doc[i - 1]) in self.cues.possessives or self.doc[i - 1].lower_ in _POSSESSIVE_MARKS):
            return None
        return self._noun_event(i, NounCue(verb.lemma, verb.status), anywhere=True, participle=True)

    def _noun_event(self, i: int, noun, anywhere: bool = False, participle: bool = False) -> Event | None:
        """Return the cue of "Trump's claim that ...", "his assertion that", "a Times report that": its owner speaks.
        Owned by a possessive, the noun also reports the verb it is the subject of ("Vale's plan would cap ...");
        with `anywhere`, whatever follows it ("Under Vale's plan, ...")."""
        following = lowered(self.doc[i + 1]) if i + 1 < len(self.doc) else ""
        possessed = i > 0 and (lowered(self.doc[i - 1]) in self.cues.possessives
                               or self.doc[i - 1].lower_ in _POSSESSIVE_MARKS)
        if not (following in _NOUN_OPENERS or possessed and (anywhere or following in _SUBJECT_VERBS)):
            return None
        if self.finder.parsed and self.doc[i].pos_ not in ("NOUN", "PROPN") and not participle:
            return None                             # "Okafor plans to visit": a verb
        sent = self.segment(i)
        j = i - 1
        while j > max(sent.start, i - 3) and self._adjective(self.doc[j]):
            j -= 1                                  # "Dahl's repeated emphasis", "his latest claim"
        if j < sent.start:
            return None
        word = lowered(self.doc[j])
        event = Event(i, i + 1, lowered(self.doc[i]), noun.lemma, noun.status, "noun")
        position = self.doc[j].idx
        if word in self.cues.possessives:
            event.speaker, event.mention = self._antecedent(self.cues.possessives[word], position, sent), (j, j + 1)
        else:
            owner = j - 1 if word in _POSSESSIVE_MARKS else j
            span = self.finder.np_ending_at(owner, sent) if owner >= sent.start else None
            last = self.doc[span[-1] - 1] if span is not None else None
            if span is None or not (word in _POSSESSIVE_MARKS or self.finder.capitalised(last)
                                    and self._determiner_before(span) or following == "that" and last.is_lower
                                    and lowered(last) in self.cues.speaker_nouns):
                return None                         # "a Valley Post report that", "media pronouncements that",
                                                    # not "Ardia are discussing plans"
            event.speaker, event.mention = self._resolve(span, sent), span
        if event.speaker is None:
            return None
        self._remember(event)
        return event

    def _by_event(self, i: int) -> Event | None:
        """Return the source of "by one estimate", "by his own admission", "by the Ledger's count": the owner, or
        the estimate itself when it has none, like "according to one estimate"."""
        sent = self.segment(i)
        end = next((k for k in range(i + 2, min(i + 8, sent.end)) if self.doc[k].lower_ in self.cues.by_nouns), None)
        if end is None or any(t.is_punct and t.lower_ not in _POSSESSIVE_MARKS for t in self.doc[i + 1:end]):
            return None
        after = self.doc[end + 1] if end + 1 < sent.end else None
        if after is not None and not after.is_punct:
            return None                          # "by his account of the meeting" goes on: not a source tag
        first = lowered(self.doc[i + 1])
        marks = [k for k in range(i + 1, end) if self.doc[k].lower_ in _POSSESSIVE_MARKS]
        event = Event(i, end + 1, "", "by", "reported", "phrase", role="source")
        if first in self.cues.possessives:
            event.speaker, event.mention = self._antecedent(self.cues.possessives[first], self.doc[i + 1].idx,
                                                            sent), (i + 1, i + 2)
            rest = i + 2
        elif marks:
            event.mention = (i + 1 + (first in ("the", "a", "an")), marks[0])
            event.speaker, rest = self._resolve(event.mention, sent), marks[0] + 1
        elif first in _BY_OWNERS and end == i + 2:
            event.mention, rest = (i + 1, end + 1), i + 1
            event.speaker = Speaker(self._span_text(event.mention))
        else:
            return None
        if event.speaker is None:
            return None
        event.cue = " ".join(["by"] + [t.lower_ for t in self.doc[rest:end + 1]])
        self._remember(event)
        return event

    def _adjective(self, token) -> bool:
        """Return True for a word that may stand between an owner and its noun ("repeated", "latest")."""
        if not (token.is_lower and token.is_alpha) or token.lower_ in _DETERMINERS | PASSIVE_AUX:
            return False
        if self.finder.parsed:
            return token.pos_ == "ADJ" or token.dep_ == "amod"     # "repeated" is tagged a verb
        return token.lower_ not in self.cues.possessives and not token.lower_.endswith("ing")

    def _determiner_before(self, span: tuple[int, int]) -> bool:
        """Return True when a name follows a determiner ("a New York Times report"), not "Clinton plans to"."""
        first = span[0]
        return self.doc[first].lower_ in _DETERMINERS or first > 0 and self.doc[first - 1].lower_ in _DETERMINERS

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
            while words and words[0].lower() in _DETERMINERS:
                words = words[1:]
            event.speaker, event.mention, event.documentary = Speaker(" ".join(words)), target, True
            return
        words = [lowered(t) for t in self.doc[target[0]:target[1]]]
        if words[0] in self.cues.possessives and words[-1] not in self.cues.speaker_nouns:
            return                                  # "citing her work after the attacks" names no source
        event.speaker = self._resolve(target, sent)
        event.mention = target if event.speaker else None
        if event.speaker is not None:
            self._remember(event)

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
