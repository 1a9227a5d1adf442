"""Exit codes and the one exception hierarchy; imports nothing from the package."""
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1          # bad rules, missing model, no readable input, `rules check` found a problem
    USAGE = 2          # click's own code for bad options
    CONFLICT = 3       # compare --fail-on-conflict found a conflict
    SKIPPED = 4        # the run went through, but an input, line or record was skipped (said on stderr)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
    BROKEN_PIPE = 141  # the reader of stdout went away (`| head -1`), 128 + SIGPIPE as shells report it


class TroopclaimsError(Exception):
    """An error the user can fix; its message names the file and the fix."""

    exit_code = ExitCode.ERROR


class RulesError(TroopclaimsError):
    """A rule file is broken: bad YAML, an unknown key or a bad value."""


class ModelError(TroopclaimsError):
    """The spaCy pipeline asked for is not installed."""


class InputError(TroopclaimsError):
    """An input file or record cannot be used."""


class OutputError(TroopclaimsError):
    """An output file cannot be written where the user asked."""


class OptionError(TroopclaimsError):
    """Options that cannot go together or cannot be honoured (an output file of a format the command does not
    write); the command line shows it as a usage error."""

    exit_code = ExitCode.USAGE
