"""The layout of one Doc: its quotations, sentences (cut again at line breaks and after a closing quotation) and
paragraphs, read in one pass over the tokens.
"""
from __future__ import annotations

from bisect import bisect_right

from troopclaims.attribution.quotes import Quote, paragraphs, quotations
from troopclaims.spans import doc_text, hard_wrap, has_line_break


class TextLayout:
    """Where the quotations, sentences and paragraphs of a Doc are; the base of DocumentReader."""

    def _read_layout(self, doc) -> None:
        self.quotes: list[Quote] = list(quotations(doc_text(doc)))
        self._quote_starts = [q.start for q in self.quotes]
        self.in_quote: list[bool] = []
        self._sentence_starts = self._segment_starts(doc)
        self._paragraph_starts = [start for start, _ in paragraphs(doc_text(doc))]

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

    def sentence_index(self, token_i: int) -> int:
        return bisect_right(self._sentence_starts, token_i) - 1

    def paragraph_index(self, char: int) -> int:
        return bisect_right(self._paragraph_starts, char) - 1

    def segment(self, token_i: int):
        """Return the sentence holding a token, cut at line breaks and after a quotation that ends a sentence."""
        k = self.sentence_index(token_i)
        end = self._sentence_starts[k + 1] if k + 1 < len(self._sentence_starts) else len(self.doc)
        return self.doc[self._sentence_starts[k]:end]

    def _segment_starts(self, doc) -> list[int]:
        """Return the first token of every sentence, filling `in_quote` on the way (one pass over the tokens).

        The parser's sentences sometimes run across paragraphs or past '..."' into the next sentence, so a
        sentence also starts after a line break (not a hard wrap) and after a closing quote that ends one.
        """
        starts = {0}
        closing = False                     # the previous token is a quote mark closing a sentence
        # No quotation holds a token that starts at or before the first one opens or once the last has closed.
        first, last = (self.quotes[0].start, max(q.end for q in self.quotes)) if self.quotes else (0, 0)
        for token in doc:
            i = token.i
            self.in_quote.append(first < token.idx < last
                                 and self.quote_of(token.idx, token.idx + len(token.text)) is not None)
            if token.is_sent_start:
                starts.add(i)
            if closing and token.text[:1].isupper() and not self.in_quote[i]:
                starts.add(i)
            closing = False
            if has_line_break(token.text) or has_line_break(token.whitespace_):
                following = doc[i + 1].text if i + 1 < len(doc) else ""
                if not hard_wrap(token.text_with_ws if token.is_space else token.whitespace_, following):
                    starts.update((i, i + 1) if token.is_space else (i + 1,))
            else:
                closing = token.text in "”\"" and i + 1 < len(doc) and doc[i - 1].text in (".", "?", "!")
        return sorted(i for i in starts if 0 <= i < len(doc))
