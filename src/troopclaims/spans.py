"""Small helpers that turn character offsets in a spaCy Doc into claims with their sentence."""
from __future__ import annotations

from troopclaims.records import Article, Claim


def sentence_at(doc, char: int):
    """Return the sentence Span of doc that holds the character offset (None for an empty doc)."""
    token = token_at(doc, char)
    return token.sent if token is not None else None


def token_at(doc, char: int):
    """Return the token that holds (or first follows) the character offset."""
    for token in doc:
        if token.idx + len(token.text) > char:
            return token
    return doc[-1] if len(doc) else None


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
