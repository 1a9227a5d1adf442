"""The bodies of extract, compare and report: what was given in, the output written, an exit code out.

Knows nothing of click: cli.py reads the options into `Inputs` and the keyword arguments below, passes the notes
of the run (a `notes.Notes`, which is the library's `warn` and knows --quiet), and exits with the code returned.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from troopclaims.errors import ExitCode, InputError, OptionError
from troopclaims.notes import Notes
from troopclaims.output import render
from troopclaims.output.destination import (check_output, check_page_output, for_spreadsheet, opened_output,
                                           output_format)
from troopclaims.reading.articles import ReadReport

EXTRACT_FORMATS = ("jsonl", "csv", "table")
COMPARE_FORMATS = ("table", "jsonl", "csv", "markdown")


@dataclass(frozen=True)
class Inputs:
    """What a command that reads articles is given: the paths, the rules and pipeline, and how the run goes."""

    paths: tuple[str, ...]
    rules_dirs: tuple[str, ...] = ()
    model: str | None = None
    published: str | None = None      # already checked: ISO or None
    workers: int | None = None
    no_cache: bool = False
    exhaustive: bool = False
    dask_address: str | None = None


def extract(given: Inputs, notes: Notes, fmt: str | None = None, kinds: tuple[str, ...] = (),
            output: str | None = None) -> ExitCode:
    """Write the claims of the inputs; return the exit code."""
    from troopclaims.run.extract import ALL_KINDS, DEFAULT_KINDS
    from troopclaims.rules import load_rules

    check_output(fmt, output, EXTRACT_FORMATS, "extract", notes)
    shown = None if not kinds or "all" in kinds else {*kinds, *(("time",) if "date" in kinds else ())}
    # Times of day are found with the dates (a time and its day are read together): --kind time keeps them alone.
    kinds = ALL_KINDS if "all" in kinds else tuple(dict.fromkeys("date" if kind == "time" else kind
                                                                 for kind in kinds)) or DEFAULT_KINDS
    report = ReadReport()
    rules = load_rules(given.rules_dirs)
    with opened_output(output) as (out, terminal):
        claims = _claims(given, rules, notes, report, kinds)
        if shown is not None:
            claims = (claim for claim in claims if claim.kind in shown)
        fmt = output_format(fmt, output, terminal, EXTRACT_FORMATS)
        counted = _Counting(claims)
        if fmt == "jsonl":
            render.write_jsonl((claim.to_dict() for claim in counted), out)
        elif fmt == "csv":
            render.write_claims_csv(counted, out, spreadsheet=for_spreadsheet(output))
        else:
            render.write_claims_table(list(counted), out, width=render.table_width(terminal))
        return finish(report, given.paths, f"{counted.count} claim{'s' * (counted.count != 1)}{_written(output)}",
                      notes)


def compare(given: Inputs, notes: Notes, fmt: str | None = None, only: str | None = None, min_sources: int = 1,
            show_sentences: bool = False, fail_on_conflict: bool = False, output: str | None = None) -> ExitCode:
    """Write the facts of the inputs, filtered; return the exit code (CONFLICT when asked and one is shown)."""
    from troopclaims.compare.facts import compare_claims, filter_facts
    from troopclaims.run.extract import DEFAULT_KINDS
    from troopclaims.rules import load_rules

    check_output(fmt, output, COMPARE_FORMATS, "compare", notes)
    rules = load_rules(given.rules_dirs)
    report = ReadReport()
    claims = _claims(given, rules, notes, report, DEFAULT_KINDS, accept_claims=True)
    facts = filter_facts(compare_claims(claims, rules, notes), only=only, min_sources=min_sources)
    cumulative = rules.lexicon("aspects").cumulative
    with opened_output(output) as (out, terminal):
        fmt = output_format(fmt, output, terminal, COMPARE_FORMATS)
        if fmt == "jsonl":
            render.write_jsonl((fact.to_dict() for fact in facts), out)
        elif fmt == "csv":
            render.write_facts_csv(facts, out, spreadsheet=for_spreadsheet(output))
        elif fmt == "markdown":
            render.write_facts_markdown(facts, out, show_sentences, cumulative=cumulative, links=_links(report),
                                        outlets=_outlets(report))
        else:
            render.write_facts_table(facts, out, show_sentences, width=render.table_width(terminal),
                                     cumulative=cumulative)
        code = finish(report, given.paths, f"{len(facts)} fact{'s' * (len(facts) != 1)} shown{_written(output)}",
                      notes)
    if fail_on_conflict and any(fact.verdict == "conflict" for fact in facts):
        code = ExitCode.CONFLICT        # asked for: it wins over SKIPPED, which the summary line says
    return code


def report(given: Inputs, notes: Notes, output: str | None = None, title: str | None = None,
           only: str | None = None, min_sources: int = 1) -> ExitCode:
    """Write the comparison as one HTML page (to stdout when it is no terminal); return the exit code."""
    from troopclaims.compare.facts import compare_claims, filter_facts
    from troopclaims.run.extract import DEFAULT_KINDS
    from troopclaims.output.report import build_report, report_sources
    from troopclaims.rules import load_rules

    output = None if output == "-" else output
    check_page_output(output)
    if output is None and render.stdout_is_terminal():
        raise OptionError("an HTML page on a terminal is no use: give -o report.html, or redirect stdout")
    rules = load_rules(given.rules_dirs)
    read = ReadReport()
    claims = list(_claims(given, rules, notes, read, DEFAULT_KINDS, accept_claims=True))
    left_out: list[str] = []        # what compare and the reading left out, said on stderr and in the page
    facts = compare_claims(claims, rules, lambda message: (left_out.append(message), notes(message)))
    skipped = {name for name, _ in read.skipped}
    left_out += [f"skipped {name}: {reason}" for name, reason in read.skipped]
    sources = report_sources(claims, {key: value for key, value in read.sources.items() if key not in skipped})
    shown = filter_facts(facts, only=only, min_sources=min_sources)
    page = build_report(shown, sources, claims=len(claims), all_facts=facts, notes=left_out, title=title,
                        cumulative=rules.lexicon("aspects").cumulative)
    if output is None:
        sys.stdout.write(page)
    else:
        from troopclaims.output.files import atomic_write

        with atomic_write(output) as out:
            out.write(page)
    return finish(read, given.paths, f"{len(shown)} fact{'s' * (len(shown) != 1)} in the report{_written(output)}",
                  notes)


def _written(output: str | None) -> str:
    """Return what the summary line says of an output file: " (facts.md)", nothing for stdout."""
    return f" ({output})" if output not in (None, "-") else ""


def _links(report: ReadReport) -> dict[str, str]:
    """Return each article's URL, as its manifest or front matter gives it (claims read back carry none)."""
    return {source: str(meta["url"]) for source, meta in report.sources.items() if meta.get("url")}


def _outlets(report: ReadReport) -> dict[str, str]:
    """Return each article's outlet, as its manifest, front matter or page gives it."""
    return {source: str(meta["outlet"]) for source, meta in report.sources.items() if meta.get("outlet")}


def _claims(given: Inputs, rules, notes: Notes, report: ReadReport, kinds, accept_claims: bool = False):
    """Yield the claims of the inputs: extracted from articles (as the run options say), or read as they are."""
    from troopclaims.run.extract import claims_from_inputs
    from troopclaims.stdin import stdin_text

    stdin = stdin_text(notes, report) if "-" in given.paths else None
    return claims_from_inputs(given.paths, rules, model=given.model, kinds=kinds, published=given.published,
                              warn=notes, report=report, stdin=stdin, accept_claims=accept_claims,
                              run=_run_options(given, notes))


def _run_options(given: Inputs, notes: Notes):
    """Return the RunOptions for the speed options given."""
    from troopclaims.run.cache import ClaimCache
    from troopclaims.run.runner import RunOptions, default_workers

    return RunOptions(workers=given.workers or default_workers(),
                      cache=None if given.no_cache else ClaimCache(warn=notes), exhaustive=given.exhaustive,
                      dask=given.dask_address or None, progress=not notes.quiet)


class _Counting:
    """Pass items through, counting them (claims are streamed, so their number is known at the end)."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def finish(report: ReadReport, paths, found: str, notes: Notes) -> ExitCode:
    """Print the summary line; return SKIPPED when anything was skipped (InputError when nothing could be read)."""
    notes.summary(f"{report.summary()}; {found}")
    if report.read or report.claims or report.empty:
        return ExitCode.SKIPPED if report.skipped else ExitCode.OK
    if report.skipped:      # each skip named its input and the fix just above
        n = len(report.skipped)
        what = "the one input was" if n == 1 else f"all {n} inputs were"
        raise InputError(f"nothing could be read: {what} skipped, for the reason{'s' * (n != 1)} above")
    if set(paths) == {"-"}:
        raise InputError("nothing on stdin: pipe in JSON Lines of articles, or the text of one article")
    stdin = " and nothing on stdin" if "-" in paths else ""
    raise InputError(f"no article in {', '.join(path for path in paths if path != '-')}{stdin}: no .txt, .md, .html or "
                     ".htm file (hidden ones are left out) and no JSON Lines record; give a folder of articles, files, or "
                     "JSON Lines")


def rules_hint(message: str, folders) -> str:
    """Return the hint after a rules error: the command that lists every problem of the user's folder at fault."""
    at_fault = [folder for folder in folders if message.startswith(os.path.join(os.path.normpath(folder), ""))]
    if not at_fault:
        return ""
    return f" (`troopclaims rules check {at_fault[0]}` lists every problem of the folder)"
