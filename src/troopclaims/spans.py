"""Small helpers that turn character offsets in a spaCy Doc into claims with their sentence."""
from __future__ import annotations

import re
from bisect import bisect_right

from troopclaims.records import Article, Claim


def annotated(doc, attribute: str) -> bool:
    """Return doc.has_annotation(attribute), looked up once per Doc (spaCy scans every token on each call)."""
    cache = doc.user_data.setdefault("troopclaims_annotated", {})
    if attribute not in cache:
        cache[attribute] = doc.has_annotation(attribute)
    return cache[attribute]


LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")     # \u2029 (paragraph) counts twice below


def has_line_break(text: str) -> bool:
    """Return whether text holds a line break of any convention (\\n, \\r\\n, \\r, U+2028 ...)."""
    return LINE_BREAK.search(text) is not None


def hard_wrap(before: str, after: str) -> bool:
    """Return whether the line break between before (ending at it) and after is a hard wrap inside a sentence:
    a single line break followed by a word in lower case or a figure, or after a comma. Every other line break
    ends a sentence and a paragraph (web text has headlines and captions with no full stop)."""
    gap = before[len(before.rstrip()):] + after[:len(after) - len(after.lstrip())]
    breaks = len(LINE_BREAK.findall(gap)) + gap.count("\u2029")
    following = after.lstrip()[:1]
    return breaks == 1 and (following.islower() or following.isdigit() or before.rstrip()[-1:] == ",")


def sentence_at(doc, char: int):
    """Return the sentence Span of doc that holds the character offset (None for an empty doc)."""
    token = token_at(doc, char)
    return token.sent if token is not None else None


def remember_text(doc, text: str) -> None:
    """Keep the text a Doc was made from as its doc_text: spaCy's tokenizer keeps every character, so it is
    doc.text, and no step need join it again."""
    doc.user_data["troopclaims_text"] = text


def doc_text(doc) -> str:
    """Return doc.text, joined once per Doc (spaCy joins every token's text again on each call)."""
    text = doc.user_data.get("troopclaims_text")
    if text is None:
        text = doc.user_data["troopclaims_text"] = doc.text
    return text


def token_at(doc, char: int):
    """Return the token that holds (or first follows) the character offset."""
    if not len(doc):
        return None
    starts = doc.user_data.get("troopclaims_token_starts")
    if starts is None or len(starts) != len(doc):     # computed once per Doc: claims ask many times
        starts = doc.user_data["troopclaims_token_starts"] = [token.idx for token in doc]
    i = bisect_right(starts, char) - 1
    if i < 0:
        return doc[0]
    token = doc[i]
    if token.idx + len(token.text) > char or i + 1 == len(doc):
        return token
    return doc[i + 1]


def new_claim(article: Article, doc, start: int, end: int, kind: str, **fields) -> Claim:
    """Return a claim for article.text[start:end] with its source, publication date and sentence filled in."""
    sentence = sentence_at(doc, start)
    return Claim(
        source=article.id,
        published=article.published,
        kind=kind,
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=" ".join(sentence.text.split()) if sentence is not None else "",
        **fields,
    )


def merged_runs(intervals) -> list[tuple]:
    """Return the intervals (low, high) sorted and merged where they overlap or touch: each run of them as one."""
    runs: list[tuple] = []
    for low, high in sorted(intervals):
        if runs and low <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], high))
        else:
            runs.append((low, high))
    return runs
