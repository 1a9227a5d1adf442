"""Output: JSON Lines, CSV, Markdown and rich tables for claims and compared facts. Knows nothing of click."""
from __future__ import annotations

import csv
import json
import re
import sys
from typing import IO, Iterable

from troopclaims.records import Claim, FIELD_NAMES, SPAN_KINDS, clock


def stdout_is_terminal() -> bool:
    """Return whether stdout is a terminal; the one place the TTY state comes from (tests replace it)."""
    return sys.stdout.isatty()


def table_width(is_terminal: bool) -> int | None:
    """Return the width of tables: the terminal's own, or wide enough not to fold when written to a file."""
    return None if is_terminal else 200


def choose_format(explicit: str | None, is_terminal: bool) -> str:
    """Return the output format: the flag when given, else a table on a terminal and JSON Lines in a pipe."""
    return explicit or ("table" if is_terminal else "jsonl")


# Characters that json.dumps leaves raw but that line readers (Python's splitlines, editors) take for line breaks:
# escaped, so that one record stays one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return text without control characters, so that an article cannot drive the terminal (ESC sequences)."""
    return _CONTROL.sub("", text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_claims_csv(claims: Iterable[Claim], out: IO[str], spreadsheet: bool = False) -> None:
    """Write a row per claim; for a spreadsheet (-o, or stdout to a new .csv file), see `_csv_writer`."""
    writer = _csv_writer(out, spreadsheet)
    writer.writerow(FIELD_NAMES)
    for claim in claims:
        data = claim.to_dict()
        writer.writerow([_cell(data[name]) for name in FIELD_NAMES])


class _SpreadsheetWriter:
    """A csv writer for a file a spreadsheet opens: after a UTF-8 byte order mark, without which Excel reads the
    file in the machine's legacy code page ("é" as "Ã©"; LibreOffice reads it either way), and with a text cell
    that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM(...)", "+1+2" in an article) kept as text
    by a leading apostrophe."""

    def __init__(self, out: IO[str]):
        out.write("\ufeff")
        self.writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row) -> None:
        self.writer.writerow([_as_text(cell) for cell in row])


_FORMULA = re.compile(r"[=@\t\r]|[+-](?![\d.,]+%?\Z)")      # a signed number ("-5", "+3%") is a number


def _as_text(cell):
    return f"'{cell}" if isinstance(cell, str) and _FORMULA.match(cell) else cell


def _csv_writer(out: IO[str], spreadsheet: bool):
    """Return a csv writer: plain for a pipe, as `_SpreadsheetWriter` says for a spreadsheet's file."""
    return _SpreadsheetWriter(out) if spreadsheet else csv.writer(out, lineterminator="\n")


def figure(value) -> str:
    """Return a number or date for a table cell: 12000 -> "12,000", 0.5 -> "0.5", None -> "?"."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def figure_of(kind: str, value) -> str:
    """Return a figure as figure() does, and a time's minutes after midnight as a clock reading (213 -> "03:33")."""
    return clock(value) if kind == "time" and isinstance(value, (int, float)) else figure(value)


def interval(claim) -> str:
    """Return the claim's interval as "low..high", with open ends shown as "..." (ages and durations with their
    unit: "10..12 hours")."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return ""
    if low == high:
        return figure_of(claim.kind, low) + _time_unit(claim)
    return f"{figure_of(claim.kind, low) if low is not None else ''}.." \
           f"{figure_of(claim.kind, high) if high is not None else ''}{_time_unit(claim)}"


def _time_unit(record) -> str:
    """Return " hours" after the figures of an age or a duration (claim or fact), "" after any other."""
    return f" {record.unit}" if record.kind in SPAN_KINDS and record.unit else ""


def who(claim) -> str:
    """Return "speaker (cue)" for a table cell, with the relay when there is one."""
    text = claim.speaker or ""
    if claim.cue and any(char.isalnum() for char in claim.cue):      # a label's colon says nothing: "Reader2"
        text = f"{text} ({claim.cue})" if text else f"({claim.cue})"
    if claim.via:
        text += f" via {claim.via}"
    return text


CLAIM_COLUMNS = ("source", "kind", "text", "interval", "unit", "subject", "place", "speaker", "event")
# On a terminal too narrow for them, two by two (see STACKED_COLUMNS): source above kind, text above interval...
STACKED_CLAIM_COLUMNS = (("source", "kind"), ("text", "interval"), ("unit", "subject"), ("place", "speaker"),
                         ("event",))


def write_claims_table(claims: Iterable[Claim], out: IO[str], width: int | None = None) -> None:
    from rich.console import Console

    # No value column: the text says the figure as written, the interval what it allows.
    rows = [(claim.source, claim.kind, claim.text, interval(claim) or _unresolved(claim), claim.unit or "",
             claim.subject or "", claim.place or "", who(claim), claim.event or "") for claim in claims]
    if not rows:     # no rows, no table: stdout carries data only, the summary on stderr says what was read
        return
    console = Console(file=out, width=width, soft_wrap=False)
    table = _claims_table(rows, [(name,) for name in CLAIM_COLUMNS])
    if console.measure(table, options=console.options.update_width(100_000)).maximum > console.width:
        table = _claims_table(rows, STACKED_CLAIM_COLUMNS)
    console.print(table)


def _claims_table(rows, columns):
    """Return the rich table of claims, a column per group of fields (one field, or two stacked); a column no
    claim fills is left out."""
    from rich.table import Table
    from rich.text import Text

    at = {name: n for n, name in enumerate(CLAIM_COLUMNS)}
    filled = [[name for name in group if any(row[at[name]] for row in rows)] for group in columns]
    filled = [group for group in filled if group]
    table = Table(show_lines=False, header_style="bold")
    sources = max(len(row[at["source"]]) for row in rows)
    for group in filled:
        _add_column(table, ", ".join(group), keep=sources if "source" in group else None)
    for row in rows:
        cells = []
        for group in filled:
            texts = [Text(printable(row[at[name]])) for name in group]
            cells.append(texts[0] if len(texts) == 1 else _above(*texts))
        table.add_row(*cells)
    return table


def _unresolved(claim) -> str:
    """Return "?" for a figure or date whose value is not known ("on Tuesday" of an undated article); a place has
    none to know."""
    return "" if claim.kind == "place" else figure(claim.value)


# Cells that read badly folded ("2027-05|-04"): they keep their width, and the columns of words wrap instead.
MOST_KEPT = 24      # a file name longer than this may be cut on a narrow terminal
_UNFOLDED = {"kind", "value", "interval", "unit", "camp", "published", "status"}


def _add_column(table, name: str, keep: int | None = None) -> None:
    """Add a column; `keep`: the width under which its cells would be cut inside a word (a file name)."""
    if name in _UNFOLDED:
        table.add_column(name, no_wrap=True, overflow="ellipsis")
    else:
        table.add_column(name, overflow="fold", min_width=min(keep, MOST_KEPT) if keep else None)


VERDICT_STYLE = {"conflict": "bold red", "changed": "yellow", "agree": "green", "single": "dim"}
FACT_CSV_FIELDS = ("fact", "verdict", "speakers", "reports", "camp")


def _camp_label(fact, index: int) -> str:
    """Return the camp (1-based, joined by "+") a claim belongs to, for tables and CSV."""
    return "+".join(str(n) for n, camp in enumerate(fact.camps, 1) if index in camp.members)


def _status(claim) -> str:
    parts = [claim.status] if claim.status else []
    parts += list(claim.hedges)
    if claim.negated:
        parts.append("negated")
    return ", ".join(dict.fromkeys(parts))


def _camps_line(fact) -> str:
    return "; ".join(_camps(fact))


def _camps(fact) -> list[str]:
    """Return each camp in words: "camp 1: 10,800..13,200 (police, wire.txt)"."""
    parts = []
    for n, camp in enumerate(fact.camps, 1):
        lo = figure_of(fact.kind, camp.low) if camp.low is not None else ""
        hi = figure_of(fact.kind, camp.high) if camp.high is not None else ""
        value = (lo if lo == hi else f"{lo}..{hi}") + _time_unit(fact)
        speakers = sorted({fact.claims[i].speaker or fact.claims[i].source for i in camp.members})
        parts.append(f"camp {n}: {value} ({', '.join(speakers)})")
    return parts


def by_date(claims) -> list[int]:
    """Return the claims' indices by publication date (undated last), then the day they hold for, then text order:
    a fact's rows as they read in time, in tables and in the report alike."""
    return sorted(range(len(claims)), key=lambda i: (claims[i].published is None, claims[i].published or "",
                                                     claims[i].as_of or "", claims[i].source, claims[i].start))


def published_as_of(claim, between: str = " ") -> str:
    """Return the published cell: the date, and the day the figure holds for when the sentence dates it apart."""
    text = claim.published or ""
    if claim.as_of and claim.as_of != claim.published:
        text += f"{between}(as of {claim.as_of})" if text else f"as of {claim.as_of}"
    return text


def _counts(fact) -> str:
    copies = f" ({fact.independent} independent: some print the same sentences)" \
        if fact.independent < fact.reports else ""
    return (f"{fact.speakers} speaker{'s' * (fact.speakers != 1)}, {fact.reports} report{'s' * (fact.reports != 1)}"
            f"{copies}")


FACT_COLUMNS = ("camp", "source", "published", "speaker", "figure", "interval", "status", "event")
# On a terminal too narrow for them, the columns go two by two, so that words wrap whole instead of being cut
# into letters: "channel7.txt" above its date, the figure as written above its interval.
STACKED_COLUMNS = ("camp", "source, published", "figure, interval", "speaker, status", "event")


def write_facts_table(facts, out: IO[str], show_sentences: bool = False, width: int | None = None,
                      cumulative=frozenset()) -> None:
    """Write a table per fact, its rows in time order, then its camps and, for a series in conflict, why."""
    from rich.console import Console
    from rich.text import Text

    from troopclaims.output.why import over_time, why      # it builds on this module's words

    console = Console(file=out, width=width, soft_wrap=False)
    for fact in facts:
        style = VERDICT_STYLE.get(fact.verdict, "")
        title = Text.assemble((printable(fact.name), "bold"), "  ", (fact.verdict.upper(), style), f"  {_counts(fact)}")
        if fact.within:
            title.append(f"  (within: {fact.within})", "italic")
        console.print(title)        # on a line of its own: a table's title is padded to the table's width
        table = _fact_table(fact, show_sentences, stacked=False)
        if console.measure(table, options=console.options.update_width(100_000)).maximum > console.width:
            table = _fact_table(fact, show_sentences, stacked=True)
        console.print(table)
        if len(fact.camps) > 1:
            console.print(Text(printable(_camps_line(fact)), style))
        if reason := why(fact, cumulative):
            console.print(Text(printable(f"why: {reason}"), style))
        if steps := over_time(fact, cumulative):
            console.print(Text(printable(f"over time: {steps}"), style))
        console.print()


def _fact_table(fact, show_sentences: bool, stacked: bool):
    """Return the rich table of a fact's claims, a row each (and its sentence below it when asked)."""
    from rich.table import Table
    from rich.text import Text

    names = STACKED_COLUMNS if stacked else FACT_COLUMNS
    table = Table(header_style="bold", expand=False)
    sources = max(len(claim.source) for claim in fact.claims)
    for name in names:
        _add_column(table, name, keep=sources if name.startswith("source") else None)
    for index in by_date(fact.claims):
        claim = fact.claims[index]
        cells = (_camp_label(fact, index), claim.source, published_as_of(claim, "\n"), who(claim), claim.text,
                 interval(claim), _status(claim), claim.event or "")
        texts = [Text(printable(cell)) for cell in cells]
        if stacked:
            camp, source, published, speaker, figure, span, status, event = texts
            texts = [camp, _above(source, published), _above(figure, span), _above(speaker, status), event]
        table.add_row(*texts)
        if show_sentences:
            below = [""] * len(names)
            below[names.index("figure, interval" if stacked else "figure")] = Text(printable(claim.sentence), "dim")
            table.add_row(*below)
    return table


def _above(first, second):
    """Return a cell of two texts, the second dim on a line of its own (none when it is empty)."""
    from rich.text import Text

    if not second.plain:
        return first
    return Text.assemble(first, "\n", Text(second.plain, "dim"))


def write_facts_csv(facts, out: IO[str], spreadsheet: bool = False) -> None:
    """Write a row per claim with its fact, verdict and camp; for a spreadsheet, see `_csv_writer`."""
    writer = _csv_writer(out, spreadsheet)
    writer.writerow(FACT_CSV_FIELDS + FIELD_NAMES)
    for fact in facts:
        for index, claim in enumerate(fact.claims):
            data = claim.to_dict()
            writer.writerow([fact.name, fact.verdict, fact.speakers, fact.reports, _camp_label(fact, index)]
                            + [_cell(data[name]) for name in FIELD_NAMES])


def _md(text) -> str:
    return printable(str(text).replace("|", "\\|").replace("\n", " "))


_LINKABLE = re.compile(r"https?://[^\s\"'<>]+\Z")


def linkable(url: str | None) -> bool:
    """Return whether a manifest's URL is one to link to: http(s), whole, nothing that would break a link."""
    return bool(url) and _LINKABLE.match(url) is not None


def _md_source(source: str, links: dict[str, str]) -> str:
    """Return a source's cell: a link to its article when the manifest gives an http(s) URL, else its name."""
    url = links.get(source)
    if not linkable(url):
        return _md(source)
    url = url.replace("(", "%28").replace(")", "%29").replace("|", "%7C")
    name = _md(source).replace("[", "\\[").replace("]", "\\]")
    return f"[{name}]({url})"


def write_facts_markdown(facts, out: IO[str], show_sentences: bool = False, cumulative=frozenset(),
                         links: dict[str, str] | None = None, outlets: dict[str, str] | None = None) -> None:
    """Write a heading and a table per fact, then its camps one a line and, for a series, why or how it moved, and
    last the sources and how to read the figures: Markdown to paste in a chat, a wiki or a fact-check. `links`:
    source -> its article's URL; `outlets`: source -> its outlet's name."""
    from troopclaims.output.why import over_time, why

    links = links or {}
    for fact in facts:
        # The heading is the fact's name alone: a wiki's anchor of it is the report's (#people-killed-in-kursk).
        out.write(f"### {_md(fact.name)}\n\n")
        out.write(f"{verdict_in_words(fact)} {_counts(fact)}")
        out.write(f"; within {_md(fact.within)}.\n\n" if fact.within else ".\n\n")
        out.write("| camp | source | published | speaker | figure | interval | status | event |\n")
        out.write("|---|---|---|---|---|---|---|---|\n")
        for index in by_date(fact.claims):
            claim = fact.claims[index]
            cells = (_md(_camp_label(fact, index)), _md_source(claim.source, links), _md(published_as_of(claim)),
                     _md(who(claim)), _md(claim.text), _md(interval(claim)), _md(_status(claim)),
                     _md(claim.event or ""))
            out.write("| " + " | ".join(cells) + " |\n")
        if len(fact.camps) > 1:
            out.write("\n" + "".join(f"- {_md(camp)}\n" for camp in _camps(fact)))
        if reason := why(fact, cumulative):
            out.write(f"\nwhy: {_md(reason)}\n")
        if steps := over_time(fact, cumulative):
            out.write(f"\nover time: {_md(steps)}\n")
        if show_sentences:
            out.write("\n" + "".join(f"- {_md_source(fact.claims[index].source, links)}: "
                                     f"{_md_marked(fact.claims[index])}\n" for index in by_date(fact.claims)))
        out.write("\n")
    if facts:
        out.write(_md_sources(facts, links, outlets or {}))


VERDICT_WORDS = {"conflict": ("Conflict", "these {many} cannot all be true"),
                 "changed": ("Changed", "the {one} moved over time; the articles date the {many} apart"),
                 "agree": ("Agree", "every source fits one {one}"),
                 "single": ("Single source", "no other article gives this {one}")}


def verdict_in_words(fact) -> str:
    """Return the verdict as a reader takes it in, for Markdown: "**Conflict**: these figures cannot all be true."."""
    label = VERDICT_WORDS.get(fact.verdict, (fact.verdict.capitalize(), ""))[0]
    words = verdict_sentence(fact)
    return f"**{label}**: {words[:1].lower()}{words[1:]}" if words else f"**{label}**."


# a verdict whose every reason is one of these says so in its own words: a figure revised in one article is no change
# the articles date apart
REASON_WORDS = {("changed", "revised"): "an article gives the {one} as revised from an earlier one"}


def verdict_sentence(fact) -> str:
    """Return what the verdict means for this fact, as a sentence: "These figures cannot all be true."."""
    why = {reason.why for reason in getattr(fact, "reasons", None) or ()}
    words = VERDICT_WORDS.get(fact.verdict, ("", ""))[1]
    if len(why) == 1:
        words = REASON_WORDS.get((fact.verdict, *why), words)
    many, one = ("dates", "date") if fact.kind in ("date", "time") else ("figures", "figure")
    words = words.format(many=many, one=one)
    return f"{words[:1].upper()}{words[1:]}." if words else ""


def _md_sources(facts, links: dict[str, str], outlets: dict[str, str]) -> str:
    """Return the list of the articles the facts cite, each with its outlet and publication date, and a note on how
    to read intervals and camps: what a published check says under its figures."""
    published = {claim.source: claim.published for fact in facts for claim in fact.claims}
    lines = ["### Sources", ""]
    for source in sorted(published):
        said = [outlets[source]] if outlets.get(source) else []
        said.append(f"published {published[source]}" if published[source] else "publication date unknown")
        lines.append(f"- {_md_source(source, links)}: {_md(', '.join(said))}")
    lines += ["", "Each figure's interval is what its wording allows (\"about 12,000\": 10,800..13,200; \"at least "
              "6\": 6.., no upper end). A camp holds the claims that can all be true together; a claim of camp 1+2 "
              "fits both. Found and compared by troopclaims from the articles' text: check each claim in its "
              "article (`--show-sentences` quotes them).", ""]
    return "\n".join(lines) + "\n"


def _md_marked(claim) -> str:
    """Return the claim's sentence for Markdown, the claim's words in it in bold."""
    sentence, text = _md(claim.sentence), _md(" ".join(claim.text.split()))
    # whole words only: the 7 of "at 7" is not the one inside "70" or "7,000"
    found = re.search(rf"(?<![\w,.]){re.escape(text)}(?![\w]|[,.]\d)", sentence) if text.strip() else None
    if found is None:
        return sentence
    return f"{sentence[:found.start()]}**{text}**{sentence[found.end():]}"
