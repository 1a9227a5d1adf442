"""The active rule set as a user sees it: which files define what, one file merged, and every problem in a folder."""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from troopclaims.errors import RulesError
from troopclaims.rules import (
    LEXICONS, RULE_FILES, LineDict, Rules, check_name, default_rules_dir, load_yaml, rule_paths,
)

# A sentence every rule file has a say in: a figure, its counted noun and event, a date, a place, a speaker.
PROBE = "Officials said on Friday that about 3,000 soldiers were deployed in Kursk, and “nearly 200” were killed."
PROBE_PUBLISHED = "2024-10-25"


@dataclass(frozen=True)
class RuleFile:
    """One rule file laid in the active set: where it comes from and what it defines."""

    folder: str               # "defaults" or the user's folder as given
    path: Path
    sections: tuple[tuple[str, str], ...]    # (top-level key, what it holds: "17 entries, 160 items", "reported")


def describe(value: Any) -> str:
    """Return how much a rule section holds: "12 entries (160 items)", "40 items", or a single value."""
    if isinstance(value, dict):
        items = sum(len(item) for item in value.values() if isinstance(item, (list, dict)))
        text = f"{len(value)} entr{'ies' if len(value) != 1 else 'y'}"
        return f"{text} ({items} items)" if items else text
    if isinstance(value, list):
        return f"{len(value)} item{'s' * (len(value) != 1)}"
    return repr(value) if isinstance(value, str) else str(value)


def rule_files(rules: Rules) -> list[RuleFile]:
    """Return the rule files of the active set in the order they are laid: the defaults, then each user folder."""
    defaults = default_rules_dir()
    files = []
    for path, data in rules.files:
        folder = "defaults" if path.parent == defaults else str(path.parent)
        sections = tuple((str(key), describe(value)) for key, value in (data or {}).items())
        files.append(RuleFile(folder, path, sections))
    return files


def listing(rules: Rules) -> list[str]:
    """Return the lines of `troopclaims rules list`: each folder, then its files and what each defines."""
    lines, folder = [], None
    for file in rule_files(rules):
        if file.folder != folder:
            folder = file.folder
            lines.append(f"defaults: {file.path.parent}" if folder == "defaults" else folder)
        sections = "; ".join(f"{key}: {held}" for key, held in file.sections) or "(empty)"
        lines.append(textwrap.fill(sections, 110, initial_indent=f"  {file.path.name:<17} ",
                                   subsequent_indent=" " * 20, break_long_words=False, break_on_hyphens=False))
    return lines


def plain(value: Any) -> Any:
    """Return rule data as plain dicts and lists (what yaml.safe_dump writes)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def show(rules: Rules, name: str) -> str:
    """Return one rule file as the run sees it, the defaults and the user's folders merged, as YAML."""
    name = Path(name).stem if name.endswith((".yaml", ".yml")) else name
    if name not in RULE_FILES:
        raise RulesError(f"no rule file {name!r}; name one of {', '.join(RULE_FILES)}")
    return yaml.safe_dump(plain(rules.section(name)), sort_keys=False, allow_unicode=True, width=110)


# --- checking a user's folder ----------------------------------------------------------------------------------

_LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<rest>.*)$", re.S)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a user's rules folder, with where it is and the fix."""

    path: str
    line: int | None
    key: str | None           # the entry it is in, dotted: "units.troops"
    message: str              # what is wrong and the fix

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def check_folder(folder: Path | str) -> list[Problem]:
    """Return every problem of a user's rules folder laid over the defaults (an empty list: it is fine).

    Each file is parsed, then the whole set is compiled and tried on a sentence; the entry each error points to is
    set aside and the set compiled again, until it compiles, so that one error does not hide the next.
    """
    folder = Path(folder)
    try:
        paths = rule_paths(folder)
    except RulesError as exc:
        return [Problem(str(folder), None, None, str(exc).split(": ", 1)[-1])]
    problems: list[Problem] = []
    laid: dict[Path, Any] = {}
    for path in paths:
        try:
            check_name(path)
            data = load_yaml(path)
        except RulesError as exc:
            problems.append(_problem(exc, {}))
            continue
        if data is not None and not isinstance(data, dict):
            problems.append(Problem(str(path), 1, None, "a rule file must be a mapping of sections, e.g. `units:`"))
        elif data is not None:
            laid[path] = data
    while laid:
        error = _first_error(laid)
        if error is None:
            break
        problem = _problem(error, laid)
        if problem not in problems:
            problems.append(problem)
        if not _set_aside(problem, laid, error):
            break
    return sorted(problems, key=lambda problem: (problem.path, problem.line or 0))


def _first_error(laid: dict[Path, Any]) -> Exception | None:
    """Return the first error the defaults with these files laid over them give when compiled and used."""
    from troopclaims.compare.facts import compare_claims
    from troopclaims.run.extract import ALL_KINDS
    from troopclaims.run.claims import claims_in
    from troopclaims.pipeline import load_pipeline
    from troopclaims.records import Article

    try:
        rules = Rules()
        for path, data in laid.items():
            rules.lay(path, data)
        for name in LEXICONS:          # every compiled form, also of a file the probe sentence does not reach
            rules.lexicon(name)
        article = Article("probe", PROBE, PROBE_PUBLISHED)
        claims = claims_in(load_pipeline("blank")(PROBE), article, rules, ALL_KINDS)
        compare_claims(claims, rules)
    except RulesError as exc:
        return exc
    except Exception as exc:      # a value of a shape no check foresaw: still a problem of these files
        return RulesError(f"{next(iter(laid))}: a value has the wrong shape ({exc.__class__.__name__}: {exc}); "
                          "compare it with the same key in the default rule file")
    return None


def _problem(error: Exception, laid: dict[Path, Any]) -> Problem:
    """Return the problem an error names, with the dotted key of the entry at its line."""
    text = str(error)
    match = _LOCATED.match(text)
    if match:
        path, line, rest = match["path"], int(match["line"]), match["rest"]
    else:
        path, _, rest = text.partition(": ")
        line = None
    data = next((data for known, data in laid.items() if str(known) == path), None)
    keys = _entry_at(data, line) if data is not None and line else ()
    return Problem(path, line, ".".join(str(part) for part in keys) or None, rest)


def _entry_at(data: Any, line: int) -> tuple:
    """Return the keys (at most two deep) of the entry of a rule file that a line is in."""
    keys: list = []
    node = data
    while isinstance(node, LineDict) and len(keys) < 2:
        above = [key for key in node if node.key_lines.get(key, 0) <= line]
        if not above:
            break
        key = max(above, key=lambda k: node.key_lines[k])
        keys.append(key)
        if node.key_lines[key] == line:
            break
        node = node[key]
    return tuple(keys)


def _set_aside(problem: Problem, laid: dict[Path, Any], error: Exception) -> bool:
    """Remove from `laid` the entry a problem is in (else its file, else the key whose removal ends the error);
    return False when nothing could be set aside."""
    path = next((known for known in laid if str(known) == problem.path), None)
    if path is None:
        return False
    data = laid[path]
    keys = _entry_at(data, problem.line) if problem.line else ()
    if keys:
        laid[path] = _without(data, keys)
        return True
    for key in list(data):            # no line: find the section whose removal ends this error
        trial = {**laid, path: _without(data, (key,))}
        again = _first_error(trial)
        if again is None or str(again) != str(error):
            laid[path] = trial[path]
            return True
    del laid[path]
    return True


def _without(data: LineDict, keys: tuple) -> LineDict:
    """Return a copy of a rule file's mapping with the entry at keys removed."""
    copy = LineDict(data)
    copy.path, copy.line, copy.key_lines = data.path, data.line, data.key_lines
    if len(keys) == 1:
        del copy[keys[0]]
    else:
        copy[keys[0]] = _without(data[keys[0]], keys[1:])
    return copy
