"""Running the extract job over many articles: in this process, on worker processes or on a Dask cluster, with
the result cache in front, claims always in input order.

Articles go in chunks of CHUNK. A chunk's cached articles are answered from the cache; the others are extracted by
an Extractor, which loads the rules and the spaCy pipeline once per process. The parent process never loads the
pipeline when workers do, and a chunk is the same whoever extracts it, so every way of running prints the same bytes.
"""
from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from troopclaims.reading.articles import ReadReport, masked_text
from troopclaims.reading.triage import Triage
from troopclaims.run.cache import ClaimCache, Settings, model_version, rules_digest
from troopclaims.run.preparation import Preparation, prepare, prepared
from troopclaims.records import Article, Claim

# nlp.pipe's batches, by characters rather than articles: the parser and the entity recogniser hold arrays of
# some kilobytes a token for a whole batch; 8,000 characters (about 4 news articles) cost no more CPU than 8
# articles and hold some 30 MiB less.
BATCH_CHARS = 8000
# A task: at most CHUNK articles and CHUNK_BATCHES of those batches, cut where a batch ends so that no task makes
# a batch smaller than one process would. Tasks of about the same work keep both cores busy to the end: with 16
# articles a task (40 to 70,000 characters of news) one core could wait seconds for the other's last task.
CHUNK = 16
CHUNK_BATCHES = 2
PROGRESS_AFTER = 2.0   # seconds before a progress bar appears


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:           # macOS, Windows
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Outcome:
    """What extracting one article gave: its claims, or why it was skipped."""

    claims: tuple[Claim, ...] = ()
    skipped: str | None = None


class Extractor:
    """Extracts the claims of batches of articles with rules and a pipeline loaded once."""

    def __init__(self, rules, model: str | None = None, nlp=None):
        from troopclaims.pipeline import load_pipeline

        self.rules, self.nlp = rules, nlp if nlp is not None else load_pipeline(model)
        self.triage = None

    def batch(self, articles: list[Article], kinds: tuple[str, ...], parse: list[bool] | None = None) -> list[Outcome]:
        """Return one Outcome per article, in order. parse says which articles the triage lets reach the pipeline
        (the runner's parent knows it from reading them); None asks the triage here."""
        from troopclaims.errors import RulesError
        from troopclaims.run.claims import claims_in
        from troopclaims.spans import remember_text

        if parse is None:
            self.triage = self.triage or Triage(self.rules)
            parse = [self.triage.may_hold_claims(masked_text(article), kinds) for article in articles]
        outcomes: dict[int, Outcome] = {}
        todo = []
        for i, article in enumerate(articles):
            if len(article.text) > self.nlp.max_length:
                outcomes[i] = Outcome(skipped=f"too long ({len(article.text):,} characters; the pipeline takes "
                                              f"{self.nlp.max_length:,}): split it into parts")
            elif not parse[i]:
                outcomes[i] = Outcome()
            else:
                todo.append(i)
        texts = {i: masked_text(articles[i]) for i in todo}
        for doc, i in self._parsed([(texts[i], i) for i in todo]):
            remember_text(doc, texts[i])
            try:
                # The extractors that scan article.text (dates) read the masked text too; it slices the same.
                article = replace(articles[i], text=texts[i]) if texts[i] is not articles[i].text else articles[i]
                outcomes[i] = Outcome(tuple(claims_in(doc, article, self.rules, kinds)))
            except RulesError:
                raise
            except Exception as exc:   # one article that trips a bug must not stop the others
                outcomes[i] = Outcome(skipped=f"could not be read ({exc.__class__.__name__}: {exc}); please report "
                                              "this with the article")
            finally:
                doc.user_data.clear()    # the extractors' caches hold Spans: a cycle that kept Docs alive until a GC
        return [outcomes[i] for i in range(len(articles))]

    def _parsed(self, texts: list[tuple[str, int]]) -> Iterator[tuple[object, int]]:
        """Yield (Doc, index) for (text, index) pairs, in order, in batches of about BATCH_CHARS characters."""
        batch, size = [], 0
        for text, i in texts:
            if batch and size + len(text) > BATCH_CHARS:
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, size = [], 0
            batch.append((text, i))
            size += len(text)
        if batch:
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


# --- worker processes ------------------------------------------------------------------------------------------
_SETUP: tuple | None = None            # in a worker: what its Extractor is made of
_WORKER: Extractor | None = None


def _start_worker(rule_dirs: list[str], model: str) -> None:
    global _SETUP
    _SETUP = (rule_dirs, model)


def _work(articles: list[Article], kinds: tuple[str, ...], parse: list[bool]) -> list[Outcome]:
    # Loaded by the first task rather than the initializer: an error there would make the pool restart the
    # worker for ever, while an error in a task reaches the parent and stops the run with its message.
    from troopclaims.rules import Rules

    global _WORKER
    if _WORKER is None:
        rule_dirs, model = _SETUP
        _WORKER = Extractor(Rules(rule_dirs, include_defaults=False), model)
    return _WORKER.batch(articles, kinds, parse)


class _Pool:
    """Worker processes (spawned: no copy of the parent's threads or state) running chunks, oldest first."""

    def __init__(self, workers: int, rules, model: str):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.pool = context.Pool(workers, _start_worker, ([str(d) for d in rules.dirs], model))
        self.depth = 2 * workers
        self.sigterm = _exit_on_sigterm()

    def submit(self, articles, kinds, parse):
        return self.pool.apply_async(_work, (articles, kinds, parse)).get

    def close(self):
        self.pool.terminate()
        self.pool.join()
        if self.sigterm is not None:
            signal.signal(signal.SIGTERM, self.sigterm)


def _exit_on_sigterm():
    """Make SIGTERM unwind the parent (so that it stops its workers) and return the handler it replaced."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return None
    return signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


class _InProcess:
    def __init__(self, rules, model: str):
        self.extractor, self.depth = Extractor(rules, model), 0

    def submit(self, articles, kinds, parse):
        outcomes = self.extractor.batch(articles, kinds, parse)
        return lambda: outcomes

    def close(self):
        pass


# --- the job ---------------------------------------------------------------------------------------------------
@dataclass
class RunOptions:
    """How to run extract: workers (1 = in process), the cache (None = off), full parse, a Dask scheduler."""

    workers: int = 1
    cache: ClaimCache | None = None
    exhaustive: bool = False
    dask: str | None = None
    progress: bool = False


def run_extract(articles: Iterable[Article], rules, model: str, kinds: tuple[str, ...],
                options: RunOptions | None = None, warn: Callable[[str], None] = lambda message: None,
                report: ReadReport | None = None) -> Iterator[Claim]:
    """Yield the claims of every article in input order, from the cache or extracted as the options say; each
    article's page furniture and dateline are read here (or taken from its cache entry) and said on stderr."""
    options = options or RunOptions()
    report = report if report is not None else ReadReport()
    settings = Settings(rules_digest(rules.dirs), model_version(model), tuple(kinds), options.exhaustive)
    chunks = _chunks(articles, settings, options.cache, None if options.exhaustive else _LazyTriage(rules),
                     _Preparer(rules, warn, report))
    head, count = [], 0              # a job of CHUNK articles or fewer is run in process: no workers to start
    for chunk in chunks:
        head.append(chunk)
        count += len(chunk)
        if count > CHUNK:
            break
    small = count <= CHUNK
    engine, pending, bar = None, deque(), _Bar(options.progress)
    try:
        for chunk in itertools.chain(head, chunks):
            todo = [item for item in chunk if item.hit is None]
            if todo and engine is None:
                engine = _engine(options, rules, model, small)
            result = engine.submit([item.article for item in todo], tuple(kinds), [item.parse for item in todo]) \
                if todo else list
            pending.append((chunk, result))
            while len(pending) > (engine.depth if engine else 0):
                yield from _finish(*pending.popleft(), options.cache, warn, report, bar)
        while pending:
            yield from _finish(*pending.popleft(), options.cache, warn, report, bar)
    finally:
        bar.stop()
        if engine is not None:
            engine.close()


def _engine(options: RunOptions, rules, model: str, small: bool):
    from troopclaims.pipeline import check_installed

    if options.dask:               # the pipeline need only be installed on the cluster's workers
        from troopclaims.run.cluster import DaskEngine

        return DaskEngine(options.dask, rules, model)
    check_installed(model)         # here rather than in each worker, seconds later
    if options.workers > 1 and not small:
        return _Pool(options.workers, rules, model)
    return _InProcess(rules, model)


class _LazyTriage:
    """The triage, built on the first article not in the cache: a warm run never compiles its patterns."""

    def __init__(self, rules):
        self.rules, self.triage = rules, None

    def may_hold_claims(self, text: str, kinds) -> bool:
        if self.triage is None:
            self.triage = Triage(self.rules)
        return self.triage.may_hold_claims(text, kinds)


class _Preparer:
    """Gives an article its page furniture and dateline: read from the text, or as its cache entry stored them."""

    def __init__(self, rules, warn: Callable[[str], None], report: ReadReport):
        self.rules, self.warn, self.report = rules, warn, report

    def __call__(self, article: Article, preparation: Preparation | None = None) -> tuple[Article, Preparation]:
        if preparation is None:
            preparation = prepare(article, self.rules)
        return prepared(article, preparation, self.warn, self.report), preparation


@dataclass
class _Item:
    """One article of a task, with its cache key; its claims when the cache has them, else the furniture and
    dateline to store with them and whether the triage lets it reach the pipeline."""

    article: Article
    key: str | None
    hit: list[Claim] | None = None
    preparation: Preparation = Preparation()
    parse: bool = True


def _item(article: Article, settings: Settings, cache: ClaimCache | None, triage, preparer) -> _Item:
    key = settings.key(article) if cache is not None else None
    entry = cache.get(key, article) if cache is not None else None
    if entry is not None:
        claims, preparation = entry
        return _Item(preparer(article, preparation)[0] if preparer else article, key, claims)
    article, preparation = preparer(article) if preparer else (article, Preparation())
    parse = triage is None or triage.may_hold_claims(masked_text(article), settings.kinds)
    return _Item(article, key, None, preparation, parse)


def _chunks(articles: Iterable[Article], settings: Settings, cache: ClaimCache | None, triage=None,
            preparer: _Preparer | None = None) -> Iterator[list[_Item]]:
    """Yield lists of _Item, a task each: at most CHUNK articles, and at most CHUNK_BATCHES batches as
    Extractor._parsed cuts them from what it parses, the masked text (as long as the article's) of each article
    neither cached nor dropped by the triage (None with --exhaustive). An article too long for the pipeline is
    counted, though skipped: its limit is known only where the pipeline is loaded. preparer reads each article's
    furniture and dateline (None: the articles are taken as they are)."""
    chunk, batches, size = [], 0, 0         # batches begun in this chunk; characters in the last one
    for article in articles:
        item = _item(article, settings, cache, triage, preparer)
        if item.hit is None and item.parse:
            if batches and size + len(article.text) <= BATCH_CHARS:
                size += len(article.text)
            elif batches == CHUNK_BATCHES:
                yield chunk
                chunk, batches, size = [], 1, len(article.text)
            else:
                batches, size = batches + 1, len(article.text)
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk, batches, size = [], 0, 0
    if chunk:
        yield chunk


def _finish(chunk: list[_Item], result, cache, warn, report: ReadReport, bar) -> Iterator[Claim]:
    """Yield a chunk's claims in order, storing what was extracted and reporting what was skipped."""
    outcomes = iter(result())
    for item in chunk:
        if item.hit is not None:
            yield from item.hit
            continue
        outcome = next(outcomes)
        if outcome.skipped:
            report.skip(item.article.where, outcome.skipped, warn)
            report.read -= 1       # counted when it was read
            continue
        if cache is not None:
            cache.put(item.key, list(outcome.claims), item.preparation)
        yield from outcome.claims
    bar.advance(len(chunk))


class _Bar:
    """A progress bar on stderr, shown when asked for, stderr is a terminal and the run has taken a while."""

    def __init__(self, wanted: bool):
        self.on = wanted and sys.stderr.isatty()
        self.started, self.done, self.progress, self.task = time.monotonic(), 0, None, None

    def advance(self, articles: int) -> None:
        self.done += articles
        if not self.on:
            return
        if self.progress is None and time.monotonic() - self.started >= PROGRESS_AFTER:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("extracting"), BarColumn(), TextColumn("{task.fields[done]}"),
                                     TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                                     redirect_stdout=False)
            self.progress.start()
            self.task = self.progress.add_task("extract", total=None, done="")
        if self.progress is not None:
            self.progress.update(self.task, completed=self.done,
                                 done=f"{self.done:,} article{'s' * (self.done != 1)}")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def rule_files(dirs: Iterable[Path]) -> list[tuple[str, dict[str, str]]]:
    """Return every rule folder as (name, {file name: text}), for workers that cannot see this machine's files."""
    return [(str(folder), {path.name: path.read_text(encoding="utf-8") for path in sorted(Path(folder).iterdir())
                           if path.suffix in (".yaml", ".yml")}) for folder in dirs]
