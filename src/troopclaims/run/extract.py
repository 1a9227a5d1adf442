"""The extract job: articles in, claims out, each claim with its unit, event, place and speaker (run.claims gives
those of one parsed article)."""
from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from troopclaims.reading.articles import ReadReport, read_articles, read_claims, read_lines, sniff_jsonl
from troopclaims.pipeline import BLANK, BLANK_LOSSES, choose_model
from troopclaims.records import Article, Claim, SPAN_KINDS
from troopclaims.run.preparation import prepare, prepared
from troopclaims.run.runner import RunOptions, run_extract

DEFAULT_KINDS = ("quantity", "date", *SPAN_KINDS)    # ages and durations too: right often enough (README)
ALL_KINDS = ("quantity", "date", "place", *SPAN_KINDS)


def extract(articles: Iterable[Article], nlp, rules, kinds: Iterable[str] = DEFAULT_KINDS,
            warn: Callable[[str], None] = lambda message: None, report: ReadReport | None = None) -> Iterator[Claim]:
    """Yield the claims of every article with a loaded pipeline, in this process, article by article."""
    from troopclaims.run.runner import CHUNK, Extractor

    report = report if report is not None else ReadReport()
    extractor = Extractor(rules, nlp=nlp)
    articles = (prepared(article, prepare(article, rules), warn, report) for article in articles)
    while chunk := list(itertools.islice(articles, CHUNK)):
        for article, outcome in zip(chunk, extractor.batch(chunk, tuple(kinds))):
            if outcome.skipped:
                report.skip(article.where, outcome.skipped, warn)
                report.read -= 1      # counted when it was read
            yield from outcome.claims


def claims_from_inputs(paths: Iterable[str], rules, model: str | None = None, kinds: Iterable[str] = DEFAULT_KINDS,
                       published: str | None = None, warn: Callable[[str], None] = lambda message: None,
                       report: ReadReport | None = None, stdin: TextIO | None = None,
                       accept_claims: bool = False, run: RunOptions | None = None) -> Iterator[Claim]:
    """Yield the claims of the inputs: extracted from articles, or read as they are from claims JSON Lines.

    The spaCy pipeline is loaded only when there is an article to extract (run says where: in process, on workers,
    on a Dask cluster, and whether the cache is used). With accept_claims, a .jsonl file or stdin whose records
    are claims (as extract prints them) is read as claims; otherwise JSON Lines are articles.
    """
    report = report if report is not None else ReadReport()
    article_paths: list[str] = []
    for path in paths:
        if accept_claims and (path == "-" or path.endswith(".jsonl") and Path(path).is_file()):
            lines = (stdin.readlines() if stdin is not None else []) if path == "-" else \
                read_lines(Path(path), warn, report)
            if lines is None:
                continue                      # unreadable: read_lines said so
            if not any(line.strip() for line in lines):
                report.empty += 1
                warn(f"{'stdin' if path == '-' else path} is empty: nothing to compare")
                continue
            if sniff_jsonl(lines) == "claims":
                yield from read_claims(lines, "<stdin>" if path == "-" else path, warn, report)
                continue
            if path == "-":
                stdin = io.StringIO("".join(lines))
        article_paths.append(path)
    if not article_paths:
        return
    cache = run.cache if run is not None else None
    articles = read_articles(article_paths, warn, report, published=published, stdin=stdin,
                             **({"pages": cache.read_page} if cache is not None else {}))
    first = next(articles, None)
    if first is None:
        return
    name = choose_model(model)
    if name == BLANK:
        warn(BLANK_LOSSES)
    yield from run_extract(itertools.chain([first], articles), rules, name, tuple(kinds), run, warn, report)
