"""Exit codes and the one exception hierarchy; imports nothing from the package."""
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1          # bad rules, missing model, no readable input
    USAGE = 2          # click's own code for bad options
    CONFLICT = 3       # compare --fail-on-conflict found a conflict


class TroopclaimsError(Exception):
    """An error the user can fix; its message names the file and the fix."""

    exit_code = ExitCode.ERROR


class RulesError(TroopclaimsError):
    """A rule file is broken: bad YAML, an unknown key or a bad value."""


class ModelError(TroopclaimsError):
    """The spaCy pipeline asked for is not installed."""


class InputError(TroopclaimsError):
    """An input file or record cannot be used."""
