"""Rule files: YAML under rules/, loaded with line numbers, merged with the user's folders, checked strictly."""
from __future__ import annotations

import importlib
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from troopclaims.errors import RulesError

# Every rule file the package knows (a user's folder may hold only these names), with the builder of its compiled
# form as "module:function", imported only when first asked for. A builder takes the file's merged section and the
# Rules (a lexicon may build on another's: the events take their reporting verbs from attribution.yaml).
LEXICONS = {
    "numbers": "troopclaims.extractors.numbers.lexicon:build_number_lexicon",
    "quantities": "troopclaims.extractors.quantity_rules:build_quantity_lexicon",
    "dates": "troopclaims.extractors.dates.rules:build_date_rules",
    "places": "troopclaims.extractors.places.build:build_gazetteer",
    "speakers": "troopclaims.attribution.speakers:build_book",
    "attribution": "troopclaims.attribution.cues:build_cue_rules",
    "hedges": "troopclaims.attribution.cues:build_hedge_rules",
    "aspects": "troopclaims.extractors.event_rules:build_event_lexicon",
    "events": "troopclaims.compare.when:build_event_classes",
    "spans_of_time": "troopclaims.extractors.spans_of_time:build_span_rules",
    "page": "troopclaims.reading.furniture:build_page_rules",
}
RULE_FILES = tuple(LEXICONS)


class LineDict(dict):
    """A YAML mapping that remembers its file and the line of each key."""

    path: str = "?"
    line: int = 0
    key_lines: dict = {}    # replaced per instance by the loader; never changed in place

    def where(self, key: Any = None) -> str:
        """Return "file:line" for a key (or the mapping itself)."""
        line = self.key_lines.get(key, self.line) if key is not None else self.line
        return f"{self.path}:{line}"


class LineList(list):
    """A YAML sequence that remembers its file and the line of each item."""

    path: str = "?"
    line: int = 0
    item_lines: list

    def where(self, index: int | None = None) -> str:
        """Return "file:line" for an item (or the list itself)."""
        if index is not None and index < len(self.item_lines):
            return f"{self.path}:{self.item_lines[index]}"
        return f"{self.path}:{self.line}"


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList so errors can name a line."""


# libyaml's parser reads the rule files six times faster (a warm run reads them before anything else); a broken
# file is read again by the pure-Python one, whose messages are the clearer, and the same on every machine.
class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """_LineLoader on libyaml's parser, where PyYAML was built with it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.path, result.line, result.key_lines = loader.name, node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise RulesError(f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key {key!r}; keep one")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.path, result.line = loader.name, node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    # Dates stay strings: rule files and manifests compare them as ISO text.
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _parse(path: str, text: str, loader_class: type) -> Any:
    loader = loader_class(text)
    loader.name = path
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Return the parsed YAML of a file (mappings as LineDict, lists as LineList); RulesError names file and line."""
    path = str(path)
    try:
        if text is None:
            text = Path(path).read_text(encoding="utf-8")
        try:
            return _parse(path, text, _FastLineLoader)
        except yaml.YAMLError:
            return _parse(path, text, _LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulesError(f"{path}{line}: broken YAML ({problem}); fix the syntax") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read ({exc.__class__.__name__}: {exc}); check the file") from None


def check_keys(node: Any, where: str, allowed: Iterable[str], required: Iterable[str] = ()) -> LineDict:
    """Return node after checking it is a mapping with only allowed keys and every required one."""
    if not isinstance(node, dict):
        raise RulesError(f"{where}: expected a mapping, got {type(node).__name__}")
    allowed = set(allowed) | set(required)
    for key in node:
        if key not in allowed:
            location = node.where(key) if isinstance(node, LineDict) else where
            raise RulesError(f"{location}: unknown key {key!r}; expected one of {', '.join(sorted(allowed))}")
    for key in required:
        if key not in node:
            location = node.where() if isinstance(node, LineDict) else where
            raise RulesError(f"{location}: missing key {key!r}")
    return node


def location(node: Any, key: Any = None, fallback: str = "?") -> str:
    """Return "file:line" for a node loaded by load_yaml (or the fallback for plain values)."""
    return node.where(key) if isinstance(node, (LineDict, LineList)) else fallback


def word_list(node: Any, where: str, what: str) -> list[str]:
    """Return a rule file's list of words, stripped; RulesError naming the line of a bad item (YAML's yes/no/on
    read as booleans included) or of a value that is not a list. None is an empty list."""
    if node is None:
        return []
    if not isinstance(node, list):
        raise RulesError(f"{where}: {what} must be a list of words, e.g. [a, b]")
    for index, item in enumerate(node):
        if isinstance(item, bool):
            raise RulesError(f"{location(node, index, where)}: {what}: YAML reads this word as {item}; "
                             f"put it in quotes (\"on\", \"no\")")
        if not isinstance(item, str) or not item.strip():
            raise RulesError(f"{location(node, index, where)}: {what} must hold non-empty words, got {item!r}")
    return [item.strip() for item in node]


def default_rules_dir() -> Path:
    """Return the folder of the rules that ship with the package."""
    try:
        # rulefiles has no __init__.py, so files() may give a MultiplexedPath: ask it for a file instead.
        marker = Path(str(resources.files("troopclaims.rulefiles").joinpath("quantities.yaml")))
        if marker.is_file():
            return marker.parent
    except (ModuleNotFoundError, TypeError):
        pass
    # Running from a source checkout without an install (PYTHONPATH=src).
    return Path(__file__).resolve().parents[2] / "rules"


def _merge(base: Any, extra: Any) -> Any:
    """Return base with a user's file laid over it: mapping entries override, lists of entries extend (user's
    first), a value such as [low, high] is replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = LineDict(base)
        merged.path, merged.line = extra.path, extra.line
        merged.key_lines = {**getattr(base, "key_lines", {}), **getattr(extra, "key_lines", {})}
        for key, value in extra.items():
            # A key the user sets moves last, so that where two entries claim one word, the user's comes later
            # and wins (every rule builder lets the last entry win).
            merged[key] = _merge(merged.pop(key), value) if key in merged else value
        return merged
    if isinstance(base, list) and isinstance(extra, list) and not _is_value(extra):
        # An item the user repeats from the defaults (a copied rules folder) is kept once, at the user's place.
        kept = [(item, line) for item, line in zip(base, base.item_lines) if item not in extra]
        merged = LineList([*extra, *(item for item, _ in kept)])
        merged.path, merged.line = extra.path, extra.line
        merged.item_lines = [*extra.item_lines, *(line for _, line in kept)]
        return merged
    return extra


def _is_value(items: list) -> bool:
    """Whether a list is one value ([low, high], [first month, last month]) rather than a list of entries: a
    user's value replaces the default's, where a user's entries are added to the defaults'."""
    return bool(items) and all(item is None or (isinstance(item, (int, float)) and not isinstance(item, bool))
                               for item in items)


class Rules:
    """The merged rule files of the defaults and the user's folders; compiled forms are cached per name."""

    def __init__(self, user_dirs: Iterable[Path | str] = (), include_defaults: bool = True):
        self.dirs = ([default_rules_dir()] if include_defaults else []) + [Path(d) for d in user_dirs]
        self.files: list[tuple[Path, Any]] = []     # every rule file laid, in order, with its own content
        self._data: dict[str, Any] = {}
        self._compiled: dict[str, Any] = {}
        for folder in self.dirs:
            for path, data in read_folder(folder):
                self.lay(path, data)

    def lay(self, path: Path, data: Any) -> None:
        """Lay one rule file's content over what is there (a file named like a RULE_FILES entry)."""
        self.files.append((path, data))
        if data is None:
            return
        if not isinstance(data, dict):
            raise RulesError(f"{path}:1: a rule file must be a mapping of sections")
        self._data[path.stem] = _merge(self._data[path.stem], data) if path.stem in self._data else data
        self._compiled.clear()

    def section(self, name: str) -> LineDict:
        """Return the merged content of one rule file (empty when no folder has it)."""
        if name not in RULE_FILES:
            raise KeyError(name)
        data = self._data.get(name)
        if data is None:
            data = LineDict()
            data.path, data.line, data.key_lines = f"rules/{name}.yaml", 0, {}
        return data

    def lexicon(self, name: str) -> Any:
        """Return the compiled form of one rule file (its LEXICONS builder run on its section), built once."""
        module, function = LEXICONS[name].split(":")
        build = getattr(importlib.import_module(module), function)

        def checked():
            section = self.section(name)
            try:
                return build(section, self)
            except RulesError:
                raise
            except (AttributeError, TypeError, ValueError, KeyError, IndexError) as exc:
                # A value of the wrong shape that the builder's own checks did not foresee.
                raise RulesError(f"{section.path}: a value has the wrong shape ({exc.__class__.__name__}: {exc}); "
                                 f"compare it with the same key in the default {name}.yaml") from None
        if name not in self._compiled:
            self._compiled[name] = checked()
        return self._compiled[name]


def rule_paths(folder: Path) -> list[Path]:
    """Return the rule files of a folder (its .yaml and .yml files), sorted; RulesError when it is no folder."""
    if not folder.is_dir():
        raise RulesError(f"{folder}: rules folder not found; pass an existing folder to --rules")
    return [path for path in sorted(folder.iterdir()) if path.suffix in (".yaml", ".yml") and path.is_file()]


def check_name(path: Path) -> None:
    """Raise RulesError when a rule file's name is not one the package reads."""
    if path.stem not in RULE_FILES:
        raise RulesError(f"{path}: unknown rule file; name it one of {', '.join(f + '.yaml' for f in RULE_FILES)}")


def read_folder(folder: Path) -> list[tuple[Path, Any]]:
    """Return (path, parsed YAML) for each rule file of a folder; RulesError for a bad name or broken YAML."""
    files = []
    for path in rule_paths(Path(folder)):
        check_name(path)
        files.append((path, load_yaml(path)))
    return files


def load_rules(user_dirs: Iterable[Path | str] = ()) -> Rules:
    """Return the default rules with the user's folders laid over them, in order."""
    return Rules(user_dirs)


def compile_pattern(pattern, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Return a rule file's regular expression compiled; one that is no string or does not compile is a RulesError
    naming where it stands and the fix."""
    if not isinstance(pattern, str):
        raise RulesError(f"{where}: expected a regular expression (a string), got {type(pattern).__name__}")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RulesError(f"{where}: {pattern!r} is not a regular expression (bad regex: {exc}); quote it in single "
                         "quotes and escape ( ) [ ] with a backslash") from None
