"""Attribution: who asserts each claim, with which cue, relayed by whom, on what evidence, and how sure.

The cue words live in rules/attribution.yaml, names in rules/speakers.yaml and hedges in rules/hedges.yaml;
docs/attribution.md says how a claim's speaker is chosen. Works on the blank pipeline from word shapes and
uses the dependency parse and entities when the pipeline has them.
"""
from __future__ import annotations

from dataclasses import dataclass

from troopclaims.attribution.certainty import Certainty
from troopclaims.attribution.clauses import own_clause
from troopclaims.attribution.cues import Event, lowered, parsed_grounds, particle_after, reason_said, saying_noun
from troopclaims.attribution.order import OPENERS, WordOrder
from troopclaims.attribution.quoted import QuoteSpeakers
from troopclaims.attribution.sources import Sources
from troopclaims.attribution.speakers import Speaker
from troopclaims.attribution.speech import DocumentReader
from troopclaims.records import Claim
from troopclaims.spans import token_at

_CHAIN = ("ccomp", "xcomp", "parataxis")     # how a report nests in another: "X says aides told him that ..."
_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"))


@dataclass(frozen=True)
class Attribution:
    """Who asserts one claim and how; speaker_start/speaker_end locate the mention that names the speaker."""

    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None              # the cue as written, lower case: "warned", "according to"
    cue_lemma: str | None = None        # its entry in rules/attribution.yaml: "warn", "according to"
    via: str | None = None
    evidence: str | None = None
    status: str | None = None
    hedges: tuple[str, ...] = ()
    negated: bool = False


def attribute(doc, claims: list[Claim], rules) -> list[Claim]:
    """Return the claims (same order) with speaker, cue, via, evidence, status, hedges, negated filled in."""
    found = attributions(doc, claims, rules)
    return [claim.with_fields(speaker=a.speaker, cue=a.cue, via=a.via, evidence=a.evidence, status=a.status,
                              hedges=a.hedges, negated=a.negated) for claim, a in zip(claims, found)]


def attributions(doc, claims: list[Claim], rules) -> list[Attribution]:
    """Return one Attribution per claim (same order), with the character span of the speaker's mention."""
    if not claims:
        return []
    reader = _Reader(doc, rules.lexicon("attribution"), rules.lexicon("hedges"),
                     rules.lexicon("speakers"))
    return [reader.attribution(claim.start, claim.end) for claim in claims]


_REPORTED = ("ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "acomp", "parataxis", "nsubj", "pcomp", "dative",
             "conj")
_TIMES = frozenset(("DATE", "TIME"))
# Prepositions the parser hangs on the verb that belong to its object ("shows Vale ahead by 3 points"); "on two
# occasions", "in a statement" after the object stay the frame.
_OBJECT_PREPOSITIONS = frozenset(("by", "from"))


def _reports(child) -> bool:
    """Return True when a verb's child on the way to a claim carries what the verb reports (not its frame)."""
    if _addressee(child):
        return False
    if child.dep_ == "prep":
        return child.lower_ in ("of", "about", "over", "with") or _after_report(child)
    if child.dep_ == "advcl":
        return _after_report(child)
    return child.dep_ in _REPORTED


def _contact_clause(child) -> bool:
    """Return True for a relative clause without a relative word ("the $18 million he says he raised"): what its
    speaker says is part of an outer report that holds the noun ("He said he plans to spend the $18 million he
    says he raised": the outer one speaks)."""
    return child.dep_ == "relcl" and not any(c.lower_ in ("who", "whom", "whose", "which", "that") or c.tag_ in
                                             ("WDT", "WP", "WP$", "WRB") for c in child.children)


def _addressee(child) -> bool:
    """Return True for the object of a verb that reports a clause or an "of"/"about" phrase after it: whom the
    speaker tells ("told one regulator that ...", "warned Kyiv that") or accuses ("accused Ardia of ..."),
    not what they say."""
    if child.dep_ not in ("dobj", "obj", "dative"):
        return False
    return any(other.i > child.i and (other.dep_ == "ccomp" or other.dep_ == "prep" and other.lower_ in ("of", "about"))
               for other in child.head.children)


def _after_report(child) -> bool:
    """Return True for a phrase or clause the parser hung on the verb after what it reports: "said that the claim
    smacked of hypocrisy, because ...", "shows Vale ahead by 3 points", "cited endorsements from 88 generals".
    A time phrase there ("said that ... on Tuesday") stays the frame of the saying."""
    verb = child.head
    if not any(other.dep_ in ("ccomp", "dobj", "obj", "xcomp") and verb.i < other.i < child.i
               for other in verb.children):
        return False
    if child.dep_ == "prep":
        objects = [t for t in child.children if t.dep_ == "pobj"]
        return child.lower_ in _OBJECT_PREPOSITIONS and not any(
            t.ent_type_ in _TIMES for obj in objects for t in obj.subtree)
    return True



_FRAMED = Event(-1, -1, "", "", "", "")    # the claim sits in a verb's frame, not in what it reports
_WRITER = Event(-2, -2, "", "", "", "")    # the claim is in what the writer's own "I" hopes or thinks


class _Reader(WordOrder, QuoteSpeakers, Sources, Certainty, DocumentReader):
    """Answers, claim by claim, which of the document's reports carries it."""

    def attribution(self, start: int, end: int) -> Attribution:
        """Return the attribution of the claim at text[start:end]."""
        first = token_at(self.doc, start)
        if first is None:
            return Attribution()
        last = token_at(self.doc, max(start, end - 1))
        span = (first.i, last.i + 1)
        sent = self.segment(first.i)
        quote = self.quote_of(start, end)
        turn = self.turn(start)
        if turn is not None and quote is not None and quote.start <= self.doc[turn.mention[0]].idx:
            quote = None                # the quotation holds a whole transcript: its turns name the speakers
        event = self._quote_event(quote) if quote is not None else None
        if event is None:       # a transcript turn is the outermost report of what is said in it
            event = turn or self._published(self._governing(span, sent)) or self._headline(start, end)
        if quote is None and turn is None:
            event = self._citing(span, sent, event) or event
        via = None
        if event is not None and event.inner is not None:
            event, via = event.inner, event.speaker.name if event.speaker else None
        via = self._relay(event, sent, quote) or via
        evidence = self._evidence(span, sent, event, quote)
        speaker = event.speaker if event is not None else None
        mention = event.mention if event is not None else None
        cited = self._cited(event)
        sourced = None if cited is not None else self._sourced(event, quote is None)
        if cited is not None or sourced is not None:    # "X reported, citing Y": Y speaks, X passes it on
            via = speaker.name if speaker is not None else via
            speaker, mention = (cited or sourced).speaker, (cited or sourced).mention
            event = sourced or event
        documentary = event is not None and event.documentary
        frame = self._frame(span, sent, None if documentary else speaker)
        if frame is not None:
            speaker, via, evidence = Speaker(frame.origin, "group"), frame.relayer, frame.evidence
        hedges, hedge_statuses = self._hedges(span, sent, event, quote)
        negated, cue_negated = self._negation(span, sent, event)
        status = self._status(event, hedge_statuses, cue_negated, speaker)
        if via is not None and speaker is not None and via == speaker.name:
            via = None
        return Attribution(
            speaker=speaker.name if speaker else None,
            speaker_start=self.doc[mention[0]].idx if mention else None,
            speaker_end=self.doc[mention[1] - 1].idx + len(self.doc[mention[1] - 1]) if mention else None,
            cue=event.cue if event is not None else None, cue_lemma=event.lemma if event is not None else None,
            via=via, evidence=evidence, status=status, hedges=hedges, negated=negated)

    def _governing(self, span: tuple[int, int], sent) -> Event | None:
        """Return the cue in the claim's sentence that reports it (outermost unless a relay), else None."""
        candidates = [e for e in self.events_in(sent.start, sent.end) if e.kind in ("verb", "noun")
                      and not self.in_quote[e.start] and (e.speaker is not None or e.passive)
                      and not (e.start < span[1] and span[0] < e.end)
                      and not (e.mention and e.mention[0] <= span[0] < e.mention[1])
                      and not self._past_inverted(e, span)]
        owned = next((e for e in candidates if e.kind == "noun" and e.end == span[0]), None)
        if owned is not None:
            return owned                    # "the alliance's recommended 2 percent"
        chosen = None
        if self.finder.parsed:
            chosen = self._governing_by_parse(span, candidates, sent)
        if chosen is _WRITER:
            return None
        if chosen is _FRAMED:
            chosen = self._trailing(span, candidates)
        elif chosen is None:
            chosen = self._governing_by_order(span, candidates) or self._relative(span, candidates, sent)
        if chosen is None:
            events = self.events_in(sent.start, sent.end)
            spoken = any(e.kind == "verb" for e in events)      # "The union, citing safety, called off": no one
            phrases = [e for e in events if e.kind == "phrase" and (spoken or e.role != "cited")
                       and (e.speaker is not None or e.evidence) and not self.in_quote[e.start]]
            if phrases:
                chosen = min(phrases, key=lambda e: abs(e.start - span[0]))
        return chosen or self._in_document(span, sent) or self._revised(span, sent) or self._after_colon(sent)

    def _past_inverted(self, event: Event, span) -> bool:
        """Return True when the claim lies past the speaker set after its verb ('“...,” said the mayor, who toured
        the site on Monday', "said Vale, the mayor since 2019"): it describes the speaker or the act of saying,
        not what is said, unless a colon or "that" opens a report there (a quotation has its own reading)."""
        if not event.mention or event.mention[0] < event.end or span[0] < event.mention[1]:
            return False
        return not any(t.text == ":" or t.lower_ == "that" and t.i == event.mention[1]
                       for t in self.doc[event.mention[1]:span[0]])

    def _after_colon(self, sent) -> Event | None:
        """Return the cue of the sentence before, in the same paragraph, when that sentence ends with a colon
        right after what its cue says ("Vale never tires of telling the story of the flood: In March 2019, ..."):
        the sentence the colon opens is what is told."""
        if sent.start == 0 or self.sentence_index(sent.start) == 0:
            return None
        previous = self.segment(sent.start - 1)
        last = next((t for t in reversed(previous) if not t.is_space), None)
        if last is None or last.text != ":" or self.in_quote[last.i] \
                or self.paragraph_index(last.idx) != self.paragraph_index(sent.start_char):
            return None
        events = [e for e in self.events_in(previous.start, last.i) if e.kind in ("verb", "noun")
                  and e.speaker is not None and not self.in_quote[e.start]]
        if not events or any(t.text in ";.?!" or t.lower_ in self.cues.clause_breaks
                             for t in self.doc[events[-1].end:last.i]):
            return None
        return events[-1]

    def _revised(self, span, sent) -> Event | None:
        """"The ministry raised its estimate of the dead to 3,000", "it cut its growth forecast by 0.1 points to
        1.8 percent": a figure the verb moves an owned estimate to or by is the owner's (with the parse)."""
        if not self.finder.parsed:
            return None
        node = self.doc[span[1] - 1]
        while span[0] <= node.head.i < span[1] and node.head.i != node.i:
            node = node.head
        verb = node.head.head
        if verb.dep_ == "prt":
            verb = verb.head                        # "revised the toll down to 300"
        if node.dep_ != "pobj" or node.head.lower_ not in ("to", "by", "from") or verb.pos_ != "VERB":
            return None
        for noun in verb.children:
            if noun.dep_ not in ("dobj", "obj") or noun.lower_ not in self.cues.estimates:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            subjects = self.finder.subject_of(verb)[0]
            if owner is None and subjects and self._speaks(subjects[0]):
                mention = subjects[0]               # "the ministry raised the death toll to 300"
                speaker = self._resolve(mention, sent)
            elif owner is None:
                return None                         # "the quake raised the toll to 300": a cause, no speaker
            elif lowered(owner) in self.cues.possessives and subjects:
                mention = subjects[0]               # "the ministry raised its estimate": the subject owns it
                speaker = self._resolve(mention, sent)
            elif lowered(owner) in self.cues.possessives:
                mention = (owner.i, owner.i + 1)
                speaker = self._antecedent(self.cues.possessives[lowered(owner)], owner.idx, sent)
            else:
                mention = (owner.left_edge.i, owner.i + 1)
                speaker = self._resolve(mention, sent)
            if speaker is None:
                return None
            rule = (self.cues.nouns or {}).get(noun.lower_)
            return Event(noun.i, noun.i + 1, noun.lower_, rule.lemma if rule else noun.lower_,
                         rule.status if rule else "reported", "noun", speaker=speaker, mention=mention)
        return None

    def _speaks(self, span: tuple[int, int]) -> bool:
        """Return True when a subject is one who can hold a figure: a speaker noun ("the ministry"), a person,
        organisation or country the model names, or a known speaker; not a cause ("the quake")."""
        head = self.doc[span[1] - 1]
        return (lowered(head) in self.cues.speaker_nouns or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                or self.book.lookup(self._span_text(span)).name in self.book.kinds)

    def _relative(self, span, candidates, sent) -> Event | None:
        """Return the cue of a relative clause without "that" right after the claim's noun, whose own subject
        speaks: "the $40 million analysts say it costs", "the 33 percent rate he has proposed"."""
        start = span[0]
        while start > sent.start and self.doc[start - 1].is_alpha and self.doc[start - 1].is_lower and \
                self.doc[start - 1].lower_ not in _DETERMINERS:
            start -= 1                         # "the minimum $20 million", "the roughly $18 million"
        if start <= sent.start or self.doc[start - 1].lower_ not in _DETERMINERS:
            return None                        # "In 2019 officials said": no noun phrase holds the claim
        for event in candidates:
            if event.kind != "verb" or event.mention is None or event.mention[0] < span[1]:
                continue
            between = self.doc[span[1]:event.mention[0]]
            if len(between) > 2 or any(not (t.is_alpha and t.is_lower) or t.lower_ in _DETERMINERS
                                       or t.lower_ in self.cues.all_verbs for t in between):
                return None
            if event.mention[1] > event.start or not all(self.finder.skippable(t)
                                                        for t in self.doc[event.mention[1]:event.start]):
                return None
            following = self.doc[event.end].lower_ if event.end < sent.end else "."
            return event if following not in OPENERS and following != "," else None
        return None

    def _in_document(self, span, sent) -> Event | None:
        """"In the latest Ledger poll, Vale leads by 6 points": a sentence opening "In" + a document + comma;
        "Under Vale's plan, drivers would pay 4 dollars": "In" or "Under" + an owned noun of saying + comma."""
        first = sent.start
        while first < sent.end and (self.doc[first].is_space or self.doc[first].text in "“\""):
            first += 1
        if first >= sent.end or self.doc[first].lower_ not in ("in", "under"):
            return None
        for i in range(first + 1, min(first + 10, span[0])):
            token = self.doc[i]
            if token.is_punct and token.text not in ("/", "-", "&", "'s", "’s"):
                break                      # "In the Post/ABC News poll," goes on
            if token.lower_ in self.cues.nouns and i + 1 < sent.end and self.doc[i + 1].text == ",":
                owned = self._noun_event(i, self.cues.nouns[token.lower_], anywhere=True)
                if owned is not None:
                    return owned
            if self.doc[first].lower_ != "in":
                continue
            if token.lower_ in self.cues.documents and i + 1 < sent.end and self.doc[i + 1].text == ",":
                start = first + 1
                while start < i and self.doc[start].lower_ in ("the", "a", "an", "this", "that", "its", "their"):
                    start += 1
                mention = (start, i + 1)
                name = self.doc[start:i + 1].text
                return Event(first, first + 1, "in", "in", "reported", "phrase", role="source",
                             speaker=self.book.lookup(name), mention=mention, documentary=True)
        return None

    def _governing_by_parse(self, span, candidates, sent) -> Event | None:
        by_token = {e.start: e for e in candidates}
        root = self.doc[span[0]]
        for i in range(*span):
            if not (span[0] <= self.doc[i].head.i < span[1]):
                root = self.doc[i]
                break
        inner = None
        framed = False
        node, child = root, None
        writer = self._writer_cues(sent)
        for _ in range(40):
            if not (sent.start <= node.i < sent.end):
                break
            if inner is None and node.i in writer and not framed:
                return _WRITER                 # "I hope in 2030 the county says ...": the outlet's own voice
            if node.i in by_token and (child is None or child.dep_ not in ("nsubj", "nsubjpass", "csubj")
                                       or self._misparsed_subject(by_token[node.i], child)):
                if inner is None:
                    reports = self._carries_report(by_token[node.i], child, span)
                    if not framed and reports or framed and child.dep_ in _CHAIN:
                        inner = by_token[node.i]
                        framed = False
                    else:
                        framed = True          # "said on Tuesday", "..., opening the door to ...": the frame
                elif (child is not None and (child.dep_ in _CHAIN or self._particle(by_token[node.i], child)
                                             or self._in_grounds(by_token[node.i], child))
                      and not inner.passive and not self._said_reason(by_token[node.i], inner)
                      and not self._clause_break(node.i + 1, (inner.mention or (inner.start,))[0])
                      and not any(t.text == ";" for t in self.doc[inner.end:node.i])):   # "X estimates ...; Y puts"
                    inner = self._outer(by_token[node.i], inner)
                else:
                    break
            elif inner is not None and (child is not None and child.dep_ in ("conj", "advcl", "relcl", "acl")
                                        and not self._content_clause(node, child) and not _contact_clause(child)):
                break
            if node.head.i == node.i:
                break
            node, child = node.head, node
        if framed:
            return _FRAMED
        if inner is None:
            for event in candidates:
                token = self.doc[event.start]
                if token.dep_ == "parataxis" and token.i >= span[1]:
                    ancestors = {a.i for a in root.ancestors} | {root.i}
                    if token.head.i in ancestors:
                        return event
        return inner

    def _writer_cues(self, sent) -> set[int]:
        """Return the tokens of verb cues whose subject is the writer's own "I" or "we", outside quotations."""
        return {e.start for e in self.events_in(sent.start, sent.end)
                if e.kind == "verb" and e.speaker is None and not self.in_quote[e.start]
                and any(child.dep_ == "nsubj" and child.lower_ in self.cues.writer_pronouns
                        for child in self.doc[e.start].children)}

    def _misparsed_subject(self, event: Event, child) -> bool:
        """Return True when the parse makes the claim's phrase the subject of a sentence-final attribution that
        names its own speaker after it, which the parse also makes its subject: 'The four “loopholes” she listed are
        “...,” the Ledger reported.' (not "Lon Dahl, a retired Victoria reporter, said": one subject)"""
        mention = event.mention
        return (mention is not None and child.i < mention[0] and mention[1] <= event.start
                and self.doc[mention[0] - 1].text in (",", "”", '"')
                and any(other.dep_ in ("nsubj", "nsubjpass") and other.i != child.i and mention[0] <= other.i
                        < mention[1] for other in self.doc[event.start].children))    # the verb's own subject

    def _published(self, event: Event | None) -> Event | None:
        """Return the verb that puts out the document whose own verb reports the claim ("the ministry released
        figures showing 3,000 dead", "the Ledger published portions of her returns that showed ..."): its subject
        speaks. Else the event as it was."""
        cue = self._verb_rule(event) if event is not None and self.finder.parsed else None
        token = self.doc[event.start] if cue is not None else None
        if token is None or not cue.document or token.dep_ not in ("relcl", "acl"):
            return event
        noun = token.head
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head                   # "portions of her returns"
        verb = noun.head
        if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in self.cues.publishers:
            return event
        spans = self.finder.subject_of(verb)[0]
        speaker = self._resolve(spans[0], self.segment(verb.i)) if spans else None
        if speaker is None:
            return event
        return Event(verb.i, verb.i + 1, lowered(verb), verb.lemma_.lower(), "reported", "verb", speaker=speaker,
                     mention=spans[0])

    def _verb_rule(self, event: Event):
        """Return the rules entry of a verb cue (a VerbCue), None for nouns and phrases."""
        return self.cues.all_verbs.get(event.cue) if event.kind == "verb" else None

    def _carries_report(self, event: Event, child, span: tuple[int, int]) -> bool:
        """Return True when the cue's child on the way to the claim (None: the claim is the cue's own word) holds
        what the cue reports: its clause or object (not the plain object of an `object: false` verb), the particle
        it needs ("called for"), a noun's clause or phrase, or, for a verb set between commas, what lies outside
        them."""
        if child is None:
            return True
        if any(c.dep_ in ("dobj", "obj") and c.lower_ == "nothing" for c in self.doc[event.start].children):
            return False    # "Officials said nothing about the 300 troops": they said nothing of them
        if child.i < event.start and any(t.text == "," for t in self.doc[child.right_edge.i:event.start]) and any(
                c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > event.start for c in self.doc[event.start].children):
            return False    # "27 is way too low, the locals say over 50 died": they say what follows, not that
        if self._grounds(event) is not None:     # what lies before the reason is whom or what they praise or blame
            return span[0] > self._grounds(event) and self._in_grounds(event, child)
        return (_reports(child) and not self._plain_object(event, child) and not own_clause(child, span)
                or self._particle(event, child) or self._valued_at(event, child)
                or event.kind == "noun" and child.dep_ in ("acl", "prep", "relcl")
                or event.aside is not None and not event.aside[0] <= child.i < event.aside[1])

    def _valued_at(self, event: Event, child) -> bool:
        """Return True for the figure a verb of belief sets its object at ("Police estimated the crowd at 5,000",
        "assessed the damage at $3 million"); not a time ("at 3 p.m.")."""
        cue = self._verb_rule(event)
        if cue is None or not cue.belief or child.dep_ != "prep" or child.lower_ != "at" \
                or not any(c.dep_ in ("dobj", "obj") and c.i < child.i for c in child.head.children):
            return False
        words = [t for t in child.subtree if t.i != child.i]
        return any(t.like_num for t in words) and not any(t.ent_type_ in _TIMES for t in words)

    def _in_grounds(self, event: Event, child) -> bool:
        """Return True when the child holds the reason or request of a verb of praise, blame or asking ("encouraging
        her supporters at a rally to ask why ...": the request)."""
        grounds = self._grounds(event)
        return grounds is not None and child.left_edge.i <= grounds <= child.right_edge.i

    def _said_reason(self, outer: Event, inner: Event) -> bool:
        """Return True when the inner cue heads the reason the outer verb of praise or blame gives ("blasted the
        agency for saying ..."): the one blamed says it, and who blames does not."""
        cue = self._verb_rule(outer)
        return cue is not None and inner.kind == "verb" and reason_said(
            self.doc[outer.start], cue, self.doc[inner.start], self.cues, self.finder.parsed) is not None

    def _grounds(self, event: Event) -> int | None:
        """Return the word opening the reason a verb of praise or blame gives ("blamed the mayor for the 40
        deaths"), by the parse: that reason is what the speaker says, and whom or what they praise or blame is not."""
        cue = self._verb_rule(event)
        return parsed_grounds(self.doc[event.start], cue, self.cues) if cue is not None else None

    def _plain_object(self, event: Event, child) -> bool:
        """Return True for the object of a verb whose plain object is no report ("Okafor had claimed a loss of $916
        million": the loss is a tax term, not something claimed to be true), and the object of a participle that
        describes a sentence's subject ("taxpayers reporting gains held for two years would pay ...": who they are,
        not what they say)."""
        if child.dep_ not in ("dobj", "obj"):
            return False
        cue, token = self._verb_rule(event), self.doc[event.start]
        return (cue is not None and not cue.object
                or token.tag_ == "VBG" and (token.dep_ == "csubj"
                                            or token.dep_ == "acl" and token.head.dep_ in ("nsubj", "nsubjpass")))

    def _content_clause(self, node, child) -> bool:
        """Return True for the "that" clause of a noun of saying: "pointed to reports that Okafor called ..."."""
        return (child.dep_ == "acl" and saying_noun(node.lower_, self.cues)
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children))

    def _particle(self, event: Event, child) -> bool:
        """Return True when the child is the particle a verb needs to report ("called for cutting 200 jobs")."""
        cue = self._verb_rule(event)
        return cue is not None and child.lower_ in cue.particles and child.i == particle_after(
            self.doc[event.start], cue, self.cues)

    def _subordinate(self, event: Event, span) -> bool:
        """Return True when the parse puts a verb cue in a clause of its own, before the verb it hangs on, that does
        not hold the claim: "When the survey asked about ..., Vale led with 42 percent", "taxpayers reporting gains
        would pay 39.6 percent"; or in a relative clause on a subject whose main verb comes before the claim ("The
        veteran, who learned that ..., was patrolling in Hawaiian Gardens"). (A clause after its verb may be a misparse of the report: "Trump alluded to it when
        he said that ... and that the White House was looking at five sites".)"""
        token = self.doc[event.start]
        if not self.finder.parsed or event.kind != "verb":
            return False
        relative = next((a for a in (token, *token.ancestors) if a.dep_ == "relcl"), None)
        if relative is not None and relative.head.dep_ in ("nsubj", "nsubjpass") and \
                relative.right_edge.i < span[0] and relative.head.head.i < span[0]:
            return True     # "The veteran, who learned that ..., was patrolling in Hawaiian Gardens": an aside
        if relative is not None and relative.right_edge.i < span[0] and self._beside(relative, span):
            return True     # "voters who talk in plain terms, who saw a rival win two terms": past a comma
        if token.dep_ not in ("advcl", "csubj"):
            return False
        return token.i < token.head.i and not (token.left_edge.i <= span[0] and span[1] - 1 <= token.right_edge.i)

    def _beside(self, relative, span) -> bool:
        """Return True when the claim, past the relative clause and a comma, lies in another relative clause of the
        noun it describes (by the parse, or opened by ", who" / ", which" between them), or in a clause joined to it
        by "and": what one clause says of a noun is not what the next one says."""
        between = self.doc[relative.right_edge.i:span[0]]
        if not any(t.text in (",", ";", "--") for t in between):
            return False
        if any(t.lower_ in ("who", "which") and t.i > 0 and self.doc[t.i - 1].text == "," for t in between):
            return True
        return any(a.i != relative.i and (a.head.i == relative.head.i and a.dep_ in ("relcl", "acl")
                                          or a.head.i == relative.i and a.dep_ == "conj")
                   for a in self.doc[span[0]].ancestors)
