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

    def __init__(self, rules, model: str | None = None, exhaustive: bool = False, nlp=None):
        from troopclaims.pipeline import load_pipeline
        from troopclaims.reading.triage import Triage

        self.rules, self.nlp = rules, nlp if nlp is not None else load_pipeline(model)
        self.triage = None if exhaustive else Triage(rules)

    def batch(self, articles: list[Article], kinds: tuple[str, ...]) -> list[Outcome]:
        """Return one Outcome per article, in order."""
        from troopclaims.errors import RulesError
        from troopclaims.run.extract import claims_in
        from troopclaims.spans import remember_text

        outcomes: dict[int, Outcome] = {}
        todo = []
        for i, article in enumerate(articles):
            if len(article.text) > self.nlp.max_length:
                outcomes[i] = Outcome(skipped=f"too long ({len(article.text):,} characters; the pipeline takes "
                                              f"{self.nlp.max_length:,}): split it into parts")
            elif self.triage is not None and not self.triage.may_hold_claims(masked_text(article), kinds):
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


def _start_worker(rule_dirs: list[str], model: str, exhaustive: bool) -> None:
    global _SETUP
    _SETUP = (rule_dirs, model, exhaustive)


def _work(articles: list[Article], kinds: tuple[str, ...]) -> list[Outcome]:
    # Loaded by the first task rather than the initializer: an error there would make the pool restart the
    # worker for ever, while an error in a task reaches the parent and stops the run with its message.
    from troopclaims.rules import Rules

    global _WORKER
    if _WORKER is None:
        rule_dirs, model, exhaustive = _SETUP
        _WORKER = Extractor(Rules(rule_dirs, include_defaults=False), model, exhaustive)
    return _WORKER.batch(articles, kinds)


class _Pool:
    """Worker processes (spawned: no copy of the parent's threads or state) running chunks, oldest first."""

    def __init__(self, workers: int, rules, model: str, exhaustive: bool):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.pool = context.Pool(workers, _start_worker, ([str(d) for d in rules.dirs], model, exhaustive))
        self.depth = 2 * workers
        self.sigterm = _exit_on_sigterm()

    def submit(self, articles, kinds):
        return self.pool.apply_async(_work, (articles, kinds)).get

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
    def __init__(self, rules, model: str, exhaustive: bool):
        self.extractor, self.depth = Extractor(rules, model, exhaustive), 0

    def submit(self, articles, kinds):
        outcomes = self.extractor.batch(articles, kinds)
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
    """Yield the claims of every article in input order, from the cache or extracted as the options say."""
    options = options or RunOptions()
    report = report if report is not None else ReadReport()
    settings = Settings(rules_digest(rules.dirs), model_version(model), tuple(kinds), options.exhaustive)
    chunks = _chunks(articles, settings, options.cache, None if options.exhaustive else _LazyTriage(rules))
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
            todo = [article for article, _, hit in chunk if hit is None]
            if todo and engine is None:
                engine = _engine(options, rules, model, small)
            pending.append((chunk, engine.submit(todo, tuple(kinds)) if todo else list))
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

        return DaskEngine(options.dask, rules, model, options.exhaustive)
    check_installed(model)         # here rather than in each worker, seconds later
    if options.workers > 1 and not small:
        return _Pool(options.workers, rules, model, options.exhaustive)
    return _InProcess(rules, model, options.exhaustive)


class _LazyTriage:
    """The triage, built on the first article not in the cache: a warm run never compiles its patterns."""

    def __init__(self, rules):
        self.rules, self.triage = rules, None

    def may_hold_claims(self, text: str, kinds) -> bool:
        if self.triage is None:
            self.triage = Triage(self.rules)
        return self.triage.may_hold_claims(text, kinds)


def _chunks(articles: Iterable[Article], settings: Settings, cache: ClaimCache | None, triage=None):
    """Yield lists of (article, cache key, cached claims or None), a task each: at most CHUNK articles, and at most
    CHUNK_BATCHES batches as Extractor._parsed cuts them from what it parses, the masked text (as long as the
    article's) of each article neither cached nor dropped by the triage (None with --exhaustive). An article too long
    for the pipeline is counted, though skipped: its limit is known only where the pipeline is loaded."""
    chunk, batches, size = [], 0, 0         # batches begun in this chunk; characters in the last one
    for article in articles:
        key = settings.key(article) if cache is not None else None
        hit = cache.get(key, article) if cache is not None else None
        if hit is None and (triage is None or triage.may_hold_claims(masked_text(article), settings.kinds)):
            if batches and size + len(article.text) <= BATCH_CHARS:
                size += len(article.text)
            elif batches == CHUNK_BATCHES:
                yield chunk
                chunk, batches, size = [], 1, len(article.text)
            else:
                batches, size = batches + 1, len(article.text)
        chunk.append((article, key, hit))
        if len(chunk) == CHUNK:
            yield chunk
            chunk, batches, size = [], 0, 0
    if chunk:
        yield chunk


def _finish(chunk, result, cache, warn, report: ReadReport, bar) -> Iterator[Claim]:
    """Yield a chunk's claims in order, storing what was extracted and reporting what was skipped."""
    outcomes = iter(result())
    for article, key, hit in chunk:
        if hit is not None:
            yield from hit
            continue
        outcome = next(outcomes)
        if outcome.skipped:
            report.skip(article.where, outcome.skipped, warn)
            report.read -= 1       # counted when it was read
            continue
        if cache is not None:
            cache.put(key, list(outcome.claims))
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
