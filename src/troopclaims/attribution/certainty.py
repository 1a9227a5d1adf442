"""How sure a claim is: the hedges around it, negation, and the status they and its cue give."""
from __future__ import annotations

from troopclaims.attribution.cues import Event, lowered, matches
from troopclaims.attribution.quotes import Quote
from troopclaims.attribution.speakers import Speaker


class Certainty:
    """Reads hedges, negation and status around a claim."""

    def _hedges(self, span, sent, event: Event | None, quote: Quote | None) -> tuple[tuple[str, ...], list[str]]:
        """Return (hedge words in text order, their statuses) around the claim."""
        regions = [(sent.start_char, sent.end_char)]
        if event is not None:
            where = self.segment(event.start)
            if where != sent:
                regions.append((where.start_char, where.end_char))
        clause = self._clause(span, sent)
        cue_chars = (self.doc[event.start].idx, self.doc[event.end - 1].idx + len(self.doc[event.end - 1])) \
            if event is not None else (-1, -1)
        found, statuses = [], []
        for region in regions:
            for start, end, text in matches(self.hedge_rules.pattern, self.text, *region):
                rule = self.hedge_rules.hedges.get(text)
                if rule is None or (start < cue_chars[1] and cue_chars[0] < end):
                    continue
                if rule.scope == "clause" and not (clause[0] <= start < clause[1]) and region == regions[0]:
                    continue
                if text == "may" and self.text[start].isupper() and start > sent.start_char:
                    continue               # the month
                if text not in found:
                    found.append(text)
                if rule.status:
                    statuses.append(rule.status)
        return tuple(found), statuses

    def _clause(self, span, sent) -> tuple[int, int]:
        """Return the character span of the clause around the claim, between commas, semicolons and quote marks."""
        marks = {",", ";", ":", "—", "–", "“", "”", '"', "(", ")"}
        i = span[0]
        while i > sent.start and self.doc[i - 1].text not in marks and self.doc[i - 1].lower_ != "that":
            i -= 1
        j = span[1]
        while j < sent.end and self.doc[j].text not in marks:
            j += 1
        end_token = self.doc[j - 1]
        return self.doc[i].idx, end_token.idx + len(end_token)

    def _negation(self, span, sent, event: Event | None) -> tuple[bool, bool]:
        """Return (negated, cue negated): a negation in the claim's clause or just before its cue."""
        excluded = set()
        for start, end, _ in matches(self.hedge_rules.not_negation, self.text, sent.start_char, sent.end_char):
            excluded.update(range(start, end))
        negation = self.hedge_rules.negation

        def negative(token) -> bool:
            return lowered(token) in negation and token.idx not in excluded

        cue_negated = False
        if event is not None and event.kind == "verb":
            for i in range(max(event.start - 3, sent.start), event.start):
                cue_negated = cue_negated or negative(self.doc[i])
        start, end = self._clause(span, sent)
        clause_negated = any(negative(t) for t in self.doc.char_span(start, end, alignment_mode="expand") or ()
                             if not (span[0] <= t.i < span[1]))
        return cue_negated or clause_negated, cue_negated

    def _status(self, event: Event | None, hedge_statuses: list[str], cue_negated: bool,
                speaker: Speaker | None) -> str | None:
        """Return the claim's status: the first in status_order among its cue's and its hedges' statuses."""
        statuses = list(hedge_statuses)
        if event is not None:
            status = event.status
            if cue_negated and status == "confirmed":
                status = "unverified"
            statuses.append(status)
        for status in self.hedge_rules.status_order:
            if status in statuses:
                return status
        return self.hedge_rules.default_status if speaker is not None else None
