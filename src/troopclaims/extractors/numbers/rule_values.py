"""The values of rules/numbers.yaml, checked as they are read: mappings, lists, numbers, intervals, patterns."""
from __future__ import annotations

import re
from typing import Any

from troopclaims.errors import RulesError
from troopclaims.extractors.numbers.phrases import compile_pattern
from troopclaims.rules import LineDict, location


def rule_patterns(section: LineDict, key: str) -> tuple[re.Pattern, ...]:
    """Return the compiled regular expressions of a name -> pattern section (not_numbers, not_figures)."""
    table = rule_mapping(section, key)
    compiled = []
    for name, pattern in table.items():
        if not isinstance(pattern, str):
            raise RulesError(f"{location(table, name)}: {key}.{name} must be one regular expression")
        compiled.append(compile_pattern(pattern, location(table, name), f"{key}.{name}"))
    return tuple(compiled)


def rule_mapping(node: Any, key: str) -> dict:
    value = node.get(key, {}) if isinstance(node, dict) else {}
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RulesError(f"{location(node, key)}: {key} must be a mapping")
    return value


def rule_strings(node: Any, key: str) -> list[str]:
    value = node.get(key, []) if isinstance(node, dict) else []
    if value is None:
        return []
    if not isinstance(value, list):
        raise RulesError(f"{location(node, key)}: {key} must be a list of strings")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise RulesError(f"{location(value, index, location(node, key))}: {key} item {item!r} must be a "
                             f"non-empty string (quote it)")
    return list(value)


def rule_fraction(value: Any, node: Any, key: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{location(node, key)}: {key!r} must map to a number, got {value!r}")
    return float(value)


def rule_factor(node: Any, key: str) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RulesError(f"{location(node, key)}: {key} must be a factor of the figure (e.g. 0.9) or null")
    return float(value)


def rule_interval(pair: Any, node: Any, key: Any) -> tuple[float | None, float | None]:
    if not (isinstance(pair, list) and len(pair) == 2 and
            all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in pair)):
        raise RulesError(f"{location(node, key)}: {key!r} needs [low, high] (numbers or null)")
    low, high = (None if v is None else float(v) for v in pair)
    if low is not None and high is not None and low > high:
        raise RulesError(f"{location(node, key)}: {key!r} has low above high")
    return low, high


def rule_number_or_none(node: Any, key: str) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{location(node, key)}: {key} must be a number or null")
    return float(value)
